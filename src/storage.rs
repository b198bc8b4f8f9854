//! The one module that touches browser storage (localStorage).
//!
//! Layout, documents and migrations are defined in `trinvis_core::store`; this module only
//! does the I/O and maps browser failures to [`StorageError`]. Rules it keeps:
//! - availability is checked through web-sys before anything else ([`Store::open`]): the
//!   `window.localStorage` getter throws when storage is blocked, and gloo-storage, which
//!   does the raw get, set, remove and key listing afterwards, would turn that throw into
//!   a panic (`expect_throw`); once the probe passed, the getter no longer throws;
//! - every save goes through [`Store::change`]: the document is read from this tab's copy,
//!   one action is applied, and it is written back with the action's id added to its
//!   history (`trinvis_core::sync`). The action is kept, and when another tab's write
//!   arrives without it ([`Store::repair`], from the `storage` event) it is applied again,
//!   so two tabs never lose each other's entries;
//! - a read that fails is an error, never "no data" (which could lead to a write over it);
//! - text that cannot be parsed is copied exactly (as UTF-16, lone surrogates too) to a
//!   quarantine key of its own before anything else happens to its key, and is never
//!   overwritten; if the copy fails, nothing is written;
//! - a document of a newer schema is never written over: saves are refused instead.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use trinvis_core::sorted::VecMap;

use gloo_storage::{LocalStorage, Storage as _};
use trinvis_core::diary::{apply_to_month, Action, ApplyError, MonthDoc};
use trinvis_core::doc::Write;
use trinvis_core::store::{self, ActivitiesDoc, ActivityAction, DocError, Settings};
use trinvis_core::sync::{self, History, Pending};
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
    /// The text could not be read and could not be moved aside either (it stays in place,
    /// and no save writes over it), or the browser refused to read it.
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

/// The availability probe: web-sys, whose getter returns the browser's refusal as a value.
fn probe_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

thread_local! {
    /// Set once [`Store::open`]'s probe passed: only then is gloo-storage asked for the
    /// storage handle.
    static OPENED: Cell<bool> = const { Cell::new(false) };
    /// This page's actions, per key, kept until the stored document shows them.
    static KEPT: RefCell<VecMap<String, Kept>> = const { RefCell::new(VecMap::new()) };
    /// This page's random tab number and its action counter.
    static IDS: Cell<(u32, u32)> = Cell::new(((js_sys::Math::random() * f64::from(u32::MAX)) as u32, 0));
}

fn next_action_id(now_secs: i64) -> String {
    IDS.with(|ids| {
        let (tab, n) = ids.get();
        ids.set((tab, n.wrapping_add(1)));
        sync::action_id(now_secs, tab, n.wrapping_add(1))
    })
}

/// Calls a method of the storage object with JS values, so a text crosses as UTF-16
/// exactly (a Rust `String` would replace a lone surrogate).
fn call_js(s: &web_sys::Storage, method: &str, args: &[&JsValue]) -> Result<JsValue, StorageError> {
    let f: js_sys::Function = js_sys::Reflect::get(s, &JsValue::from_str(method))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(StorageError::Unavailable)?;
    let r = match args {
        [a] => f.call1(s, a),
        [a, b] => f.call2(s, a, b),
        _ => f.call0(s),
    };
    r.map_err(|e| StorageError::from_js(&e))
}

/// Reads a document (without its history).
pub type Decode<D> = Rc<dyn Fn(&str) -> Result<D, DocError>>;

/// How a document kind is read and written, for [`Store::change`].
pub struct Codec<D> {
    /// Reads the document (without its history).
    pub decode: Decode<D>,
    /// Writes the document (without its history).
    pub encode: Rc<dyn Fn(&D) -> String>,
    /// A document this says is empty is removed instead of written (a month with
    /// nothing in it).
    pub empty: fn(&D) -> bool,
}

impl<D> Clone for Codec<D> {
    fn clone(&self) -> Self {
        Codec {
            decode: self.decode.clone(),
            encode: self.encode.clone(),
            empty: self.empty,
        }
    }
}

impl<D: 'static> Codec<D> {
    /// A codec of two plain functions; the document is never removed.
    pub fn of(decode: fn(&str) -> Result<D, DocError>, encode: fn(&D) -> String) -> Codec<D> {
        Codec {
            decode: Rc::new(decode),
            encode: Rc::new(encode),
            empty: |_| false,
        }
    }
}

impl<D: Default + 'static> Codec<D> {
    /// The same codec over documents of any type: the save path, the kept actions and
    /// the repair are compiled once for all kinds, not once per document type (bytes of
    /// the first load).
    fn erase(self) -> AnyCodec {
        let Codec {
            decode,
            encode,
            empty,
        } = self;
        AnyCodec {
            decode: Rc::new(move |t| decode(t).map(|d| Box::new(d) as AnyDoc)),
            encode: Rc::new(move |d| d.downcast_ref::<D>().map(|d| encode(d)).unwrap_or_default()),
            empty: Rc::new(move |d| d.downcast_ref::<D>().is_some_and(empty)),
            default: || Box::new(D::default()),
        }
    }
}

/// A document of any kind, as the save path holds it.
type AnyDoc = Box<dyn Any>;

/// A [`Codec`] with its document type erased ([`Codec::erase`]).
#[derive(Clone)]
struct AnyCodec {
    decode: AnyDecode,
    encode: AnyEncode,
    empty: AnyEmpty,
    default: fn() -> AnyDoc,
}

type AnyDecode = Rc<dyn Fn(&str) -> Result<AnyDoc, DocError>>;
type AnyEncode = Rc<dyn Fn(&dyn Any) -> String>;
type AnyEmpty = Rc<dyn Fn(&dyn Any) -> bool>;

/// One change to a document of any kind.
type AnyChange = Rc<dyn Fn(&mut dyn Any) -> Result<(), ApplyError>>;

/// One key's kept actions with the codec to apply them again.
struct Kept {
    codec: AnyCodec,
    pending: Pending<AnyChange>,
}

impl Kept {
    /// Applies the kept actions the stored document does not know again and writes it
    /// back; `true` when something was written.
    fn repair(&mut self, store: &Store, key: &str, now_secs: i64) -> bool {
        self.pending.expire(now_secs);
        if self.pending.is_empty() {
            return false;
        }
        // This tab's copy as it is now: Chromium keeps our own write when another tab's
        // older one arrives while ours is on its way, so the copy never goes back.
        let Ok(raw) = store.get(key) else {
            return false;
        };
        let (mut doc, history) = match raw.as_deref().map(sync::split_history) {
            None => ((self.codec.default)(), History::default()),
            Some((body, history)) => match (self.codec.decode)(&body) {
                Ok(doc) => (doc, history),
                // Unreadable or newer: the reload notices it; nothing is written over it.
                Err(_) => return false,
            },
        };
        let encode = self.codec.encode.clone();
        let Some(ids) = sync::reapply(
            &mut doc,
            &history,
            &mut self.pending,
            |d, change| change(&mut **d),
            |d| encode(&**d),
        ) else {
            return false;
        };
        store
            .put(key, &self.codec, &*doc, &history.then(&ids, now_secs))
            .is_ok()
    }
}

impl Store {
    /// Checks that localStorage exists and can be used. A full quota still opens (reading
    /// works; saves will report the quota).
    pub fn open() -> Result<Store, StorageError> {
        let s = probe_storage()?;
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
        OPENED.with(|o| o.set(true));
        Ok(Store { _checked: () })
    }

    /// The storage handle, through gloo-storage once the probe has passed.
    fn raw(&self) -> Result<web_sys::Storage, StorageError> {
        if OPENED.with(Cell::get) {
            Ok(LocalStorage::raw())
        } else {
            probe_storage()
        }
    }

    /// Reads one key's text; `None` when it is absent or cannot be read.
    pub fn read(&self, key: &str) -> Option<String> {
        self.get(key).ok().flatten()
    }

    /// Reads one key's text; a browser error is an error, not "no data".
    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.raw()?
            .get_item(key)
            .map_err(|e| StorageError::from_js(&e))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.raw()?
            .set_item(key, value)
            .map_err(|e| StorageError::from_js(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.raw()?;
        LocalStorage::delete(key);
        // gloo's delete ignores the browser's answer: the key must be gone.
        match self.get(key)? {
            None => Ok(()),
            Some(_) => Err(StorageError::Other("remove".into())),
        }
    }

    /// Every key of ours, sorted (localStorage keys are unique). The one sort of keys:
    /// [`Store::months`], [`Store::quarantine_keys`] and [`Store::all_raw`] filter it.
    pub fn keys(&self) -> Vec<String> {
        let Ok(s) = self.raw() else { return Vec::new() };
        let n = LocalStorage::length();
        let mut keys: Vec<String> = (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(store::KEY_PREFIX))
            .collect();
        trinvis_core::order::sort(&mut keys);
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

    /// Every key of ours with its raw text, sorted by key, each document without its
    /// history of recent actions (which only the tabs of this device use): the "download
    /// my data" file and the backup work even when documents do not parse.
    pub fn all_raw(&self) -> Vec<(String, String)> {
        self.keys()
            .into_iter()
            .filter_map(|k| {
                let v = self.read(&k)?;
                let v = match sync::split_history(&v).0 {
                    std::borrow::Cow::Borrowed(_) => v,
                    std::borrow::Cow::Owned(body) => body,
                };
                Some((k, v))
            })
            .collect()
    }

    /// Copies the exact text of `key` (as UTF-16, read through `js_sys`) to a quarantine
    /// key no other text has (two in one second get `-2`, `-3`, …), then removes the
    /// original. If the copy cannot be written, the original stays where it is.
    fn quarantine(&self, key: &str, now_secs: i64) -> Result<String, StorageError> {
        let s = self.raw()?;
        let text = call_js(&s, "getItem", &[&JsValue::from_str(key)])?;
        if text.is_null() {
            return Err(StorageError::Conflict);
        }
        let base = store::quarantine_key_name(key, now_secs);
        let mut q = base.clone();
        let mut n = 1;
        while self.get(&q)?.is_some() {
            n += 1;
            if n > 1000 {
                return Err(StorageError::Other("quarantine".into()));
            }
            q = format!("{base}-{n}");
        }
        call_js(&s, "setItem", &[&JsValue::from_str(&q), &text])?;
        let _ = s.remove_item(key);
        Ok(q)
    }

    /// Loads a document with its decoder (its history of recent actions split off).
    /// Missing: the default. Unreadable text is quarantined and the default used (left
    /// in place, [`MonthLoad::Unreadable`], when that fails or the read itself failed); a
    /// newer document gives [`MonthLoad::Newer`] and the default, and is never touched.
    fn load_with<D: Default>(
        &self,
        key: &str,
        decode: impl Fn(&str) -> Result<D, DocError>,
        now_secs: i64,
    ) -> (D, MonthLoad) {
        let ok = || MonthLoad::Entries(MonthDoc::default());
        let raw = match self.get(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return (D::default(), ok()),
            Err(_) => return (D::default(), MonthLoad::Unreadable),
        };
        match decode(&sync::split_history(&raw).0) {
            Ok(doc) => (doc, ok()),
            Err(e) if e.is_newer() => (D::default(), MonthLoad::Newer),
            Err(_) => match self.quarantine(key, now_secs) {
                Ok(q) => (D::default(), MonthLoad::Quarantined(q)),
                Err(_) => (D::default(), MonthLoad::Unreadable),
            },
        }
    }

    /// Loads the settings document. Unreadable text is quarantined and defaults are used.
    pub fn load_settings(&self, now_secs: i64) -> (Settings, MonthLoad) {
        self.load_with(store::SETTINGS_KEY, store::decode_settings, now_secs)
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
        self.load_with(key, decode, now_secs)
    }

    /// Writes `doc` to `key` with `history` (or removes the key when the codec says the
    /// document is empty).
    fn put(
        &self,
        key: &str,
        codec: &AnyCodec,
        doc: &dyn Any,
        history: &History,
    ) -> Result<(), StorageError> {
        if (codec.empty)(doc) {
            self.remove(key)
        } else {
            self.write(key, &sync::with_history(&(codec.encode)(doc), history))
        }
    }

    /// The one save path: reads `key` from this tab's copy, applies `change`, writes the
    /// document back with the change's id in its history, and keeps the change to apply
    /// again if another tab's write arrives without it ([`Store::repair`]). Returns the
    /// document as written, and a quarantine key if the stored text was unreadable and
    /// had to be moved aside first. Nothing is written when the read fails, when the
    /// document is newer ([`StorageError::NewerSchema`]), when unreadable text cannot be
    /// moved aside, or when the change does not apply ([`StorageError::Conflict`]).
    pub fn change<D: Default + 'static>(
        &self,
        key: &str,
        codec: Codec<D>,
        change: impl Fn(&mut D) -> Result<(), ApplyError> + 'static,
        now_secs: i64,
    ) -> Result<(D, Option<String>), StorageError> {
        // One body for every document type and closure (bytes of the first load).
        let change: AnyChange = Rc::new(move |d: &mut dyn Any| match d.downcast_mut::<D>() {
            Some(d) => change(d),
            None => Err(ApplyError::NotFound),
        });
        let (doc, quarantined) = self.change_any(key, codec.erase(), change, now_secs)?;
        match doc.downcast::<D>() {
            Ok(doc) => Ok((*doc, quarantined)),
            Err(_) => Err(StorageError::Other("document type".into())),
        }
    }

    fn change_any(
        &self,
        key: &str,
        codec: AnyCodec,
        change: AnyChange,
        now_secs: i64,
    ) -> Result<(AnyDoc, Option<String>), StorageError> {
        let mut quarantined = None;
        let (mut doc, history) = match self.get(key)? {
            None => ((codec.default)(), History::default()),
            Some(raw) => {
                let (body, history) = sync::split_history(&raw);
                match (codec.decode)(&body) {
                    Ok(doc) => (doc, history),
                    Err(e) if e.is_newer() => return Err(StorageError::NewerSchema),
                    Err(_) => {
                        quarantined = Some(self.quarantine(key, now_secs)?);
                        ((codec.default)(), History::default())
                    }
                }
            }
        };
        // Kept actions that this copy lost (another tab's write arrived, its `storage`
        // event not handled yet) go in first, so they are not applied later, after
        // newer changes of another tab.
        let encode = codec.encode.clone();
        let mut ids = KEPT
            .with(|kept| {
                let mut kept = kept.borrow_mut();
                let k = kept.get_mut(key)?;
                k.pending.expire(now_secs);
                sync::reapply(
                    &mut doc,
                    &history,
                    &mut k.pending,
                    |d, c| c(&mut **d),
                    |d| encode(&**d),
                )
            })
            .unwrap_or_default();
        change(&mut *doc).map_err(|_| StorageError::Conflict)?;
        let id = next_action_id(now_secs);
        ids.push(id.clone());
        self.put(key, &codec, &*doc, &history.then(&ids, now_secs))?;
        KEPT.with(|kept| {
            kept.borrow_mut()
                .get_or_insert_with(key.to_string(), || Kept {
                    codec,
                    pending: Pending::default(),
                })
                .pending
                .push(id, change, now_secs);
        });
        Ok((doc, quarantined))
    }

    /// Another tab wrote `key`: the actions of this tab that the stored document does not
    /// know are applied again and written back. `true` when something was written (the
    /// caller then re-reads the key as usual).
    pub fn repair(&self, key: &str, now_secs: i64) -> bool {
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            match kept.get_mut(key) {
                Some(k) => k.repair(self, key, now_secs),
                None => false,
            }
        })
    }

    /// Forgets this tab's kept actions: after an import, which is deliberate, they are not
    /// applied to the imported documents.
    pub fn forget_kept(&self) {
        KEPT.with(|k| k.borrow_mut().clear());
    }

    /// Reads a whole-document key fresh, changes it with `change` and writes it back
    /// (unknown fields kept by the decoder and encoder), through [`Store::change`].
    /// Returns the document as written. A newer document is never written over
    /// ([`StorageError::NewerSchema`]); unreadable text is quarantined first.
    pub fn update_doc<D: Default + 'static>(
        &self,
        key: &str,
        decode: fn(&str) -> Result<D, DocError>,
        encode: fn(&D) -> String,
        change: impl Fn(&mut D) + 'static,
        now_secs: i64,
    ) -> Result<D, StorageError> {
        self.change(
            key,
            Codec::of(decode, encode),
            move |d| {
                change(d);
                Ok(())
            },
            now_secs,
        )
        .map(|(doc, _)| doc)
    }

    /// Loads the activities document (every activity, archived ones too). Unreadable text
    /// is quarantined and an empty list is used; a newer document gives
    /// [`MonthLoad::Newer`] and an empty list, and is never touched.
    pub fn load_activities(&self, now_secs: i64) -> (ActivitiesDoc, MonthLoad) {
        self.load_with(store::ACTIVITIES_KEY, store::decode_activities, now_secs)
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
        let action = action.clone();
        self.change(
            store::ACTIVITIES_KEY,
            Codec::of(store::decode_activities, |d| {
                store::encode_activities(d, APP_VERSION)
            }),
            move |d| store::apply_to_activities(d, &action),
            now_secs,
        )
    }

    /// Carries out a list of writes planned by the core (e.g.
    /// `trinvis_core::transfer::ImportPlan::writes`: quarantine copies, removals, writes)
    /// in order, all or nothing: every key's text is noted before it changes, and if any
    /// step fails every changed key is put back as it was (newest change first, so room
    /// is freed before removed keys come back), and the error says why. After a success
    /// this tab's kept actions are forgotten: an import is deliberate, and they are not
    /// applied again to what it wrote.
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
        if result.is_ok() {
            self.forget_kept();
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
        match self.load_with(&key, |t| store::decode_month(month, t), now_secs) {
            (doc, MonthLoad::Entries(_)) => MonthLoad::Entries(doc),
            (_, other) => other,
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
        let action = action.clone();
        self.change(
            &store::month_key_name(month),
            Codec {
                decode: Rc::new(move |t| store::decode_month(month, t)),
                encode: Rc::new(move |d| store::encode_month(month, d, APP_VERSION)),
                empty: MonthDoc::is_empty,
            },
            move |d| apply_to_month(d, &action),
            now_secs,
        )
    }
}

/// The language of the stored settings, read without opening the store (no probe, no
/// notices): the start fetches that language's texts before the app mounts
/// (`crate::i18n::apart`). Danish when there are no settings or they cannot be read; the
/// app's own load then tells the patient, as always.
pub fn saved_lang() -> trinvis_core::time::Lang {
    probe_storage()
        .ok()
        .and_then(|s| s.get_item(store::SETTINGS_KEY).ok().flatten())
        .and_then(|t| store::decode_settings(&t).ok())
        .map(|s| s.lang)
        .unwrap_or_default()
}

/// Calls `f` with the key whenever another tab changes our storage (`None` when cleared).
/// First, this tab's recent actions that the document as written there does not hold are
/// applied again and written back ([`Store::repair`]), so `f` reads the repaired
/// document. The listener lives as long as the page.
pub fn on_other_tab_change(f: impl Fn(Option<String>) + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| match e
        .key()
    {
        Some(k) if k.starts_with(store::KEY_PREFIX) => {
            if OPENED.with(Cell::get) {
                Store { _checked: () }.repair(&k, crate::clock::now().utc_secs);
            }
            f(Some(k))
        }
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
