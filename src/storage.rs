//! The one module that touches browser storage (localStorage through web-sys).
//!
//! Layout, documents and migrations are defined in `trinvis_core::store`; this module only
//! does the I/O and maps browser failures to [`StorageError`]. Rules it keeps:
//! - availability is checked through web-sys before anything else (gloo-storage would
//!   `expect_throw` when storage is blocked, which would crash the app);
//! - a save reads the month document fresh, applies one action and writes that month only,
//!   so a save never rewrites years and two tabs never lose each other's entries; the
//!   month holds check-ins and sessions, and an action on one never drops the other;
//! - the activities document is saved the same way (read fresh, one action, written);
//! - text that cannot be parsed is copied to a quarantine key before anything else happens
//!   to its key, and is never overwritten;
//! - a document of a newer schema is never written over: saves are refused instead.

use trinvis_core::diary::{apply_to_month, Action, ApplyError, MonthDoc};
use trinvis_core::doc::Write;
use trinvis_core::store::{self, ActivitiesDoc, ActivityAction, DocError, Settings};
use trinvis_core::time::MonthKey;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// The app version written into every document's envelope.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why storage could not do what was asked. Nothing was changed when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage (blocked, disabled, or a private mode that refuses writes).
    Unavailable,
    /// The browser's storage quota is full.
    QuotaExceeded,
    /// Stored data was written by a newer version of the app.
    NewerSchema,
    /// The entry to change is no longer there (changed in another tab).
    Conflict,
    /// Another browser error, by its DOMException name.
    Other(String),
}

impl StorageError {
    fn from_js(e: &JsValue) -> StorageError {
        match e.dyn_ref::<web_sys::DomException>().map(|d| d.name()) {
            Some(n) if n == "QuotaExceededError" || n == "NS_ERROR_DOM_QUOTA_REACHED" => {
                StorageError::QuotaExceeded
            }
            Some(n) if n == "SecurityError" => StorageError::Unavailable,
            Some(n) => StorageError::Other(n),
            None => StorageError::Other("unknown".into()),
        }
    }
}

/// A handle on the patient's storage, obtained only through [`Store::open`].
#[derive(Clone, Copy, Debug)]
pub struct Store {
    _checked: (),
}

/// What loading one document gave (a month; for settings and activities the document
/// itself is returned next to this outcome).
#[derive(Debug)]
pub enum MonthLoad {
    /// The month's check-ins and sessions (empty when the key does not exist; empty too
    /// for settings and activities, which return their document separately).
    Entries(MonthDoc),
    /// The document is of a newer schema: read-only from now on.
    Newer,
    /// The text could not be read and was moved to this quarantine key.
    Quarantined(String),
    /// The text could not be read and could not be moved aside either (it stays in place).
    Unreadable,
}

/// The browser's answer to "please keep this site's data".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Persist {
    /// Not answered yet.
    Asking,
    /// Data is persistent: the browser will not evict it under storage pressure.
    Granted,
    /// The browser said no (it may still keep the data).
    Denied,
    /// The Storage API is not available here.
    Unsupported,
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

impl Store {
    /// Checks that localStorage exists and can be used. A full quota still opens (reading
    /// works; saves will report the quota).
    pub fn open() -> Result<Store, StorageError> {
        let s = local_storage()?;
        const PROBE: &str = "trinvis.probe";
        match s.set_item(PROBE, "1") {
            Ok(()) => {
                let _ = s.remove_item(PROBE);
            }
            Err(e) => match StorageError::from_js(&e) {
                StorageError::QuotaExceeded => {}
                other => return Err(other),
            },
        }
        Ok(Store { _checked: () })
    }

    fn raw(&self) -> Result<web_sys::Storage, StorageError> {
        local_storage()
    }

    /// Reads one key's text.
    pub fn read(&self, key: &str) -> Option<String> {
        self.raw().ok()?.get_item(key).ok().flatten()
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw()?
            .set_item(key, value)
            .map_err(|e| StorageError::from_js(&e))
    }

    /// Every key of ours, sorted (localStorage keys are unique). The one sort of keys:
    /// [`Store::months`], [`Store::quarantine_keys`] and [`Store::all_raw`] filter it.
    pub fn keys(&self) -> Vec<String> {
        let Ok(s) = self.raw() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        let mut keys: Vec<String> = (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(store::KEY_PREFIX))
            .collect();
        keys.sort_unstable();
        keys
    }

    /// The months that have a check-in document, oldest first. Month keys end in exactly
    /// "YYYY-MM", so the sorted keys are in month order.
    pub fn months(&self) -> Vec<MonthKey> {
        self.keys()
            .iter()
            .filter_map(|k| store::parse_month_key_name(k))
            .collect()
    }

    /// Keys of quarantined texts, sorted.
    pub fn quarantine_keys(&self) -> Vec<String> {
        self.keys()
            .into_iter()
            .filter(|k| k.starts_with(store::QUARANTINE_PREFIX))
            .collect()
    }

    /// Every key of ours with its raw text, sorted by key: the "download my data" file
    /// works even when documents do not parse.
    pub fn all_raw(&self) -> Vec<(String, String)> {
        self.keys()
            .into_iter()
            .filter_map(|k| self.read(&k).map(|v| (k, v)))
            .collect()
    }

    /// Copies unreadable text to a quarantine key, then removes the original. If the copy
    /// cannot be written, the original stays where it is.
    fn quarantine(&self, key: &str, raw: &str, now_secs: i64) -> Result<String, StorageError> {
        let q = store::quarantine_key_name(key, now_secs);
        self.write(&q, raw)?;
        let _ = self.raw()?.remove_item(key);
        Ok(q)
    }

    /// Loads the settings document. Unreadable text is quarantined and defaults are used.
    pub fn load_settings(&self, now_secs: i64) -> (Settings, MonthLoad) {
        let Some(raw) = self.read(store::SETTINGS_KEY) else {
            return (Settings::default(), MonthLoad::Entries(MonthDoc::default()));
        };
        match store::decode_settings(&raw) {
            Ok(s) => (s, MonthLoad::Entries(MonthDoc::default())),
            Err(e) if e.is_newer() => (Settings::default(), MonthLoad::Newer),
            Err(_) => match self.quarantine(store::SETTINGS_KEY, &raw, now_secs) {
                Ok(q) => (Settings::default(), MonthLoad::Quarantined(q)),
                Err(_) => (Settings::default(), MonthLoad::Unreadable),
            },
        }
    }

    /// Saves the settings, keeping fields a newer minor version may have added.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StorageError> {
        if let Some(raw) = self.read(store::SETTINGS_KEY) {
            if let Err(e) = store::decode_settings(&raw) {
                if e.is_newer() {
                    return Err(StorageError::NewerSchema);
                }
            }
        }
        self.write(store::SETTINGS_KEY, &store::encode_settings(settings))
    }

    /// Loads a whole-document key (profile, goals, reviews) with its decoder. Missing:
    /// the default. Unreadable text is quarantined and the default used; a newer
    /// document gives [`MonthLoad::Newer`] and the default, and is never touched.
    pub fn load_doc<D: Default>(
        &self,
        key: &str,
        decode: fn(&str) -> Result<D, DocError>,
        now_secs: i64,
    ) -> (D, MonthLoad) {
        let ok = || MonthLoad::Entries(MonthDoc::default());
        let Some(raw) = self.read(key) else {
            return (D::default(), ok());
        };
        match decode(&raw) {
            Ok(doc) => (doc, ok()),
            Err(e) if e.is_newer() => (D::default(), MonthLoad::Newer),
            Err(_) => match self.quarantine(key, &raw, now_secs) {
                Ok(q) => (D::default(), MonthLoad::Quarantined(q)),
                Err(_) => (D::default(), MonthLoad::Unreadable),
            },
        }
    }

    /// Reads a whole-document key fresh, changes it with `change` and writes it back
    /// (unknown fields kept by the decoder and encoder). Returns the document as written.
    /// A newer document is never written over ([`StorageError::NewerSchema`]); unreadable
    /// text is quarantined first.
    pub fn update_doc<D: Default>(
        &self,
        key: &str,
        decode: fn(&str) -> Result<D, DocError>,
        encode: fn(&D) -> String,
        change: impl FnOnce(&mut D),
        now_secs: i64,
    ) -> Result<D, StorageError> {
        let mut doc = match self.read(key) {
            None => D::default(),
            Some(raw) => match decode(&raw) {
                Ok(doc) => doc,
                Err(DocError::NewerSchema { .. }) => return Err(StorageError::NewerSchema),
                Err(_) => {
                    self.quarantine(key, &raw, now_secs)?;
                    D::default()
                }
            },
        };
        change(&mut doc);
        self.write(key, &encode(&doc))?;
        Ok(doc)
    }

    /// Loads the activities document (every activity, archived ones too). Unreadable text
    /// is quarantined and an empty list is used; a newer document gives
    /// [`MonthLoad::Newer`] and an empty list, and is never touched.
    pub fn load_activities(&self, now_secs: i64) -> (ActivitiesDoc, MonthLoad) {
        let ok = || MonthLoad::Entries(MonthDoc::default());
        let Some(raw) = self.read(store::ACTIVITIES_KEY) else {
            return (ActivitiesDoc::default(), ok());
        };
        match store::decode_activities(&raw) {
            Ok(doc) => (doc, ok()),
            Err(e) if e.is_newer() => (ActivitiesDoc::default(), MonthLoad::Newer),
            Err(_) => match self.quarantine(store::ACTIVITIES_KEY, &raw, now_secs) {
                Ok(q) => (ActivitiesDoc::default(), MonthLoad::Quarantined(q)),
                Err(_) => (ActivitiesDoc::default(), MonthLoad::Unreadable),
            },
        }
    }

    /// Applies one action to the activities document as stored right now and writes it
    /// back (unknown fields kept). Returns the document as written, and a quarantine key
    /// if the stored document was unreadable and had to be moved aside first. A newer
    /// document is never written over ([`StorageError::NewerSchema`]).
    pub fn save_activities(
        &self,
        action: &ActivityAction,
        now_secs: i64,
    ) -> Result<(ActivitiesDoc, Option<String>), StorageError> {
        let key = store::ACTIVITIES_KEY;
        let mut quarantined = None;
        let mut doc = match self.read(key) {
            None => ActivitiesDoc::default(),
            Some(raw) => match store::decode_activities(&raw) {
                Ok(doc) => doc,
                Err(DocError::NewerSchema { .. }) => return Err(StorageError::NewerSchema),
                Err(_) => {
                    quarantined = Some(self.quarantine(key, &raw, now_secs)?);
                    ActivitiesDoc::default()
                }
            },
        };
        store::apply_to_activities(&mut doc, action).map_err(|e| match e {
            ApplyError::NotFound | ApplyError::DuplicateId => StorageError::Conflict,
        })?;
        self.write(key, &store::encode_activities(&doc, APP_VERSION))?;
        Ok((doc, quarantined))
    }

    /// Carries out a list of writes planned by the core (e.g.
    /// `trinvis_core::transfer::ImportPlan::writes`: quarantine copies, removals, writes)
    /// in order, all or nothing: every key's text is noted before it changes, and if any
    /// step fails every changed key is put back as it was (newest change first, so room
    /// is freed before removed keys come back), and the error says why.
    pub fn apply_writes(&self, writes: &[Write]) -> Result<(), StorageError> {
        let s = self.raw()?;
        let mut undo: Vec<(&str, Option<String>)> = Vec::with_capacity(writes.len());
        let mut result = Ok(());
        for w in writes {
            let key = w.key();
            undo.push((key, self.read(key)));
            let step = match w {
                Write::Put { key, text } => s.set_item(key, text),
                Write::Remove { key } => s.remove_item(key),
            };
            if let Err(e) = step {
                result = Err(StorageError::from_js(&e));
                break;
            }
        }
        if result.is_err() {
            for (key, old) in undo.iter().rev() {
                let _ = match old {
                    Some(text) => s.set_item(key, text),
                    None => s.remove_item(key),
                };
            }
        }
        result
    }

    /// Loads one month. Unreadable text is quarantined (never overwritten).
    pub fn load_month(&self, month: MonthKey, now_secs: i64) -> MonthLoad {
        let key = store::month_key_name(month);
        let Some(raw) = self.read(&key) else {
            return MonthLoad::Entries(MonthDoc::default());
        };
        match store::decode_month(month, &raw) {
            Ok(doc) => MonthLoad::Entries(doc),
            Err(e) if e.is_newer() => MonthLoad::Newer,
            Err(_) => match self.quarantine(&key, &raw, now_secs) {
                Ok(q) => MonthLoad::Quarantined(q),
                Err(_) => MonthLoad::Unreadable,
            },
        }
    }

    /// Applies one action (check-in or session) to its month as stored right now and
    /// writes that month back, check-ins and sessions together. Returns the month as
    /// written, and a quarantine key if the stored month was unreadable and had to be
    /// moved aside first. A month left with neither check-ins nor sessions is removed.
    pub fn save(
        &self,
        month: MonthKey,
        action: &Action,
        now_secs: i64,
    ) -> Result<(MonthDoc, Option<String>), StorageError> {
        let key = store::month_key_name(month);
        let mut quarantined = None;
        let mut doc = match self.read(&key) {
            None => MonthDoc::default(),
            Some(raw) => match store::decode_month(month, &raw) {
                Ok(doc) => doc,
                Err(DocError::NewerSchema { .. }) => return Err(StorageError::NewerSchema),
                Err(_) => {
                    quarantined = Some(self.quarantine(&key, &raw, now_secs)?);
                    MonthDoc::default()
                }
            },
        };
        apply_to_month(&mut doc, action).map_err(|e| match e {
            ApplyError::NotFound | ApplyError::DuplicateId => StorageError::Conflict,
        })?;
        let text = store::encode_month(month, &doc, APP_VERSION);
        if doc.is_empty() {
            self.raw()?
                .remove_item(&key)
                .map_err(|e| StorageError::from_js(&e))?;
        } else {
            self.write(&key, &text)?;
        }
        Ok((doc, quarantined))
    }
}

/// Calls `f` with the key whenever another tab changes our storage (`None` when cleared).
/// The listener lives as long as the page.
pub fn on_other_tab_change(f: impl Fn(Option<String>) + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| match e
        .key()
    {
        Some(k) if k.starts_with(store::KEY_PREFIX) => f(Some(k)),
        Some(_) => {}
        None => f(None),
    });
    let _ = w.add_event_listener_with_callback("storage", cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Asks the browser to keep our data (`navigator.storage.persist()`) and returns its answer.
pub async fn request_persistence() -> Persist {
    let Some(w) = web_sys::window() else {
        return Persist::Unsupported;
    };
    let nav = w.navigator();
    let has_storage = js_sys::Reflect::get(&nav, &JsValue::from_str("storage"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    if !has_storage {
        return Persist::Unsupported;
    }
    let manager = nav.storage();
    let ask = |p: Result<js_sys::Promise, JsValue>| async move {
        match p {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
                .await
                .ok()
                .and_then(|v| v.as_bool()),
            Err(_) => None,
        }
    };
    if ask(manager.persisted()).await == Some(true) {
        return Persist::Granted;
    }
    match ask(manager.persist()).await {
        Some(true) => Persist::Granted,
        Some(false) => Persist::Denied,
        None => Persist::Unsupported,
    }
}
