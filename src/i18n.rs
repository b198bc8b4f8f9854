//! Every text the shell shows, in Danish and English, in one place.
//!
//! Each arm of [`text`] gives both languages, so a missing translation is a compile error.
//! Core errors carry keys (enums); [`score_error`], [`draft_error`] and [`storage_error`]
//! turn them into sentences here, at the edge.

use crate::storage::StorageError;
use trinvis_core::model::{DraftError, Region, ScoreError, Side};
use trinvis_core::time::Lang;

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
    Reload,
    StorageUnavailableNotice,
    NotSavedRetry,
    Loading,
}

/// Picks one of the two languages.
const fn pick(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

/// The sentence for `key` in `lang`. `{n}`-style holes are filled by [`fill`].
pub fn text(lang: Lang, key: T) -> &'static str {
    use T::*;
    // One (Danish, English) pair per key, then one pick: the match becomes a table.
    let (da, en) = match key {
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
        SleepHint => ("0 er meget dårligt, 10 er rigtig godt.", "0 is very badly, 10 is really well."),
        StressLegend => ("Hvor stresset er du?", "How stressed are you?"),
        StressHint => ("0 er slet ikke, 10 er meget.", "0 is not at all, 10 is very."),
        RoomLegend => ("Hvor meget fylder smerten i din hverdag?",
            "How much room does the pain take in your daily life?",
        ),
        RoomHint => ("0 er slet ikke, 10 er det hele.", "0 is not at all, 10 is everything."),
        ClearChoice => ("Ryd valget", "Clear choice"),
        AreasLegend => ("Hvor gør det mest ondt? (valgfrit)", "Where does it hurt most? (optional)"),
        AreasHint => ("Vælg gerne flere. Så kan du følge fx ben og ryg hver for sig.",
            "Choose several if you like, so you can follow, say, leg and back apart.",
        ),
        NoteLabel => ("Note (valgfri)", "Note (optional)"),
        NoteHint => ("Fx hvad du lavede, eller hvad der hjalp.",
            "For example what you did, or what helped.",
        ),
        Save => ("Gem", "Save"),
        SaveChanges => ("Gem ændringer", "Save changes"),
        CancelEdit => ("Annuller", "Cancel"),
        EditingNotice => ("Du retter et check-in fra {when}.", "You are editing a check-in from {when}."),
        SavedAt => ("Gemt kl. {time}. Godt gået.", "Saved at {time}. Well done."),
        Changed => ("Ændringen er gemt.", "Your change is saved."),
        RecentHeading => ("Dine seneste check-ins", "Your recent check-ins"),
        RecentEmpty => ("Ingen check-ins endnu. Dit første tjek er starten på dit overblik.",
            "No check-ins yet. Your first one starts your overview.",
        ),
        ShowOlder => ("Vis ældre", "Show older"),
        PainShort => ("Smerte", "Pain"),
        SleepShort => ("Søvn", "Sleep"),
        StressShort => ("Stress", "Stress"),
        RoomShort => ("Fylder", "Room"),
        Edit => ("Ret", "Edit"),
        Delete => ("Slet", "Delete"),
        EditAria => ("Ret check-in: {time}", "Edit check-in: {time}"),
        DeleteAria => ("Slet check-in: {time}", "Delete check-in: {time}"),
        Deleted => ("Check-in slettet.", "Check-in deleted."),
        Undo => ("Fortryd", "Undo"),
        Restored => ("Check-in er tilbage.", "Check-in restored."),
        BaselineHeading => ("Din udgangsprofil", "Your starting profile"),
        BaselinePendingNone => ("Når du har tjekket ind på 7 forskellige dage, viser vi her dit udgangspunkt.",
            "Once you have checked in on 7 different days, your starting point appears here.",
        ),
        BaselinePendingSome => ("Du har tjekket ind på {done} af 7 dage. {left} dage mere, så er din udgangsprofil klar.",
            "You have checked in on {done} of 7 days. {left} more days and your starting profile is ready.",
        ),
        BaselineReady => ("{from} til {to}: gennemsnitlig smerte {mean}, fra {min} til {max}.",
            "{from} to {to}: average pain {mean}, from {min} to {max}.",
        ),
        BaselineExplain => ("Det er dit udgangspunkt. Fremskridt ser vi over uger og måneder, ikke på en enkelt dag.",
            "This is your starting point. Progress shows over weeks and months, not on a single day.",
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
        Reload => ("Genindlæs", "Reload"),
        StorageUnavailableNotice => ("Browseren tillader ikke, at Trinvis gemmer noget (måske privat browsing eller blokerede data). Du kan se appen, men dine check-ins bliver ikke gemt.",
            "This browser does not let Trinvis save anything (perhaps private browsing or blocked site data). You can look around, but check-ins will not be saved.",
        ),
        NotSavedRetry => ("Dit check-in står stadig her, så du kan prøve igen.",
            "Your check-in is still here, so you can try again.",
        ),
        Loading => ("Henter …", "Loading …"),
    };
    pick(lang, da, en)
}

/// Replaces `{name}` holes in `template` with the given values.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    // One pass; a `{…}` that names no value stays as it is.
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let hole = after.split_once('}').and_then(|(name, tail)| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, tail))
        });
        match hole {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_named_hole() {
        assert_eq!(fill("{a} og {b}", &[("a", "1"), ("b", "2")]), "1 og 2");
    }

    #[test]
    fn the_two_languages_differ_where_words_differ() {
        assert_ne!(text(Lang::Da, T::Save), text(Lang::En, T::Save));
        assert!(score_error(Lang::Da, ScoreError::OutOfRange).contains("0 til 10"));
    }
}
