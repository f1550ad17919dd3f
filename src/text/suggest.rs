//! "Did you mean ...?": the closest of a list of names to a name that is
//! not one of them, for error messages about keys, rules and ids. Floor
//! `text`: it imports nothing of the crate.

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_likely_typo_gets_the_closest_name_and_a_stranger_none() {
        let names = ["metric", "target", "due"];
        assert_eq!(suggest("METRC", names), Some("metric"));
        assert_eq!(suggest("budget", names), None);
    }
}
