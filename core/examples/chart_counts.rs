//! Prints the size of the progress charts for a generated ten-year diary (points, path
//! lengths, ticks, table rows): what the shell will have to draw. Times nothing.
//!
//! ```sh
//! cargo run -p trinvis-core --release --example chart_counts
//! ```

use trinvis_core::diary::{baseline, Baseline};
use trinvis_core::gen::generate_years_with_sessions;
use trinvis_core::progress::{amount_chart, pain_chart, ChartRange};
use trinvis_core::time::Date;

fn main() {
    let (Some(start), Some(today)) = (Date::new(2016, 11, 23), Date::new(2026, 11, 22)) else {
        return;
    };
    let (diary, activities) = generate_years_with_sessions(start, 10, 3, 2026);
    let days = diary.days();
    let sessions: Vec<_> = diary.sessions().cloned().collect();
    let base = match baseline(&days) {
        Baseline::Ready(p) => Some(p.mean),
        Baseline::Pending { .. } => None,
    };
    println!(
        "diary: {} check-ins, {} days, {} sessions",
        diary.len(),
        days.len(),
        sessions.len()
    );
    for range in ChartRange::ALL {
        let c = pain_chart(&days, today, range, base);
        println!(
            "pain {:<13} bucket {:>2} d, points {:>4}, dots d {:>5} B, mean line d {:>5} B ({} pieces), x ticks {:>2}, rows {:>3}",
            range.key(),
            c.bucket_days,
            c.points.len(),
            c.dots.len(),
            c.mean_line.len(),
            c.mean_line.matches('M').count(),
            c.frame.x_ticks.len(),
            c.rows.len()
        );
    }
    if let Some(activity) = activities.activities.first() {
        for range in ChartRange::ALL {
            let c = amount_chart(activity, &sessions, activity.goal, today, range);
            println!(
                "amount {:<11} points {:>4}, line d {:>5} B, rungs {:>2}, x ticks {:>2}, rows {:>3}",
                range.key(),
                c.points.len(),
                c.line.len(),
                c.rungs.len(),
                c.frame.x_ticks.len(),
                c.rows.len()
            );
        }
    }
}
