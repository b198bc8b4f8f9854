//! Every text the shell shows, in Danish and English.
//!
//! One shape for every screen area: each module of `src/i18n/` has one key enum that
//! implements [`Texts`] (one match giving both languages, so a missing translation is a
//! compile error), and every text is read the same way: [`text`]`(lang, key)`, or
//! `components::tr(state, key)` for a reactive one. Holes, plurals, numbers and dates are
//! formatted in [`format`]. Core errors carry keys (enums); [`score_error`],
//! [`draft_error`] and [`storage_error`] turn them into sentences here, at the edge; the
//! core's values (a chart's [`trinvis_core::progress::Trend`], a `Face`, a date) are worded
//! here too.

pub mod format;
pub mod shell;
pub mod summary;
pub mod transfer;

use crate::state::CoachError;
use crate::storage::StorageError;
use std::cell::Cell;
use trinvis_core::coach::{ActivityError, AmountError, PainLimits, SessionError, Unit};
use trinvis_core::model::{DraftError, Region, ScoreError, Side};
use trinvis_core::rules::{BASELINE_MONTHS, PER_WEEK_MAX};
use trinvis_core::safety::{Condition, WarningSign};
use trinvis_core::time::Lang;

pub mod progress;
#[cfg(test)]
mod reassure_test;

/// A text key. Names say where the text is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum T {
    AppTagline,
    SwitchLanguage,
    SwitchLanguageLabel,
    CheckInHeading,
    CheckInIntro,
    PainLegend,
    PainHint,
    MoreLegend,
    SleepLegend,
    SleepHint,
    StressLegend,
    StressHint,
    RoomLegend,
    RoomHint,
    ClearChoice,
    AreasLegend,
    AreasHint,
    NoteLabel,
    NoteHint,
    Save,
    SaveChanges,
    CancelEdit,
    EditingNotice,
    SavedAt,
    Changed,
    RecentHeading,
    RecentEmpty,
    ShowOlder,
    PainShort,
    SleepShort,
    StressShort,
    RoomShort,
    Edit,
    Delete,
    EditAria,
    DeleteAria,
    Deleted,
    Undo,
    Restored,
    BaselineHeading,
    BaselinePendingNone,
    BaselinePendingSome,
    BaselineReady,
    BaselineExplain,
    DataHeading,
    DataWhere,
    PersistAsking,
    PersistGranted,
    PersistDenied,
    PersistUnsupported,
    DownloadAll,
    QuarantineNotice,
    QuarantineDownload,
    NewerSchemaNotice,
    UnreadableKeptNotice,
    LangUnsavedNotice,
    Reload,
    StorageUnavailableNotice,
    NotSavedRetry,
    Loading,
    CoachHeading,
    CoachIntro,
    CoachEmpty,
    BadDayToggle,
    BadDayOn,
    NoticedBadDay,
    FlareFlare,
    FlareCreep,
    TodayAmount,
    PlanStart,
    PlanKeep,
    PlanStepUp,
    PlanHold,
    PlanBAndTalk,
    PlanWaiting,
    PlanBadDay,
    PlanAtGoal,
    CausesIntro,
    CauseTooHeavy,
    CauseTooOften,
    CauseTooFast,
    CauseTooLittleRest,
    LadderLabel,
    LadderHere,
    LadderSummary,
    LogSummary,
    PlanMore,
    WhyShort,
    LogShort,
    AmountLabel,
    AmountHint,
    PainDuringLegend,
    PainDuringHint,
    OkayNowLegend,
    Yes,
    No,
    Guide,
    LightSafe,
    LightLow,
    GuideCareful,
    GuideOwnCareful,
    NoticedBadDayCareful,
    LightAcceptable,
    LightTooMuch,
    DoneYesterday,
    SaveSession,
    SessionSaved,
    PainDuringMissing,
    OkayNowMissing,
    ConfirmJump,
    WaitingHeading,
    WaitingShort,
    WaitingHint,
    WaitingLegend,
    AnswerSaved,
    AddSummary,
    NameLabel,
    NameHint,
    SuggestWalk,
    SuggestCycle,
    SuggestExercise,
    SuggestWork,
    UnitLabel,
    UnitOwn,
    UnitOwnLabel,
    BaselineLabel,
    BaselineHint,
    PerWeekLabel,
    GoalLabel,
    GoalHint,
    PlanBLegend,
    PlanBHalf,
    PlanBEasier,
    PlanBNameLabel,
    PlanBAmountLabel,
    AddActivity,
    ActivityAdded,
    ArchiveAria,
    Archive,
    ArchiveHint,
    ArchivedNotice,
    ArchiveSummary,
    DeletedNotice,
    StepLabel,
    StepHint,
    ActivityChanged,
    EditSummary,
    SaveActivity,
    GuideOwn,
    NavLabel,
    NavToday,
    NavLearn,
    NavCheck,
    CheckHeading,
    CheckIntro,
    CheckUrgent,
    CheckSoon,
    CheckNone,
    CheckMissing,
    CheckYesTo,
    CheckSummaryNote,
    ClearDoctor,
    ClearPassed,
    ClearedDoctor,
    ClearedPassed,
    ClearedEither,
    ClearUrgentNote,
    BannerUrgent,
    BannerSoon,
    BannerLink,
    BannerLabel,
    Call112,
    CallOwnDoctor,
    CallLaegevagt,
    CallOtherRegions,
    OfferBadDay,
    OfferNewArea,
    OfferLink,
    LearnHeading,
    LearnIntro,
    LearnYours,
    LearnGeneral,
    LearnOther,
    LearnLoading,
    LearnFailed,
    LearnSource,
    LearnHidden,
    LearnPageHidden,
    LearnBack,
    LearnNotFound,
    LearnFlare,
    LearnTraining,
    LearnReadingTime,
    WelcomeHeading,
    WelcomeWhat,
    WelcomeNot,
    WelcomePrivate,
    WelcomeStep,
    ConditionsLegend,
    ConditionsHint,
    WelcomeCheckIn,
    WelcomeActivity,
    WelcomeActivityHint,
    Next,
    Skip,
    Finish,
    SkipWelcome,
    WelcomeAgain,
    FlareFlareCareful,
    SignSaddle,
    SignBladder,
    SignStrength,
    SignSevere,
    SignNumb,
    SignFever,
    SignAccident,
    SignStrengthNeck,
    SignNeckCord,
    CondNeck,
    CondLowBack,
    CondSciatica,
    CondNeckRoot,
    CondStenosis,
    CondKnee,
    CondHip,
    CondNotSure,
    TodayPlanB,
    FullPlanLine,
    PlanHoldForSign,
    HoldSignLink,
    PlanWaitingAsk,
    AskToday,
    AskTomorrow,
    AskOn,
    SavedAdjustNow,
    SavedPainHigh,
    DonePlanB,
    StartBelow,
    LadderLeft,
    NoticedBadDayPlain,
}

pub use format::{fill, percent, pick, plural};

/// A text table's key: each area of `src/i18n/` has one key enum implementing this, with
/// one match giving both languages as written. Read through [`text`].
pub trait Texts: Copy + 'static {
    /// The (Danish, English) pair for the key, as written.
    fn pair(self) -> (&'static str, &'static str);

    /// The neutral twin of a reassuring text, shown instead while a warning sign is ticked;
    /// `None` for a text that does not reassure (the default).
    fn calm_twin(self) -> Option<Self> {
        None
    }

    /// The Danish text, as written.
    fn da(self) -> &'static str {
        self.pair().0
    }

    /// The English text, as written.
    fn en(self) -> &'static str {
        self.pair().1
    }
}

thread_local! {
    /// Whether reassuring texts may show: no warning sign is ticked (domain.md §8). Set by
    /// `AppState` before every change of the profile; `false` until then.
    static MAY_REASSURE: Cell<bool> = const { Cell::new(false) };
}

/// Tells [`text`] whether reassuring texts may show
/// (`trinvis_core::safety::may_reassure`).
pub fn set_may_reassure(yes: bool) {
    MAY_REASSURE.with(|c| c.set(yes));
}

/// What [`set_may_reassure`] last said.
pub fn may_reassure_now() -> bool {
    MAY_REASSURE.with(Cell::get)
}

/// The neutral twin of a reassuring text (one that calls pain safe, normal or passing),
/// shown instead of it while a warning sign is ticked; `None` for a text that does not
/// reassure. `reassure_test` fails on a text with a reassurance word that is neither here
/// nor in its list of checked exceptions.
pub fn calm_twin(key: T) -> Option<T> {
    match key {
        T::NoticedBadDay => Some(T::NoticedBadDayCareful),
        T::FlareFlare => Some(T::FlareFlareCareful),
        T::Guide => Some(T::GuideCareful),
        T::GuideOwn => Some(T::GuideOwnCareful),
        T::LightSafe => Some(T::LightLow),
        _ => None,
    }
}

/// The sentence for `key` in `lang`, or its neutral twin ([`Texts::calm_twin`]) while a
/// warning sign is ticked. `{n}`-style holes are filled by [`fill`].
pub fn text<K: Texts>(lang: Lang, key: K) -> &'static str {
    text_as(lang, key, may_reassure_now())
}

/// [`text`] with `may_reassure` given.
pub fn text_as<K: Texts>(lang: Lang, key: K, may_reassure: bool) -> &'static str {
    let key = match key.calm_twin() {
        Some(twin) if !may_reassure => twin,
        _ => key,
    };
    let (da, en) = key.pair();
    pick(lang, da, en)
}

impl Texts for T {
    fn calm_twin(self) -> Option<T> {
        calm_twin(self)
    }

    // One (Danish, English) pair per key: the match becomes a table.
    fn pair(self) -> (&'static str, &'static str) {
        use T::*;
        match self {
        AppTagline => ("Trin for trin, på din egen måde.", "Step by step, your own way."),
        SwitchLanguage => ("English", "Dansk"),
        SwitchLanguageLabel => ("Switch to English", "Skift til dansk"),
        CheckInHeading => ("Hvordan har du det?", "How are you doing?"),
        CheckInIntro => ("Et hurtigt tjek tager et halvt minut. Du kan tjekke ind flere gange om dagen.",
            "A quick check-in takes half a minute. You can check in several times a day.",
        ),
        PainLegend => ("Smerte lige nu", "Pain right now"),
        PainHint => ("0 er ingen smerte, 10 er den værste smerte, du kan forestille dig.",
            "0 is no pain, 10 is the worst pain you can imagine.",
        ),
        MoreLegend => ("Mere, hvis du har lyst (valgfrit)", "More, if you like (optional)"),
        SleepLegend => ("Hvor godt sov du?", "How well did you sleep?"),
        SleepHint => ("0 er meget dårligt, 10 er rigtig godt.", "0 means very badly, 10 very well."),
        StressLegend => ("Hvor stresset er du?", "How stressed are you?"),
        StressHint => ("0 er slet ikke, 10 er meget.", "0 means not at all, 10 very stressed."),
        RoomLegend => ("Hvor meget fylder smerten i din hverdag?",
            "How much space does the pain take up in your daily life?",
        ),
        RoomHint => ("0 er slet ikke, 10 er det hele.", "0 means none at all, 10 all of it."),
        ClearChoice => ("Ryd valget", "Clear choice"),
        AreasLegend => ("Hvor gør det mest ondt? (valgfrit)", "Where does it hurt most? (optional)"),
        AreasHint => ("Vælg gerne flere. Så kan du følge fx ben og ryg hver for sig.",
            "Choose several if you like, so you can follow, say, your leg and your back separately.",
        ),
        NoteLabel => ("Note (valgfri)", "Note (optional)"),
        NoteHint => ("Fx hvad du lavede, eller hvad der hjalp.",
            "For example what you did, or what helped.",
        ),
        Save => ("Gem", "Save"),
        SaveChanges => ("Gem ændringer", "Save changes"),
        CancelEdit => ("Annuller", "Cancel"),
        EditingNotice => ("Du retter et check-in fra {when}.", "You are editing a check-in from {when}."),
        SavedAt => ("Gemt kl. {time}.", "Saved at {time}."),
        Changed => ("Ændringen er gemt.", "Your change is saved."),
        RecentHeading => ("Dine seneste check-ins", "Your recent check-ins"),
        RecentEmpty => ("Ingen check-ins endnu. Dit første tjek er starten på dit overblik.",
            "No check-ins yet. Your first one starts your overview.",
        ),
        ShowOlder => ("Vis ældre", "Show older"),
        PainShort => ("Smerte", "Pain"),
        SleepShort => ("Søvn", "Sleep"),
        StressShort => ("Stress", "Stress"),
        RoomShort => ("Fylder", "Space"),
        Edit => ("Ret", "Edit"),
        Delete => ("Slet", "Delete"),
        EditAria => ("Ret check-in: {time}", "Edit check-in: {time}"),
        DeleteAria => ("Slet check-in: {time}", "Delete check-in: {time}"),
        Deleted => ("Dit check-in er slettet.", "Your check-in is deleted."),
        Undo => ("Fortryd", "Undo"),
        Restored => ("Dit check-in er gendannet.", "Your check-in is restored."),
        BaselineHeading => ("Dit udgangspunkt", "Your baseline"),
        BaselinePendingNone => ("Når du har tjekket ind på {days} forskellige {days:dag|dage}, viser vi her dit udgangspunkt.",
            "Once you have checked in on {days} different {days:day|days}, your baseline appears here.",
        ),
        BaselinePendingSome => ("Du har tjekket ind på {done} af {days} {days:dag|dage}. {left} {left:dag|dage} mere, så er dit udgangspunkt klar.",
            "You have checked in on {done} of {days} {days:day|days}. {left} more {left:day|days} and your baseline is ready.",
        ),
        BaselineReady => ("{from} til {to}: gennemsnitlig smerte {mean}, fra {min} til {max}.",
            "{from} to {to}: average pain {mean}, from {min} to {max}.",
        ),
        BaselineExplain => ("Det er dit udgangspunkt. Fremskridt ser vi over uger og måneder, ikke på en enkelt dag.",
            "This is your baseline. Progress shows over weeks and months, not on a single day.",
        ),
        DataHeading => ("Dine data", "Your data"),
        DataWhere => ("Alt, du skriver, bliver på denne enhed i denne browser. Intet sendes nogen steder hen.",
            "Everything you enter stays on this device, in this browser. Nothing is sent anywhere.",
        ),
        PersistAsking => ("Spørger browseren om at passe på dine data …", "Asking the browser to keep your data …"),
        PersistGranted => ("Browseren har lovet at gemme dine data varigt.",
            "The browser has agreed to keep your data.",
        ),
        PersistDenied => ("Browseren har ikke lovet at gemme dine data varigt. De bliver normalt liggende, men hent gerne en kopi en gang imellem.",
            "The browser has not promised to keep your data. It normally stays, but download a copy now and then.",
        ),
        PersistUnsupported => ("Denne browser kan ikke love at gemme data varigt. Hent gerne en kopi en gang imellem.",
            "This browser cannot promise to keep data. Download a copy now and then.",
        ),
        DownloadAll => ("Hent en kopi af mine data", "Download a copy of my data"),
        QuarantineNotice => ("Noget af det gemte kunne ikke læses. Vi har lagt det til side uden at ændre det, så intet er tabt. Du kan hente teksten og give den til os eller din fysioterapeut.",
            "Some saved data could not be read. We have put it aside unchanged, so nothing is lost. You can download the text and pass it on to us or your physiotherapist.",
        ),
        QuarantineDownload => ("Hent den ulæselige tekst", "Download the unreadable text"),
        NewerSchemaNotice => ("Dine data er gemt af en nyere version af Trinvis. Genindlæs siden for at få den nye version. Indtil da gemmer denne side ingenting, så intet bliver overskrevet.",
            "Your data was saved by a newer version of Trinvis. Reload the page to get it. Until then this page saves nothing, so nothing is overwritten.",
        ),
        UnreadableKeptNotice => ("Noget af det gemte kunne ikke læses, og der var ikke plads til at lægge en kopi til side. Det ligger urørt, og Trinvis skriver ikke hen over det. Hent en kopi af dine data under „Dine data“, og giv filen til din fysioterapeut.",
            "Some saved data could not be read, and there was no room to put a copy aside. It is left untouched, and Trinvis will not write over it. Download a copy of your data under \"Your data\" and give the file to your physiotherapist.",
        ),
        LangUnsavedNotice => ("Sproget er skiftet, men valget kunne ikke gemmes. Næste gang åbner Trinvis på det sprog, der var gemt før.",
            "The language has changed, but the choice could not be saved. Next time Trinvis opens in the language saved before.",
        ),
        Reload => ("Genindlæs", "Reload"),
        StorageUnavailableNotice => ("Browseren tillader ikke, at Trinvis gemmer noget (måske privat browsing eller blokerede data). Du kan se appen, men dine check-ins bliver ikke gemt.",
            "This browser does not let Trinvis save anything (perhaps private browsing or blocked site data). You can look around, but check-ins will not be saved.",
        ),
        NotSavedRetry => ("Dit check-in står stadig her, så du kan prøve igen.",
            "Your check-in is still here, so you can try again.",
        ),
        Loading => ("Henter …", "Loading …"),
        CoachHeading => ("Dine aktiviteter i dag", "Your activities today"),
        CoachIntro => ("Dagens forslag til dine aktiviteter. Forslaget bygger på dine egne svar, og du bestemmer selv.", "Today's suggestions for your activities. They are based on your own answers, and the choice is yours."),
        CoachEmpty => ("Du har ingen aktiviteter endnu. Tilføj fx en gåtur, så foreslår vi en plan for hver dag.", "No activities yet. Add one, say a walk, and we will suggest a plan for each day."),
        BadDayToggle => ("Det er en dårlig dag", "This is a bad day"),
        BadDayOn => ("I dag foreslår vi plan B. At holde sig i gang i det små er bedre end at stoppe helt.", "Today we suggest plan B. Keeping going on a small scale beats stopping altogether."),
        NoticedBadDay => ("Din smerte i dag ligger et godt stykke over den seneste uge. Det sker, og det går som regel over igen. Vi foreslår plan B i dag.", "Your pain today is well above the past week. That happens, and it usually settles again. We suggest plan B today."),
        FlareFlare => ("En opblussen er en midlertidig forværring. Det er almindeligt under genoptræning og som regel ufarligt. Gør plan B, bliv ved med at bevæge dig roligt, og gå tilbage til planen trin for trin, når det har lagt sig.", "A flare-up is a temporary worsening. It is common during rehabilitation and usually harmless. Do plan B, keep moving gently, and return to the plan step by step once it has settled."),
        FlareCreep => ("Din smerte er steget lidt efter lidt over flere uger. Det er noget andet end en opblussen: skru ned for den samlede belastning, og tal med din fysioterapeut om det.", "Your pain has risen little by little over several weeks. That is different from a flare-up: reduce your total load, and talk it over with your physiotherapist."),
        TodayAmount => ("I dag: {amount}", "Today: {amount}"),
        PlanStart => ("Vi begynder ved dit udgangspunkt, {amount}.", "We begin at your baseline, {amount}."),
        PlanKeep => ("Hold dig til {amount}. Når det er gået godt {green} gange i træk på forskellige dage, tager vi et lille trin op.", "Stick with {amount}. Once it has gone well {green} times in a row on different days, we take a small step up."),
        PlanStepUp => ("Det er gået godt {green} gange i træk ved {from}. Prøv et lille trin op til {to}.", "It has gone well {green} times in a row at {from}. Try a small step up to {to}."),
        PlanHold => ("Sidst blev det lidt for meget. Det sker for alle. Hold dig til {at}, det sidste, der gik godt.", "Last time was a bit too much. That happens to everyone. Stick with {at}, the last amount that went well."),
        PlanBAndTalk => ("{nos} gange i træk blev det for meget. Tag plan B et stykke tid, og tal med din fysioterapeut, hvis det bliver ved.", "{nos} times in a row it was too much. Use plan B for a while, and talk to your physiotherapist if it keeps happening."),
        PlanWaiting => ("Du har ikke svaret på “Okay senere?” fra sidst endnu. Indtil da: hold dig til {amount}.", "You have not yet answered “Okay later?” about last time. Until then, stick with {amount}."),
        PlanBadDay => ("En dårlig dag: gør plan B i stedet. Lidt er bedre end ingenting.", "A bad day: do plan B instead. A little is better than nothing."),
        PlanAtGoal => ("Du har nået dit mål. Hold det ved lige med {amount}.", "You have reached your goal. Keep it up with {amount}."),
        CausesIntro => ("Din dagbog peger på, hvad der kan have været for meget for hurtigt:", "Your diary points to what may have been too much too soon:"),
        CauseTooHeavy => ("for tungt: et stort spring over planen", "too heavy: a big jump above the plan"),
        CauseTooOften => ("for tit: træning dagen efter en anden træning", "too often: a session on the day after another one"),
        CauseTooFast => ("for hurtigt: op ad trappen, før kroppen var klar til næste trin", "too fast: up the ladder before your body was ready for the next step"),
        CauseTooLittleRest => ("for lidt hvile: flere gange end planlagt", "too little rest: more sessions than planned"),
        LadderLabel => ("Trappen fra udgangspunkt til mål", "The ladder from baseline to goal"),
        LadderHere => ("du er her", "you are here"),
        LadderSummary => ("Trin {n} af {of}: {amount}.", "Step {n} of {of}: {amount}."),
        LogSummary => ("Skriv en træning ind", "Log a session"),
        PlanMore => ("Hvorfor? Trappen", "Why? The ladder"),
        WhyShort => ("Hvorfor?", "Why?"),
        LogShort => ("Skriv ind", "Log"),
        AmountLabel => ("Hvor meget? ({unit})", "How much? ({unit})"),
        AmountHint => ("Decimaler med komma er fine, fx 2,5.", "Decimals are fine, for example 2.5."),
        PainDuringLegend => ("Smerte under aktiviteten", "Pain during the activity"),
        PainDuringHint => ("0 er ingen smerte, 10 er den værste smerte, du kan forestille dig.", "0 is no pain, 10 is the worst pain you can imagine."),
        OkayNowLegend => ("Okay nu? Kunne du tåle smerten, og var du tryg ved belastningen?", "Okay now? Could you tolerate the pain, and did the load feel safe?"),
        Yes => ("Ja", "Yes"),
        No => ("Nej", "No"),
        Guide => ("Tommelfingerregel: smerte 0-{safe} under aktiviteten er sikker, {next}-{ok} er acceptabel, og over {ok} er mere end anbefalet. Næste morgen bør smerten være tilbage på dit sædvanlige niveau. Svaret er dit eget.", "Rule of thumb: pain of 0-{safe} during the activity is safe, {next}-{ok} is acceptable, and above {ok} is more than advised. By the next morning it should be back at its usual level. The answer is yours."),
        LightSafe => ("Smerte {n}: i den sikre zone.", "Pain {n}: in the safe zone."),
        LightLow => ("Smerte {n}: lav.", "Pain {n}: low."),
        GuideCareful => ("Guide: smerte 0-{safe} under aktiviteten er lav, {next}-{ok} er acceptabel, over {ok} er mere end guiden anbefaler. Næste morgen bør smerten være tilbage på dit sædvanlige niveau. Svaret er dit eget.", "Guide: pain 0-{safe} during the activity is low, {next}-{ok} is acceptable, above {ok} is more than the guide advises. By the next morning it should be back at your usual level. The answer is yours."),
        GuideOwnCareful => ("Din fysioterapeut har sat dine grænser: op til {safe} er lav, op til {ok} er acceptabel.", "Your physiotherapist has set your limits: up to {safe} is low, up to {ok} is acceptable."),
        NoticedBadDayCareful => ("Din smerte i dag ligger et godt stykke over den seneste uge. Vi foreslår plan B i dag.", "Your pain today is well above the past week. We suggest plan B today."),
        LightAcceptable => ("Smerte {n}: acceptabel.", "Pain {n}: acceptable."),
        LightTooMuch => ("Smerte {n}: mere end anbefalet. Overvej lidt mindre næste gang.", "Pain {n}: more than advised. Think about doing a little less next time."),
        DoneYesterday => ("Det var i går", "I did it yesterday"),
        SaveSession => ("Gem træning", "Save session"),
        SessionSaved => ("Gemt. Vi spørger “Okay senere?” {when}.", "Saved. We will ask “Okay later?” {when}."),
        PainDuringMissing => ("Vælg, hvor ondt det gjorde under aktiviteten (0 til 10).", "Choose how much it hurt during the activity (0 to 10)."),
        OkayNowMissing => ("Svar ja eller nej til “Okay nu?”.", "Answer yes or no to “Okay now?”."),
        ConfirmJump => ("Ja, gem alligevel", "Yes, save anyway"),
        WaitingShort => ("{day}: {name}, {amount}", "{day}: {name}, {amount}"),
        WaitingHint => ("Kunne du klare smerten i timerne og dagen efter?", "Could you cope with the pain in the hours and the day after?"),
        WaitingHeading => ("Okay senere?", "Okay later?"),
        WaitingLegend => ("{day}: {name}, {amount}. Okay senere? Kunne du klare smerten i timerne og dagen efter?", "{day}: {name}, {amount}. Okay later? Could you cope with the pain in the hours and the day after?"),
        AnswerSaved => ("Tak, dit svar er gemt.", "Thank you, your answer is saved."),
        AddSummary => ("Tilføj en aktivitet", "Add an activity"),
        NameLabel => ("Navn", "Name"),
        NameHint => ("Fx gåtur, cykling, en øvelse eller en opgave på arbejdet.", "For example walking, cycling, an exercise or a task at work."),
        SuggestWalk => ("Gåtur", "Walking"),
        SuggestCycle => ("Cykling", "Cycling"),
        SuggestExercise => ("En øvelse", "An exercise"),
        SuggestWork => ("En opgave på arbejdet", "A task at work"),
        UnitLabel => ("Enhed", "Unit"),
        UnitOwn => ("Eget ord", "Own word"),
        UnitOwnLabel => ("Dit eget ord for enheden", "Your own word for the unit"),
        BaselineLabel => ("Udgangspunkt", "Baseline"),
        BaselineHint => ("Hvad har du klaret komfortabelt de sidste {months} måneder? Ikke det, du kunne før smerterne.", "What have you managed comfortably over the last {months} months? Not what you did before the pain."),
        PerWeekLabel => ("Hvor mange gange om ugen?", "How many times a week?"),
        GoalLabel => ("Mål (valgfrit)", "Goal (optional)"),
        GoalHint => ("Hvor vil du gerne hen? Fx 30 minutter.", "Where would you like to get to? For example 30 minutes."),
        PlanBLegend => ("Plan B til dårlige dage", "Plan B for bad days"),
        PlanBHalf => ("Halvdelen af dagens mængde", "Half of the day's amount"),
        PlanBEasier => ("En lettere aktivitet", "An easier activity"),
        PlanBNameLabel => ("Hvad i stedet? (fx gåtur i stedet for løb)", "What instead? (e.g. a walk instead of a run)"),
        PlanBAmountLabel => ("Hvor meget af det?", "How much of it?"),
        AddActivity => ("Tilføj aktivitet", "Add activity"),
        ActivityAdded => ("Aktiviteten er tilføjet.", "Activity added."),
        ArchiveAria => ("Arkivér {name}", "Archive {name}"),
        Archive => ("Arkivér", "Archive"),
        ArchiveHint => ("Arkivering gemmer al historik. Aktiviteten bliver bare ikke planlagt mere.", "Archiving keeps all history. The activity is simply no longer planned."),
        ArchivedNotice => ("{name} er arkiveret. Historikken er gemt.", "{name} is archived. Its history is kept."),
        ArchiveSummary => ("Arkivér eller slet", "Archive or delete"),
        DeletedNotice => ("{name} er slettet.", "{name} is deleted."),
        StepLabel => ("Dit eget trin (valgfrit)", "Your own step (optional)"),
        StepHint => ("Lader du feltet stå tomt, foreslår vi {percent} % ad gangen, mindst én enhed.", "Leave it empty and we suggest {percent} % at a time, at least one unit."),
        ActivityChanged => ("Ændringen er gemt.", "Change saved."),
        EditSummary => ("Ret aktiviteten", "Edit the activity"),
        SaveActivity => ("Gem ændringer", "Save changes"),
        GuideOwn => ("Din fysioterapeut har sat dine grænser: op til {safe} er sikker, op til {ok} er acceptabel.", "Your physiotherapist has set your limits: up to {safe} is safe, up to {ok} is acceptable."),
        NavLabel => ("Hovedmenu", "Main menu"),
        NavToday => ("I dag", "Today"),
        NavLearn => ("Lær om smerter", "Learn about pain"),
        NavCheck => ("Advarselstegn", "Warning signs"),
        CheckHeading => ("Tjek for advarselstegn", "Check for warning signs"),
        CheckIntro => ("Nogle få tegn betyder, at en læge skal se på dig. Svar ja eller nej til hvert spørgsmål. Det tager et minut.", "A few signs mean that a doctor should see you. Answer yes or no to each question. It takes a minute."),
        CheckUrgent => ("Kontakt en læge nu, ikke først i morgen.", "Contact a doctor now, not tomorrow."),
        CheckSoon => ("Kontakt din egen læge snart, og fortæl, hvad du har svaret ja til.", "Contact your own doctor soon, and say what you answered yes to."),
        CheckNone => ("Du har ikke svaret ja til nogen af tegnene. Kommer et af dem senere, så tag tjekket igen.", "You have not answered yes to any of the signs. If one of them appears later, take the check again."),
        CheckMissing => ("{n} spørgsmål mangler et svar.", "{n} {n:question still needs|questions still need} an answer."),
        CheckYesTo => ("Du har svaret ja til:", "You answered yes to:"),
        CheckSummaryNote => ("Det, du har svaret ja til, kommer også med på oversigten til din fysioterapeut.", "What you answered yes to also appears on the summary for your physiotherapist."),
        ClearDoctor => ("En læge har set på det", "A doctor has looked at it"),
        ClearPassed => ("Det er gået over", "It has passed"),
        ClearedDoctor => ("Du har sagt, at en læge har set på det.", "You said that a doctor has looked at it."),
        ClearedPassed => ("Du har sagt, at det er gået over.", "You said that it has passed."),
        ClearedEither => ("Du har sagt, at det er gået over, eller at en læge har set på det.", "You said that it has passed, or that a doctor has seen it."),
        ClearUrgentNote => ("Et tegn, der betyder \"kontakt en læge nu\", kan kun fjernes, når en læge har set på det.", "A sign that means \"contact a doctor now\" can only be removed once a doctor has looked at it."),
        BannerUrgent => ("Du har svaret ja til et advarselstegn, der betyder: kontakt en læge nu.", "You answered yes to a warning sign that means: contact a doctor now."),
        BannerSoon => ("Du har svaret ja til et advarselstegn. Kontakt din læge.", "You answered yes to a warning sign. Contact your doctor."),
        BannerLink => ("Se, hvad du skal gøre", "See what to do"),
        BannerLabel => ("Advarselstegn", "Warning sign"),
        Call112 => ("Ring {n}, hvis det er akut", "Call {n} in an emergency"),
        CallOwnDoctor => ("Ring til din egen læge. Nummeret står på dit sundhedskort.", "Call your own doctor. The number is on your health card (sundhedskort)."),
        CallLaegevagt => ("Har lægen lukket: ring til lægevagten, i Region Hovedstaden på {n}", "If your doctor is closed: call the out-of-hours doctor (lægevagten), in the Capital Region on {n}"),
        CallOtherRegions => ("I de andre regioner har lægevagten sit eget nummer.", "The other regions have their own number for lægevagten."),
        OfferBadDay => ("Din smerte er steget meget i dag. Tag gerne tjekket for advarselstegn for en sikkerheds skyld.", "Your pain has gone up a lot today. Take the warning-sign check, just to be safe."),
        OfferNewArea => ("Du har nævnt et nyt sted, der gør ondt. Tag gerne tjekket for advarselstegn for en sikkerheds skyld.", "You named a new place that hurts. Take the warning-sign check, just to be safe."),
        OfferLink => ("Tag tjekket", "Take the check"),
        LearnHeading => ("Lær om smerter", "Learn about pain"),
        LearnIntro => ("Korte sider om din tilstand og om smerter i det hele taget. Læs det, der giver mening for dig.", "Short pages about your condition and about pain in general. Read what makes sense to you."),
        LearnYours => ("Om det, du har valgt", "About what you chose"),
        LearnGeneral => ("Om smerter og træning", "About pain and exercise"),
        LearnOther => ("Andre tilstande", "Other conditions"),
        LearnLoading => ("Henter siderne …", "Loading the pages …"),
        LearnFailed => ("Siderne kunne ikke hentes. Prøv igen, når du har forbindelse til nettet.", "The pages could not be loaded. Try again when you are online."),
        LearnSource => ("Kilde: {source}", "Source: {source}"),
        LearnHidden => ("Nogle beroligende afsnit er skjult, fordi du har svaret ja til et advarselstegn. Tal med en læge først.", "Some reassuring passages are hidden because you answered yes to a warning sign. Talk to a doctor first."),
        LearnPageHidden => ("Siden vises ikke lige nu", "This page is not shown now"),
        LearnBack => ("Alle sider", "All pages"),
        LearnNotFound => ("Siden findes ikke. Vælg en side på listen.", "That page does not exist. Choose a page from the list."),
        LearnFlare => ("Læs om, når smerten blusser op", "Read about flare-ups"),
        LearnTraining => ("Læs om træning, der gør lidt ondt", "Read about exercise that hurts a little"),
        LearnReadingTime => ("Læsetid: ca. {minutes} min.", "Reading time: about {minutes} min."),
        WelcomeHeading => ("Velkommen til Trinvis", "Welcome to Trinvis"),
        WelcomeWhat => ("Trinvis er en træner, der hjælper dig med selv at styre dine smerter, trin for trin. Den er tænkt som hjemmetræning mellem dine besøg hos fysioterapeuten.", "Trinvis is a coach that helps you manage your pain yourself, step by step. It is meant to support your training at home between physiotherapy appointments."),
        WelcomeNot => ("Trinvis stiller ingen diagnose og er ikke en læge. Er du i tvivl, så spørg din læge eller fysioterapeut.", "Trinvis makes no diagnosis and is not a doctor. If in doubt, ask your doctor or physiotherapist."),
        WelcomePrivate => ("Alt, hvad du skriver, bliver på denne enhed. Der er ingen konto, og intet bliver sendt nogen steder hen.", "Everything you write stays on this device. There is no account, and nothing is sent anywhere."),
        WelcomeStep => ("Trin {n} af {of}", "Step {n} of {of}"),
        ConditionsLegend => ("Hvad drejer det sig om? Vælg en eller flere.", "What is it about? Choose one or more."),
        ConditionsHint => ("Dit valg bestemmer, hvilke sider du ser først. Du kan altid ændre det.", "Your choice decides which pages you see first. You can always change it."),
        WelcomeCheckIn => ("Dit første check-in", "Your first check-in"),
        WelcomeActivity => ("En første aktivitet, hvis du har lyst", "A first activity, if you like"),
        WelcomeActivityHint => ("Fx en gåtur. Du kan også gøre det senere.", "For example a walk. You can also do it later."),
        Next => ("Næste", "Next"),
        Skip => ("Spring over", "Skip"),
        Finish => ("Færdig", "Done"),
        SkipWelcome => ("Spring velkomsten over", "Skip the welcome"),
        WelcomeAgain => ("Velkomst og valg af tilstand", "Welcome and choice of condition"),
        FlareFlareCareful => ("En opblussen er en midlertidig forværring. Gør plan B, bliv ved med at bevæge dig roligt, og gå tilbage til planen trin for trin, når det har lagt sig.", "A flare-up is a temporary worsening. Do plan B, keep moving gently, and return to the plan step by step once it has settled."),
        SignSaddle => ("Føler du mindre eller ingenting i skridtet, omkring endetarmsåbningen eller på indersiden af lårene (ridebukseområdet)?", "Do you feel less or nothing in the saddle area: the crotch, around the back passage or on the inner thighs?"),
        SignBladder => ("Er det nyt, at du har svært ved at holde på eller komme af med urin eller afføring? Eller har du mistet din seksuelle funktion?", "Is it new that you have trouble holding or passing urine or stools? Or have you lost sexual function?"),
        SignStrength => ("Har du pludselig mistet kraft, eller bliver kraften ved med at blive mindre, fx i benet eller foden? Eller er det pludselig blevet sværere at gå end før?", "Have you suddenly lost strength, or does your strength keep getting less, for example in the leg or foot? Or has walking suddenly become harder than before?"),
        SignSevere => ("Har du stærke smerter, der bliver ved med at stige og ikke aftager med tiden?", "Do you have severe pain that keeps rising and does not ease over time?"),
        SignNumb => ("Har du følelsesløshed eller snurren, der bliver værre og ikke aftager?", "Do you have numbness or tingling that is getting worse and does not ease?"),
        SignFever => ("Har du feber, eller har du tabt dig uden at kunne forklare hvorfor?", "Do you have a fever, or have you lost weight without knowing why?"),
        SignAccident => ("Begyndte smerterne med et fald eller en anden ulykke?", "Did the pain start with a fall or another accident?"),
        SignStrengthNeck => ("Har du pludselig mistet kraft, eller bliver kraften ved med at blive mindre, fx i armen eller hånden? Eller er det pludselig blevet sværere at gå end før?", "Have you suddenly lost strength, or does your strength keep getting less, for example in the arm or hand? Or has walking suddenly become harder than before?"),
        SignNeckCord => ("Er dine hænder blevet klodsede, går du mere usikkert end før, eller har du følelsesløshed eller snurren i begge arme eller begge ben?", "Have your hands become clumsy, is your walking less steady than before, or do you have numbness or tingling in both arms or both legs?"),
        CondNeck => ("Ondt i nakken", "Neck pain"),
        CondLowBack => ("Ondt i lænden", "Low back pain"),
        CondSciatica => ("Iskias eller nerverodssmerter fra lænden", "Sciatica or nerve-root pain from the low back"),
        CondNeckRoot => ("Nerverodssmerter fra nakken", "Nerve-root pain from the neck"),
        CondStenosis => ("Forsnævring i lænden (spinalstenose)", "Narrowing in the low back (spinal stenosis)"),
        CondKnee => ("Artrose i knæet", "Knee osteoarthritis"),
        CondHip => ("Artrose i hoften", "Hip osteoarthritis"),
        CondNotSure => ("Ved ikke", "Not sure"),
        TodayPlanB => ("I dag: plan B, {what}", "Today: plan B, {what}"),
        FullPlanLine => ("Den fulde plan er {amount}. Den venter, til det går bedre.", "The full plan is {amount}. It waits until things go better."),
        PlanHoldForSign => ("Du har svaret ja til et advarselstegn. Så længe det ikke er afklaret, går vi ikke op ad trappen: hold dig til {at}.", "You answered yes to a warning sign. Until it is cleared up, we do not step up: stick with {at}."),
        HoldSignLink => ("Se tjekket for advarselstegn", "See the warning-sign check"),
        PlanWaitingAsk => ("Vi spørger “Okay senere?” {when}. Indtil da: hold dig til {amount}.", "We will ask “Okay later?” {when}. Until then, stick with {amount}."),
        AskToday => ("i dag kl. {time}", "today at {time}"),
        AskTomorrow => ("i morgen kl. {time}", "tomorrow at {time}"),
        AskOn => ("{day} kl. {time}", "{day} at {time}"),
        SavedAdjustNow => ("Det var ikke okay nu, så skru ned med det samme: gør mindre, gør noget lettere, eller lad det være nok for i dag.", "It was not okay now, so ease off at once: do less, do something easier, or call it enough for today."),
        SavedPainHigh => ("Smerten var højere, end guiden anbefaler. Overvej lidt mindre næste gang.", "The pain was higher than the guide advises. Consider a little less next time."),
        DonePlanB => ("Det var plan B", "This was plan B"),
        StartBelow => ("Jeg er usikker: start et trin under", "I am unsure: start a step below"),
        LadderLeft => ("{n} trin tilbage til målet.", "Steps left to the goal: {n}."),
        NoticedBadDayPlain => ("Din smerte i dag ligger et godt stykke over den seneste uge. Vi foreslår plan B i dag.", "Your pain today is well above the past week. We suggest plan B today."),
    }
    }
}

/// The message for an invalid score.
pub fn score_error(lang: Lang, e: ScoreError) -> &'static str {
    match e {
        ScoreError::Empty => pick(
            lang,
            "Vælg et tal fra 0 til 10.",
            "Choose a number from 0 to 10.",
        ),
        ScoreError::NotANumber => pick(
            lang,
            "Det er ikke et tal. Vælg et helt tal fra 0 til 10.",
            "That is not a number. Choose a whole number from 0 to 10.",
        ),
        ScoreError::NotWhole => pick(
            lang,
            "Brug et helt tal, fx 4 eller 5.",
            "Use a whole number, for example 4 or 5.",
        ),
        ScoreError::OutOfRange => pick(
            lang,
            "Skalaen går fra 0 til 10. Vælg et tal i det område.",
            "The scale goes from 0 to 10. Choose a number in that range.",
        ),
    }
}

/// The message for a check-in that cannot be saved as it is.
pub fn draft_error(lang: Lang, e: DraftError) -> &'static str {
    match e {
        DraftError::PainMissing => pick(
            lang,
            "Vælg først, hvor ondt det gør lige nu (0 til 10).",
            "First choose how much it hurts right now (0 to 10).",
        ),
        DraftError::NoteTooLong => pick(
            lang,
            "Noten er lidt for lang. Gør den gerne kortere.",
            "The note is a little too long. Please shorten it.",
        ),
    }
}

/// The message for a failed save.
pub fn storage_error(lang: Lang, e: &StorageError) -> &'static str {
    match e {
        StorageError::Unavailable => pick(
            lang,
            "Ikke gemt: browseren tillader ikke at gemme data lige nu.",
            "Not saved: the browser does not allow saving data right now.",
        ),
        StorageError::QuotaExceeded => pick(
            lang,
            "Ikke gemt: der er ikke mere plads til data i browseren. Hent en kopi af dine data, og frigør plads.",
            "Not saved: the browser has no more room for data. Download a copy of your data and free some space.",
        ),
        StorageError::NewerSchema => pick(
            lang,
            "Ikke gemt: en nyere version af Trinvis har gemt data. Genindlæs siden.",
            "Not saved: a newer version of Trinvis has saved data. Reload the page.",
        ),
        StorageError::Conflict => pick(
            lang,
            "Ikke gemt: check-in'et er ændret et andet sted. Se listen og prøv igen.",
            "Not saved: this check-in was changed elsewhere. Check the list and try again.",
        ),
        StorageError::Other(_) => pick(
            lang,
            "Ikke gemt: browseren afviste at gemme. Prøv igen om lidt.",
            "Not saved: the browser refused to save. Please try again shortly.",
        ),
    }
}

/// The name of a unit; an own word as typed.
pub fn unit_name(lang: Lang, unit: &Unit) -> &str {
    match unit {
        Unit::Minutes => pick(lang, "minutter", "minutes"),
        Unit::Repetitions => pick(lang, "gentagelser", "repetitions"),
        Unit::Sets => pick(lang, "sæt", "sets"),
        Unit::Km => "km",
        Unit::Steps => pick(lang, "skridt", "steps"),
        Unit::Kg => "kg",
        Unit::Custom(word) => word,
    }
}

/// The message for an invalid amount.
pub fn amount_error(lang: Lang, e: AmountError) -> &'static str {
    match e {
        AmountError::Empty => pick(lang, "Skriv et tal.", "Enter a number."),
        AmountError::NotANumber => pick(
            lang,
            "Det er ikke et tal. Skriv fx 10 eller 2,5.",
            "That is not a number. Write, for example, 10 or 2.5.",
        ),
        AmountError::Negative => pick(
            lang,
            "Mængden kan ikke være negativ.",
            "The amount cannot be negative.",
        ),
        AmountError::Zero => pick(
            lang,
            "Mængden skal være mere end 0.",
            "The amount must be more than 0.",
        ),
        AmountError::TooManyDecimals => pick(
            lang,
            "Brug højst tre decimaler.",
            "Use at most three decimals.",
        ),
        AmountError::NotWhole => pick(
            lang,
            "Denne enhed tælles i hele tal, fx 3.",
            "This unit is counted in whole numbers, for example 3.",
        ),
        AmountError::TooLarge => pick(lang, "Det tal er for stort.", "That number is too large."),
    }
}

/// The message for an activity form that cannot be saved as it is. Numbers come from the
/// rules ([`BASELINE_MONTHS`], [`PER_WEEK_MAX`]).
pub fn activity_error(lang: Lang, e: ActivityError) -> String {
    let s = match e {
        ActivityError::NameEmpty => pick(lang, "Giv aktiviteten et navn.", "Give the activity a name."),
        ActivityError::NameTooLong => pick(lang, "Navnet er for langt. Gør det gerne kortere.", "The name is too long. Please shorten it."),
        ActivityError::UnitNameEmpty => pick(lang, "Skriv dit eget ord for enheden.", "Write your own word for the unit."),
        ActivityError::UnitNameTooLong => pick(lang, "Ordet for enheden er for langt.", "The word for the unit is too long."),
        ActivityError::BaselineMissing => pick(
            lang,
            "Skriv dit udgangspunkt: hvad du har klaret komfortabelt de sidste {months} måneder.",
            "Enter your baseline: what you have managed comfortably over the last {months} months.",
        ),
        ActivityError::GoalBelowBaseline => pick(lang, "Målet skal være mindst lige så stort som udgangspunktet.", "The goal must be at least as much as the baseline."),
        ActivityError::PerWeekOutOfRange => pick(lang, "Vælg mellem 1 og {max} gange om ugen.", "Choose between 1 and {max} times a week."),
        ActivityError::PlanBNameEmpty => pick(lang, "Skriv, hvilken lettere aktivitet der er plan B.", "Write which easier activity is plan B."),
        ActivityError::PlanBNameTooLong => pick(lang, "Navnet på plan B er for langt.", "The name of plan B is too long."),
        ActivityError::UnitChangeWithHistory => pick(
            lang,
            "Enheden kan ikke ændres, når der er logget træninger. Opret en ny aktivitet, og arkivér denne, så bliver historikken læsbar.",
            "The unit cannot change once sessions are logged. Create a new activity and archive this one, so the history stays readable.",
        ),
        ActivityError::HasHistory => pick(
            lang,
            "Aktiviteten har træninger, så den arkiveres i stedet for at blive slettet. Intet går tabt.",
            "The activity has sessions, so it is archived instead of deleted. Nothing is lost.",
        ),
    };
    fill(
        s,
        &[
            ("months", &BASELINE_MONTHS.to_string()),
            ("max", &PER_WEEK_MAX.to_string()),
        ],
    )
}

/// The pain-monitoring guide beside "okay now?" with the limits' numbers.
pub fn guide_text(lang: Lang, limits: PainLimits) -> String {
    let (safe, ok) = (limits.safe_max(), limits.acceptable_max());
    fill(
        text(lang, T::Guide),
        &[
            ("safe", &safe.to_string()),
            ("next", &(safe + 1).to_string()),
            ("ok", &ok.to_string()),
        ],
    )
}

/// The baseline hint of the activity form, with [`BASELINE_MONTHS`].
pub fn baseline_hint(lang: Lang) -> String {
    fill(
        text(lang, T::BaselineHint),
        &[("months", &BASELINE_MONTHS.to_string())],
    )
}

/// The message for a session or an answer that cannot be saved as it is.
pub fn session_error(lang: Lang, e: SessionError) -> &'static str {
    match e {
        SessionError::DateInFuture => pick(lang, "Den dag er ikke kommet endnu.", "That day has not come yet."),
        SessionError::DateTooOld => pick(lang, "Du kan skrive ind for i dag eller i går.", "You can log today or yesterday."),
        SessionError::ActivityArchived => pick(lang, "Aktiviteten er arkiveret.", "The activity is archived."),
        SessionError::BigJump { .. } => pick(
            lang,
            "Det er et stort spring over dagens plan. Er du sikker?",
            "That is a big jump above today's plan. Are you sure?",
        ),
        SessionError::AnsweredBeforeSession => pick(
            lang,
            "Enhedens ur ser ud til at gå forkert. Tjek uret, og prøv igen.",
            "The device clock seems to be wrong. Check it and try again.",
        ),
        SessionError::YesTooEarly => pick(
            lang,
            "Det er for tidligt at sige ja. Vi spørger igen i morgen tidlig, når du ved, hvordan det gik.",
            "It is too early to say yes. We will ask again tomorrow morning, when you know how it went.",
        ),
    }
}

/// The message for a refused coach action.
pub fn coach_error(lang: Lang, e: &CoachError) -> String {
    match e {
        CoachError::Amount(e) => amount_error(lang, *e).into(),
        CoachError::Activity(e) => activity_error(lang, *e),
        CoachError::Session(e) => session_error(lang, *e).into(),
        CoachError::Storage(e) => storage_error(lang, e).into(),
    }
}

/// The name of a body region.
pub fn region(lang: Lang, r: Region) -> &'static str {
    match r {
        Region::Neck => pick(lang, "Nakke", "Neck"),
        Region::UpperBack => pick(lang, "Øvre ryg", "Upper back"),
        Region::LowBack => pick(lang, "Lænd", "Low back"),
        Region::Shoulder => pick(lang, "Skulder", "Shoulder"),
        Region::Arm => pick(lang, "Arm", "Arm"),
        Region::Hip => pick(lang, "Hofte", "Hip"),
        Region::Leg => pick(lang, "Ben", "Leg"),
        Region::Knee => pick(lang, "Knæ", "Knee"),
        Region::Foot => pick(lang, "Fod", "Foot"),
    }
}

/// "left" or "right".
pub fn side(lang: Lang, s: Side) -> &'static str {
    match s {
        Side::Left => pick(lang, "venstre", "left"),
        Side::Right => pick(lang, "højre", "right"),
    }
}

/// A body area as the patient reads it: "Ben, venstre".
pub fn area_label(lang: Lang, a: &trinvis_core::model::BodyArea) -> String {
    match a.side {
        Some(s) => format!("{}, {}", region(lang, a.region), side(lang, s)),
        None => region(lang, a.region).to_string(),
    }
}

/// The question of a warning sign (domain.md §8); `neck`: the neck wording
/// (`safety::neck_wording`: strength lost in the arm or hand).
pub fn sign_key(sign: WarningSign, neck: bool) -> T {
    match sign {
        WarningSign::SaddleNumbness => T::SignSaddle,
        WarningSign::BladderBowel => T::SignBladder,
        WarningSign::StrengthLoss if neck => T::SignStrengthNeck,
        WarningSign::StrengthLoss => T::SignStrength,
        WarningSign::SeverePain => T::SignSevere,
        WarningSign::SpreadingNumbness => T::SignNumb,
        WarningSign::FeverWeightLoss => T::SignFever,
        WarningSign::Accident => T::SignAccident,
        WarningSign::NeckCord => T::SignNeckCord,
    }
}

/// The name of a condition as the patient reads it.
pub fn condition_key(c: Condition) -> T {
    match c {
        Condition::NeckPain => T::CondNeck,
        Condition::LowBackPain => T::CondLowBack,
        Condition::Sciatica => T::CondSciatica,
        Condition::NeckNerveRoot => T::CondNeckRoot,
        Condition::SpinalStenosis => T::CondStenosis,
        Condition::KneeOsteoarthritis => T::CondKnee,
        Condition::HipOsteoarthritis => T::CondHip,
        Condition::NotSure => T::CondNotSure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every count the texts word, at 1: no "1 dage", "1 days" or "1 questions".
    #[test]
    fn no_text_says_one_with_a_plural_noun() {
        let one = [
            ("n", "1"),
            ("left", "1"),
            ("done", "1"),
            ("weeks", "1"),
            ("days", "1"),
            ("minutes", "1"),
            ("points", "1"),
            ("p", "1"),
        ];
        let wrong = [
            "1 dage",
            "1 uger",
            "1 days",
            "1 weeks",
            "1 questions",
            "1 points",
            "1 more days",
        ];
        for lang in [Lang::Da, Lang::En] {
            for key in [T::BaselinePendingSome, T::CheckMissing, T::LearnReadingTime] {
                let s = fill(text(lang, key), &one);
                for w in wrong {
                    assert!(!s.contains(w), "{key:?}: {s}");
                }
            }
            for key in [
                progress::P::RespBaseline,
                progress::P::RespTooFew,
                progress::P::RespNo,
                progress::P::ChangeLower,
                progress::P::ChangeHigher,
            ] {
                let s = fill(text(lang, key), &one);
                for w in wrong {
                    assert!(!s.contains(w), "{key:?}: {s}");
                }
            }
            for key in [
                summary::S::RespYes,
                summary::S::RespNotYet,
                summary::S::ReviewsHeading,
            ] {
                let s = fill(text(lang, key), &one);
                for w in wrong {
                    assert!(!s.contains(w), "{key:?}: {s}");
                }
            }
        }
    }

    #[test]
    fn the_two_languages_differ_where_words_differ() {
        assert_ne!(text(Lang::Da, T::Save), text(Lang::En, T::Save));
        assert!(score_error(Lang::Da, ScoreError::OutOfRange).contains("0 til 10"));
    }

    /// Fragments with digits that are not a rule's number: the ends of the 0-10 scale,
    /// emergency numbers, examples of how to type a number, "more than 0", the lower end
    /// of "1 to {max}", the chart and summary period buttons, a sample date.
    const DIGITS_ALLOWED: &[&str] = &[
        "0 er",
        "10 er",
        "0 is",
        "10 is",
        "0 means",
        "10 very",
        "10 all of it",
        "0 til 10",
        "0 to 10",
        "(0-10)",
        "0-{safe}",
        "112",
        "1813",
        "fx 2,5",
        "for example 2.5",
        "fx 10 eller 2,5",
        "for example, 10 or 2.5",
        "fx 4 eller 5",
        "for example 4 or 5",
        "fx 3",
        "for example 3",
        "Fx 30 minutter",
        "For example 30 minutes",
        "mere end 0",
        "more than 0",
        "større end 0",
        "above 0",
        "er 0.",
        "is 0.",
        "1 og {max}",
        "1 and {max}",
        "4 uger",
        "4 weeks",
        "8 uger",
        "8 weeks",
        "12 uger",
        "12 weeks",
        "3 måneder",
        "3 months",
        "1 år",
        "1 year",
        "over 7 dage",
        "7-day average",
        "23. november 2026",
    ];

    /// Every string literal with a letter and a digit in the text tables (tests left out).
    fn literals_with_digits() -> Vec<(&'static str, String)> {
        let files = [
            ("i18n.rs", include_str!("i18n.rs")),
            ("i18n/progress.rs", include_str!("i18n/progress.rs")),
            ("i18n/summary.rs", include_str!("i18n/summary.rs")),
            ("i18n/transfer.rs", include_str!("i18n/transfer.rs")),
            ("i18n/shell.rs", include_str!("i18n/shell.rs")),
        ];
        let mut out = Vec::new();
        for (name, src) in files {
            // The text tables end where the unit tests begin (`mod tests`).
            let code = src.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
            let mut rest = code;
            while let Some(start) = rest.find('"') {
                let after = &rest[start + 1..];
                let mut end = None;
                let mut escaped = false;
                for (i, c) in after.char_indices() {
                    match (escaped, c) {
                        (true, _) => escaped = false,
                        (false, '\\') => escaped = true,
                        (false, '"') => {
                            end = Some(i);
                            break;
                        }
                        _ => {}
                    }
                }
                let Some(end) = end else { break };
                let lit = &after[..end];
                if lit.chars().any(|c| c.is_ascii_digit()) && lit.chars().any(char::is_alphabetic) {
                    out.push((name, lit.to_string()));
                }
                rest = &after[end + 1..];
            }
        }
        out
    }

    #[test]
    fn no_rule_number_is_typed_into_a_sentence() {
        let mut typed = Vec::new();
        // Longest first, so "10 er" goes before "0 er".
        let mut allowed_list = DIGITS_ALLOWED.to_vec();
        allowed_list.sort_by_key(|a| std::cmp::Reverse(a.len()));
        for (file, lit) in literals_with_digits() {
            let mut left = lit.clone();
            for allowed in &allowed_list {
                left = left.replace(allowed, "");
            }
            if left.chars().any(|c| c.is_ascii_digit()) {
                typed.push(format!("{file}: {lit}"));
            }
        }
        assert!(
            typed.is_empty(),
            "numbers typed into sentences (take them from core/src/rules.rs):\n{}",
            typed.join("\n")
        );
        // The scan sees the tables: the guide's hole is there, the old "0-3" is not.
        assert!(literals_with_digits()
            .iter()
            .any(|(_, l)| l.contains("0-{safe}")));
    }

    #[test]
    fn sentences_with_a_rule_number_follow_the_number_they_are_given() {
        use trinvis_core::rules::{BASELINE_DAYS, PAIN_ACCEPTABLE_MAX, PAIN_SAFE_MAX};
        let limits = PainLimits::new(2, 4).unwrap();
        let guide = guide_text(Lang::Da, limits);
        assert!(
            guide.contains("0-2 ") && guide.contains("3-4 ") && guide.contains("over 4 "),
            "{guide}"
        );
        let default = guide_text(Lang::En, PainLimits::default());
        assert!(
            default.contains(&format!("0-{PAIN_SAFE_MAX} ")),
            "{default}"
        );
        assert!(
            default.contains(&format!("above {PAIN_ACCEPTABLE_MAX} ")),
            "{default}"
        );
        for (key, hole) in [
            (T::PlanKeep, "green"),
            (T::PlanStepUp, "green"),
            (T::PlanBAndTalk, "nos"),
            (T::BaselinePendingNone, "days"),
            (T::BaselineHint, "months"),
            (T::StepHint, "percent"),
            (T::LadderLeft, "n"),
        ] {
            for lang in [Lang::Da, Lang::En] {
                let filled = fill(text(lang, key), &[(hole, "97")]);
                assert!(filled.contains("97"), "{key:?} {lang:?}: {filled}");
            }
        }
        assert!(fill(
            text(Lang::Da, T::BaselinePendingNone),
            &[("days", &BASELINE_DAYS.to_string())]
        )
        .contains(&format!("{BASELINE_DAYS} forskellige dage")));
        assert!(activity_error(Lang::Da, ActivityError::PerWeekOutOfRange)
            .contains(&PER_WEEK_MAX.to_string()));
        assert!(activity_error(Lang::En, ActivityError::BaselineMissing)
            .contains(&format!("{BASELINE_MONTHS} months")));
        assert_eq!(percent(0.1), "10");
        assert_eq!(percent(0.15), "15");
    }
}
