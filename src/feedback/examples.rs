//! A few example comments for a theme or a group, chosen so that the choice
//! does not depend on which thread saw which rows, or in which order
//! summaries are merged: the comments that come first by `(rank, line,
//! text)` are kept, once each, whatever the order they arrive in.

/// Comments kept per theme or group.
pub const EXAMPLES: usize = 3;
/// Example comments are cut to this many characters.
pub const EXAMPLE_CHARS: usize = 240;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Examples {
    /// (rank, line, text), sorted.
    pub(super) kept: Vec<(f64, u64, String)>,
}

impl Examples {
    /// Offers a comment, copied only when it is kept. Use rank 0 to keep the
    /// first comments of the file, or a sentiment score to keep the most
    /// negative ones. Inlined: most offers are turned down, and the check is
    /// cheaper than the call.
    #[inline]
    pub fn offer(&mut self, rank: f64, line: u64, text: &str) {
        if self.keeps(rank, line) {
            self.insert(rank, line, text);
        }
    }

    /// Whether a comment offered now could be kept: comments of the same
    /// rank and line (from two files merged) are told apart by their text.
    #[inline]
    fn keeps(&self, rank: f64, line: u64) -> bool {
        match self.kept.last() {
            Some(last) if self.kept.len() == EXAMPLES => (rank, line) <= (last.0, last.1),
            _ => true,
        }
    }

    /// Keeps a comment in order of `(rank, line, text)`, once.
    fn insert(&mut self, rank: f64, line: u64, text: &str) {
        let text = cut(text);
        let new = (rank, line, text.as_str());
        let at = self
            .kept
            .iter()
            .position(|kept| new <= (kept.0, kept.1, kept.2.as_str()))
            .unwrap_or(self.kept.len());
        if self
            .kept
            .get(at)
            .is_some_and(|kept| (kept.0, kept.1, kept.2.as_str()) == new)
        {
            return;
        }
        self.kept.insert(at, (rank, line, text));
        self.kept.truncate(EXAMPLES);
    }

    pub fn merge(&mut self, other: &Examples) {
        for (rank, line, text) in &other.kept {
            self.offer(*rank, *line, text);
        }
    }

    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.kept.iter().map(|(_, _, text)| text.as_str())
    }

    pub fn len(&self) -> usize {
        self.kept.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }
}

/// A text shortened for keeping.
pub(crate) fn cut(text: &str) -> String {
    let text = text.trim();
    // No more bytes than the characters kept: nothing to count.
    if text.len() <= EXAMPLE_CHARS {
        return text.to_owned();
    }
    match text.char_indices().nth(EXAMPLE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(e: &Examples) -> Vec<&str> {
        e.texts().collect()
    }

    #[test]
    fn the_first_by_rank_and_line_are_kept_whatever_the_order() {
        let offers = [
            (0.0, 9, "i"),
            (0.0, 2, "b"),
            (0.0, 5, "e"),
            (0.0, 1, "a"),
            (0.0, 7, "g"),
        ];
        let mut forward = Examples::default();
        let mut backward = Examples::default();
        for (r, l, t) in offers {
            forward.offer(r, l, t);
        }
        for (r, l, t) in offers.iter().rev() {
            backward.offer(*r, *l, t);
        }
        assert_eq!(kept(&forward), ["a", "b", "e"]);
        assert_eq!(forward, backward);
    }

    #[test]
    fn the_most_negative_win_and_merging_is_order_free() {
        let (mut a, mut b) = (Examples::default(), Examples::default());
        a.offer(-0.2, 1, "mild");
        a.offer(-0.9, 4, "awful");
        b.offer(-0.7, 2, "bad");
        b.offer(-0.9, 3, "awful too");
        let mut ab = a.clone();
        ab.merge(&b);
        b.merge(&a);
        assert_eq!(kept(&ab), ["awful too", "awful", "bad"]);
        assert_eq!(ab, b);
    }

    #[test]
    fn examples_are_cut_to_a_readable_length() {
        let mut e = Examples::default();
        e.offer(0.0, 1, &"é".repeat(1000));
        assert_eq!(e.texts().next().unwrap().chars().count(), EXAMPLE_CHARS + 1);
    }
}
