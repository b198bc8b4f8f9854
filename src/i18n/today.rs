//! The texts of the today screen's check-in (domain.md §1): the form, the recent
//! check-ins, the baseline card, and the data panel and storage notices around them.

use crate::storage::StorageError;
use trinvis_core::model::{DraftError, ScoreError};

/// A text key of this area. Names say where the text is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Today {
    CheckInHeading,
    CheckInIntro,
    PainLegend,
    PainHint,
    MoreLegend,
    ClearChoice,
    Save,
    SaveChanges,
    CancelEdit,
    EditingNotice,
    SavedAt,
    Changed,
    BaselineHeading,
    BaselinePendingNone,
    BaselinePendingSome,
    BaselineReady,
    BaselineExplain,
    QuarantineNotice,
    QuarantineDownload,
    NewerSchemaNotice,
    UnreadableKeptNotice,
    LangUnsavedNotice,
    Reload,
    StorageUnavailableNotice,
    NotSavedRetry,
    ScoreEmpty,
    ScoreNotANumber,
    ScoreNotWhole,
    ScoreOutOfRange,
    DraftPainMissing,
    DraftNoteTooLong,
    StorageUnavailable,
    StorageQuotaExceeded,
    StorageNewerSchema,
    StorageConflict,
    StorageOther,
}

texts! {
    inside Today in Today;
        CheckInHeading => ("Hvordan har du det?", "How are you doing?"),
        CheckInIntro => ("Et hurtigt check-in tager et halvt minut. Du kan tjekke ind flere gange om dagen.",
            "A quick check-in takes half a minute. You can check in several times a day.",
        ),
        PainLegend => ("Smerte lige nu", "Pain right now"),
        PainHint => ("0: ingen, 10: værst tænkelige.", "0: none, 10: the worst imaginable."),
        MoreLegend => ("Mere (valgfrit)", "More (optional)"),
        ClearChoice => ("Ryd valget", "Clear choice"),
        Save => ("Gem", "Save"),
        SaveChanges => ("Gem ændringer", "Save changes"),
        CancelEdit => ("Annuller", "Cancel"),
        EditingNotice => ("{when}: Du retter dette check-in.", "{when}: you are editing this check-in."),
        SavedAt => ("Gemt kl. {time}.", "Saved at {time}."),
        Changed => ("Ændringen er gemt.", "Your change is saved."),
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
        ScoreEmpty => ("Vælg et tal fra 0 til 10.", "Choose a number from 0 to 10."),
        ScoreNotANumber => ("Det er ikke et tal. Vælg et helt tal fra 0 til 10.", "That is not a number. Choose a whole number from 0 to 10."),
        ScoreNotWhole => ("Brug et helt tal, fx 4 eller 5.", "Use a whole number, for example 4 or 5."),
        ScoreOutOfRange => ("Skalaen går fra 0 til 10. Vælg et tal i det område.", "The scale goes from 0 to 10. Choose a number in that range."),
        DraftPainMissing => ("Vælg først, hvor ondt det gør lige nu (0 til 10).", "First choose how much it hurts right now (0 to 10)."),
        DraftNoteTooLong => ("Noten er lidt for lang. Gør den gerne kortere.", "The note is a little too long. Please shorten it."),
        StorageUnavailable => ("Ikke gemt: browseren tillader ikke at gemme data lige nu.", "Not saved: the browser does not allow saving data right now."),
        StorageQuotaExceeded => ("Ikke gemt: der er ikke mere plads til data i browseren. Hent en kopi af dine data, og frigør plads.", "Not saved: the browser has no more room for data. Download a copy of your data and free some space."),
        StorageNewerSchema => ("Ikke gemt: en nyere version af Trinvis har gemt data. Genindlæs siden.", "Not saved: a newer version of Trinvis has saved data. Reload the page."),
        StorageConflict => ("Ikke gemt: check-in'et er ændret et andet sted. Se listen og prøv igen.", "Not saved: this check-in was changed elsewhere. Check the list and try again."),
        StorageOther => ("Ikke gemt: browseren afviste at gemme. Prøv igen om lidt.", "Not saved: the browser refused to save. Please try again shortly."),
}

/// The key of the message for an invalid score.
pub fn score_key(e: ScoreError) -> Today {
    match e {
        ScoreError::Empty => Today::ScoreEmpty,
        ScoreError::NotANumber => Today::ScoreNotANumber,
        ScoreError::NotWhole => Today::ScoreNotWhole,
        ScoreError::OutOfRange => Today::ScoreOutOfRange,
    }
}

/// The key of the message for a check-in that cannot be saved as it is.
pub fn draft_key(e: DraftError) -> Today {
    match e {
        DraftError::PainMissing => Today::DraftPainMissing,
        DraftError::NoteTooLong => Today::DraftNoteTooLong,
    }
}

/// The key of the message for a failed save.
pub fn storage_key(e: &StorageError) -> Today {
    match e {
        StorageError::Unavailable => Today::StorageUnavailable,
        StorageError::QuotaExceeded => Today::StorageQuotaExceeded,
        StorageError::NewerSchema => Today::StorageNewerSchema,
        StorageError::Conflict => Today::StorageConflict,
        StorageError::Other(_) => Today::StorageOther,
    }
}
