//! Dates of feedback rows and the periods they fall in: reading the `date`
//! column's common export formats, deciding the order of day and month in a
//! file of `03/04/2026` dates, and bucketing days into weeks, months and
//! quarters for the analysis over time.
//!
//! Floor `feedback`: imports nothing of planlint's; pure functions over
//! text and numbers.

/// A date as read from one row, before the file's order of day and month is
/// known. Ordered, hashed and small, so that it can key counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateKey {
    /// A whole day: days since 1970-01-01 (proleptic Gregorian).
    Day(i32),
    /// A month without a day (`2026-03`): months since 1970-01 (0 = 1970-01).
    Month(i32),
    /// `A/B/YYYY` (or `A-B-YYYY`) read without a `--date-format`: which of
    /// A and B is the day is decided for the whole file at its end.
    Slash { first: u8, second: u8, year: u16 },
}

/// Which of the two leading numbers of `A/B/YYYY` is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlashOrder {
    /// `DD/MM/YYYY`
    DayFirst,
    /// `MM/DD/YYYY`
    MonthFirst,
}

/// Why a row's date could not be read. The value itself is never repeated:
/// it comes from an untrusted file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Undated {
    /// The field is empty.
    Empty,
    /// Not in any format planlint reads.
    Format,
    /// In a known format, but no such day (`2026-02-30`, month 13).
    NoSuchDay,
    /// A `A/B/YYYY` date that does not fit the file's order of day and month.
    Order,
    /// A month without a day, in an analysis by week.
    MonthOnly,
}

/// How the file's `A/B/YYYY` dates were read, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderSource {
    /// `--date-format`.
    Option,
    /// A leading number above 12 shows which is the day.
    Evidence,
    /// Every leading number is 12 or below: day first was assumed.
    Assumed,
    /// Some dates have the day first and others the month first: the order
    /// with more such dates was taken, and the others are undated.
    Mixed,
}

/// The length of the periods of an analysis over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// ISO weeks, Monday to Sunday, labelled `2026-W05`.
    Week,
    /// Calendar months, labelled `2026-03`.
    Month,
    /// Calendar quarters, labelled `2026-Q1`.
    Quarter,
}
