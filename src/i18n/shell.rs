//! The texts of the app shell (top bar, tabs, "Mere", the diary page, the welcome's
//! buttons and the check-in's confirmation line), Danish and English.

use super::Texts;

/// A text of the shell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Sh {
    TabToday,
    TabProgress,
    TabLearn,
    TabMore,
    ShieldLabel,
    MoreHeading,
    LanguageHeading,
    MoreLinksLabel,
    MoreDiary,
    MoreSummary,
    MoreCheck,
    MorePhysio,
    MoreWelcome,
    DiaryHeading,
    DiaryLink,
    DoneLine,
    DoneChanged,
    NewCheckIn,
    EditSaved,
    EditSavedAria,
    MenuLabel,
    SaveAndContinue,
    AddAndFinish,
    SkipStep,
    PlanWelcomeHeading,
    PlanWelcomeIntro,
    AppTagline,
    SwitchLanguage,
    SwitchLanguageLabel,
    Loading,
    PartFailed,
    CoachPartFailed,
    PartFailedHelp,
    TryAgain,
    NavLabel,
    NavToday,
    NavLearn,
    NavCheck,
}

impl Texts for Sh {
    fn pair(self) -> (&'static str, &'static str) {
        use Sh::*;
        match self {
        TabToday => ("I dag", "Today"),
        TabProgress => ("Fremgang", "Progress"),
        TabLearn => ("Lær", "Learn"),
        TabMore => ("Mere", "More"),
        ShieldLabel => ("Tjek for advarselstegn", "Check for warning signs"),
        MoreHeading => ("Mere", "More"),
        LanguageHeading => ("Sprog", "Language"),
        MoreLinksLabel => ("Andre sider", "Other pages"),
        MoreDiary => ("Dine check-ins, dag for dag", "Your check-ins, day by day"),
        MoreSummary => ("Oversigt til din fysioterapeut", "Summary for your physiotherapist"),
        MoreCheck => ("Tjek for advarselstegn", "Check for warning signs"),
        MorePhysio => ("Til fysioterapeuter: lav en plan", "For physiotherapists: make a plan"),
        MoreWelcome => ("Se velkomsten igen", "See the welcome again"),
        DiaryHeading => ("Dine check-ins", "Your check-ins"),
        DiaryLink => ("Se og ret dine check-ins", "See and edit your check-ins"),
        DoneLine => ("✓ Gemt kl. {time} · smerte {pain}", "✓ Saved at {time} · pain {pain}"),
        DoneChanged => ("✓ Ændringen er gemt · smerte {pain}", "✓ Your change is saved · pain {pain}"),
        NewCheckIn => ("Nyt check-in", "New check-in"),
        EditSaved => ("Ret", "Edit"),
        EditSavedAria => ("Ret det check-in, du lige har gemt", "Edit the check-in you just saved"),
        MenuLabel => ("Flere valg: {when}", "More choices: {when}"),
        SaveAndContinue => ("Gem og fortsæt", "Save and continue"),
        AddAndFinish => ("Tilføj og afslut", "Add and finish"),
        SkipStep => ("Spring over", "Skip"),
        PlanWelcomeHeading => ("Planen er lagt ind", "The plan is added"),
        PlanWelcomeIntro => (
            "To korte trin mere, så appen passer til dig: hvor gør det ondt, og et kort tjek for advarselstegn.",
            "Two short steps more so the app fits you: where it hurts, and a short check for warning signs.",
        ),
        AppTagline => ("Trin for trin, på din egen måde.", "Step by step, your own way."),
        SwitchLanguage => ("English", "Dansk"),
        SwitchLanguageLabel => ("Switch to English", "Skift til dansk"),
        Loading => ("Henter …", "Loading …"),
        PartFailed => ("Siden kunne ikke hentes", "This page could not be loaded"),
        CoachPartFailed => (
            "Dine aktiviteter kunne ikke hentes lige nu.",
            "Your activities could not be loaded just now.",
        ),
        PartFailedHelp => (
            "Tjek forbindelsen, og prøv igen. Dine data er ikke berørt.",
            "Check the connection and try again. Your data is not affected.",
        ),
        TryAgain => ("Prøv igen", "Try again"),
        NavLabel => ("Hovedmenu", "Main menu"),
        NavToday => ("I dag", "Today"),
        NavLearn => ("Lær om smerter", "Learn about pain"),
        NavCheck => ("Advarselstegn", "Warning signs"),
    }
    }
}
