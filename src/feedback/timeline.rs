//! Feedback over time: counters per date for the whole file and for each
//! persona, touchpoint and channel, and the periods (weeks, months,
//! quarters) they add up to once the whole file has been read.
//!
//! Counters are kept by the date as read, not by period: which period a
//! date falls in depends on the file's order of day and month and on the
//! length of period chosen from its span, both known only at its end. Every
//! counter costs memory, so a file has a budget of them ([`MAX_CELLS`]);
//! rows past it are counted, not placed.
//!
//! Floor `feedback`: imports `dates` and the counters of `aggregate`.

use rustc_hash::FxHashMap as HashMap;

use super::aggregate::{PolarityCounts, Scores};
use super::dates::{DateKey, Period, SlashOrder, Undated};
use super::{Polarity, ScoreScale};
use crate::feedback::stats::NpsCounts;

/// Counters (a date of a group) kept per analysis. A year of daily
/// feedback on a plan's thirty personas, touchpoints and channels takes
/// about 11,000.
pub const MAX_CELLS: usize = 100_000;

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

/// How many counters an analysis may still add, and the rows that found no
/// room.
#[derive(Debug, Clone)]
pub struct Budget {
    left: usize,
    /// Placements of a row in a series that did not fit.
    pub overflow: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            left: MAX_CELLS,
            overflow: 0,
        }
    }
}

impl Budget {
    fn take(&mut self) -> bool {
        let room = self.left > 0;
        self.left = self.left.saturating_sub(1);
        room
    }

    pub fn merge(&mut self, other: &Budget) {
        self.overflow += other.overflow;
    }
}

/// The counters of one group by date.
#[derive(Debug, Clone, Default)]
pub struct Series {
    cells: HashMap<DateKey, Cell>,
}

impl Series {
    /// The counter of `date`, added when there is room.
    pub fn cell(&mut self, date: DateKey, budget: &mut Budget) -> Option<&mut Cell> {
        if !self.cells.contains_key(&date) && !budget.take() {
            budget.overflow += 1;
            return None;
        }
        Some(self.cells.entry(date).or_default())
    }

    /// Adds another series' counters, as far as the budget allows.
    pub fn merge(&mut self, other: &Series, budget: &mut Budget) {
        for (&date, theirs) in &other.cells {
            match self.cells.get_mut(&date) {
                Some(mine) => mine.absorb(theirs),
                None if budget.take() => {
                    self.cells.insert(date, theirs.clone());
                }
                None => budget.overflow += theirs.rows,
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    /// Every date with its counters, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&DateKey, &Cell)> {
        self.cells.iter()
    }

    /// The counters by period, oldest first, and the rows whose date could
    /// not be placed in one, by reason.
    pub fn periods(&self, dating: &Dating) -> Periods {
        let mut periods: HashMap<i32, Cell> = HashMap::default();
        let mut undated: HashMap<Undated, u64> = HashMap::default();
        for (&date, cell) in &self.cells {
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
