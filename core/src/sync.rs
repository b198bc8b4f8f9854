//! Two tabs never lose a write: the action ids each document carries and the actions a
//! tab keeps until the stored document shows them.
//!
//! Chromium keeps a per-process copy of localStorage and delivers another tab's `setItem`
//! later, so a tab can read a document, change it and write it back without a write
//! another tab made a moment before: last writer wins. The shell does not try to prevent
//! that; it repairs it. Every action (add, change or delete one entry) gets an id, and a
//! document carries the ids of the actions of the last [`PENDING_KEEP_SECS`] that made it
//! (its [`History`], the envelope's last field). A tab keeps each action it wrote
//! ([`Pending`]). Whenever another tab's write arrives (the `storage` event), the tab
//! looks at the document as its copy now holds it: an action whose id is in the history
//! is known to that document (if its entry is gone or different, that was deliberate:
//! the writer had it); every other action was written over by a tab that never saw it,
//! and is applied again and written back. Actions are by id, so applying one to a
//! document that already holds it changes nothing, and nothing is written then. Two tabs
//! that change one entry each apply their change once more on the other's write, which
//! then names both ids: they settle, they never write back and forth.
//!
//! This module is pure: the shell passes the texts, the ids and the clock in.

use std::borrow::Cow;

/// The field of the envelope that holds the history: `"rev":"<id> <id> …"`, the last
/// field, oldest id first.
pub const STAMP_FIELD: &str = "rev";

/// How long a tab keeps an action and a document its id, in seconds. Another tab's
/// write reaches a tab within milliseconds (a busy tab: when its work is done), so two
/// minutes is a wide margin; later, an entry deleted in another tab from a document
/// without a history (an import) is not brought back.
pub const PENDING_KEEP_SECS: i64 = 120;

/// At most this many actions are kept per document by one tab (the oldest go first).
pub const PENDING_MAX: usize = 64;

/// At most this many ids are kept in a document's history (the oldest go first; a
/// forgotten id only means an action is applied once more, which changes nothing unless
/// another tab deleted its entry in the same two minutes).
pub const HISTORY_MAX: usize = 128;

/// A new action id: `<utc secs>-<tab>-<n>`, unique per tab and page load.
pub fn action_id(now_secs: i64, tab: u32, n: u32) -> String {
    format!("{now_secs}-{tab:x}-{n}")
}

fn id_secs(id: &str) -> Option<i64> {
    id.split('-').next()?.parse().ok()
}

fn id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// The ids of the recent actions that made a document, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History(pub Vec<String>);

impl History {
    /// Whether the action `id` made this document (or one it was made from).
    pub fn knows(&self, id: &str) -> bool {
        self.0.iter().any(|x| x == id)
    }

    /// This history followed by `ids`, without the ids older than [`PENDING_KEEP_SECS`]
    /// at `now_secs` and at most [`HISTORY_MAX`] long.
    pub fn then(&self, ids: &[String], now_secs: i64) -> History {
        let mut all: Vec<String> = self
            .0
            .iter()
            .chain(ids)
            .filter(|id| {
                id_secs(id).is_none_or(|t| now_secs.saturating_sub(t) <= PENDING_KEEP_SECS)
            })
            .cloned()
            .collect();
        let over = all.len().saturating_sub(HISTORY_MAX);
        all.drain(..over);
        History(all)
    }

    fn parse(s: &str) -> Option<History> {
        let ids: Vec<String> = s.split(' ').map(str::to_string).collect();
        ids.iter()
            .all(|id| !id.is_empty() && id.chars().all(id_char))
            .then_some(History(ids))
    }
}

/// Splits a stored text into the document without its history and the history. The
/// history is the last field (`…,"rev":"1795500000-a1-3"}`), as [`with_history`] writes it;
/// a text without one (an older app, an import, a document that cannot be read) is
/// returned unchanged with an empty history.
pub fn split_history(text: &str) -> (Cow<'_, str>, History) {
    let marker = format!(",\"{STAMP_FIELD}\":\"");
    let trimmed = text.trim_end();
    if let Some(at) = trimmed.rfind(&marker) {
        let rest = trimmed.get(at + marker.len()..).unwrap_or("");
        if let Some(inner) = rest.strip_suffix("\"}") {
            if let Some(history) = History::parse(inner) {
                let mut body = String::with_capacity(at + 1);
                body.push_str(trimmed.get(..at).unwrap_or(""));
                body.push('}');
                return (Cow::Owned(body), history);
            }
        }
    }
    (Cow::Borrowed(text), History::default())
}

/// The document text `body` (a JSON object, as the encoders write it) with `history` as
/// its last field. An empty history, or a text that is not an object, leaves it unchanged.
pub fn with_history(body: &str, history: &History) -> String {
    let trimmed = body.trim_end();
    match trimmed.strip_suffix('}') {
        Some(head) if trimmed.starts_with('{') && head.len() > 1 && !history.0.is_empty() => {
            format!("{head},\"{STAMP_FIELD}\":\"{}\"}}", history.0.join(" "))
        }
        _ => body.to_string(),
    }
}

#[derive(Clone, Debug)]
struct Entry<A> {
    id: String,
    action: A,
    at: i64,
}

/// One tab's recent actions on one document, oldest first.
#[derive(Clone, Debug)]
pub struct Pending<A> {
    entries: Vec<Entry<A>>,
}

impl<A> Default for Pending<A> {
    fn default() -> Self {
        Pending {
            entries: Vec::new(),
        }
    }
}

impl<A> Pending<A> {
    /// How many actions are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no action is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Drops the actions kept longer than [`PENDING_KEEP_SECS`] (or "kept" from a time
    /// after `now_secs`: the clock was set back) and all but the newest [`PENDING_MAX`].
    pub fn expire(&mut self, now_secs: i64) {
        self.entries
            .retain(|e| e.at <= now_secs && now_secs - e.at <= PENDING_KEEP_SECS);
        let over = self.entries.len().saturating_sub(PENDING_MAX);
        self.entries.drain(..over);
    }

    /// This tab wrote `action` as `id`; it is kept from now on.
    pub fn push(&mut self, id: String, action: A, now_secs: i64) {
        self.entries.push(Entry {
            id,
            action,
            at: now_secs,
        });
        self.expire(now_secs);
    }

    /// The kept actions that `history` does not know, oldest first, with their ids: they
    /// were written over by a tab that never saw them and must be applied again.
    pub fn missing<'a>(&'a self, history: &'a History) -> impl Iterator<Item = (&'a str, &'a A)> {
        self.entries
            .iter()
            .filter(|e| !history.knows(&e.id))
            .map(|e| (e.id.as_str(), &e.action))
    }

    /// Drops the action `id` (it no longer applies: its entry was deleted elsewhere).
    pub fn drop_id(&mut self, id: &str) {
        self.entries.retain(|e| e.id != id);
    }
}

/// Applies again, in order, the kept actions that `history` does not know to `doc` (the
/// document as this tab's copy holds it now). Returns their ids when that changed the
/// document (as `encode` writes it), so it must be written back with them added to its
/// history; `None` when the document already holds everything (nothing to write). A
/// missing action that changes nothing (the document already shows it, or its entry is
/// gone) is settled and dropped from `pending`: applying it later, after another tab's
/// newer change of the same entry, would undo that change.
pub fn reapply<D, A, E>(
    doc: &mut D,
    history: &History,
    pending: &mut Pending<A>,
    apply: impl Fn(&mut D, &A) -> Result<(), E>,
    encode: impl Fn(&D) -> String,
) -> Option<Vec<String>> {
    let mut ids = Vec::new();
    let mut settled = Vec::new();
    let mut current: Option<String> = None;
    for (id, action) in pending.missing(history) {
        let before = current.take().unwrap_or_else(|| encode(doc));
        let applied = apply(doc, action).is_ok();
        let after = encode(doc);
        if applied && after != before {
            ids.push(id.to_string());
        } else {
            settled.push(id.to_string());
        }
        current = Some(after);
    }
    for id in settled {
        pending.drop_id(&id);
    }
    (!ids.is_empty()).then_some(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diary::{apply_to_month, Action, MonthDoc};
    use crate::store::{decode_month, encode_month};
    use crate::time::MonthKey;
    use proptest::prelude::*;

    fn h(ids: &[&str]) -> History {
        History(ids.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn the_history_is_the_last_field_and_splits_off_exactly() {
        let body = r#"{"kind":"trinvis.settings","schema_version":2,"lang":"da"}"#;
        let hist = h(&["1795500000-a1-3", "1795500001-b2-7"]);
        let text = with_history(body, &hist);
        assert_eq!(
            text,
            r#"{"kind":"trinvis.settings","schema_version":2,"lang":"da","rev":"1795500000-a1-3 1795500001-b2-7"}"#
        );
        let (back, got) = split_history(&text);
        assert_eq!((back.as_ref(), got), (body, hist));
        // No history: nothing added.
        assert_eq!(with_history(body, &History::default()), body);
    }

    #[test]
    fn a_text_without_a_history_is_returned_unchanged() {
        for text in [
            "",
            "not json",
            "{}",
            r#"{"kind":"x"}"#,
            r#"{"kind":"x","rev":"a  b"}"#,
            r#"{"kind":"x","rev":"a\"}"#,
            r#"{"kind":"x","rev":"a_b"}"#,
            // A note that looks like a history: its quotes are escaped.
            r#"{"kind":"x","note":"se ,\"rev\":\"a1\"}"}"#,
        ] {
            let (back, got) = split_history(text);
            assert_eq!((back.as_ref(), got), (text, History::default()), "{text}");
        }
        assert_eq!(with_history("[]", &h(&["a"])), "[]");
        assert_eq!(with_history("{}", &h(&["a"])), "{}");
    }

    #[test]
    fn a_history_keeps_two_minutes_and_at_most_history_max_ids() {
        let now = 1_000;
        let old = action_id(now - PENDING_KEEP_SECS - 1, 1, 1);
        let edge = action_id(now - PENDING_KEEP_SECS, 1, 2);
        let hist = h(&[&old, &edge, "no-time"]).then(&[action_id(now, 2, 1)], now);
        assert_eq!(hist, h(&[&edge, "no-time", &action_id(now, 2, 1)]));
        let many: Vec<String> = (0..HISTORY_MAX as u32 + 3)
            .map(|n| action_id(now, 3, n))
            .collect();
        let hist = History::default().then(&many, now);
        assert_eq!(hist.0.len(), HISTORY_MAX);
        assert_eq!(hist.0[0], action_id(now, 3, 3));
    }

    #[test]
    fn actions_are_kept_for_two_minutes_and_at_most_pending_max() {
        let mut p: Pending<u32> = Pending::default();
        p.push("a".into(), 1, 100);
        p.expire(100 + PENDING_KEEP_SECS);
        assert_eq!(p.len(), 1, "kept at exactly the limit");
        p.expire(101 + PENDING_KEEP_SECS);
        assert!(p.is_empty());
        // The clock was set back: an action "from the future" is not kept forever.
        p.push("b".into(), 2, 500);
        p.expire(400);
        assert!(p.is_empty());
        for n in 0..(PENDING_MAX as u32 + 5) {
            p.push(format!("c{n}"), n, 0);
        }
        assert_eq!(p.len(), PENDING_MAX);
        assert_eq!(p.missing(&History::default()).next(), Some(("c5", &5)));
    }

    #[test]
    fn only_actions_the_history_does_not_know_are_applied_again() {
        let mut p: Pending<i32> = Pending::default();
        p.push("x".into(), 1, 0);
        p.push("y".into(), 10, 0);
        let apply = |d: &mut i32, a: &i32| -> Result<(), ()> {
            *d += a;
            Ok(())
        };
        let mut doc = 0;
        let ids = reapply(&mut doc, &h(&["x"]), &mut p, apply, |d| d.to_string());
        assert_eq!((ids, doc), (Some(vec!["y".to_string()]), 10));
        let mut doc = 0;
        assert_eq!(
            reapply(&mut doc, &h(&["x", "y"]), &mut p, apply, |d| d.to_string()),
            None
        );
        p.drop_id("y");
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn an_action_the_document_already_holds_writes_nothing() {
        let mut p: Pending<i32> = Pending::default();
        p.push("x".into(), 5, 0);
        let set = |d: &mut i32, a: &i32| -> Result<(), ()> {
            *d = *a;
            Ok(())
        };
        let mut doc = 5;
        assert_eq!(
            reapply(&mut doc, &History::default(), &mut p, set, |d| d
                .to_string()),
            None
        );
        assert!(p.is_empty(), "settled: the document shows it");
        p.push("y".into(), 6, 0);
        let gone = |_: &mut i32, _: &i32| -> Result<(), ()> { Err(()) };
        assert_eq!(
            reapply(&mut doc, &History::default(), &mut p, gone, |d| d
                .to_string()),
            None
        );
        assert!(p.is_empty(), "settled: its entry is gone");
    }

    // A model of Chromium's localStorage with tabs in separate processes: one store (the
    // writes in one order), each tab's own copy, and every write delivered to the other
    // tabs later, in store order. A tab's copy does not take a delivered write that is
    // older than its own latest write (Chromium ignores it while its own is on the way);
    // `backwards` makes every copy take every delivered write, to show that even then
    // nothing is lost.

    const NOV: MonthKey = MonthKey {
        year: 2026,
        month: 11,
    };

    fn entry(id: &str, pain: u8) -> crate::model::CheckIn {
        let draft = crate::model::CheckInDraft {
            pain: Some(crate::model::Score::new(pain).unwrap()),
            ..Default::default()
        };
        draft.validate().unwrap().into_check_in(
            id.into(),
            crate::time::Instant::new(1_795_435_200, 60).unwrap(),
        )
    }

    fn enc(doc: &MonthDoc) -> String {
        encode_month(NOV, doc, "t")
    }

    #[derive(Default)]
    struct Tab {
        copy: Option<String>,
        own_seq: usize,
        inbox: std::collections::VecDeque<(usize, String)>,
        pending: Pending<Action>,
        n: u32,
        tab: u32,
    }

    impl Tab {
        fn new(tab: u32) -> Tab {
            Tab {
                tab,
                ..Tab::default()
            }
        }

        fn read(&self) -> (MonthDoc, History) {
            match self.copy.as_deref() {
                None => (MonthDoc::default(), History::default()),
                Some(t) => {
                    let (body, hist) = split_history(t);
                    (decode_month(NOV, &body).unwrap(), hist)
                }
            }
        }

        /// A save: read-modify-write of this tab's copy.
        fn save(&mut self, action: Action) -> Option<String> {
            let (mut doc, hist) = self.read();
            // What this copy lost goes in first (as `Store::change` does).
            let mut ids = reapply(&mut doc, &hist, &mut self.pending, apply_to_month, enc)
                .unwrap_or_default();
            apply_to_month(&mut doc, &action).ok()?;
            self.n += 1;
            let id = action_id(0, self.tab, self.n);
            ids.push(id.clone());
            let text = with_history(&enc(&doc), &hist.then(&ids, 0));
            self.pending.push(id, action, 0);
            self.copy = Some(text.clone());
            Some(text)
        }

        /// Another tab's write arrives; returns a write when actions were applied again.
        fn deliver(&mut self, seq: usize, text: String, backwards: bool) -> Option<String> {
            if backwards || seq > self.own_seq {
                self.copy = Some(text);
            }
            let (mut doc, hist) = self.read();
            let ids = reapply(&mut doc, &hist, &mut self.pending, apply_to_month, enc)?;
            let text = with_history(&enc(&doc), &hist.then(&ids, 0));
            self.copy = Some(text.clone());
            Some(text)
        }
    }

    struct World {
        tabs: Vec<Tab>,
        store: Vec<String>,
        saved: Vec<String>,
        backwards: bool,
    }

    impl World {
        fn new(n: usize, backwards: bool) -> World {
            World {
                tabs: (0..n as u32).map(Tab::new).collect(),
                store: Vec::new(),
                saved: Vec::new(),
                backwards,
            }
        }

        fn publish(&mut self, from: usize, text: String) {
            self.store.push(text.clone());
            let seq = self.store.len();
            self.tabs[from].own_seq = seq;
            for (i, t) in self.tabs.iter_mut().enumerate() {
                if i != from {
                    t.inbox.push_back((seq, text.clone()));
                }
            }
        }

        fn save(&mut self, t: usize, action: Action) {
            if let Action::Add(c) = &action {
                self.saved.push(c.id.clone());
            }
            if let Some(text) = self.tabs[t].save(action) {
                self.publish(t, text);
            }
        }

        fn deliver_one(&mut self, t: usize) -> bool {
            let Some((seq, text)) = self.tabs[t].inbox.pop_front() else {
                return false;
            };
            let backwards = self.backwards;
            if let Some(text) = self.tabs[t].deliver(seq, text, backwards) {
                self.publish(t, text);
            }
            true
        }

        /// Delivers everything until nothing moves; panics on endless writing.
        fn settle(&mut self) {
            for _ in 0..10_000 {
                let mut moved = false;
                for t in 0..self.tabs.len() {
                    moved |= self.deliver_one(t);
                }
                if !moved {
                    return;
                }
            }
            panic!("tabs keep writing back and forth");
        }

        fn stored(&self) -> MonthDoc {
            self.store
                .last()
                .map(|t| decode_month(NOV, &split_history(t).0).unwrap())
                .unwrap_or_default()
        }

        fn stored_ids(&self) -> Vec<String> {
            let mut ids: Vec<String> = self
                .stored()
                .checkins
                .iter()
                .map(|c| c.id.clone())
                .collect();
            ids.sort();
            ids
        }
    }

    #[test]
    fn two_tabs_saving_from_stale_copies_both_keep_their_entry() {
        // Both save before either sees the other's write.
        let mut w = World::new(2, false);
        w.save(0, Action::Add(entry("a", 3)));
        w.save(1, Action::Add(entry("b", 4)));
        w.settle();
        assert_eq!(w.stored_ids(), vec!["a", "b"]);
        // A busy tab: tab 1 saves while two of tab 0's writes wait for it.
        let mut w = World::new(2, false);
        w.save(0, Action::Add(entry("a", 3)));
        w.save(0, Action::Add(entry("c", 3)));
        w.save(1, Action::Add(entry("b", 4)));
        w.settle();
        assert_eq!(w.stored_ids(), vec!["a", "b", "c"]);
    }

    #[test]
    fn a_deliberate_delete_in_another_tab_is_not_undone() {
        let mut w = World::new(2, false);
        w.save(0, Action::Add(entry("x", 3)));
        w.settle();
        w.save(
            1,
            Action::Delete {
                id: "x".into(),
                month: NOV,
            },
        );
        let before = w.store.len();
        w.settle();
        assert_eq!(w.store.len(), before, "tab 0 does not add x again");
        assert!(w.stored_ids().is_empty());
    }

    #[test]
    fn two_tabs_changing_the_same_entry_settle_without_writing_back_and_forth() {
        let mut w = World::new(2, false);
        w.save(0, Action::Add(entry("x", 3)));
        w.settle();
        w.save(0, Action::Update(entry("x", 5)));
        w.save(1, Action::Update(entry("x", 7)));
        w.settle();
        // One of the two changes wins; each tab wrote its own at most once more.
        assert!(w.store.len() <= 5, "{} writes", w.store.len());
        let pain = Some(w.stored().checkins[0].pain.get());
        assert!(pain == Some(5) || pain == Some(7), "{pain:?}");
        // Every tab's copy ends where the store is.
        let last = w.store.last().cloned();
        for t in &w.tabs {
            assert_eq!(t.copy, last);
        }
    }

    #[test]
    fn a_lost_action_goes_in_before_the_next_save_not_after_another_tabs_newer_change() {
        // Tab 1's copy loses its change of x (tab 0's older write arrived) and tab 1
        // saves again before it has handled that: the lost change goes in with the save.
        let mut w = World::new(2, true);
        w.save(0, Action::Add(entry("x", 3)));
        w.settle();
        w.save(0, Action::Add(entry("y", 1)));
        w.save(1, Action::Update(entry("x", 7)));
        // Tab 1's copy takes tab 0's write (without the change to 7) but does not repair.
        let (_, text) = w.tabs[1].inbox.pop_front().unwrap();
        w.tabs[1].copy = Some(text);
        w.save(1, Action::Add(entry("z", 2)));
        let stored = w.stored();
        assert_eq!(
            stored
                .checkins
                .iter()
                .find(|c| c.id == "x")
                .unwrap()
                .pain
                .get(),
            7
        );
        // Later, tab 0 changes x to 5: tab 1 does not put its older 7 back.
        w.settle();
        w.save(0, Action::Update(entry("x", 5)));
        w.settle();
        assert_eq!(
            w.stored()
                .checkins
                .iter()
                .find(|c| c.id == "x")
                .unwrap()
                .pain
                .get(),
            5
        );
        assert_eq!(w.stored_ids(), vec!["x", "y", "z"]);
    }

    fn run(world: &mut World, steps: &[(usize, bool)]) {
        let n = world.tabs.len();
        for (k, &(t, save)) in steps.iter().enumerate() {
            if save {
                world.save(t % n, Action::Add(entry(&format!("c{k}"), 3)));
            } else {
                world.deliver_one(t % n);
            }
        }
        world.settle();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn no_saved_entry_is_lost_in_any_order_of_delivery(
            tabs in 2usize..5,
            backwards in proptest::bool::ANY,
            steps in proptest::collection::vec((0usize..5, proptest::bool::ANY), 1..40),
        ) {
            let mut w = World::new(tabs, backwards);
            run(&mut w, &steps);
            let mut saved = w.saved.clone();
            saved.sort();
            prop_assert_eq!(saved, w.stored_ids());
        }
    }
}
