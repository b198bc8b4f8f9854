//! Texts of the progress screen (domain.md §6, §7): the responder status, the weekly
//! review, SMART goals and the charts. Kept apart from [`super::T`] so both can grow
//! side by side; same style: one (Danish, English) pair per key, `{name}` holes for
//! [`super::fill`].

use super::{amount_error, fill, pick, storage_error};
use crate::state::GoalSaveError;
use trinvis_core::progress::{Face, GoalError};
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
}

/// The text for `key` in `lang`.
pub fn ptext(lang: Lang, key: P) -> &'static str {
    use P::*;
    let (da, en) = match key {
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
    };
    pick(lang, da, en)
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

/// The message for a goal form that cannot be saved as it is.
pub fn goal_error(lang: Lang, e: GoalError) -> String {
    let s = match e {
        GoalError::ActivityMissing => pick(
            lang,
            "Vælg den aktivitet, målet handler om.",
            "Choose the activity the goal is about.",
        ),
        GoalError::SituationEmpty => pick(
            lang,
            "Beskriv situationen med et par ord.",
            "Describe the situation in a few words.",
        ),
        GoalError::SituationTooLong => pick(
            lang,
            "Beskrivelsen er for lang. Gør den gerne kortere.",
            "The description is too long. Please shorten it.",
        ),
        GoalError::Target(a) => {
            let mut out = pick(lang, "Hvor meget: ", "How much: ").to_string();
            out.push_str(amount_error(lang, a));
            return out;
        }
        GoalError::WhyEmpty => pick(
            lang,
            "Skriv kort, hvorfor målet betyder noget for dig.",
            "Write briefly why the goal matters to you.",
        ),
        GoalError::WhyTooLong => pick(
            lang,
            "Teksten om hvorfor er for lang. Gør den gerne kortere.",
            "The text about why is too long. Please shorten it.",
        ),
        GoalError::ConfidenceMissing => pick(
            lang,
            "Vælg, hvor sikker du er, fra 0 til 10.",
            "Choose how sure you are, from 0 to 10.",
        ),
        GoalError::ConfidenceOutOfRange => pick(
            lang,
            "Vælg et tal fra 0 til 10.",
            "Choose a number from 0 to 10.",
        ),
        GoalError::DueMissing => pick(lang, "Vælg en dato.", "Choose a date."),
        GoalError::DueTooSoon => pick(
            lang,
            "Vælg en dato mindst {days} dage frem, så der er tid til at komme frem.",
            "Choose a date at least {days} days ahead, so there is time to get there.",
        ),
        GoalError::DueTooLate => pick(
            lang,
            "Vælg en dato højst {months} måneder frem. Et større mål kan deles op i flere mindre.",
            "Choose a date at most {months} months ahead. A bigger goal can be split into smaller ones.",
        ),
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
    use trinvis_core::coach::AmountError;

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
