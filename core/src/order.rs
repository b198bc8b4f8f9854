//! Stable sorting with one compiled sort for the whole app.
//!
//! The standard library's `sort_by` is compiled anew for every element type and every
//! comparison (about 3 KB of wasm each time, issue 15). [`sort_by`] sorts positions (`u32`)
//! with one shared, non-generic sort, then moves the elements into place, so each caller
//! adds only the small move loop. The lists sorted here are short (at most a few thousand
//! check-ins), and sorting already sorted input costs one pass.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal elements keep their order), like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.windows(2).all(|w| match w {
        [a, b] => cmp(a, b).is_le(),
        _ => true,
    }) {
        return;
    }
    let Ok(n) = u32::try_from(v.len()) else {
        // More than four billion elements cannot be in a wasm32 memory; sort them as std does.
        v.sort_by(cmp);
        return;
    };
    // `order[i]`: the position (in `v` as it is now) of the element that belongs at `i`.
    let mut order: Vec<u32> = (0..n).collect();
    {
        let items: &[T] = v;
        let mut by_position = |a: u32, b: u32| match (items.get(a as usize), items.get(b as usize))
        {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        };
        sort_positions(&mut order, &mut by_position);
    }
    place(v, &order);
}

/// Sorts `v` by the key `key` gives, stably, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The one compiled sort: positions, compared through `cmp`.
#[inline(never)]
fn sort_positions(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// Moves the elements of `v` so that position `i` holds the element that was at
/// `order[i]`, by following each cycle of the permutation with swaps.
fn place<T>(v: &mut [T], order: &[u32]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done.get(start).copied().unwrap_or(true) {
            continue;
        }
        let mut at = start;
        loop {
            if let Some(d) = done.get_mut(at) {
                *d = true;
            }
            let Some(&from) = order.get(at) else { break };
            let from = from as usize;
            if from == start || from >= v.len() {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn empty_one_and_sorted_lists_stay_as_they_are() {
        let mut empty: Vec<i32> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut sorted = vec![1, 2, 2, 3];
        sort(&mut sorted);
        assert_eq!(sorted, [1, 2, 2, 3]);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn a_reversed_list_is_sorted() {
        let mut v: Vec<u32> = (0..1000).rev().collect();
        sort(&mut v);
        assert_eq!(v, (0..1000).collect::<Vec<_>>());
    }

    proptest! {
        #[test]
        fn it_sorts_as_the_standard_library_does(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn descending_orders_match_too(v in proptest::collection::vec(any::<i16>(), 0..200)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by(&mut ours, |a, b| b.cmp(a));
            std.sort_by_key(|a| std::cmp::Reverse(*a));
            prop_assert_eq!(ours, std);
        }
    }
}
