//! Moving data in and out of the app (domain.md §10): the backup file (export, a full
//! check before import, replace or merge), CSV files for spreadsheets, and the plan link
//! a physiotherapist hands the patient (with a QR code).
//!
//! Pure, like the rest of the core: the shell reads `localStorage`, the file or the URL
//! fragment, passes the text and today's date in, shows the preview, and on the
//! patient's confirmation writes what [`plan_import`] or [`PlanLink::to_activities`]
//! returns. Nothing is ever sent to a server. The formats are described for tool writers
//! in `docs/data-format.md`.

pub mod backup;
pub mod codec;
pub mod csv;
pub mod kept;
pub mod plan_input;
pub mod plan_link;
#[cfg(feature = "qr")]
pub mod qr;
pub mod reminder;

pub use backup::{
    backup_file, backup_file_name, export_backup, merge_activities, merge_month, parse_backup,
    plan_import, BackupCounts, BackupData, BackupFile, BackupPreview, ImportError, ImportPlan,
    LeftOut, Mode, BACKUP_VERSION, KIND_BACKUP, LEGACY_MISSING,
};
pub use csv::{
    csv_file_name_checkins, csv_file_name_sessions, export_csv_checkins, export_csv_sessions,
};
pub use plan_input::{PlanActivityInput, PlanInput, PlanInputError};
pub use plan_link::{
    decode_plan, encode_plan, PlanActivity, PlanError, PlanGoal, PlanImport, PlanLink,
    PLAN_LINK_VERSION,
};
pub use reminder::backup_reminder_due;
