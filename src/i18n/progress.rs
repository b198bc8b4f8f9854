//! Texts of the progress screen (domain.md §6, §7): the responder status, the weekly
//! review, SMART goals and the charts. Kept apart from [`super::T`] so both can grow
//! side by side; same style: one (Danish, English) pair per key, `{name}` holes for
//! [`super::fill`].

use super::format::{amount, day_month, format_decimal, month_year, short_month};
use super::{amount_error, fill, storage_error, text};
use crate::state::GoalSaveError;
use trinvis_core::coach::Amount;
use trinvis_core::progress::{Face, GoalError, Label, Moved, ReviewChart, Trend, Value};
use trinvis_core::rules::{GOAL_MAX_MONTHS, GOAL_MIN_DAYS};
use trinvis_core::time::Lang;

/// A text key of the progress screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum P {
    Nav,
    RespHeading,
    RespBaseline,
    RespTooFew,
    RespYes,
    RespYesKeep,
    RespNotYet,
    RespNo,
    RespNoBlame,
    RespNoTalk,
    RespScale,
    RespLow,
    RespLowDo,
    ChangeLower,
    ChangeHigher,
    ChangeSame,
    RevHeading,
    RevIntro,
    FacePain,
    FaceDoMore,
    FaceRoom,
    FaceFit,
    FaceStrong,
    FaceConfident,
    Better,
    Same,
    Worse,
    RevSave,
    RevSkip,
    RevSaved,
    RevSkipped,
    RevDone,
    RevEmpty,
    GoalsHeading,
    GoalsIntro,
    GoalsEmpty,
    GoalsNeedActivity,
    GoToToday,
    GoalAdd,
    GoalEditSummary,
    GoalQuestions,
    GoalActivityLabel,
    GoalActivityHint,
    GoalChoose,
    GoalSituationLabel,
    GoalSituationHint,
    GoalTargetLabel,
    GoalTargetHint,
    GoalWhyLabel,
    GoalWhyHint,
    GoalConfidenceLegend,
    GoalConfidenceHint,
    GoalDueLabel,
    GoalDueHint,
    GoalLowConfidence,
    GoalSmaller,
    GoalLater,
    GoalSmallerUsed,
    GoalLaterUsed,
    GoalSave,
    GoalSaveChanges,
    GoalAdded,
    GoalChanged,
    GoalReachedDone,
    GoalDroppedDone,
    GoalStartNow,
    GoalStepsLeft,
    GoalWhy,
    PaceNoData,
    PaceOnTrack,
    PaceBehind,
    PaceReached,
    GoalEdit,
    GoalReach,
    GoalDrop,
    GoalHistory,
    GoalWasReached,
    GoalWasDropped,
    ChartsHeading,
    RangeLegend,
    Range4,
    Range3m,
    RangeYear,
    RangeAll,
    PainChart,
    PainLegend,
    AmountChart,
    AmountLegend,
    AmountNone,
    ReviewChart,
    ReviewLegend,
    ShowTable,
    ColWhen,
    ColPain,
    ColAmount,
    ColFace,
    ColAnswers,
    GlanceHeading,
    GlanceFell,
    GlanceRose,
    GlanceSame,
    GlanceWaiting,
    LevelGoal,
    LevelNow,
    LevelStart,
    LevelBaseline,
    GridWeek,
    GridBetter,
    GridSame,
    GridWorse,
    GridNone,
    FaceShortPain,
    FaceShortDoMore,
    FaceShortRoom,
    FaceShortFit,
    FaceShortStrong,
    FaceShortConfident,
    WeekLabel,
    ReviewCounts,
    TrendNoData,
    TrendMean,
    TrendFell,
    TrendRose,
    TrendSteady,
    AmountTrend,
    ReviewMostBetter,
    ReviewNoBetter,
    GoalErrActivityMissing,
    GoalErrSituationEmpty,
    GoalErrSituationTooLong,
    GoalErrTargetPrefix,
    GoalErrWhyEmpty,
    GoalErrWhyTooLong,
    GoalErrConfidenceMissing,
    GoalErrConfidenceOutOfRange,
    GoalErrDueMissing,
    GoalErrDueTooSoon,
    GoalErrDueTooLate,
}

texts! {
    apart P in Progress;
        Nav => ("Fremgang", "Progress"),
        RespHeading => ("Hvordan går det over tid?", "How is it going over time?"),
        RespBaseline => (
            "Vi kender ikke dit udgangspunkt endnu. Tjek ind på {n} {n:dag|dage} mere. Så kan vi se, hvordan det går over tid.",
            "We do not know your baseline yet. Check in on {n} more {n:day|days}. Then we can see how it goes over time.",
        ),
        RespTooFew => (
            "Du har tjekket ind på {n} af de sidste {days} {days:dag|dage}. Når du tjekker ind på mindst {min} af {days} {days:dag|dage}, kan vi sige, hvordan det går. Pauser er helt i orden.",
            "You have checked in on {n} of the last {days} {days:day|days}. When you check in on at least {min} of {days} {days:day|days}, we can tell how it is going. Breaks are fine.",
        ),
        RespYes => (
            "Din smerte er {change}: i gennemsnit fra {from} til {to}. Det er en mærkbar bedring.",
            "Your pain is {change}: on average from {from} to {to}. That is a meaningful improvement.",
        ),
        RespYesKeep => (
            "Mere behandling er ikke automatisk bedre, når det går fremad. Bliv ved med det, der virker for dig.",
            "More treatment is not automatically better once things improve. Keep doing what works for you.",
        ),
        RespNotYet => (
            "Indtil nu er din smerte {change}. Bedring tager ofte nogle uger. Bliv ved, så følger vi med.",
            "So far your pain is {change}. Improvement often takes some weeks. Keep going, and we will follow along.",
        ),
        RespNo => (
            "Efter {weeks} {weeks:uge|uger} er din smerte {change}.",
            "After {weeks} {weeks:week|weeks} your pain is {change}.",
        ),
        RespNoBlame => (
            "Det er ikke din skyld. Kroppe reagerer forskelligt, og der er hjælp at hente.",
            "It is not your fault. Bodies respond differently, and help is available.",
        ),
        RespNoTalk => (
            "Tal med din fysioterapeut om en plan, der er lagt til rette for netop dig. Hos folk, der ikke fik det bedre med den almindelige behandling, kunne en tilpasset plan give bedre funktion, også selv om smerten ikke blev mindre.",
            "Talk to your physiotherapist about a plan tailored to you. In people who did not improve with standard care, a tailored plan could bring better function, even when the pain did not ease.",
        ),
        RespScale => (
            "En mærkbar bedring er {points} point lavere end ved start, eller {percent} % lavere, når det er mindst {min} point.",
            "A meaningful improvement is {points} points lower than at the start, or {percent} % lower when that is at least {min} {min:point|points}.",
        ),
        RespLow => (
            "Efter {weeks} {weeks:uge|uger} er din smerte {change}. Du startede lavt, på {from}, så der er ikke meget smerte at tage af.",
            "After {weeks} {weeks:week|weeks} your pain is {change}. You started low, at {from}, so there is little pain to lose.",
        ),
        RespLowDo => (
            "Se hellere på, hvad du kan: mere af det, der betyder noget for dig. Dine mål og din ugentlige opfølgning viser det bedre end smertetallet.",
            "Look instead at what you can do: more of what matters to you. Your goals and your weekly review show that better than the pain score.",
        ),
        ChangeLower => (
            "{p} point lavere end ved start (cirka {pc} %)",
            "{p} {p:point|points} lower than at the start (about {pc} %)",
        ),
        ChangeHigher => (
            "{p} point højere end ved start (cirka {pc} %)",
            "{p} {p:point|points} higher than at the start (about {pc} %)",
        ),
        ChangeSame => ("den samme som ved start", "the same as at the start"),
        RevHeading => ("Ugentlig opfølgning", "Weekly review"),
        RevIntro => (
            "Tænk på ugen, der gik, og sammenlign med ugen før. Det tager et minut.",
            "Think about the past week and compare it with the week before. It takes a minute.",
        ),
        FacePain => ("Smerten", "The pain"),
        FaceDoMore => ("At gøre det, der betyder noget for mig", "Doing what matters to me"),
        FaceRoom => ("Hvor meget smerten fylder", "How much space the pain takes up"),
        FaceFit => ("Min form", "My fitness"),
        FaceStrong => ("Min styrke", "My strength"),
        FaceConfident => ("Tryghed ved at bruge kroppen", "Confidence using my body"),
        Better => ("Bedre", "Better"),
        Same => ("Uændret", "Same"),
        Worse => ("Værre", "Worse"),
        RevSave => ("Gem ugens svar", "Save this week's answers"),
        RevSkip => ("Spring over i denne uge", "Skip this week"),
        RevSaved => ("Tak. Dine svar er gemt.", "Thank you. Your answers are saved."),
        RevSkipped => (
            "Sprunget over. Vi spørger igen i næste uge.",
            "Skipped. We will ask again next week.",
        ),
        RevDone => (
            "Den ugentlige opfølgning er klaret. Næste gang er på mandag.",
            "This week's review is done. The next one is on Monday.",
        ),
        RevEmpty => (
            "Svar på mindst ét spørgsmål, eller spring over i denne uge.",
            "Answer at least one question, or skip this week.",
        ),
        GoalsHeading => ("Dine mål", "Your goals"),
        GoalsIntro => (
            "Et godt mål er noget, du gerne vil kunne, i en bestemt situation, inden en bestemt dato.",
            "A good goal is something you want to be able to do, in a certain situation, by a certain date.",
        ),
        GoalsEmpty => ("Du har ingen mål endnu.", "You have no goals yet."),
        GoalsNeedActivity => (
            "Et mål hører til en aktivitet. Tilføj først en aktivitet under I dag.",
            "A goal belongs to an activity. First add an activity under Today.",
        ),
        GoToToday => ("Gå til I dag", "Go to Today"),
        GoalAdd => ("Sæt et nyt mål", "Set a new goal"),
        GoalEditSummary => ("Ret målet", "Edit the goal"),
        GoalQuestions => (
            "Start med to spørgsmål: Hvad forhindrer smerten mig i? Hvad vil jeg gerne kunne gøre mere af?",
            "Start with two questions: What does the pain stop me from doing? What would I like to be able to do more of?",
        ),
        GoalActivityLabel => ("Hvad vil du gerne kunne gøre mere af?", "What would you like to do more of?"),
        GoalActivityHint => ("Vælg en af dine aktiviteter.", "Choose one of your activities."),
        GoalChoose => ("Vælg en aktivitet", "Choose an activity"),
        GoalSituationLabel => ("Hvad forhindrer smerten dig i nu?", "What does the pain stop you from doing now?"),
        GoalSituationHint => (
            "Beskriv situationen, fx: gå til bageren med børnebørnene.",
            "Describe the situation, for example: walk to the bakery with the grandchildren.",
        ),
        GoalTargetLabel => ("Hvor meget vil du kunne?", "How much would you like to manage?"),
        GoalTargetHint => (
            "I {unit}. Brug komma til decimaler, fx 2,5.",
            "In {unit}. Use a point for decimals, for example 2.5.",
        ),
        GoalWhyLabel => ("Hvorfor betyder det noget for dig?", "Why does it matter to you?"),
        GoalWhyHint => ("Med dine egne ord.", "In your own words."),
        GoalConfidenceLegend => ("Hvor sikker er du på at nå målet?", "How sure are you that you will reach it?"),
        GoalConfidenceHint => (
            "0 er slet ikke sikker, 10 er helt sikker.",
            "0 is not sure at all, 10 is completely sure.",
        ),
        GoalDueLabel => ("Hvornår vil du have nået det?", "By when would you like to get there?"),
        GoalDueHint => (
            "Vælg en dato mellem {days} dage og {months} måneder fra i dag.",
            "Choose a date between {days} days and {months} months from today.",
        ),
        GoalLowConfidence => (
            "Et mål, du tror på, er lettere at nå. Vil du gøre målet lidt mindre, eller give dig mere tid?",
            "A goal you believe in is easier to reach. Would you like to make it a little smaller, or give yourself more time?",
        ),
        GoalSmaller => ("Mindre mål: {amount}", "Smaller goal: {amount}"),
        GoalLater => ("Mere tid: til {date}", "More time: until {date}"),
        GoalSmallerUsed => ("Målet er nu {amount}.", "The goal is now {amount}."),
        GoalLaterUsed => ("Datoen er nu {date}.", "The date is now {date}."),
        GoalSave => ("Gem målet", "Save the goal"),
        GoalSaveChanges => ("Gem ændringer", "Save changes"),
        GoalAdded => ("Målet er gemt.", "The goal is saved."),
        GoalChanged => ("Ændringen er gemt.", "The change is saved."),
        GoalReachedDone => (
            "Godt gået! Målet er markeret som nået.",
            "Well done! The goal is marked as reached.",
        ),
        GoalDroppedDone => (
            "Målet er lagt til side. Du kan stadig se det under tidligere mål.",
            "The goal is set aside. You can still see it under earlier goals.",
        ),
        GoalStartNow => (
            "Start: {start}. Nu: {now}. Mål: {target} senest {due}.",
            "Start: {start}. Now: {now}. Goal: {target} by {due}.",
        ),
        GoalStepsLeft => ("Trin tilbage på trappen: {n}.", "Steps left on the ladder: {n}."),
        GoalWhy => ("Derfor: {why}", "Why: {why}"),
        PaceNoData => (
            "Det er for tidligt at sige, hvordan det går. Skriv dine træninger ind, så følger vi med.",
            "It is too early to tell how it is going. Log your sessions, and we will follow along.",
        ),
        PaceOnTrack => (
            "I det tempo når du målet til tiden, omkring {date}.",
            "At this pace you will reach the goal in time, around {date}.",
        ),
        PaceBehind => (
            "I det tempo tager det lidt længere end planlagt. Det er i orden: du kan give dig mere tid eller gøre målet mindre.",
            "At this pace it will take a little longer than planned. That is fine: you can give yourself more time or make the goal smaller.",
        ),
        PaceReached => ("Du er nået op på målet. Godt gået!", "You have reached the goal. Well done!"),
        GoalEdit => ("Ret", "Edit"),
        GoalReach => ("Jeg har nået det", "I have reached it"),
        GoalDrop => ("Læg målet til side", "Set the goal aside"),
        GoalHistory => ("Tidligere mål", "Earlier goals"),
        GoalWasReached => ("nået {date}", "reached {date}"),
        GoalWasDropped => ("lagt til side {date}", "set aside {date}"),
        ChartsHeading => ("Over tid", "Over time"),
        RangeLegend => ("Vis periode", "Show period"),
        Range4 => ("4 uger", "4 weeks"),
        Range3m => ("3 måneder", "3 months"),
        RangeYear => ("1 år", "1 year"),
        RangeAll => ("Alt", "All"),
        PainChart => ("Smerte pr. dag", "Pain per day"),
        PainLegend => (
            "Prikker: dagens smerte. Linje: gennemsnit over 7 dage. Stiplet linje: dit udgangspunkt. Huller er dage uden check-in.",
            "Dots: the day's pain. Line: 7-day average. Dashed line: your baseline. Gaps are days without check-ins.",
        ),
        AmountChart => ("Mængde: {name}, i {unit}", "Amount: {name}, in {unit}"),
        AmountLegend => (
            "Store prikker: gik godt. Gule prikker: et nej. Små grå prikker: venter på svar. Tynde linjer: trinene på trappen. Stiplet linje: målet.",
            "Large dots: went well. Yellow dots: a no. Small grey dots: waiting for an answer. Thin lines: the ladder's steps. Dashed line: the goal.",
        ),
        AmountNone => ("Ingen træninger i perioden.", "No sessions in this period."),
        ReviewChart => ("Ugentlige opfølgninger", "Weekly reviews"),
        ReviewLegend => (
            "▲ bedre · ● uændret · ▼ værre · tomt felt: ikke besvaret. Én kolonne pr. uge.",
            "▲ better · ● same · ▼ worse · empty: not answered. One column per week.",
        ),
        ShowTable => ("Vis som tabel", "Show as a table"),
        ColWhen => ("Hvornår", "When"),
        ColPain => ("Smerte", "Pain"),
        ColAmount => ("Mængde", "Amount"),
        ColFace => ("Spørgsmål", "Question"),
        ColAnswers => ("Svar", "Answers"),
        GlanceHeading => ("Bliver det bedre?", "Is it getting better?"),
        GlanceFell => (
            "Smerten er faldet {p} point ({pc} %) siden start: {from} → {to}",
            "Pain has fallen {p} points ({pc} %) since the start: {from} → {to}",
        ),
        GlanceRose => (
            "Smerten er steget {p} point ({pc} %) siden start: {from} → {to}",
            "Pain has risen {p} points ({pc} %) since the start: {from} → {to}",
        ),
        GlanceSame => (
            "Smerten er den samme som ved start: {from} → {to}",
            "Pain is the same as at the start: {from} → {to}",
        ),
        GlanceWaiting => (
            "Tjek ind et par dage mere, så kan du se her, om smerten er på vej ned.",
            "Check in on a few more days and you will see here whether pain is going down.",
        ),
        LevelGoal => ("Mål", "Goal"),
        LevelNow => ("Nu", "Now"),
        LevelStart => ("Start", "Start"),
        LevelBaseline => ("Udgangspunkt", "Baseline"),
        GridWeek => ("Uge", "Week"),
        GridBetter => ("bedre", "better"),
        GridSame => ("uændret", "same"),
        GridWorse => ("værre", "worse"),
        GridNone => ("ikke besvaret", "not answered"),
        FaceShortPain => ("Smerte", "Pain"),
        FaceShortDoMore => ("Gøremål", "Doing"),
        FaceShortRoom => ("Fylder", "Space"),
        FaceShortFit => ("Form", "Fitness"),
        FaceShortStrong => ("Styrke", "Strength"),
        FaceShortConfident => ("Tryghed", "Confidence"),
        WeekLabel => ("uge {n}", "week {n}"),
        ReviewCounts => ("{b} bedre, {s} uændret, {w} værre", "{b} better, {s} same, {w} worse"),
        TrendNoData => ("Ingen check-ins i perioden", "No check-ins in this period"),
        TrendMean => ("Gennemsnitlig smerte {mean}", "Average pain {mean}"),
        TrendFell => ("Gennemsnitlig smerte faldt fra {from} til {to} over {weeks} {weeks:uge|uger}", "Average pain fell from {from} to {to} over {weeks} {weeks:week|weeks}"),
        TrendRose => ("Gennemsnitlig smerte steg fra {from} til {to} over {weeks} {weeks:uge|uger}", "Average pain rose from {from} to {to} over {weeks} {weeks:week|weeks}"),
        TrendSteady => ("Gennemsnitlig smerte lå stabilt omkring {to} over {weeks} {weeks:uge|uger}", "Average pain stayed around {to} over {weeks} {weeks:week|weeks}"),
        AmountTrend => ("Fra {from} til {to} {unit} over {weeks} {weeks:uge|uger}", "From {from} to {to} {unit} over {weeks} {weeks:week|weeks}"),
        ReviewMostBetter => ("Oftest bedre: {face}, {n} af {weeks} {weeks:uge|uger}", "Most often better: {face}, {n} of {weeks} {weeks:week|weeks}"),
        ReviewNoBetter => ("Ingen svar om bedring i perioden", "No answers of better in this period"),
        GoalErrActivityMissing => ("Vælg den aktivitet, målet handler om.", "Choose the activity the goal is about."),
        GoalErrSituationEmpty => ("Beskriv situationen med et par ord.", "Describe the situation in a few words."),
        GoalErrSituationTooLong => ("Beskrivelsen er for lang. Gør den gerne kortere.", "The description is too long. Please shorten it."),
        GoalErrTargetPrefix => ("Hvor meget: ", "How much: "),
        GoalErrWhyEmpty => ("Skriv kort, hvorfor målet betyder noget for dig.", "Write briefly why the goal matters to you."),
        GoalErrWhyTooLong => ("Teksten om hvorfor er for lang. Gør den gerne kortere.", "The text about why is too long. Please shorten it."),
        GoalErrConfidenceMissing => ("Vælg, hvor sikker du er, fra 0 til 10.", "Choose how sure you are, from 0 to 10."),
        GoalErrConfidenceOutOfRange => ("Vælg et tal fra 0 til 10.", "Choose a number from 0 to 10."),
        GoalErrDueMissing => ("Vælg en dato.", "Choose a date."),
        GoalErrDueTooSoon => ("Vælg en dato mindst {days} dage frem, så der er tid til at komme frem.", "Choose a date at least {days} days ahead, so there is time to get there."),
        GoalErrDueTooLate => ("Vælg en dato højst {months} måneder frem. Et større mål kan deles op i flere mindre.", "Choose a date at most {months} months ahead. A bigger goal can be split into smaller ones."),
}

/// The review question for a face of progress.
pub fn face_key(face: Face) -> P {
    match face {
        Face::LessPain => P::FacePain,
        Face::DoMore => P::FaceDoMore,
        Face::LessRoom => P::FaceRoom,
        Face::Fitter => P::FaceFit,
        Face::Stronger => P::FaceStrong,
        Face::Confident => P::FaceConfident,
    }
}

/// The short name of a face of progress, for charts and tables ("Smerte", "Gøremål", …).
pub fn face_short(face: Face) -> P {
    match face {
        Face::LessPain => P::FaceShortPain,
        Face::DoMore => P::FaceShortDoMore,
        Face::LessRoom => P::FaceShortRoom,
        Face::Fitter => P::FaceShortFit,
        Face::Stronger => P::FaceShortStrong,
        Face::Confident => P::FaceShortConfident,
    }
}

/// A chart's tick or row label in words: `3. nov.`, `nov.`, `nov. 2026`, `uge 47`,
/// `2027`, `4`, `2,5`, `Smerte`.
pub fn label(lang: Lang, l: Label) -> String {
    match l {
        Label::Day(d) => day_month(lang, d),
        Label::Month(m) => short_month(lang, m),
        Label::MonthYear(d) => month_year(lang, d),
        Label::Week(n) => fill(text(lang, P::WeekLabel), &[("n", &n.to_string())]),
        Label::Year(y) => y.to_string(),
        Label::Pain(p) => p.to_string(),
        Label::Amount(a) => amount(lang, a),
        Label::Zero => "0".into(),
        Label::Face(f) => text(lang, face_short(f)).into(),
    }
}

/// A chart table's value in words: `4,3`, `11`, `3 bedre, 2 samme, 1 værre`.
pub fn value(lang: Lang, v: Value) -> String {
    match v {
        Value::Mean(m) => format_decimal(m, lang),
        Value::Amount(a) => amount(lang, a),
        Value::Answers([b, s, w]) => fill(
            text(lang, P::ReviewCounts),
            &[
                ("b", &b.to_string()),
                ("s", &s.to_string()),
                ("w", &w.to_string()),
            ],
        ),
    }
}

/// The pain chart's summary: `Gennemsnitlig smerte faldt fra 6,0 til 3,5 over 6 uger` /
/// `Average pain fell from 6.0 to 3.5 over 6 weeks` (fell or rose by at least
/// `rules::TREND_STEADY_POINTS`, [`Trend::moved`]).
pub fn trend_sentence(lang: Lang, t: Trend) -> String {
    let n = |x: f64| format_decimal(x, lang);
    match (t, t.moved()) {
        (Trend::NoData, _) => text(lang, P::TrendNoData).into(),
        (Trend::Mean(m), _) => fill(text(lang, P::TrendMean), &[("mean", &n(m))]),
        (Trend::Change { from, to, weeks }, moved) => {
            let key = match moved {
                Some(Moved::Fell) => P::TrendFell,
                Some(Moved::Rose) => P::TrendRose,
                _ => P::TrendSteady,
            };
            fill(
                text(lang, key),
                &[
                    ("from", &n(from)),
                    ("to", &n(to)),
                    ("weeks", &weeks.to_string()),
                ],
            )
        }
    }
}

/// An amount chart's summary: `Fra 10 til 14 minutter over 5 uger` / `From 10 to 14
/// minutes over 5 weeks`; `unit` is the unit's word in `lang`.
pub fn amount_sentence(lang: Lang, from: Amount, to: Amount, weeks: i64, unit: &str) -> String {
    fill(
        text(lang, P::AmountTrend),
        &[
            ("from", &amount(lang, from)),
            ("to", &amount(lang, to)),
            ("unit", unit),
            ("weeks", &weeks.to_string()),
        ],
    )
}

/// The review chart's summary: `Oftest bedre: Styrke, 5 af 8 uger` / `Most often better:
/// Strength, 5 of 8 weeks`, or that no week was answered better.
pub fn review_sentence(lang: Lang, c: &ReviewChart) -> String {
    match c.most_better() {
        Some((face, n)) => fill(
            text(lang, P::ReviewMostBetter),
            &[
                ("face", text(lang, face_short(face))),
                ("n", &n.to_string()),
                ("weeks", &c.weeks.to_string()),
            ],
        ),
        None => text(lang, P::ReviewNoBetter).into(),
    }
}

/// The message for a goal form that cannot be saved as it is.
pub fn goal_error(lang: Lang, e: GoalError) -> String {
    let s = match e {
        GoalError::ActivityMissing => text(lang, P::GoalErrActivityMissing),
        GoalError::SituationEmpty => text(lang, P::GoalErrSituationEmpty),
        GoalError::SituationTooLong => text(lang, P::GoalErrSituationTooLong),
        GoalError::Target(a) => {
            let mut out = text(lang, P::GoalErrTargetPrefix).to_string();
            out.push_str(amount_error(lang, a));
            return out;
        }
        GoalError::WhyEmpty => text(lang, P::GoalErrWhyEmpty),
        GoalError::WhyTooLong => text(lang, P::GoalErrWhyTooLong),
        GoalError::ConfidenceMissing => text(lang, P::GoalErrConfidenceMissing),
        GoalError::ConfidenceOutOfRange => text(lang, P::GoalErrConfidenceOutOfRange),
        GoalError::DueMissing => text(lang, P::GoalErrDueMissing),
        GoalError::DueTooSoon => text(lang, P::GoalErrDueTooSoon),
        GoalError::DueTooLate => text(lang, P::GoalErrDueTooLate),
    };
    fill(
        s,
        &[
            ("days", &GOAL_MIN_DAYS.to_string()),
            ("months", &GOAL_MAX_MONTHS.to_string()),
        ],
    )
}

/// The message for a goal that was not saved.
pub fn goal_save_error(lang: Lang, e: &GoalSaveError) -> String {
    match e {
        GoalSaveError::Goal(e) => goal_error(lang, *e),
        GoalSaveError::Storage(e) => storage_error(lang, e).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Texts;
    use trinvis_core::coach::AmountError;
    use trinvis_core::progress::{review_chart, Answer, ChartRange, Review};
    use trinvis_core::rules::TREND_STEADY_POINTS;
    use trinvis_core::time::Date;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn a(units: u32) -> Amount {
        Amount::from_milli(units * 1000).unwrap()
    }

    #[test]
    fn the_pain_trend_is_worded_in_both_languages() {
        // (trend, Danish, English)
        let cases = [
            (
                Trend::Change {
                    from: 6.0,
                    to: 3.5,
                    weeks: 6,
                },
                "Gennemsnitlig smerte faldt fra 6,0 til 3,5 over 6 uger",
                "Average pain fell from 6.0 to 3.5 over 6 weeks",
            ),
            (
                Trend::Change {
                    from: 3.0,
                    to: 3.5,
                    weeks: 1,
                },
                "Gennemsnitlig smerte steg fra 3,0 til 3,5 over 1 uge",
                "Average pain rose from 3.0 to 3.5 over 1 week",
            ),
            (
                Trend::Change {
                    from: 3.0,
                    to: 3.4,
                    weeks: 2,
                },
                "Gennemsnitlig smerte lå stabilt omkring 3,4 over 2 uger",
                "Average pain stayed around 3.4 over 2 weeks",
            ),
            (
                Trend::Mean(4.25),
                "Gennemsnitlig smerte 4,3",
                "Average pain 4.3",
            ),
            (
                Trend::NoData,
                "Ingen check-ins i perioden",
                "No check-ins in this period",
            ),
        ];
        for (trend, da, en) in cases {
            assert_eq!(trend_sentence(Lang::Da, trend), da);
            assert_eq!(trend_sentence(Lang::En, trend), en);
        }
        // Steady or not follows the rule's number, not a number written here.
        let just = Trend::Change {
            from: 5.0,
            to: 5.0 - TREND_STEADY_POINTS,
            weeks: 2,
        };
        assert!(trend_sentence(Lang::En, just).contains("fell"));
    }

    #[test]
    fn the_amount_trend_and_the_review_summary_are_worded_in_both_languages() {
        assert_eq!(
            amount_sentence(
                Lang::Da,
                a(10),
                Amount::from_milli(12_500).unwrap(),
                3,
                "minutter"
            ),
            "Fra 10 til 12,5 minutter over 3 uger"
        );
        assert_eq!(
            amount_sentence(Lang::En, a(10), a(14), 1, "minutes"),
            "From 10 to 14 minutes over 1 week"
        );
        let monday = d(2026, 11, 2);
        let b = Some(Answer::Better);
        let reviews = [
            Review {
                week: monday,
                answers: [b, b, None, None, None, b],
            },
            Review::skipped(monday.add_days(7)),
            Review {
                week: monday.add_days(14),
                answers: [b, None, None, None, b, b],
            },
        ];
        let chart = review_chart(&reviews, d(2026, 11, 22), ChartRange::Weeks4);
        assert_eq!(
            review_sentence(Lang::Da, &chart),
            "Oftest bedre: Smerte, 2 af 3 uger"
        );
        assert_eq!(
            review_sentence(Lang::En, &chart),
            "Most often better: Pain, 2 of 3 weeks"
        );
        let none = review_chart(&[], d(2026, 11, 22), ChartRange::All);
        assert_eq!(
            review_sentence(Lang::Da, &none),
            "Ingen svar om bedring i perioden"
        );
        assert_eq!(
            review_sentence(Lang::En, &none),
            "No answers of better in this period"
        );
    }

    #[test]
    fn chart_labels_and_values_are_worded_in_both_languages() {
        // (label, Danish, English)
        let cases = [
            (Label::Day(d(2026, 11, 3)), "3. nov.", "3 Nov"),
            (Label::Month(5), "maj", "May"),
            (Label::Month(12), "dec.", "Dec"),
            (Label::MonthYear(d(2026, 11, 1)), "nov. 2026", "Nov 2026"),
            (Label::Week(47), "uge 47", "week 47"),
            (Label::Year(2027), "2027", "2027"),
            (Label::Pain(4), "4", "4"),
            (
                Label::Amount(Amount::from_milli(2_500).unwrap()),
                "2,5",
                "2.5",
            ),
            (Label::Zero, "0", "0"),
            (Label::Face(Face::Confident), "Tryghed", "Confidence"),
            (Label::Face(Face::DoMore), "Gøremål", "Doing"),
        ];
        for (l, da, en) in cases {
            assert_eq!(label(Lang::Da, l), da, "{l:?}");
            assert_eq!(label(Lang::En, l), en, "{l:?}");
        }
        assert_eq!(value(Lang::Da, Value::Mean(4.25)), "4,3");
        assert_eq!(value(Lang::En, Value::Amount(a(11))), "11");
        assert_eq!(
            value(Lang::Da, Value::Answers([1, 0, 1])),
            "1 bedre, 0 uændret, 1 værre"
        );
        assert_eq!(
            value(Lang::En, Value::Answers([3, 2, 1])),
            "3 better, 2 same, 1 worse"
        );
        for face in Face::ALL {
            let (da, en) = face_short(face).pair();
            assert!(!da.is_empty() && !en.is_empty() && da != "?");
        }
    }

    #[test]
    fn every_goal_error_is_a_sentence_in_both_languages() {
        for e in [
            GoalError::ActivityMissing,
            GoalError::SituationEmpty,
            GoalError::SituationTooLong,
            GoalError::Target(AmountError::Zero),
            GoalError::WhyEmpty,
            GoalError::WhyTooLong,
            GoalError::ConfidenceMissing,
            GoalError::ConfidenceOutOfRange,
            GoalError::DueMissing,
            GoalError::DueTooSoon,
            GoalError::DueTooLate,
        ] {
            let (da, en) = (goal_error(Lang::Da, e), goal_error(Lang::En, e));
            assert!(da.ends_with('.') && en.ends_with('.'), "{e:?}");
            assert_ne!(da, en, "{e:?}");
        }
        assert_eq!(
            goal_error(Lang::Da, GoalError::Target(AmountError::Zero)),
            "Hvor meget: Mængden skal være mere end 0."
        );
    }
}
