//! Whether scores are 0-10 NPS answers or 1-5 stars.
//!
//! The header usually says; a column named just `score` does not, and then
//! the values decide. They are known only once the file is read, so the
//! caller keeps a [`ScoreRange`] while streaming and decides at the end.

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScoreScale {
    /// 0 to 10, "how likely are you to recommend us".
    Nps,
    /// 1 to 5.
    Stars,
}

impl ScoreScale {
    /// The scale a score column's header names, if it names one.
    pub fn from_header(name: &str) -> Option<ScoreScale> {
        match name.trim().to_lowercase().as_str() {
            "nps" | "likelihood" => Some(ScoreScale::Nps),
            "stars" | "rating" => Some(ScoreScale::Stars),
            _ => None,
        }
    }

    /// Stars only when every value lies within 1 to 5: a 0 or anything above
    /// 5 is NPS. With no values at all, NPS, the more common export; nothing
    /// then depends on the scale.
    pub fn from_range(range: &ScoreRange) -> ScoreScale {
        match (range.min(), range.max()) {
            (Some(min), Some(max)) if min >= 1.0 && max <= 5.0 => ScoreScale::Stars,
            _ => ScoreScale::Nps,
        }
    }

    /// The scale the user gave, else the one the header names, else the one
    /// the values suggest.
    pub fn decide(given: Option<ScoreScale>, header: &str, range: &ScoreRange) -> ScoreScale {
        given
            .or_else(|| ScoreScale::from_header(header))
            .unwrap_or_else(|| ScoreScale::from_range(range))
    }
}

/// The lowest and highest score seen, kept while streaming.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ScoreRange {
    pub(super) bounds: Option<(f64, f64)>,
}

impl ScoreRange {
    pub fn add(&mut self, score: f64) {
        self.bounds = Some(match self.bounds {
            Some((min, max)) => (min.min(score), max.max(score)),
            None => (score, score),
        });
    }

    pub fn min(&self) -> Option<f64> {
        self.bounds.map(|(min, _)| min)
    }

    pub fn max(&self) -> Option<f64> {
        self.bounds.map(|(_, max)| max)
    }

    /// Widens this range to cover another (another thread's).
    pub fn merge(&mut self, other: &ScoreRange) {
        if let Some((min, max)) = other.bounds {
            self.add(min);
            self.add(max);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(scores: &[f64]) -> ScoreRange {
        let mut range = ScoreRange::default();
        for &score in scores {
            range.add(score);
        }
        range
    }

    #[test]
    fn headers_that_name_a_scale() {
        assert_eq!(ScoreScale::from_header("NPS"), Some(ScoreScale::Nps));
        assert_eq!(
            ScoreScale::from_header(" likelihood"),
            Some(ScoreScale::Nps)
        );
        assert_eq!(ScoreScale::from_header("Stars"), Some(ScoreScale::Stars));
        assert_eq!(ScoreScale::from_header("rating"), Some(ScoreScale::Stars));
        assert_eq!(ScoreScale::from_header("score"), None);
        assert_eq!(ScoreScale::from_header("How likely?"), None);
    }

    #[test]
    fn values_decide_when_the_header_does_not() {
        assert_eq!(
            ScoreScale::from_range(&range(&[1.0, 3.0, 5.0])),
            ScoreScale::Stars
        );
        assert_eq!(ScoreScale::from_range(&range(&[4.5])), ScoreScale::Stars);
        assert_eq!(ScoreScale::from_range(&range(&[1.0, 6.0])), ScoreScale::Nps);
        assert_eq!(ScoreScale::from_range(&range(&[0.0, 3.0])), ScoreScale::Nps);
        assert_eq!(ScoreScale::from_range(&range(&[0.5])), ScoreScale::Nps);
        assert_eq!(ScoreScale::from_range(&range(&[])), ScoreScale::Nps);
    }

    #[test]
    fn the_user_overrides_the_header_which_overrides_the_values() {
        let stars = range(&[2.0, 4.0]);
        assert_eq!(ScoreScale::decide(None, "score", &stars), ScoreScale::Stars);
        assert_eq!(ScoreScale::decide(None, "nps", &stars), ScoreScale::Nps);
        let given = Some(ScoreScale::Stars);
        assert_eq!(
            ScoreScale::decide(given, "nps", &range(&[9.0])),
            ScoreScale::Stars
        );
    }

    #[test]
    fn range_keeps_min_and_max() {
        let seen = range(&[7.0, 2.0, 9.0]);
        assert_eq!((seen.min(), seen.max()), (Some(2.0), Some(9.0)));
        assert_eq!(ScoreRange::default().min(), None);
    }
}
