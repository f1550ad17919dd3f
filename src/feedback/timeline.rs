//! Feedback over time: counters per date for the whole file and for each
//! persona, touchpoint and channel, and the periods (weeks, months,
//! quarters) they add up to once the whole file has been read.
//!
//! Counters are kept by the date as read, not by period: which period a
//! date falls in depends on the file's order of day and month and on the
//! length of period chosen from its span, both known only at its end. A
//! series that has seen more than [`MAX_DAYS`] days spans more than 13
//! weeks, so the file will be cut into months or quarters (unless `--period
//! week` says otherwise): its days are then kept as months, which is what
//! keeps a batch of rows with dates all over the year cheap. Every counter
//! costs memory, so a file has a budget of them ([`MAX_CELLS`]); rows past
//! it are counted, not placed.
//!
//! Floor `feedback`: imports `dates` and the counters of `aggregate`.

use std::collections::hash_map::Entry;

use rustc_hash::FxHashMap as HashMap;

use super::aggregate::{PolarityCounts, Scores};
use super::dates::{DateKey, Period, SlashOrder, Undated, civil_from_days};
use super::{Polarity, ScoreScale};
use crate::feedback::stats::NpsCounts;

/// Counters (a date of a group) kept per analysis. A year of daily
/// feedback on a plan's thirty personas, touchpoints and channels takes
/// about 11,000.
pub const MAX_CELLS: usize = 100_000;

/// Days a series keeps before it keeps months instead: more days than
/// these span more than the 91 days up to which periods are weeks.
pub const MAX_DAYS: usize = 92;

/// What the rows of one date (of one group, or of the whole file) say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub rows: u64,
    pub scores: Scores,
    /// Rows with a comment, by polarity.
    pub polarity: PolarityCounts,
    pub fatigue: u64,
}

impl Cell {
    pub fn add(&mut self, point: Option<usize>, polarity: Option<Polarity>, fatigue: bool) {
        self.rows += 1;
        if let Some(point) = point {
            self.scores.add_point(point);
        }
        if let Some(polarity) = polarity {
            self.polarity.add(polarity);
        }
        self.fatigue += u64::from(fatigue);
    }

    pub fn absorb(&mut self, other: &Cell) {
        self.rows += other.rows;
        self.scores.merge(&other.scores);
        self.polarity.merge(other.polarity);
        self.fatigue += other.fatigue;
    }

    pub fn nps_counts(&self, scale: ScoreScale) -> NpsCounts {
        self.scores.counts(scale)
    }
}

/// How many counters an analysis may still add, the rows that found no
/// room, and whether days must be kept as days (`--period week`) or may be
/// kept as months from the first.
#[derive(Debug, Clone)]
pub struct Budget {
    left: usize,
    /// Placements of a row in a series that did not fit.
    pub overflow: u64,
    pub keep_days: bool,
    /// The rows counted span more than 13 weeks, so periods will not be
    /// weeks: every series keeps months from its first date on.
    pub months: bool,
}

impl Default for Budget {
    fn default() -> Self {
        Self::new(false)
    }
}

impl Budget {
    pub fn new(keep_days: bool) -> Self {
        Self {
            left: MAX_CELLS,
            overflow: 0,
            keep_days,
            months: false,
        }
    }

    /// A budget of `left` counters, for tests that fill it.
    #[cfg(test)]
    pub(crate) fn with_room(left: usize) -> Self {
        Self {
            left,
            ..Self::new(false)
        }
    }
}

impl Budget {
    fn take(&mut self) -> bool {
        self.take_many(1)
    }

    /// Takes `n` counters if there is room for all of them.
    fn take_many(&mut self, n: usize) -> bool {
        let room = self.left >= n;
        if room {
            self.left -= n;
        }
        room
    }

    pub fn merge(&mut self, other: &Budget) {
        self.overflow += other.overflow;
    }
}

/// Months in a row a series keeps in [`Series::months`].
const MAX_RUN_MONTHS: i64 = 120;

/// The counters of one group by date.
#[derive(Debug, Clone, Default)]
pub struct Series {
    cells: HashMap<DateKey, Cell>,
    /// The counters of consecutive months ([`DateKey::Month`]) from
    /// `first_month` on, where most series keep most of their rows:
    /// indexing is cheaper than hashing, once per row and group. A month
    /// is counted here or in `cells`, never in both: the run grows to take
    /// a new month (each month it adds takes a counter of the budget) until
    /// a month falls in `cells`, because it would make the run longer than
    /// [`MAX_RUN_MONTHS`] or the budget had no room; then it grows no more.
    months: Vec<Cell>,
    first_month: i32,
    run_closed: bool,
    /// Days kept as days.
    days: usize,
    /// Whether days are kept as months ([`MAX_DAYS`]).
    monthly: bool,
    /// Whether a row found no room: the series misses some of its rows.
    incomplete: bool,
}

impl Series {
    /// A series of `cells` by date, to be merged into another: a series as
    /// a summary file keeps it ([`super::state`]). Counters of months
    /// (`03/04/2026` dates under each order) make sense only if `monthly`.
    pub(super) fn of_cells(
        cells: HashMap<DateKey, Cell>,
        monthly: bool,
        incomplete: bool,
    ) -> Series {
        Series {
            days: cells.keys().filter(|&&key| is_day(key)).count(),
            cells,
            monthly,
            incomplete,
            ..Series::default()
        }
    }

    /// Counts a row of `date` with `count`, in the counter of its day or
    /// month, added when there is room. `month` is the month of a whole day,
    /// worked out once for every series a row is counted in. A `03/04/2026`
    /// date in a series that keeps months is counted in two (see
    /// [`DateKey::SlashMonth`]).
    pub fn add(
        &mut self,
        date: DateKey,
        month: Option<DateKey>,
        budget: &mut Budget,
        mut count: impl FnMut(&mut Cell),
    ) {
        // Most rows: a day of a month the run already holds, once the
        // series keeps months.
        if self.monthly
            && let (DateKey::Day(_), Some(DateKey::Month(month))) = (date, month)
            && let Some(i) = month
                .checked_sub(self.first_month)
                .and_then(|offset| usize::try_from(offset).ok())
            && let Some(cell) = self.months.get_mut(i)
        {
            count(cell);
            return;
        }
        for key in self.keys(date, month, budget).into_iter().flatten() {
            match self.cell(key, budget) {
                Some(cell) => count(cell),
                None => {
                    budget.overflow += 1;
                    self.incomplete = true;
                }
            }
        }
    }

    /// The counter of `key`, added when there is room; `None` when there is
    /// none.
    fn cell(&mut self, key: DateKey, budget: &mut Budget) -> Option<&mut Cell> {
        if let DateKey::Month(month) = key
            && let Some(i) = self.run_index(month, budget)
        {
            return Some(&mut self.months[i]);
        }
        match self.cells.entry(key) {
            Entry::Occupied(cell) => Some(cell.into_mut()),
            Entry::Vacant(_) if !budget.take() => None,
            Entry::Vacant(cell) => {
                self.days += usize::from(is_day(key));
                Some(cell.insert(Cell::default()))
            }
        }
    }

    /// Where `month` is counted in the run of months, which grows to take
    /// it if it can; `None` if it is counted in `cells`.
    fn run_index(&mut self, month: i32, budget: &mut Budget) -> Option<usize> {
        let offset = i64::from(month) - i64::from(self.first_month);
        let len = self.months.len() as i64;
        if (0..len).contains(&offset) {
            return Some(offset as usize);
        }
        if self.run_closed {
            return None;
        }
        let (start, end) = if len == 0 {
            (i64::from(month), i64::from(month) + 1)
        } else {
            let first = i64::from(self.first_month);
            (
                first.min(i64::from(month)),
                (first + len).max(i64::from(month) + 1),
            )
        };
        let added = (end - start - len) as usize;
        if end - start > MAX_RUN_MONTHS || !budget.take_many(added) {
            self.run_closed = true;
            return None;
        }
        if start < i64::from(self.first_month) && len > 0 {
            let before = vec![Cell::default(); added];
            self.months.splice(0..0, before);
        } else {
            self.months
                .resize(self.months.len() + added, Cell::default());
        }
        self.first_month = start as i32;
        Some((i64::from(month) - start) as usize)
    }

    /// The keys `date` is counted under: itself, until the series keeps
    /// months, which it does from the date past [`MAX_DAYS`] on (the series
    /// then spans more than the 91 days periods are weeks up to); then its
    /// month, or for a `03/04/2026` date its month under each order.
    fn keys(
        &mut self,
        date: DateKey,
        month: Option<DateKey>,
        budget: &mut Budget,
    ) -> [Option<DateKey>; 2] {
        if !is_day(date) {
            return [Some(date), None];
        }
        if !self.monthly
            && !budget.keep_days
            && (budget.months || self.days >= MAX_DAYS && !self.cells.contains_key(&date))
        {
            self.keep_months(budget);
        }
        if self.monthly {
            months_of(date, month)
        } else {
            [Some(date), None]
        }
    }

    /// Keeps the dates counted so far as months.
    fn keep_months(&mut self, budget: &mut Budget) {
        self.monthly = true;
        let dates = std::mem::take(&mut self.cells);
        // The days' counters are given back, and the months' taken.
        budget.left += dates.len();
        self.days = 0;
        for (date, cell) in dates {
            for key in months_of(date, None).into_iter().flatten() {
                match self.cell(key, budget) {
                    Some(mine) => mine.absorb(&cell),
                    None => {
                        budget.overflow += cell.rows;
                        self.incomplete = true;
                    }
                }
            }
        }
    }

    /// Adds another series' counters, as far as the budget allows.
    pub fn merge(&mut self, other: &Series, budget: &mut Budget) {
        if other.monthly && !self.monthly {
            self.keep_months(budget);
        }
        self.incomplete |= other.incomplete;
        for (date, theirs) in other.iter() {
            for key in self.keys(date, None, budget).into_iter().flatten() {
                match self.cell(key, budget) {
                    Some(mine) => mine.absorb(theirs),
                    None => {
                        budget.overflow += theirs.rows;
                        self.incomplete = true;
                    }
                }
            }
        }
    }

    /// Whether days are kept as months: the series spans more than 13
    /// weeks, and periods cannot be weeks.
    pub fn is_monthly(&self) -> bool {
        self.monthly
    }

    /// Whether some of the series' rows found no room, so that its periods
    /// may be short: no trend is told from it.
    pub fn is_incomplete(&self) -> bool {
        self.incomplete
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty() && self.months.is_empty()
    }

    /// Every date with its counters, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (DateKey, &Cell)> {
        let run = (self.first_month..).zip(&self.months);
        let run = run
            .filter(|(_, cell)| cell.rows > 0)
            .map(|(month, cell)| (DateKey::Month(month), cell));
        self.cells
            .iter()
            .map(|(&date, cell)| (date, cell))
            .chain(run)
    }

    /// The counters by period, oldest first, and the rows whose date could
    /// not be placed in one, by reason.
    pub fn periods(&self, dating: &Dating) -> Periods {
        let mut periods: HashMap<i32, Cell> = HashMap::default();
        let mut undated: HashMap<Undated, u64> = HashMap::default();
        for (date, cell) in self.iter() {
            if date.is_other_order(dating.order) {
                continue;
            }
            match dating.bucket(date) {
                Ok(bucket) => periods.entry(bucket).or_default().absorb(cell),
                Err(why) => *undated.entry(why).or_default() += cell.rows,
            }
        }
        let mut periods: Vec<_> = periods.into_iter().collect();
        periods.sort_unstable_by_key(|&(bucket, _)| bucket);
        let mut undated: Vec<_> = undated.into_iter().collect();
        undated.sort_unstable();
        (periods, undated)
    }
}

/// The first and the last period of a series with at least `min` scores,
/// labelled, with their scores by NPS class, when they are two: what a
/// trend is judged from (FB008, the summary's trends).
pub fn ends(
    series: &Series,
    dating: &Dating,
    scale: ScoreScale,
    min: u64,
) -> Option<((String, NpsCounts), (String, NpsCounts))> {
    if series.incomplete {
        return None;
    }
    let (periods, _) = series.periods(dating);
    let mut enough = periods
        .iter()
        .map(|(bucket, cell)| (*bucket, cell.nps_counts(scale)))
        .filter(|(_, counts)| counts.scored() >= min);
    let first = enough.next()?;
    let last = enough.next_back()?;
    let label = |(bucket, counts): (i32, NpsCounts)| (dating.period.label(bucket), counts);
    Some((label(first), label(last)))
}

/// A series by period, oldest first (each period's ordinal, see
/// [`Period::bucket`]), and the rows that are in none, by reason.
pub type Periods = (Vec<(i32, Cell)>, Vec<(Undated, u64)>);

/// How a file's dates are read into periods, decided once it has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dating {
    pub order: SlashOrder,
    pub period: Period,
}

impl Dating {
    pub fn bucket(&self, date: DateKey) -> Result<i32, Undated> {
        self.period.bucket(date, self.order)
    }
}

/// Whether a key names a date (a day, or `03/04/2026`) rather than a month.
fn is_day(date: DateKey) -> bool {
    matches!(date, DateKey::Day(_) | DateKey::Slash { .. })
}

/// The month keys a date is kept under once its series keeps months: a
/// day's month (`month` when already worked out), a `03/04/2026` date's
/// month under each order; a month stays as it is.
fn months_of(date: DateKey, month: Option<DateKey>) -> [Option<DateKey>; 2] {
    match date {
        DateKey::Day(day) => [Some(month.unwrap_or_else(|| month_of(day))), None],
        DateKey::Slash {
            first,
            second,
            year,
        } => [
            Some(DateKey::SlashMonth {
                month: second,
                year,
                day_first: true,
            }),
            Some(DateKey::SlashMonth {
                month: first,
                year,
                day_first: false,
            }),
        ],
        other => [Some(other), None],
    }
}

/// The month of a day, as a [`DateKey::Month`].
pub fn month_of(day: i32) -> DateKey {
    let (year, month, _) = civil_from_days(day);
    DateKey::Month((year - 1970) * 12 + month as i32 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::dates::days_from_civil;

    fn series(days: impl IntoIterator<Item = i32>) -> Series {
        let mut series = Series::default();
        let mut budget = Budget::default();
        for day in days {
            series.add(DateKey::Day(day), None, &mut budget, |cell| {
                cell.add(Some(10), Some(Polarity::Positive), false);
            });
        }
        series
    }

    fn by_month(series: &Series) -> Vec<(i32, u64)> {
        let dating = Dating {
            order: SlashOrder::DayFirst,
            period: Period::Month,
        };
        let (periods, undated) = series.periods(&dating);
        assert!(undated.is_empty());
        periods.into_iter().map(|(m, c)| (m, c.rows)).collect()
    }

    /// Days past `MAX_DAYS` are kept as months, and merging a series that
    /// keeps days with one that keeps months, either way round, counts
    /// every row in the month it belongs to.
    #[test]
    fn days_kept_as_months_merge_either_way() {
        let start = days_from_civil(2026, 1, 1);
        let year = series(start..start + 365);
        assert!(year.is_monthly() && year.months.len() == 12 && year.cells.is_empty());
        let few = series([start + 40, start + 41, start + 200]);
        assert!(!few.is_monthly());
        let mut one = year.clone();
        one.merge(&few, &mut Budget::default());
        let mut other = few.clone();
        other.merge(&year, &mut Budget::default());
        assert!(other.is_monthly());
        assert_eq!(by_month(&one), by_month(&other));
        let rows: u64 = by_month(&one).iter().map(|(_, n)| n).sum();
        assert_eq!(rows, 368);
        let february = by_month(&one)[1];
        assert_eq!(february.1, 28 + 2);
    }

    /// Found by review: whether a series keeps months must not depend on
    /// the order of its rows. 92 days span 91, which is still weeks.
    #[test]
    fn ninety_two_days_stay_days_whatever_their_order() {
        let start = days_from_civil(2026, 1, 1);
        let repeat_last = series((start..start + 92).chain([start]));
        let repeat_first = series([start].into_iter().chain(start..start + 92));
        assert!(!repeat_last.is_monthly() && !repeat_first.is_monthly());
        assert!(series(start..start + 93).is_monthly());
    }

    /// A year of `03/04/2026` dates is kept as months under each order,
    /// and read under the file's: the same periods as the days would give.
    #[test]
    fn slash_dates_are_kept_as_months_under_each_order() {
        let mut series = Series::default();
        let mut budget = Budget::default();
        let mut expected = HashMap::default();
        for month in 1..=12u8 {
            for day in 1..=28u8 {
                let date = DateKey::Slash {
                    first: day,
                    second: month,
                    year: 2026,
                };
                series.add(date, None, &mut budget, |cell| cell.add(None, None, false));
                *expected.entry(month).or_insert(0u64) += 1;
            }
        }
        assert!(series.is_monthly() && series.iter().count() <= 24 + 92);
        let dating = Dating {
            order: SlashOrder::DayFirst,
            period: Period::Month,
        };
        let (periods, undated) = series.periods(&dating);
        assert_eq!(periods.len(), 12);
        assert!(periods.iter().all(|(_, c)| c.rows == 28), "{periods:?}");
        // Read month first, day numbers above 12 are no months.
        let month_first = Dating {
            order: SlashOrder::MonthFirst,
            ..dating
        };
        let (periods, undated_mf) = series.periods(&month_first);
        assert_eq!(periods.len(), 12);
        let rows: u64 = periods.iter().map(|(_, c)| c.rows).sum::<u64>()
            + undated_mf.iter().map(|(_, n)| n).sum::<u64>();
        assert_eq!(rows, 12 * 28);
        assert!(undated.is_empty());
    }

    /// Months before, after and far from the run of months are counted
    /// where they belong; a month that would make the run too long is
    /// counted in the map, and the run grows no more.
    #[test]
    fn months_out_of_order_and_far_apart_count_once() {
        let month = |year: i32, m: i32| DateKey::Month((year - 1970) * 12 + m - 1);
        let keys = [
            month(2026, 12),
            month(2025, 1),
            month(2026, 3),
            month(2045, 6),
            month(2025, 2),
            month(2024, 12),
            month(2045, 6),
        ];
        let mut series = Series::default();
        let mut budget = Budget::default();
        for key in keys {
            series.add(key, None, &mut budget, |cell| cell.add(None, None, false));
        }
        assert!(
            series.run_closed && series.cells.len() == 2,
            "2045-06 and 2024-12"
        );
        assert_eq!(series.months.len(), 24, "2025-01 to 2026-12");
        assert_eq!(MAX_CELLS - budget.left, 26);
        let mut counted: Vec<(DateKey, u64)> = series.iter().map(|(k, c)| (k, c.rows)).collect();
        counted.sort_unstable();
        let mut expected: Vec<(DateKey, u64)> = keys[..6].iter().map(|&k| (k, 1)).collect();
        expected[3].1 = 2;
        expected.sort_unstable();
        assert_eq!(counted, expected);
    }

    /// Keeping months from the first date ([`Budget::months`]) counts what
    /// keeping days and folding them into months counts.
    #[test]
    fn months_from_the_first_date_count_what_folded_days_count() {
        let start = days_from_civil(2025, 11, 20);
        let days: Vec<i32> = (0..400).map(|i| start + (i * 37) % 400).collect();
        let folded = series(days.iter().copied());
        let mut budget = Budget {
            months: true,
            ..Budget::default()
        };
        let mut direct = Series::default();
        for &day in &days {
            direct.add(DateKey::Day(day), None, &mut budget, |cell| {
                cell.add(Some(10), Some(Polarity::Positive), false);
            });
        }
        assert!(direct.is_monthly() && direct.cells.is_empty());
        assert_eq!(by_month(&direct), by_month(&folded));
    }

    #[test]
    fn a_run_of_months_that_finds_no_room_is_closed() {
        let mut series = Series::default();
        let mut budget = Budget::with_room(3);
        for m in [0, 2, 10, 11] {
            series.add(DateKey::Month(m), None, &mut budget, |cell| {
                cell.add(None, None, false);
            });
        }
        // 0..=2 took three counters; 10 finds no room for eight more.
        assert!(series.run_closed && series.months.len() == 3);
        assert_eq!(budget.overflow, 2);
        assert!(series.is_incomplete());
    }

    #[test]
    fn week_analyses_keep_days() {
        let start = days_from_civil(2026, 1, 1);
        let mut series = Series::default();
        let mut budget = Budget::new(true);
        for day in start..start + 365 {
            series.add(DateKey::Day(day), None, &mut budget, |_| ());
        }
        assert!(!series.is_monthly() && series.cells.len() == 365);
    }

    #[test]
    fn counters_past_the_budget_are_counted_not_kept() {
        let mut series = Series::default();
        let mut budget = Budget::with_room(2);
        for day in 0..5 {
            series.add(DateKey::Day(day), None, &mut budget, |_| ());
        }
        assert_eq!((series.cells.len(), budget.overflow), (2, 3));
    }
}
