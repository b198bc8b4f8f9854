//! A QR code of a plan link (domain.md §10), with the pure-Rust `qrcodegen` crate: the
//! module matrix and an SVG path, so the shell draws it without a canvas or a network.

use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// The modules of a QR code: `size` × `size`, `true` is dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    size: usize,
    modules: Vec<bool>,
}

/// The QR code of `text` (byte mode, error correction level M: 15 % of the code may be
/// damaged), or `None` when the text is too long for any QR code.
pub fn qr_matrix(text: &str) -> Option<QrMatrix> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = usize::try_from(code.size()).ok()?;
    let side = code.size();
    let modules = (0..side)
        .flat_map(|y| (0..side).map(move |x| (x, y)))
        .map(|(x, y)| code.get_module(x, y))
        .collect();
    Some(QrMatrix { size, modules })
}

impl QrMatrix {
    /// Modules per side (21 for version 1, 4 more per version).
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module in column `x`, row `y` is dark (`false` outside the code).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size
            && y < self.size
            && self
                .modules
                .get(y * self.size + x)
                .copied()
                .unwrap_or(false)
    }

    /// An SVG path of the dark modules, one unit per module, the code's top left corner
    /// at (0, 0): each horizontal run of dark modules is one rectangle
    /// (`M3,0h7v1h-7z`). Fill it black on a white background.
    pub fn svg_path(&self) -> String {
        let mut out = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while self.is_dark(x, y) {
                    x += 1;
                }
                let run = x - start;
                out.push_str(&format!("M{start},{y}h{run}v1h-{run}z"));
            }
        }
        out
    }

    /// A whole SVG image: white background with the quiet zone, the code in black; it
    /// scales to whatever size the page gives it.
    pub fn svg(&self) -> String {
        let side = self.size + 2 * QUIET_ZONE;
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-{QUIET_ZONE} -{QUIET_ZONE} {side} {side}\" shape-rendering=\"crispEdges\"><rect x=\"-{QUIET_ZONE}\" y=\"-{QUIET_ZONE}\" width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{}\" fill=\"#000\"/></svg>",
            self.svg_path()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_gives_a_version_1_code_with_its_finder_patterns() {
        let qr = qr_matrix("HELLO").unwrap();
        assert_eq!(qr.size(), 21);
        // The top-left finder pattern: a dark 7×7 ring around a light ring and a dark core.
        for i in 0..7 {
            assert!(qr.is_dark(i, 0) && qr.is_dark(0, i) && qr.is_dark(6, i) && qr.is_dark(i, 6));
        }
        assert!(!qr.is_dark(1, 1) && qr.is_dark(3, 3) && !qr.is_dark(7, 0));
        assert!(!qr.is_dark(21, 0) && !qr.is_dark(0, 99));
    }

    #[test]
    fn the_svg_path_covers_exactly_the_dark_modules() {
        let qr = qr_matrix("https://example.org/#plan=v1.abc.12345678").unwrap();
        let mut dark = vec![false; qr.size() * qr.size()];
        for rect in qr.svg_path().split('z').filter(|r| !r.is_empty()) {
            let rest = rect.strip_prefix('M').unwrap();
            let (xy, rest) = rest.split_once('h').unwrap();
            let (x, y) = xy.split_once(',').unwrap();
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for i in x..x + run {
                assert!(!dark[y * qr.size() + i], "overlap");
                dark[y * qr.size() + i] = true;
            }
        }
        for y in 0..qr.size() {
            for x in 0..qr.size() {
                assert_eq!(dark[y * qr.size() + x], qr.is_dark(x, y), "{x},{y}");
            }
        }
        assert!(qr.svg().starts_with("<svg ") && qr.svg().contains(&qr.svg_path()));
    }

    #[test]
    fn a_text_too_long_for_any_qr_code_gives_none() {
        assert_eq!(qr_matrix(&"x".repeat(3000)), None);
    }
}

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::coach::{Amount, PlanB, Unit};
    use crate::transfer::{encode_plan, PlanActivity, PlanLink};

    #[test]
    fn a_three_activity_plan_link_fits_a_scannable_qr_code() {
        let activity = |name: &str, unit: Unit, baseline: u32| PlanActivity {
            name: name.into(),
            unit,
            baseline: Amount::from_milli(baseline).unwrap(),
            per_week: 3,
            step: None,
            goal: Amount::from_milli(baseline * 3).ok(),
            plan_b: PlanB::Fraction,
        };
        let plan = PlanLink {
            activities: vec![
                activity("Gåtur", Unit::Minutes, 15_000),
                activity("Cykling", Unit::Km, 2_500),
                activity("Knæbøjninger", Unit::Repetitions, 8_000),
            ],
            goal: None,
            limits: None,
            note: "Husk at skrive okay senere næste morgen.".into(),
        };
        let url = format!("https://trinvis.example/{}", encode_plan(&plan));
        let qr = qr_matrix(&url).unwrap();
        println!(
            "3-activity plan URL: {} characters, QR {}x{} modules",
            url.len(),
            qr.size(),
            qr.size()
        );
        // Version 15 or below (77 modules) scans well from a phone screen or paper.
        assert!(qr.size() <= 77, "{}", qr.size());
    }
}
