//! Moving data: the backup file (export, import with replace or merge), the CSV files,
//! the rescue and quarantine files, the backup reminder and the physio's plan link. The
//! core plans every import as one list of writes; the store carries it out all or
//! nothing.

use super::AppState;
use crate::clock;
use crate::storage::{self, StorageError};
use leptos::prelude::*;
use trinvis_core::model::new_id;
use trinvis_core::store::{all_data_export, ActivityAction};
use trinvis_core::time::Instant;
use trinvis_core::transfer::{
    self, kept, BackupPreview, ImportError, ImportPlan, Mode, PlanError, PlanImport, PlanLink,
};

/// Why an import or a plan link changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum TransferError {
    /// The backup cannot be imported (see [`ImportError`]).
    Import(ImportError),
    /// The plan cannot be added (see [`PlanError`]).
    Plan(PlanError),
    /// Storage refused; everything was put back as it was.
    Storage(StorageError),
}

impl AppState {
    /// The backup file of everything stored now (domain.md §10), with the documents it
    /// could not carry (newer or unreadable: the patient is told). The moment is
    /// remembered first, so the file carries its own date; `Err` when it could not be
    /// remembered (the file is made all the same).
    pub fn backup_file(&self) -> (transfer::BackupFile, Result<(), StorageError>) {
        let now = clock::now();
        let remembered = self.update_settings(move |s| kept::set_last_backup(s, now));
        let items = self.store.map(|s| s.all_raw()).unwrap_or_default();
        (
            transfer::backup_file(&items, now, storage::APP_VERSION),
            remembered,
        )
    }

    /// The check-ins as a CSV file.
    pub fn csv_checkins(&self) -> String {
        self.diary.with_untracked(transfer::export_csv_checkins)
    }

    /// The sessions as a CSV file.
    pub fn csv_sessions(&self) -> String {
        self.activities.with_untracked(|a| {
            self.diary
                .with_untracked(|d| transfer::export_csv_sessions(d, a))
        })
    }

    /// When this device last exported a backup (tracked).
    pub fn last_backup(&self) -> Option<Instant> {
        self.settings.with(kept::last_backup)
    }

    /// Whether to show the backup reminder now (tracked).
    pub fn backup_reminder_due(&self) -> bool {
        let last = self.last_backup();
        self.diary
            .with(|d| transfer::backup_reminder_due(last, clock::now(), d))
    }

    /// Imports a checked backup in `mode`: the core plans it against storage as it is
    /// right now (a document on the device that cannot be read is moved to quarantine as
    /// part of the plan: kept, never lost), the store carries the writes out all or
    /// nothing, then every signal is reloaded.
    pub fn import_backup(
        &self,
        preview: &BackupPreview,
        mode: Mode,
    ) -> Result<ImportPlan, TransferError> {
        let store = self.writable().map_err(TransferError::Storage)?;
        let now = clock::now().utc_secs;
        let current = store.all_raw();
        let plan = transfer::plan_import(preview, &current, mode, storage::APP_VERSION, now)
            .map_err(TransferError::Import)?;
        store
            .apply_writes(&plan.writes())
            .map_err(TransferError::Storage)?;
        self.notices.update(|n| {
            for (q, _) in &plan.quarantine {
                n.quarantined.push(q.clone());
            }
        });
        self.reload_all();
        Ok(plan)
    }

    /// Adds the activities of a plan link, each as a new activity with a new id through
    /// the ordinary save path (existing ones are never changed), then keeps the note,
    /// goal and limits in the settings. All or nothing for the activities: if a save
    /// fails, those already added are taken out again.
    pub fn add_plan(&self, plan: &PlanLink) -> Result<PlanImport, TransferError> {
        let store = self.writable().map_err(TransferError::Storage)?;
        let now = clock::now();
        let (existing, _) = store.load_activities(now.utc_secs);
        let mut ids: Vec<String> = Vec::with_capacity(plan.activities.len());
        for _ in &plan.activities {
            let id = new_id(clock::random_u32(), |id| {
                existing.find(id).is_some() || ids.iter().any(|i| i == id)
            });
            ids.push(id);
        }
        let import = plan
            .to_activities(&ids, now, &existing)
            .map_err(TransferError::Plan)?;
        let mut added: Vec<String> = Vec::new();
        for a in &import.activities {
            if let Err(e) = self.save_activity(&ActivityAction::Add(a.clone())) {
                for id in added {
                    let _ = self.save_activity(&ActivityAction::Delete { id });
                }
                return Err(TransferError::Storage(e));
            }
            added.push(a.id.clone());
        }
        // The activities are what matters; the note is kept if it can be.
        let (kept_plan, today) = (plan.clone(), now.local_date());
        let _ = self.update_settings(move |s| kept::keep_plan(s, &kept_plan, today));
        Ok(import)
    }

    /// The file "download my data": every key of ours, raw, readable or not.
    pub fn rescue_file(&self) -> String {
        let items = self.store.map(|s| s.all_raw()).unwrap_or_default();
        all_data_export(&items)
    }

    /// The quarantined texts only.
    pub fn quarantine_file(&self) -> String {
        let Some(store) = self.store else {
            return all_data_export(&[]);
        };
        let items: Vec<(String, String)> = store
            .quarantine_keys()
            .into_iter()
            .filter_map(|k| store.read(&k).map(|v| (k, v)))
            .collect();
        all_data_export(&items)
    }
}
