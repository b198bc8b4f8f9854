//! Settings: the language and the persistence request.

use super::AppState;
use crate::platform;
use crate::storage::{self, Codec, StorageError, Store};
use leptos::prelude::*;
use std::rc::Rc;
use trinvis_core::store::{decode_settings, encode_settings, Settings, SETTINGS_KEY};
use trinvis_core::time::Lang;

impl AppState {
    /// Switches the language and remembers it (only the language: the settings are read
    /// fresh and changed through the one save path). If it could not be remembered, the
    /// switch still applies for this visit, the patient is told why
    /// ([`super::Notices::lang_unsaved`]) and the error is returned.
    pub fn set_lang(&self, lang: Lang) -> Result<(), StorageError> {
        self.lang.set(lang);
        platform::set_document_lang(lang.code());
        let result = self.update_settings(move |s| s.lang = lang);
        let unsaved = result.clone().err();
        if self.notices.with_untracked(|n| n.lang_unsaved != unsaved) {
            self.notices.update(|n| n.lang_unsaved = unsaved);
        }
        result
    }

    /// Asks the browser to keep the data and records its answer.
    pub fn request_persistence(&self) {
        if self.store.is_none() {
            return;
        }
        let persist = self.persist;
        leptos::task::spawn_local(async move {
            persist.set(storage::request_persistence().await);
        });
    }

    /// Changes the settings: read fresh, changed, written back; the signals change only
    /// after the write succeeded. `change` may run again later (when another tab's write
    /// arrives without it), so it must set, not toggle.
    pub(super) fn update_settings(
        &self,
        change: impl Fn(&mut Settings) + 'static,
    ) -> Result<(), StorageError> {
        self.change_settings(Rc::new(change))
    }

    fn change_settings(&self, change: Rc<dyn Fn(&mut Settings)>) -> Result<(), StorageError> {
        let doc = self.change_doc(
            SETTINGS_KEY,
            Codec::of(decode_settings, encode_settings),
            move |s| {
                change(s);
                Ok(())
            },
        )?;
        self.settings.set(doc);
        Ok(())
    }

    /// Re-reads the settings document (another tab changed it).
    pub(super) fn reload_settings(&self, store: Store, now: i64) {
        let (s, outcome) = store.load_settings(now);
        if self.reloaded(outcome) {
            let lang = s.lang;
            self.settings.set(s);
            // The other tab chose another language: its texts first (`crate::i18n::apart`,
            // at once when they are there), as this tab's own switch does.
            let state = *self;
            let show = move || {
                // Unless a later change chose yet another language meanwhile.
                if state.settings.with_untracked(|s| s.lang) == lang {
                    state.lang.set(lang);
                    platform::set_document_lang(lang.code());
                }
            };
            if crate::i18n::apart::ready(lang) {
                show();
            } else {
                leptos::task::spawn_local(async move {
                    crate::i18n::apart::ensure(lang).await;
                    show();
                });
            }
        }
    }
}
