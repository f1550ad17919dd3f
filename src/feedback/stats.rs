//! The statistics of customer feedback, in one place for the rules, the
//! summaries and the report: the Net Promoter Score with its 95% interval,
//! shares with theirs, tests of a difference between two periods or between
//! a segment and the rest of the file, and the impact of a theme on NPS.
//!
//! Floor `feedback`: imports nothing of planlint's; pure functions over
//! counts.

use serde::Serialize;

/// The normal quantile of a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The scores of a group of customers by NPS class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NpsCounts {
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
}

/// A 95% interval: for an NPS in points from -100 to 100, for a share from
/// 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// The test of a difference between two groups: `a` minus `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    /// The difference of the two estimates as reported (NPS points, or a
    /// share from -1 to 1).
    pub difference: f64,
    pub z: f64,
    /// The two-sided p-value: how often a difference this large would come
    /// from noise alone.
    pub p: f64,
}

impl NpsCounts {
    pub fn scored(&self) -> u64 {
        self.promoters + self.passives + self.detractors
    }

    /// Promoters' percentage minus detractors', -100 to 100; `None` without
    /// scores.
    pub fn nps(&self) -> Option<f64> {
        let n = self.scored();
        (n > 0).then(|| 100.0 * (self.promoters as f64 - self.detractors as f64) / n as f64)
    }

    /// The counts of the scores that are in `self` and not in `part`
    /// (the rest of a file, or the rows that do not mention a theme).
    pub fn without(&self, part: &NpsCounts) -> NpsCounts {
        NpsCounts {
            promoters: self.promoters.saturating_sub(part.promoters),
            passives: self.passives.saturating_sub(part.passives),
            detractors: self.detractors.saturating_sub(part.detractors),
        }
    }

    /// The adjusted-Wald estimate (Rocks 2016): three quarters of a
    /// promoter and of a detractor, and three scores, are added before the
    /// shares are taken, which keeps the interval honest for small groups.
    /// Returns the adjusted NPS and its standard error, in points.
    fn adjusted(&self) -> (f64, f64) {
        let n = self.scored() as f64 + 3.0;
        let p = (self.promoters as f64 + 0.75) / n;
        let d = (self.detractors as f64 + 0.75) / n;
        let variance = (p + d - (p - d).powi(2)) / n;
        (100.0 * (p - d), 100.0 * variance.sqrt())
    }

    /// The 95% adjusted-Wald interval of the NPS, clipped to -100..100.
    pub fn interval(&self) -> Interval {
        self.interval_at(Z95)
    }

    /// The adjusted-Wald interval at the normal quantile `z`, clipped to
    /// -100..100. It is centred on the adjusted estimate, not on the NPS
    /// itself; when the adjustment moves the centre so far that the NPS
    /// falls outside (1 promoter of 1: 100, adjusted 36), the interval is
    /// widened to hold the NPS, so that no report shows a figure outside
    /// its own interval.
    pub fn interval_at(&self, z: f64) -> Interval {
        let (nps, se) = self.adjusted();
        let plain = self.nps().unwrap_or(nps);
        Interval {
            low: (nps - z * se).max(-100.0).min(plain),
            high: (nps + z * se).min(100.0).max(plain),
        }
    }

    /// Tests whether the NPS of `self` differs from that of `other`, with the
    /// adjusted-Wald estimates and standard errors of both (a two-sample z
    /// test). The difference reported is that of the plain NPS.
    pub fn compare(&self, other: &NpsCounts) -> Option<Difference> {
        let (a, b) = (self.nps()?, other.nps()?);
        let ((a_adj, a_se), (b_adj, b_se)) = (self.adjusted(), other.adjusted());
        let z = (a_adj - b_adj) / (a_se.powi(2) + b_se.powi(2)).sqrt();
        Some(Difference {
            difference: a - b,
            z,
            p: two_sided_p(z),
        })
    }
}

/// The Wilson score interval of a share of `k` in `n` at 95%, which stays
/// within 0..1 and is honest for small `n` and shares near 0 or 1; `None`
/// when `n` is 0.
pub fn wilson(k: u64, n: u64) -> Option<Interval> {
    wilson_at(k, n, Z95)
}

/// [`wilson`] at the normal quantile `z`.
pub fn wilson_at(k: u64, n: u64, z: f64) -> Option<Interval> {
    if n == 0 {
        return None;
    }
    let (n, share) = (n as f64, k.min(n) as f64 / n as f64);
    let z2 = z * z;
    let centre = (share + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z / (1.0 + z2 / n) * (share * (1.0 - share) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Interval {
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    })
}

/// Tests whether the share `k1/n1` differs from `k2/n2` (a two-proportion z
/// test with the pooled share); `None` when a group is empty or the pooled
/// share is 0 or 1, where there is no variation to test.
pub fn compare_shares(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<Difference> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (a, b) = (k1 as f64 / n1 as f64, k2 as f64 / n2 as f64);
    let pooled = (k1 + k2) as f64 / (n1 + n2) as f64;
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 as f64 + 1.0 / n2 as f64)).sqrt();
    if se == 0.0 {
        return None;
    }
    let z = (a - b) / se;
    Some(Difference {
        difference: a - b,
        z,
        p: two_sided_p(z),
    })
}

/// How much a theme moves the NPS: the NPS of all scores minus the NPS of
/// the scores whose comments do not mention it (Thematic's definition,
/// Qualtrics' recommended driver metric). Negative for a theme that drags
/// the score down. `None` when either has no scores.
pub fn theme_impact(all: &NpsCounts, with_theme: &NpsCounts) -> Option<f64> {
    Some(all.nps()? - all.without(with_theme).nps()?)
}

/// The two-sided p-value of a standard normal statistic.
pub fn two_sided_p(z: f64) -> f64 {
    libm::erfc(z.abs() / std::f64::consts::SQRT_2)
}

/// The normal quantile whose two-sided p-value is `p` (1.96 for 0.05):
/// the `z` of an interval that holds the truth with chance `1 - p`. Found
/// by bisection, to a millionth.
pub fn z_for(p: f64) -> f64 {
    let p = p.clamp(1e-300, 1.0);
    let (mut low, mut high) = (0.0, 40.0);
    while high - low > 1e-6 {
        let mid = (low + high) / 2.0;
        if two_sided_p(mid) > p {
            low = mid;
        } else {
            high = mid;
        }
    }
    (low + high) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(promoters: u64, passives: u64, detractors: u64) -> NpsCounts {
        NpsCounts {
            promoters,
            passives,
            detractors,
        }
    }

    fn near(a: f64, b: f64, within: f64) -> bool {
        (a - b).abs() <= within
    }

    /// Worked by hand: 36 promoters, 16 passives and 12 detractors of 64
    /// give an NPS of 37.5; adjusted, n' = 67, p = .5485, d = .1903, NPS'
    /// 35.8, SE 9.55, interval 17.1..54.5.
    #[test]
    fn the_adjusted_wald_interval_matches_a_worked_example() {
        let c = counts(36, 16, 12);
        assert_eq!(c.nps(), Some(37.5));
        let (adjusted, se) = c.adjusted();
        assert!(near(adjusted, 35.82, 0.01), "{adjusted}");
        assert!(near(se, 9.546, 0.001), "{se}");
        let i = c.interval();
        assert!(
            near(i.low, 17.11, 0.01) && near(i.high, 54.53, 0.01),
            "{i:?}"
        );
    }

    /// The example: 11 scores with an NPS near -27 span about ±45
    /// points, so the interval reaches above zero.
    #[test]
    fn eleven_scores_leave_a_wide_interval() {
        let c = counts(2, 4, 5);
        assert!(near(c.nps().unwrap(), -27.3, 0.05));
        let i = c.interval();
        assert!(i.low < -60.0 && i.high > 10.0, "{i:?}");
    }

    #[test]
    fn intervals_are_clipped_and_contain_the_adjusted_estimate() {
        for c in [
            counts(0, 0, 1),
            counts(5, 0, 0),
            counts(0, 0, 0),
            counts(100, 3, 0),
        ] {
            let i = c.interval();
            let (adjusted, _) = c.adjusted();
            assert!(i.low >= -100.0 && i.high <= 100.0, "{c:?} {i:?}");
            assert!(i.low <= adjusted && adjusted <= i.high, "{c:?} {i:?}");
        }
        assert_eq!(counts(0, 0, 0).nps(), None);
    }

    /// Wilson's interval for 9 of 12, worked by hand: 0.468..0.911.
    #[test]
    fn wilson_matches_a_worked_example_and_stays_in_bounds() {
        let i = wilson(9, 12).unwrap();
        assert!(
            near(i.low, 0.4677, 0.0005) && near(i.high, 0.9111, 0.0005),
            "{i:?}"
        );
        let none = wilson(0, 10).unwrap();
        assert!(
            none.low == 0.0 && near(none.high, 0.2775, 0.0005),
            "{none:?}"
        );
        let all = wilson(10, 10).unwrap();
        assert!(
            near(all.low, 0.7225, 0.0005) && near(all.high, 1.0, 1e-12),
            "{all:?}"
        );
        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn quantiles_invert_p_values() {
        assert!(near(z_for(0.05), Z95, 1e-5));
        assert!(near(z_for(0.01), 2.575_829, 1e-5));
        assert!(near(z_for(0.05 / 20.0), 3.023_341, 1e-5));
    }

    #[test]
    fn the_nps_is_always_inside_its_interval() {
        let one = counts(1, 0, 0).interval();
        assert!(one.high == 100.0 && one.low < 0.0, "{one:?}");
        let none = counts(0, 0, 3).interval();
        assert!(none.low == -100.0, "{none:?}");
    }

    #[test]
    fn p_values_follow_the_normal_distribution() {
        assert!(near(two_sided_p(Z95), 0.05, 1e-9));
        assert!(near(two_sided_p(0.0), 1.0, 1e-12));
        assert!(near(two_sided_p(-2.575_829), 0.01, 1e-6));
        assert!(two_sided_p(40.0) < 1e-300);
    }

    #[test]
    fn a_large_fall_is_significant_and_a_small_sample_is_not() {
        let before = counts(60, 25, 15);
        let after = counts(30, 30, 40);
        let fall = after.compare(&before).unwrap();
        assert!(near(fall.difference, -55.0, 1e-9));
        assert!(fall.z < -4.0 && fall.p < 0.0001, "{fall:?}");
        let few = counts(1, 4, 3);
        let rest = counts(300, 400, 300);
        let d = few.compare(&rest).unwrap();
        assert!(d.difference < -20.0 && d.p > 0.05, "{d:?}");
        assert_eq!(counts(0, 0, 0).compare(&rest), None);
    }

    /// Two-proportion z test, worked by hand: 30 of 100 against 15 of 100,
    /// pooled share 0.225, gives z = 2.540 and p = 0.0111.
    #[test]
    fn shares_compare_with_the_pooled_z_test() {
        let d = compare_shares(30, 100, 15, 100).unwrap();
        assert!(near(d.difference, 0.15, 1e-12));
        assert!(near(d.z, 2.5400, 0.0005), "{d:?}");
        assert!(near(d.p, 0.01109, 0.0001), "{d:?}");
        assert_eq!(compare_shares(0, 10, 0, 10), None);
        assert_eq!(compare_shares(1, 0, 0, 10), None);
    }

    /// 10 scores: the 4 that mention "delivery" are all detractors. All
    /// scores: 4 promoters, 2 passives, 4 detractors, NPS 0; without the
    /// theme, 4 promoters of 6, NPS 66.7: the theme costs 66.7 points.
    #[test]
    fn theme_impact_is_the_nps_lost_to_the_theme() {
        let all = counts(4, 2, 4);
        let delivery = counts(0, 0, 4);
        let impact = theme_impact(&all, &delivery).unwrap();
        assert!(near(impact, -66.67, 0.01), "{impact}");
        assert_eq!(theme_impact(&all, &all), None);
    }
}
