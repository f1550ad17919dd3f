//! A bounded top-k counter for themes: memory stays the same however large
//! the file, and the counts of the top themes are exact whenever they can be.
//!
//! It keeps up to twice `capacity` keys; when full it drops the lower half and
//! remembers the highest count it dropped (`floor`). A key that arrives later
//! may have been dropped before, so its count may be short by up to `floor`:
//! that is its `error`. A key never dropped has error 0 and an exact count.

use rustc_hash::FxHashMap as HashMap;

use super::examples::Examples;

#[derive(Debug, Clone)]
pub struct TopK {
    pub(super) capacity: usize,
    pub(super) floor: u64,
    /// Themes by their key (a hash of their stems).
    pub(super) entries: HashMap<u64, Entry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub count: u64,
    /// How much the true count may exceed `count`; 0 means exact.
    pub error: u64,
    /// How the theme reads: its words on the earliest line it is on, so the
    /// wording does not depend on which thread counted it first.
    pub display: String,
    pub display_line: u64,
    /// A few comments that show the theme (the first in the file).
    pub examples: Examples,
}

impl TopK {
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            floor: 0,
            entries: HashMap::default(),
        }
    }

    /// Counts one occurrence of `key`, from the comment `example` on
    /// `line`; `display` is only called, and `example` copied, when kept.
    pub fn add(&mut self, key: u64, display: impl FnOnce() -> String, line: u64, example: &str) {
        let Some(entry) = self.entries.get_mut(&key) else {
            self.insert(key, display(), line, example);
            return;
        };
        entry.count += 1;
        if line < entry.display_line {
            entry.display = display();
            entry.display_line = line;
        }
        entry.examples.offer(0.0, line, example);
    }

    /// Starts counting a key not counted yet.
    fn insert(&mut self, key: u64, display: String, line: u64, example: &str) {
        if self.entries.len() >= self.capacity * 2 {
            self.prune();
        }
        let mut examples = Examples::default();
        examples.offer(0.0, line, example);
        self.entries.insert(
            key,
            Entry {
                count: 1,
                error: self.floor,
                display,
                display_line: line,
                examples,
            },
        );
    }

    fn prune(&mut self) {
        if self.entries.len() <= self.capacity {
            return;
        }
        let mut counts: Vec<u64> = self.entries.values().map(|e| e.count).collect();
        let cut = counts.len() - self.capacity;
        let (_, threshold, _) = counts.select_nth_unstable(cut);
        let threshold = *threshold;
        // Ties at the threshold are dropped too, so at least half goes. A
        // dropped key's true count so far is at most its count plus its error,
        // so that is what a later arrival of the key may be short by.
        let mut dropped = 0;
        self.entries.retain(|_, e| {
            let keep = e.count > threshold;
            if !keep {
                dropped = dropped.max(e.count + e.error);
            }
            keep
        });
        self.floor = self.floor.max(dropped);
    }

    /// Adds another sketch's counts (from another thread) to this one.
    pub fn merge(&mut self, other: TopK) {
        let (own_floor, other_floor) = (self.floor, other.floor);
        for entry in self.entries.values_mut() {
            entry.error += other_floor;
        }
        for (key, theirs) in other.entries {
            match self.entries.get_mut(&key) {
                Some(mine) => {
                    mine.count += theirs.count;
                    mine.error = mine.error - other_floor + theirs.error;
                    mine.examples.merge(&theirs.examples);
                    if (theirs.display_line, &theirs.display) < (mine.display_line, &mine.display) {
                        mine.display = theirs.display;
                        mine.display_line = theirs.display_line;
                    }
                }
                None => {
                    let entry = Entry {
                        error: theirs.error + own_floor,
                        ..theirs
                    };
                    self.entries.insert(key, entry);
                }
            }
        }
        self.floor = own_floor + other_floor;
        if self.entries.len() > self.capacity * 2 {
            self.prune();
        }
    }

    /// The `n` most frequent themes, most frequent first, ties by wording.
    pub fn top(&self, n: usize) -> Vec<&Entry> {
        self.top_keyed(n).into_iter().map(|(_, e)| e).collect()
    }

    /// [`TopK::top`], with each theme's key.
    pub fn top_keyed(&self, n: usize) -> Vec<(u64, &Entry)> {
        let mut all: Vec<(u64, &Entry)> = self.entries.iter().map(|(&k, e)| (k, e)).collect();
        all.sort_by(|(_, a), (_, b)| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.display.cmp(&b.display))
        });
        all.truncate(n);
        all
    }

    /// The count of `key` and how much it may be short: for a key not
    /// kept, 0 and the highest count dropped.
    pub fn count_of(&self, key: u64) -> (u64, u64) {
        self.entries
            .get(&key)
            .map_or((0, self.floor), |e| (e.count, e.error))
    }

    pub fn get(&self, key: u64) -> Option<&Entry> {
        self.entries.get(&key)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use std::hash::{Hash, Hasher};

    use super::*;
    use crate::feedback::examples::EXAMPLES;

    fn key(theme: &str) -> u64 {
        let mut hasher = rustc_hash::FxHasher::default();
        theme.hash(&mut hasher);
        hasher.finish()
    }

    fn add(sketch: &mut TopK, theme: &str, times: usize) {
        for line in 0..times {
            sketch.add(
                key(theme),
                || theme.to_owned(),
                line as u64,
                &theme.to_uppercase(),
            );
        }
    }

    fn summary(entry: &Entry) -> (&str, u64, u64) {
        (entry.display.as_str(), entry.count, entry.error)
    }

    #[test]
    fn small_inputs_are_counted_exactly() {
        let mut s = TopK::new(10);
        add(&mut s, "loan bike", 3);
        add(&mut s, "late delivery", 5);
        let top = s.top(5);
        assert_eq!(summary(top[0]), ("late delivery", 5, 0));
        assert_eq!(top[0].examples.len(), EXAMPLES);
        assert_eq!(top[0].examples.texts().next(), Some("LATE DELIVERY"));
    }

    #[test]
    fn memory_is_bounded_and_frequent_themes_stay_exact() {
        let mut s = TopK::new(50);
        for i in 0..100_000 {
            add(&mut s, "too many emails", 1);
            if i % 3 == 0 {
                add(&mut s, "slow delivery", 1);
            }
            add(&mut s, &format!("rare {i}"), 1);
        }
        assert!(s.len() <= 100, "kept {}", s.len());
        let top = s.top(2);
        assert_eq!(summary(top[0]), ("too many emails", 100_000, 0));
        assert_eq!(summary(top[1]), ("slow delivery", 33_334, 0));
    }

    #[test]
    fn merged_sketches_add_up() {
        let (mut a, mut b) = (TopK::new(10), TopK::new(10));
        add(&mut a, "spam", 4);
        add(&mut b, "spam", 3);
        add(&mut b, "pushy", 2);
        a.merge(b);
        assert_eq!(a.get(key("spam")).map(summary), Some(("spam", 7, 0)));
        assert_eq!(a.get(key("pushy")).map(|e| e.count), Some(2));
    }

    #[test]
    fn counts_are_never_overstated_and_errors_bound_the_shortfall() {
        let mut s = TopK::new(4);
        for round in 0..20 {
            for k in 0..12 {
                add(&mut s, &format!("k{k}"), 1 + (k % 3) * round % 4);
            }
        }
        for entry in s.top(100) {
            let k: usize = entry.display[1..].parse().unwrap();
            let truth: usize = (0..20).map(|round| 1 + (k % 3) * round % 4).sum();
            assert!(
                entry.count as usize <= truth,
                "{} overstated",
                entry.display
            );
            assert!(
                entry.count as usize + entry.error as usize >= truth,
                "{} error too small",
                entry.display
            );
        }
    }
}
