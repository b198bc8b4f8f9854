//! Maps and sets kept as vectors sorted by key: the collections of the stored documents.
//!
//! The standard `BTreeMap` and `BTreeSet` compile their node code anew for every key and
//! value type (about 2-5 KB of wasm each), and collecting into one compiles a stable sort
//! as well (issue 15). The maps here hold a handful to a few hundred entries (the months of
//! a diary, the answers of a warning-sign check, the ids of a merge), where a sorted vector
//! with binary search is as fast and adds only a few small functions per type. Iteration is
//! in key order, as with the B-tree collections; inserting in key order appends.

use std::borrow::Borrow;

/// A map sorted by key; each key once (the last value given wins, as with `BTreeMap`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VecMap<K, V> {
    items: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap::new()
    }
}

impl<K, V> VecMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        VecMap { items: Vec::new() }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.items.iter().map(|(k, v)| (k, v))
    }

    /// The entries in key order, values mutable.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> {
        self.items.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.items.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.items.iter().map(|(_, v)| v)
    }

    /// The values in key order, mutable.
    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> {
        self.items.iter_mut().map(|(_, v)| v)
    }

    /// The values in key order, the map consumed.
    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> {
        self.items.into_iter().map(|(_, v)| v)
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// Keeps the entries for which `keep` says yes.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.items.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> VecMap<K, V> {
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.items.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// The value for `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.items.get(i).map(|(_, v)| v)
    }

    /// The value for `key`, mutable.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.items.get_mut(i).map(|(_, v)| v)
    }

    /// Whether there is a value for `key`.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// The entries whose key is `from` or later, in key order.
    pub fn range_from<Q: Ord + ?Sized>(
        &self,
        from: &Q,
    ) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator
    where
        K: Borrow<Q>,
    {
        let start = match self.find(from) {
            Ok(i) | Err(i) => i,
        };
        self.items
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(|(k, v)| (k, v))
    }

    /// Sets the value for `key`; the value it replaces, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        // Keys that come in order (a document read front to back) are appended.
        if self.items.last().is_none_or(|(last, _)| *last < key) {
            self.items.push((key, value));
            return None;
        }
        match self.find(&key) {
            Ok(i) => self
                .items
                .get_mut(i)
                .map(|(_, v)| std::mem::replace(v, value)),
            Err(i) => {
                self.items.insert(i, (key, value));
                None
            }
        }
    }

    /// Takes out the value for `key`.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.items.remove(i).1)
    }

    /// The value for `key`, made by `make` first if there is none.
    // `i` is always in range: the key was found there or has just been inserted there.
    #[allow(clippy::indexing_slicing)]
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.items.insert(i, (key, make()));
                i
            }
        };
        &mut self.items[i].1
    }
}

/// `map[key]`: the value of `key`; panics when the key is missing (as `BTreeMap` does).
impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for VecMap<K, V> {
    type Output = V;
    #[allow(clippy::expect_used)]
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("key in map")
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = VecMap::new();
        map.extend(iter);
        map
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for VecMap<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().map(|(k, v)| (k, v))
    }
}

/// A set sorted by value; each value once.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VecSet<T> {
    items: Vec<T>,
}

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet::new()
    }
}

impl<T> VecSet<T> {
    /// An empty set.
    pub const fn new() -> Self {
        VecSet { items: Vec::new() }
    }

    /// The number of values.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The values in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }
}

impl<T: Ord> VecSet<T> {
    fn find<Q: Ord + ?Sized>(&self, value: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.items.binary_search_by(|t| t.borrow().cmp(value))
    }

    /// Adds `value`: `true` if it was not there yet.
    pub fn insert(&mut self, value: T) -> bool {
        if self.items.last().is_none_or(|last| *last < value) {
            self.items.push(value);
            return true;
        }
        match self.find(&value) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, value);
                true
            }
        }
    }

    /// Whether `value` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(value).is_ok()
    }

    /// Takes `value` out: `true` if it was there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, value: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(value) {
            Ok(i) => {
                self.items.remove(i);
                true
            }
            Err(_) => false,
        }
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = VecSet::new();
        set.extend(iter);
        set
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for t in iter {
            self.insert(t);
        }
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for VecSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T> IntoIterator for VecSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn a_map_keeps_keys_sorted_and_once() {
        let mut m = VecMap::new();
        assert!(m.is_empty());
        assert_eq!(m.insert(5, "e"), None);
        assert_eq!(m.insert(1, "a"), None);
        assert_eq!(m.insert(3, "c"), None);
        assert_eq!(m.insert(3, "C"), Some("c"));
        assert_eq!(m.keys().copied().collect::<Vec<_>>(), [1, 3, 5]);
        assert_eq!(m.get(&3), Some(&"C"));
        assert_eq!(m.get(&4), None);
        assert_eq!(m.remove(&1), Some("a"));
        assert_eq!(m.remove(&1), None);
        *m.get_or_insert_with(4, || "d") = "D";
        assert_eq!(m.values().copied().collect::<Vec<_>>(), ["C", "D", "e"]);
        assert_eq!(
            m.range_from(&4).map(|(k, _)| *k).collect::<Vec<_>>(),
            [4, 5]
        );
        assert_eq!(m.range_from(&2).count(), 3);
        assert_eq!(m.range_from(&6).count(), 0);
        let strings: VecMap<String, u8> =
            VecMap::from([("b".to_string(), 2), ("a".to_string(), 1)]);
        assert_eq!(strings.get("a"), Some(&1));
        assert!(strings.contains_key("b") && !strings.contains_key("c"));
    }

    #[test]
    fn a_set_keeps_values_sorted_and_once() {
        let mut s: VecSet<&str> = VecSet::new();
        assert!(s.insert("b"));
        assert!(s.insert("a"));
        assert!(!s.insert("b"));
        assert!(s.contains("a") && !s.contains("c"));
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), ["a", "b"]);
        assert!(s.remove("a") && !s.remove("a"));
        assert_eq!(s.len(), 1);
    }

    proptest! {
        /// Any sequence of inserts and removes leaves the map and the set as the B-tree
        /// collections would: the same entries in the same order.
        #[test]
        fn they_behave_as_the_b_tree_collections(ops in proptest::collection::vec((0u8..3, 0u8..40, any::<u16>()), 0..200)) {
            let (mut ours, mut std_map) = (VecMap::new(), BTreeMap::new());
            let (mut our_set, mut std_set) = (VecSet::new(), BTreeSet::new());
            for (op, k, v) in ops {
                match op {
                    0 | 1 => {
                        prop_assert_eq!(ours.insert(k, v), std_map.insert(k, v));
                        prop_assert_eq!(our_set.insert(k), std_set.insert(k));
                    }
                    _ => {
                        prop_assert_eq!(ours.remove(&k), std_map.remove(&k));
                        prop_assert_eq!(our_set.remove(&k), std_set.remove(&k));
                    }
                }
                prop_assert_eq!(ours.get(&k), std_map.get(&k));
            }
            prop_assert_eq!(ours.into_iter().collect::<Vec<_>>(), std_map.into_iter().collect::<Vec<_>>());
            prop_assert_eq!(our_set.into_iter().collect::<Vec<_>>(), std_set.into_iter().collect::<Vec<_>>());
        }
    }
}
