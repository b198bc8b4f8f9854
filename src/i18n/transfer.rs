//! The texts of moving data in and out (domain.md §10): the backup and CSV export, the
//! import, the backup reminder, the plan link the patient opens and the physiotherapist's
//! page. Kept apart from [`super::T`] so the shared list stays small; same style: one
//! (Danish, English) pair per key, so a missing translation is a compile error.

use super::format::{date_long, month_name};
use super::{fill, text};
use trinvis_core::doc::DocKind;
use trinvis_core::store::parse_month_key_name;
use trinvis_core::time::Lang;
use trinvis_core::transfer::{BackupCounts, ImportError, LeftOut, PlanError};

/// A text key of the transfer screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum X {
    BackupHeading,
    BackupIntro,
    ExportCsvCheckins,
    ExportCsvSessions,
    CsvHint,
    LastBackup,
    NeverBackedUp,
    BackupSaved,
    BackupNotRemembered,
    CsvSaved,
    ImportHeading,
    ImportHint,
    ImportLabel,
    Reading,
    PreviewHeading,
    PreviewPeriod,
    PreviewNoPeriod,
    PreviewHolds,
    PreviewMissing,
    PreviewSkippedOne,
    PreviewSkippedMany,
    BackupLeftOut,
    PreviewExported,
    ChooseLegend,
    Replace,
    ReplaceHint,
    Merge,
    MergeHint,
    Cancel,
    Cancelled,
    Imported,
    ImportedNothing,
    ImportConflicts,
    NothingChanged,
    ToPhysio,
    PlanHeading,
    PlanIntro,
    PlanNoteLabel,
    PlanActivitiesHeading,
    PlanStart,
    PlanStepOwn,
    PlanStepDefault,
    PlanGoalAmount,
    PlanBHalfLine,
    PlanBEasierLine,
    PlanGoalLine,
    PlanGoalBy,
    PlanLimits,
    PlanLimitsCareful,
    PlanClash,
    PlanAdd,
    PlanDecline,
    PlanAdded,
    PlanDeclined,
    PlanBrokenHeading,
    PlanBackToday,
    PlanNotAdded,
    CoachNoteHeading,
    PhysioHeading,
    PhysioIntro,
    PhysioPrivacy,
    PhysioActivity,
    PhysioName,
    PhysioUnit,
    PhysioOwnUnit,
    PhysioBaseline,
    PhysioBaselineHint,
    PhysioPerWeek,
    PhysioStep,
    PhysioStepHint,
    PhysioGoalAmount,
    PhysioPlanB,
    PhysioPlanBHalf,
    PhysioPlanBEasier,
    PhysioPlanBName,
    PhysioPlanBAmount,
    PhysioAddActivity,
    PhysioRemoveActivity,
    PhysioGoalText,
    PhysioGoalDate,
    PhysioLimitsToggle,
    PhysioSafeMax,
    PhysioAcceptableMax,
    PhysioNote,
    PhysioNoteHint,
    PhysioMakeLink,
    PhysioLinkLabel,
    PhysioLinkHint,
    PhysioCopy,
    PhysioCopied,
    PhysioSelected,
    PhysioQrLabel,
    PhysioQrTooLong,
    PhysioLimitsNumber,
    PhysioDateInvalid,
    ImportEmpty,
    ImportTooLarge,
    ImportTooDeep,
    ImportTruncated,
    ImportNotJson,
    ImportCsv,
    ImportRescueFile,
    ImportNotBackup,
    ImportNewerBackup,
    ImportBadField,
    ImportNewerDocument,
    ImportPainOutOfRange,
    ImportDateInFuture,
    ImportDateTooOld,
    ImportDuplicateId,
    ImportInvalidDocument,
    ImportCurrentNewer,
    PlanErrorTooLong,
    PlanErrorDamaged,
    PlanErrorTampered,
    PlanErrorNewerVersion,
    PlanErrorNoActivities,
    PlanErrorTooManyActivities,
    PlanErrorZeroAmount,
    PlanErrorLimitsOutOfOrder,
    PlanErrorTextTooLong,
    PlanErrorInvalidDate,
    PlanErrorIdTaken,
    And,
    HoldsCheckins,
    HoldsSessions,
    HoldsActivities,
    HoldsGoals,
    HoldsReviews,
    HoldsCondition,
    HoldsConditions,
    HoldsSignCheck,
    KindSettings,
    KindActivities,
    KindMonth,
    KindConditions,
    KindSignCheck,
    KindGoals,
    KindReviews,
    From,
    LeftOutNewer,
    LeftOutUnreadable,
}

/// The neutral twin of a reassuring text, shown instead while a warning sign is ticked
/// (as `super::calm_twin`).
pub fn calm_twin_x(key: X) -> Option<X> {
    match key {
        X::PlanLimits => Some(X::PlanLimitsCareful),
        _ => None,
    }
}

texts! {
    apart X in Transfer, twin calm_twin_x;
        BackupHeading => ("Sikkerhedskopi", "Backup"),
        BackupIntro => ("Gem en kopi af din dagbog som en fil. Med filen kan du flytte dine data til en ny telefon eller en ny browser.",
            "Save a copy of your diary as a file. With the file you can move your data to a new phone or a new browser."),
        ExportCsvCheckins => ("Hent check-ins som regneark (CSV)", "Download check-ins as a spreadsheet (CSV)"),
        ExportCsvSessions => ("Hent træninger som regneark (CSV)", "Download sessions as a spreadsheet (CSV)"),
        CsvHint => ("Regneark kan åbnes i fx Excel. De kan ikke lægges ind i appen igen. Brug sikkerhedskopien til det.",
            "Spreadsheets open in, for example, Excel. They cannot be put back into the app. Use the backup for that."),
        LastBackup => ("Din seneste sikkerhedskopi: {date}.", "Your latest backup: {date}."),
        NeverBackedUp => ("Du har ikke hentet en sikkerhedskopi endnu.", "You have not downloaded a backup yet."),
        BackupSaved => ("Sikkerhedskopien er hentet. Gem filen et sikkert sted, fx i din e-mail eller i skyen.",
            "The backup is downloaded. Keep the file somewhere safe, such as your e-mail or the cloud."),
        BackupNotRemembered => ("Sikkerhedskopien er hentet, men appen kunne ikke huske datoen.",
            "The backup is downloaded, but the app could not remember the date."),
        CsvSaved => ("Regnearket er hentet.", "The spreadsheet is downloaded."),
        ImportHeading => ("Læg en sikkerhedskopi ind", "Restore a backup"),
        ImportHint => ("Vælg en fil, du har hentet med knappen ovenfor. Du ser først, hvad den indeholder. Intet bliver ændret, før du vælger.",
            "Choose a file you downloaded with the button above. First you see what it holds. Nothing changes until you choose."),
        ImportLabel => ("Vælg en sikkerhedskopi", "Choose a backup"),
        Reading => ("Læser filen …", "Reading the file …"),
        PreviewHeading => ("Det er der i filen", "What the file holds"),
        PreviewPeriod => ("Fra {from} til {to}.", "From {from} to {to}."),
        PreviewNoPeriod => ("Der er ingen check-ins eller træninger i filen.", "The file has no check-ins or sessions."),
        PreviewHolds => ("Filen indeholder {what}.", "The file holds {what}."),
        PreviewMissing => ("Filen er lavet af en ældre version af Trinvis. Den indeholder ikke {what}. Vælg Flet for at beholde dem, du har her.",
            "The file was made by an older version of Trinvis. It does not hold {what}. Choose Merge to keep the ones you have here."),
        PreviewSkippedOne => ("En del af filen ({keys}) kender denne version af Trinvis ikke. Den bliver sprunget over.",
            "One part of the file ({keys}) is not known to this version of Trinvis. It will be skipped."),
        PreviewSkippedMany => ("{n} dele af filen ({keys}) kender denne version af Trinvis ikke. De bliver sprunget over.",
            "{n} parts of the file ({keys}) are not known to this version of Trinvis. They will be skipped."),
        BackupLeftOut => ("Sikkerhedskopien er hentet, men den mangler {what}. Hent en kopi af mine data under Dine data, så alt er gemt.",
            "The backup is downloaded, but it lacks {what}. Download a copy of my data under Your data, so that everything is kept."),
        PreviewExported => ("Filen blev lavet {date}.", "The file was made on {date}."),
        ChooseLegend => ("Hvad skal der ske med det, der er her nu?", "What should happen to what is here now?"),
        Replace => ("Erstat", "Replace"),
        ReplaceHint => ("Erstat: alt på denne enhed bliver slettet og skiftet ud med filen. Det kan ikke fortrydes.",
            "Replace: everything on this device is deleted and swapped for the file. This cannot be undone."),
        Merge => ("Flet", "Merge"),
        MergeHint => ("Flet: filen bliver lagt sammen med det, der er her. Intet bliver slettet, og intet kommer med to gange.",
            "Merge: the file is combined with what is here. Nothing is deleted, and nothing appears twice."),
        Cancel => ("Annuller", "Cancel"),
        Cancelled => ("Intet er ændret.", "Nothing was changed."),
        Imported => ("Færdig. Sikkerhedskopien er lagt ind.", "Done. The backup is restored."),
        ImportedNothing => ("Der var intet nyt i filen. Intet er ændret.", "There was nothing new in the file. Nothing was changed."),
        ImportConflicts => ("{n} poster fandtes her allerede i en anden udgave. Vi har beholdt dem, der var her.",
            "{n} entries already existed here in another version. We kept the ones that were here."),
        NothingChanged => ("Intet er ændret.", "Nothing was changed."),
        ToPhysio => ("Til fysioterapeuter", "For physiotherapists"),
        PlanHeading => ("En plan fra din fysioterapeut", "A plan from your physiotherapist"),
        PlanIntro => ("Læs planen igennem. Intet bliver lagt ind, før du siger ja.",
            "Read the plan. Nothing is added until you say yes."),
        PlanNoteLabel => ("Besked fra fysioterapeuten:", "Message from the physiotherapist:"),
        PlanActivitiesHeading => ("Aktiviteter", "Activities"),
        PlanStart => ("Start med {amount}, {n} gange om ugen.", "Start with {amount}, {n} times a week."),
        PlanStepOwn => ("Gå op med {amount} ad gangen.", "Step up by {amount} at a time."),
        PlanStepDefault => ("Gå op med cirka {percent} % ad gangen.", "Step up by about {percent} % at a time."),
        PlanGoalAmount => ("Mål: {amount}.", "Goal: {amount}."),
        PlanBHalfLine => ("På en dårlig dag: halvdelen.", "On a bad day: half."),
        PlanBEasierLine => ("På en dårlig dag: {what}.", "On a bad day: {what}."),
        PlanGoalLine => ("Dit mål: {text}", "Your goal: {text}"),
        PlanGoalBy => (" (inden {date})", " (by {date})"),
        PlanLimits => ("Smerte under træning: op til {safe} er sikkert, op til {acceptable} er acceptabelt. Appen bruger ellers {safe_default} og {ok_default}.",
            "Pain during exercise: up to {safe} is safe, up to {acceptable} is acceptable. The app otherwise uses {safe_default} and {ok_default}."),
        PlanLimitsCareful => ("Smerte under træning: op til {safe} er lav, op til {acceptable} er acceptabel. Appen bruger ellers {safe_default} og {ok_default}.",
            "Pain during exercise: up to {safe} is low, up to {acceptable} is acceptable. The app otherwise uses {safe_default} and {ok_default}."),
        PlanClash => ("Du har allerede en aktivitet, der hedder {name}. Den bliver ikke ændret. Planens {name} kommer til som en ny aktivitet.",
            "You already have an activity called {name}. It is not changed. The plan's {name} is added as a new activity."),
        PlanAdd => ("Tilføj planen", "Add the plan"),
        PlanDecline => ("Nej tak", "No thanks"),
        PlanAdded => ("Planen er lagt ind. Du finder aktiviteterne under Dine aktiviteter i dag.",
            "The plan is added. You will find the activities under Your activities today."),
        PlanDeclined => ("Planen er ikke lagt ind. Intet er ændret.", "The plan was not added. Nothing was changed."),
        PlanBrokenHeading => ("Linket kan ikke bruges", "The link cannot be used"),
        PlanBackToday => ("Til forsiden", "To the front page"),
        PlanNotAdded => ("Planen er ikke lagt ind.", "The plan was not added."),
        CoachNoteHeading => ("Fra din fysioterapeut", "From your physiotherapist"),
        PhysioHeading => ("Til fysioterapeuter", "For physiotherapists"),
        PhysioIntro => ("Lav en plan til din patient. Den bliver til et link og en QR-kode. Patienten ser planen og siger ja, før noget bliver lagt ind.",
            "Make a plan for your patient. It becomes a link and a QR code. The patient sees the plan and says yes before anything is added."),
        PhysioPrivacy => ("Planen ligger i selve linket, efter #. Den sendes aldrig til en server, heller ikke til os.",
            "The plan lives in the link itself, after the #. It is never sent to a server, not even to us."),
        PhysioActivity => ("Aktivitet {n}", "Activity {n}"),
        PhysioName => ("Navn", "Name"),
        PhysioUnit => ("Enhed", "Unit"),
        PhysioOwnUnit => ("Eget ord for enheden", "Own word for the unit"),
        PhysioBaseline => ("Udgangspunkt", "Baseline"),
        PhysioBaselineHint => ("Det, patienten klarer komfortabelt nu.", "What the patient manages comfortably now."),
        PhysioPerWeek => ("Gange om ugen", "Times a week"),
        PhysioStep => ("Trin op (valgfrit)", "Step up (optional)"),
        PhysioStepHint => ("Lader du feltet stå tomt, går appen et lille trin op ad gangen, mindst én enhed.", "Left empty, the app steps up a little at a time, at least one unit."),
        PhysioGoalAmount => ("Målmængde (valgfri)", "Goal amount (optional)"),
        PhysioPlanB => ("Plan B til dårlige dage", "Plan B for bad days"),
        PhysioPlanBHalf => ("Halvdelen", "Half"),
        PhysioPlanBEasier => ("En lettere aktivitet", "An easier activity"),
        PhysioPlanBName => ("Lettere aktivitet", "Easier activity"),
        PhysioPlanBAmount => ("Hvor meget af den?", "How much of it?"),
        PhysioAddActivity => ("Tilføj en aktivitet mere", "Add another activity"),
        PhysioRemoveActivity => ("Fjern aktivitet {n}", "Remove activity {n}"),
        PhysioGoalText => ("Mål i ord (valgfrit)", "Goal in words (optional)"),
        PhysioGoalDate => ("Måldato (valgfri)", "Goal date (optional)"),
        PhysioLimitsToggle => ("Andre smertegrænser end {safe_default} og {ok_default}", "Pain limits other than {safe_default} and {ok_default}"),
        PhysioSafeMax => ("Sikkert op til (0-10)", "Safe up to (0-10)"),
        PhysioAcceptableMax => ("Acceptabelt op til (0-10)", "Acceptable up to (0-10)"),
        PhysioNote => ("Besked til patienten (valgfri)", "Message to the patient (optional)"),
        PhysioNoteHint => ("Kort og venligt. Højst {chars} tegn.", "Short and kind. At most {chars} characters."),
        PhysioMakeLink => ("Lav link", "Make link"),
        PhysioLinkLabel => ("Link til patienten", "Link for the patient"),
        PhysioLinkHint => ("Send linket, eller lad patienten scanne QR-koden.", "Send the link, or let the patient scan the QR code."),
        PhysioCopy => ("Kopiér link", "Copy link"),
        PhysioCopied => ("Linket er kopieret.", "The link is copied."),
        PhysioSelected => ("Linket er markeret. Kopiér det med Ctrl+C eller langt tryk.", "The link is selected. Copy it with Ctrl+C or a long press."),
        PhysioQrLabel => ("QR-kode til planen. Scan den med telefonens kamera.", "QR code of the plan. Scan it with the phone's camera."),
        PhysioQrTooLong => ("Planen er for lang til en QR-kode. Brug linket.", "The plan is too long for a QR code. Use the link."),
        PhysioLimitsNumber => ("Smertegrænserne skal være hele tal fra 0 til 10, og sikkert må ikke være højere end acceptabelt.",
            "The pain limits must be whole numbers from 0 to 10, and safe may not be above acceptable."),
        PhysioDateInvalid => ("Måldatoen kan ikke læses.", "The goal date cannot be read."),
        ImportEmpty => ("Filen er tom.", "The file is empty."),
        ImportTooLarge => ("Filen er for stor til at være en sikkerhedskopi fra Trinvis.", "The file is too large to be a Trinvis backup."),
        ImportTooDeep => ("Filen er bygget op på en måde, som en sikkerhedskopi aldrig er. Den er ikke fra Trinvis.", "The file is built in a way a backup never is. It is not from Trinvis."),
        ImportTruncated => ("Filen slutter midt i. Den er nok ikke hentet helt. Hent sikkerhedskopien igen.", "The file ends in the middle. It was probably not downloaded fully. Download the backup again."),
        ImportNotJson => ("Filen er ikke en sikkerhedskopi: den kan ikke læses (linje {line}, tegn {column}).", "The file is not a backup: it cannot be read (line {line}, character {column})."),
        ImportCsv => ("Det er et regneark (CSV). Et regneark kan ikke lægges ind. Vælg sikkerhedskopien (.json).", "This is a spreadsheet (CSV). A spreadsheet cannot be restored. Choose the backup (.json)."),
        ImportRescueFile => ("Det er filen \"en kopi af mine data\", ikke en sikkerhedskopi. Den kan ikke lægges ind her. Vælg en sikkerhedskopi.", "This is the \"copy of my data\" file, not a backup. It cannot be restored here. Choose a backup."),
        ImportNotBackup => ("Filen er ikke en sikkerhedskopi fra Trinvis.", "The file is not a Trinvis backup."),
        ImportNewerBackup => ("Sikkerhedskopien er lavet af en nyere version af Trinvis. Opdatér appen (genindlæs siden), og prøv igen.", "The backup was made by a newer version of Trinvis. Update the app (reload the page) and try again."),
        ImportBadField => ("Sikkerhedskopien er ødelagt: feltet \"{field}\" mangler eller er forkert.", "The backup is damaged: the field \"{field}\" is missing or wrong."),
        ImportNewerDocument => ("En del af sikkerhedskopien ({key}) er lavet af en nyere version af Trinvis. Opdatér appen, og prøv igen.", "Part of the backup ({key}) was made by a newer version of Trinvis. Update the app and try again."),
        ImportPainOutOfRange => ("Sikkerhedskopien er ødelagt: en smerte er {value} ({key}). Smerte går fra 0 til 10.", "The backup is damaged: a pain score is {value} ({key}). Pain goes from 0 to 10."),
        ImportDateInFuture => ("Sikkerhedskopien har en dato i fremtiden: {date} ({key}). Tjek datoen på denne enhed.", "The backup has a date in the future: {date} ({key}). Check the date on this device."),
        ImportDateTooOld => ("Sikkerhedskopien har en dato, der ikke kan passe: {date} ({key}).", "The backup has a date that cannot be right: {date} ({key})."),
        ImportDuplicateId => ("Sikkerhedskopien er ødelagt: to poster har samme id, \"{id}\" ({key}).", "The backup is damaged: two entries share the id \"{id}\" ({key})."),
        ImportInvalidDocument => ("Sikkerhedskopien er ødelagt: en del af den ({key}) kan ikke læses.", "The backup is damaged: part of it ({key}) cannot be read."),
        ImportCurrentNewer => ("Data på denne enhed er gemt af en nyere version af Trinvis. Genindlæs siden, og prøv igen.", "Data on this device was saved by a newer version of Trinvis. Reload the page and try again."),
        PlanErrorTooLong => ("Linket er for langt til at være en plan fra Trinvis.", "The link is too long to be a Trinvis plan."),
        PlanErrorDamaged => ("Linket er ødelagt eller ikke kopieret helt. Bed din fysioterapeut om linket igen.", "The link is broken or was not copied fully. Ask your physiotherapist for the link again."),
        PlanErrorTampered => ("Linket er blevet ændret undervejs, så planen kan ikke stoles på. Bed din fysioterapeut om linket igen.", "The link was changed on the way, so the plan cannot be trusted. Ask your physiotherapist for the link again."),
        PlanErrorNewerVersion => ("Planen er lavet af en nyere version af Trinvis. Genindlæs siden, og åbn linket igen.", "The plan was made by a newer version of Trinvis. Reload the page and open the link again."),
        PlanErrorNoActivities => ("Planen har ingen aktiviteter.", "The plan has no activities."),
        PlanErrorTooManyActivities => ("Planen har for mange aktiviteter (højst {max}).", "The plan has too many activities (at most {max})."),
        PlanErrorZeroAmount => ("En mængde i planen er 0. Alle mængder skal være større end 0.", "An amount in the plan is 0. Every amount must be above 0."),
        PlanErrorLimitsOutOfOrder => ("Smertegrænserne passer ikke sammen: sikkert skal være lavere end acceptabelt, og højst {pain_max}.", "The pain limits do not fit: safe must be below acceptable, and at most {pain_max}."),
        PlanErrorTextTooLong => ("Beskeden eller målet er for langt (højst {chars} tegn).", "The message or the goal is too long (at most {chars} characters)."),
        PlanErrorInvalidDate => ("Måldatoen i planen er ikke en rigtig dato.", "The goal date in the plan is not a real date."),
        PlanErrorIdTaken => ("Planen kunne ikke lægges ind lige nu. Prøv igen.", "The plan could not be added right now. Please try again."),
        And => ("og", "and"),
        HoldsCheckins => ("{n} {n:check-in|check-ins}", "{n} {n:check-in|check-ins}"),
        HoldsSessions => ("{n} {n:træning|træninger}", "{n} {n:session|sessions}"),
        HoldsActivities => ("{n} {n:aktivitet|aktiviteter}", "{n} {n:activity|activities}"),
        HoldsGoals => ("{n} mål", "{n} {n:goal|goals}"),
        HoldsReviews => ("{n} {n:ugentlig opfølgning|ugentlige opfølgninger}", "{n} {n:weekly review|weekly reviews}"),
        HoldsCondition => ("din valgte tilstand", "your chosen condition"),
        HoldsConditions => ("dine valgte tilstande", "your chosen conditions"),
        HoldsSignCheck => ("tjek for advarselstegn", "the warning-sign check"),
        KindSettings => ("dine indstillinger", "your settings"),
        KindActivities => ("dine aktiviteter", "your activities"),
        KindMonth => ("check-ins og træninger", "check-ins and sessions"),
        KindConditions => ("dine valgte tilstande", "your chosen conditions"),
        KindSignCheck => ("dit tjek for advarselstegn", "your warning-sign check"),
        KindGoals => ("dine mål", "your goals"),
        KindReviews => ("dine ugentlige opfølgninger", "your weekly reviews"),
        From => ("fra", "from"),
        LeftOutNewer => ("gemt af en nyere version af Trinvis", "saved by a newer version of Trinvis"),
        LeftOutUnreadable => ("kan ikke læses", "cannot be read"),
}

/// The message for a backup file that cannot be imported: what is wrong, in plain words.
/// Every [`ImportError::key`] has its sentence here.
pub fn import_error(lang: Lang, e: &ImportError) -> String {
    let date = |d| date_long(lang, d);
    let (template, values): (&str, Vec<(&str, String)>) = match e {
        ImportError::Empty => (text(lang, X::ImportEmpty), vec![]),
        ImportError::TooLarge { .. } => (text(lang, X::ImportTooLarge), vec![]),
        ImportError::TooDeep => (text(lang, X::ImportTooDeep), vec![]),
        ImportError::Truncated => (text(lang, X::ImportTruncated), vec![]),
        ImportError::NotJson { line, column } => (
            text(lang, X::ImportNotJson),
            vec![("line", line.to_string()), ("column", column.to_string())],
        ),
        ImportError::Csv => (text(lang, X::ImportCsv), vec![]),
        ImportError::RescueFile => (text(lang, X::ImportRescueFile), vec![]),
        ImportError::NotBackup => (text(lang, X::ImportNotBackup), vec![]),
        ImportError::NewerBackup { .. } => (text(lang, X::ImportNewerBackup), vec![]),
        ImportError::BadField { field } => (
            text(lang, X::ImportBadField),
            vec![("field", field.to_string())],
        ),
        ImportError::NewerDocument { key, .. } => (
            text(lang, X::ImportNewerDocument),
            vec![("key", key.clone())],
        ),
        ImportError::PainOutOfRange { key, value, .. } => (
            text(lang, X::ImportPainOutOfRange),
            vec![("value", value.to_string()), ("key", key.clone())],
        ),
        ImportError::DateInFuture { key, date: d, .. } => (
            text(lang, X::ImportDateInFuture),
            vec![("date", date(*d)), ("key", key.clone())],
        ),
        ImportError::DateTooOld { key, date: d, .. } => (
            text(lang, X::ImportDateTooOld),
            vec![("date", date(*d)), ("key", key.clone())],
        ),
        ImportError::DuplicateId { key, id } => (
            text(lang, X::ImportDuplicateId),
            vec![("id", id.clone()), ("key", key.clone())],
        ),
        ImportError::InvalidDocument { key, .. } => (
            text(lang, X::ImportInvalidDocument),
            vec![("key", key.clone())],
        ),
        ImportError::CurrentNewer { .. } => (text(lang, X::ImportCurrentNewer), vec![]),
    };
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let nothing = text(lang, X::NothingChanged);
    format!("{} {nothing}", fill(template, &values))
}

/// `n` and its noun in the form that agrees with it (`{n:one|many}` holes of `key`):
/// `1 mål`, `0 træninger`.
fn count(lang: Lang, key: X, n: usize) -> String {
    fill(text(lang, key), &[("n", &n.to_string())])
}

/// "a, b og c" / "a, b and c".
fn join(lang: Lang, parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), text(lang, X::And)),
    }
}

/// What a backup holds, in words: `37 check-ins, 27 træninger, 3 aktiviteter, 1 mål,
/// 5 ugentlige opfølgninger, dine valgte tilstande og tjek for advarselstegn`.
pub fn holdings(lang: Lang, c: &BackupCounts) -> String {
    let mut parts = vec![
        count(lang, X::HoldsCheckins, c.checkins),
        count(lang, X::HoldsSessions, c.sessions),
        count(lang, X::HoldsActivities, c.activities),
        count(lang, X::HoldsGoals, c.goals),
        count(lang, X::HoldsReviews, c.reviews),
    ];
    if c.conditions > 0 {
        let key = if c.conditions == 1 {
            X::HoldsCondition
        } else {
            X::HoldsConditions
        };
        parts.push(text(lang, key).to_string());
    }
    if c.sign_check {
        parts.push(text(lang, X::HoldsSignCheck).to_string());
    }
    join(lang, &parts)
}

/// A kind's records in words, for "does not hold …" and "lacks …".
fn kind_words(lang: Lang, kind: DocKind) -> Vec<String> {
    let keys: &[X] = match kind {
        DocKind::Settings => &[X::KindSettings],
        DocKind::Activities => &[X::KindActivities],
        DocKind::Month => &[X::KindMonth],
        DocKind::Profile => &[X::KindConditions, X::KindSignCheck],
        DocKind::Goals => &[X::KindGoals],
        DocKind::Reviews => &[X::KindReviews],
    };
    keys.iter().map(|k| text(lang, *k).to_string()).collect()
}

/// The note for a backup that lacks kinds ([`trinvis_core::transfer::BackupPreview::missing`]),
/// goals first.
pub fn missing_note(lang: Lang, missing: &[DocKind]) -> Option<String> {
    let order = [
        DocKind::Goals,
        DocKind::Reviews,
        DocKind::Profile,
        DocKind::Activities,
        DocKind::Month,
        DocKind::Settings,
    ];
    let parts: Vec<String> = order
        .into_iter()
        .filter(|k| missing.contains(k))
        .flat_map(|k| kind_words(lang, k))
        .collect();
    (!parts.is_empty()).then(|| {
        fill(
            text(lang, X::PreviewMissing),
            &[("what", &join(lang, &parts))],
        )
    })
}

/// The note for the keys of a file this version skips.
pub fn skipped_note(lang: Lang, skipped: &[String]) -> Option<String> {
    let key = match skipped.len() {
        0 => return None,
        1 => X::PreviewSkippedOne,
        _ => X::PreviewSkippedMany,
    };
    let n = skipped.len().to_string();
    Some(fill(
        text(lang, key),
        &[("n", &n), ("keys", &skipped.join(", "))],
    ))
}

/// The message after a backup that could not carry everything: what is missing and why.
pub fn left_out_note(lang: Lang, left_out: &[LeftOut]) -> Option<String> {
    if left_out.is_empty() {
        return None;
    }
    let parts: Vec<String> = left_out
        .iter()
        .map(|l| {
            let what = match (l.kind, parse_month_key_name(&l.key)) {
                (DocKind::Month, Some(m)) => format!(
                    "{} {} {}",
                    join(lang, &kind_words(lang, DocKind::Month)),
                    text(lang, X::From),
                    format_args!("{} {}", month_name(lang, m.month), m.year)
                ),
                (kind, _) => join(lang, &kind_words(lang, kind)),
            };
            let why = text(
                lang,
                if l.newer {
                    X::LeftOutNewer
                } else {
                    X::LeftOutUnreadable
                },
            );
            format!("{what} ({why})")
        })
        .collect();
    Some(fill(
        text(lang, X::BackupLeftOut),
        &[("what", &join(lang, &parts))],
    ))
}

/// The message for a plan link that cannot be used, or a plan the physiotherapist's form
/// does not accept (`None` for an activity's own rule: the caller uses the activity
/// message). Every [`PlanError::key`] of the link has its sentence here.
pub fn plan_error(lang: Lang, e: PlanError) -> Option<&'static str> {
    Some(match e {
        PlanError::TooLong => text(lang, X::PlanErrorTooLong),
        PlanError::Damaged => text(lang, X::PlanErrorDamaged),
        PlanError::Tampered => text(lang, X::PlanErrorTampered),
        PlanError::NewerVersion { .. } => text(lang, X::PlanErrorNewerVersion),
        PlanError::NoActivities => text(lang, X::PlanErrorNoActivities),
        PlanError::TooManyActivities => text(lang, X::PlanErrorTooManyActivities),
        PlanError::ZeroAmount { .. } => text(lang, X::PlanErrorZeroAmount),
        PlanError::Activity { .. } => return None,
        PlanError::LimitsOutOfOrder => text(lang, X::PlanErrorLimitsOutOfOrder),
        PlanError::TextTooLong => text(lang, X::PlanErrorTextTooLong),
        PlanError::InvalidDate => text(lang, X::PlanErrorInvalidDate),
        PlanError::NotEnoughIds | PlanError::IdTaken => text(lang, X::PlanErrorIdTaken),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_import_error_names_the_problem_and_says_nothing_changed() {
        let d = trinvis_core::time::Date::new(1900, 1, 1).unwrap();
        let errors = [
            ImportError::Empty,
            ImportError::TooLarge { bytes: 1 },
            ImportError::TooDeep,
            ImportError::Truncated,
            ImportError::NotJson { line: 2, column: 3 },
            ImportError::Csv,
            ImportError::RescueFile,
            ImportError::NotBackup,
            ImportError::NewerBackup { found: 9 },
            ImportError::BadField { field: "documents" },
            ImportError::NewerDocument {
                key: "k".into(),
                found: 9,
            },
            ImportError::PainOutOfRange {
                key: "k".into(),
                id: "i".into(),
                value: 11,
            },
            ImportError::DateInFuture {
                key: "k".into(),
                id: None,
                date: d,
            },
            ImportError::DateTooOld {
                key: "k".into(),
                id: None,
                date: d,
            },
            ImportError::DuplicateId {
                key: "k".into(),
                id: "i".into(),
            },
            ImportError::InvalidDocument {
                key: "k".into(),
                detail: String::new(),
            },
            ImportError::CurrentNewer { key: "k".into() },
        ];
        for e in &errors {
            for lang in [Lang::Da, Lang::En] {
                let m = import_error(lang, e);
                assert!(!m.contains('{'), "{m}");
                assert!(m.ends_with(text(lang, X::NothingChanged)), "{m}");
            }
        }
        assert!(import_error(Lang::Da, &errors[11]).contains("11"));
        assert!(import_error(Lang::Da, &ImportError::Csv).contains("regneark"));
    }

    #[test]
    fn plan_link_errors_have_sentences() {
        for e in [
            PlanError::TooLong,
            PlanError::Damaged,
            PlanError::Tampered,
            PlanError::NewerVersion { found: 2 },
        ] {
            assert!(plan_error(Lang::Da, e).is_some());
        }
        assert!(plan_error(Lang::Da, PlanError::Tampered)
            .unwrap()
            .contains("ændret"));
    }

    #[test]
    fn the_preview_says_what_the_file_holds_with_the_right_plurals() {
        let full = BackupCounts {
            checkins: 37,
            sessions: 27,
            activities: 3,
            goals: 1,
            reviews: 5,
            conditions: 2,
            sign_check: true,
            other_docs: 1,
        };
        assert_eq!(
            holdings(Lang::Da, &full),
            "37 check-ins, 27 træninger, 3 aktiviteter, 1 mål, 5 ugentlige opfølgninger, dine valgte tilstande og tjek for advarselstegn"
        );
        assert_eq!(
            holdings(Lang::En, &full),
            "37 check-ins, 27 sessions, 3 activities, 1 goal, 5 weekly reviews, your chosen conditions and the warning-sign check"
        );
        let one = BackupCounts {
            checkins: 1,
            sessions: 1,
            activities: 1,
            goals: 1,
            reviews: 1,
            conditions: 1,
            ..BackupCounts::default()
        };
        assert_eq!(
            holdings(Lang::Da, &one),
            "1 check-in, 1 træning, 1 aktivitet, 1 mål, 1 ugentlig opfølgning og din valgte tilstand"
        );
        assert_eq!(
            holdings(Lang::Da, &BackupCounts::default()),
            "0 check-ins, 0 træninger, 0 aktiviteter, 0 mål og 0 ugentlige opfølgninger"
        );
        let two = BackupCounts {
            checkins: 2,
            goals: 2,
            reviews: 2,
            ..BackupCounts::default()
        };
        assert_eq!(
            holdings(Lang::En, &two),
            "2 check-ins, 0 sessions, 0 activities, 2 goals and 2 weekly reviews"
        );
    }

    #[test]
    fn an_older_file_says_it_holds_no_goals_and_skipped_keys_are_named() {
        let note = missing_note(Lang::Da, &trinvis_core::transfer::LEGACY_MISSING).unwrap();
        assert!(
            note.contains("ikke dine mål, dine ugentlige opfølgninger, dine valgte tilstande og dit tjek for advarselstegn."),
            "{note}"
        );
        assert_eq!(missing_note(Lang::En, &[]), None);
        assert_eq!(skipped_note(Lang::Da, &[]), None);
        let one = skipped_note(Lang::En, &["trinvis.journal".into()]).unwrap();
        assert!(
            one.contains("(trinvis.journal)") && one.contains("It will be skipped"),
            "{one}"
        );
        let two = skipped_note(Lang::Da, &["a".into(), "b".into()]).unwrap();
        assert!(two.starts_with("2 dele af filen (a, b)"), "{two}");
    }

    #[test]
    fn a_backup_that_could_not_carry_everything_says_what_is_missing() {
        assert_eq!(left_out_note(Lang::Da, &[]), None);
        let left = [
            LeftOut {
                key: "trinvis.goals".into(),
                kind: DocKind::Goals,
                newer: true,
            },
            LeftOut {
                key: "trinvis.checkins.2026-11".into(),
                kind: DocKind::Month,
                newer: false,
            },
        ];
        let m = left_out_note(Lang::Da, &left).unwrap();
        assert!(m.contains("dine mål (gemt af en nyere version af Trinvis) og check-ins og træninger fra november 2026 (kan ikke læses)"), "{m}");
        assert!(!left_out_note(Lang::En, &left).unwrap().contains('{'));
    }
}
