//! Dates of feedback rows and the periods they fall in: reading the `date`
//! column's common export formats, deciding the order of day and month in a
//! file of `03/04/2026` dates, and bucketing days into weeks, months and
//! quarters for the analysis over time.
//!
//! Floor `feedback`: imports nothing of planlint's; pure functions over
//! text and numbers.

/// A date as read from one row, before the file's order of day and month is
/// known. Ordered, hashed and small, so that it can key counters. Part of
/// the summary file's format ([`super::state`]): variants are only added
/// at the end.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum DateKey {
    /// A whole day: days since 1970-01-01 (proleptic Gregorian).
    Day(i32),
    /// A month without a day (`2026-03`): months since 1970-01 (0 = 1970-01).
    Month(i32),
    /// `A/B/YYYY` (or `A-B-YYYY`) read without a `--date-format`: which of
    /// A and B is the day is decided for the whole file at its end.
    Slash { first: u8, second: u8, year: u16 },
    /// The month of a `A/B/YYYY` date under one order, for a series that
    /// keeps months before the file's order is known: such a date is kept
    /// twice, as month `B` day first and as month `A` month first, and only
    /// the copy of the file's order is read ([`DateKey::is_other_order`]).
    /// A month above 12 is a date that is no day in that order.
    SlashMonth {
        month: u8,
        year: u16,
        day_first: bool,
    },
}

/// Which of the two leading numbers of `A/B/YYYY` is the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SlashOrder {
    /// `DD/MM/YYYY`
    DayFirst,
    /// `MM/DD/YYYY`
    MonthFirst,
}

/// Why a row's date could not be read. The value itself is never repeated:
/// it comes from an untrusted file. Part of the summary file's format:
/// variants are only added at the end.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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

/// The length of the periods of an analysis over time. Part of the summary
/// file's format: variants are only added at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Period {
    /// ISO weeks, Monday to Sunday, labelled `2026-W05`.
    Week,
    /// Calendar months, labelled `2026-03`.
    Month,
    /// Calendar quarters, labelled `2026-Q1`.
    Quarter,
}

impl DateKey {
    /// The day this key names, under the file's `order` for an `A/B/YYYY`
    /// key: `Ok(None)` for a month without a day, `Err(Order)` for a slash
    /// date that is a real day only the other way round (`Err(NoSuchDay)`
    /// for one real in neither, which [`parse`] never returns).
    pub fn day(self, order: SlashOrder) -> Result<Option<i32>, Undated> {
        match self {
            DateKey::Day(day) => Ok(Some(day)),
            DateKey::Month(_) => Ok(None),
            DateKey::Slash {
                first,
                second,
                year,
            } => slash_day(first, second, year, order).map(Some),
            DateKey::SlashMonth { .. } => self.month(order).map(|_| None),
        }
    }

    /// Whether the key is the copy of a `A/B/YYYY` date's month under the
    /// order that is not the file's, which nothing reads.
    pub fn is_other_order(self, order: SlashOrder) -> bool {
        matches!(self, DateKey::SlashMonth { day_first, .. } if day_first != (order == SlashOrder::DayFirst))
    }

    /// The month this key falls in, as months since 1970-01, under the
    /// file's `order` for an `A/B/YYYY` key.
    pub fn month(self, order: SlashOrder) -> Result<i32, Undated> {
        match self {
            DateKey::Month(month) => Ok(month),
            DateKey::Day(day) => Ok(month_of_day(day)),
            DateKey::Slash {
                first,
                second,
                year,
            } => slash_day(first, second, year, order).map(month_of_day),
            DateKey::SlashMonth { month, year, .. } if !self.is_other_order(order) => {
                if (1..=12).contains(&month) {
                    Ok((i32::from(year) - 1970) * 12 + i32::from(month) - 1)
                } else {
                    Err(Undated::Order)
                }
            }
            DateKey::SlashMonth { .. } => Err(Undated::Order),
        }
    }
}

impl SlashOrder {
    /// The order a `--date-format` value names: `DD/MM/YYYY` or
    /// `MM/DD/YYYY` in any case, or the short `dmy` and `mdy`.
    pub fn parse_name(s: &str) -> Option<SlashOrder> {
        let is = |name: &str| s.eq_ignore_ascii_case(name);
        if is("DD/MM/YYYY") || is("dmy") {
            Some(SlashOrder::DayFirst)
        } else if is("MM/DD/YYYY") || is("mdy") {
            Some(SlashOrder::MonthFirst)
        } else {
            None
        }
    }

    /// The order as a reader writes it: `DD/MM/YYYY` or `MM/DD/YYYY`.
    pub fn name(self) -> &'static str {
        match self {
            SlashOrder::DayFirst => "DD/MM/YYYY",
            SlashOrder::MonthFirst => "MM/DD/YYYY",
        }
    }

    fn other(self) -> SlashOrder {
        match self {
            SlashOrder::DayFirst => SlashOrder::MonthFirst,
            SlashOrder::MonthFirst => SlashOrder::DayFirst,
        }
    }
}

impl Undated {
    /// A short lower-case reason for a report line.
    pub fn reason(self) -> &'static str {
        match self {
            Undated::Empty => "no date",
            Undated::Format => {
                "not a date planlint reads (YYYY-MM-DD, YYYY-MM, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY)"
            }
            Undated::NoSuchDay => "no such day",
            Undated::Order => "day and month in the other order than the file's",
            Undated::MonthOnly => "a month without a day, in an analysis by week",
        }
    }
}

impl Period {
    /// The period that gives a readable number of buckets for a span of
    /// days: weeks up to about three months, months up to two years,
    /// quarters beyond.
    pub fn choose(first_day: i32, last_day: i32) -> Period {
        let span = i64::from(last_day) - i64::from(first_day);
        if span <= 91 {
            Period::Week
        } else if span <= 731 {
            Period::Month
        } else {
            Period::Quarter
        }
    }

    /// The ordinal of the period `key` falls in; consecutive periods have
    /// consecutive ordinals. Weeks count from the Monday 1969-12-29, months
    /// from 1970-01, quarters from 1970-Q1.
    pub fn bucket(self, key: DateKey, order: SlashOrder) -> Result<i32, Undated> {
        match self {
            Period::Week => match key.day(order)? {
                // 1970-01-01 was a Thursday: three days after a Monday.
                Some(day) => Ok(((i64::from(day) + 3).div_euclid(7)) as i32),
                None => Err(Undated::MonthOnly),
            },
            Period::Month => key.month(order),
            Period::Quarter => Ok(key.month(order)?.div_euclid(3)),
        }
    }

    /// The label of a bucket from [`Period::bucket`]: `2026-W05` (ISO 8601
    /// week-numbering year), `2026-03` or `2026-Q1`. Any other integer gets
    /// a label too, without overflow, but not a meaningful one at the ends
    /// of the `i32` range.
    pub fn label(self, bucket: i32) -> String {
        match self {
            Period::Week => {
                // An ISO week belongs to the year of its Thursday.
                let thursday = bucket.saturating_mul(7);
                let (year, _, _) = civil_from_days(thursday);
                let week = (i64::from(thursday) - i64::from(days_from_civil(year, 1, 1))) / 7 + 1;
                format!("{year:04}-W{week:02}")
            }
            Period::Month => {
                let (year, month) = year_and_month(bucket);
                format!("{year:04}-{month:02}")
            }
            Period::Quarter => {
                let (year, month) = year_and_month(bucket.saturating_mul(3));
                format!("{year:04}-Q{}", (month - 1) / 3 + 1)
            }
        }
    }

    /// The period a `--period` value names: `week`, `month` or `quarter`,
    /// in any case.
    pub fn parse_name(s: &str) -> Option<Period> {
        [Period::Week, Period::Month, Period::Quarter]
            .into_iter()
            .find(|period| s.eq_ignore_ascii_case(period.name()))
    }

    /// `week`, `month` or `quarter`.
    pub fn name(self) -> &'static str {
        match self {
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
        }
    }
}

/// Reads a row's date field, surrounding ASCII white space ignored.
///
/// - `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by `T` or one space
///   and a time (`H:MM`, `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff`, optionally
///   `AM`/`PM`, optionally a zone `Z`, `+HH:MM`, `+HHMM` or `+HH`): the day
///   as written, whatever the time and zone.
/// - `YYYY-MM`: a month without a day.
/// - `D/M/YYYY` or `D-M-YYYY` (one or two digits each), optionally followed
///   by one space and a time: the day under `order`, or, without an order,
///   a [`DateKey::Slash`] left for [`SlashDates::order`].
/// - `D.M.YYYY`: always day first, optionally followed by one space and a
///   time.
///
/// Years run from 1000 to 9999. A field in none of these forms is
/// `Err(Format)`; one in a form but naming no real day (under `order`, or
/// under either order without one) is `Err(NoSuchDay)`. Reads bytes and
/// allocates nothing: it runs once per row.
pub fn parse(field: &str, order: Option<SlashOrder>) -> Result<DateKey, Undated> {
    let bytes = field.trim_ascii().as_bytes();
    if bytes.is_empty() {
        return Err(Undated::Empty);
    }
    let (lead, rest) = number(bytes, 1, 4).ok_or(Undated::Format)?;
    let lead_digits = bytes.len() - rest.len();
    match (lead_digits, rest.first()) {
        (4, Some(&sep @ (b'-' | b'/'))) => parse_year_first(lead, sep, &rest[1..]),
        (1 | 2, Some(&sep @ (b'/' | b'-' | b'.'))) => parse_year_last(lead, sep, &rest[1..], order),
        _ => Err(Undated::Format),
    }
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` and `YYYY-MM`, after the year and its
/// separator.
fn parse_year_first(year: u32, sep: u8, rest: &[u8]) -> Result<DateKey, Undated> {
    let (month, rest) = number(rest, 2, 2).ok_or(Undated::Format)?;
    check_year(year)?;
    let year = year as i32;
    let Some((&after_month, rest)) = rest.split_first() else {
        if sep != b'-' {
            return Err(Undated::Format);
        }
        if !(1..=12).contains(&month) {
            return Err(Undated::NoSuchDay);
        }
        return Ok(DateKey::Month((year - 1970) * 12 + month as i32 - 1));
    };
    if after_month != sep {
        return Err(Undated::Format);
    }
    let (day, rest) = number(rest, 2, 2).ok_or(Undated::Format)?;
    match rest.split_first() {
        None => {}
        Some((b'T' | b't' | b' ', time)) if time_of_day(time).is_some() => {}
        Some(_) => return Err(Undated::Format),
    }
    checked_day(year, month, day)
        .map(DateKey::Day)
        .ok_or(Undated::NoSuchDay)
}

/// `A/B/YYYY`, `A-B-YYYY` and `D.M.YYYY`, after the leading number and its
/// separator.
fn parse_year_last(
    first: u32,
    sep: u8,
    rest: &[u8],
    order: Option<SlashOrder>,
) -> Result<DateKey, Undated> {
    let (second, rest) = number(rest, 1, 2).ok_or(Undated::Format)?;
    let rest = rest.strip_prefix(&[sep]).ok_or(Undated::Format)?;
    let (year, rest) = number(rest, 4, 4).ok_or(Undated::Format)?;
    match rest.split_first() {
        None => {}
        Some((b' ', time)) if time_of_day(time).is_some() => {}
        Some(_) => return Err(Undated::Format),
    }
    check_year(year)?;
    // Both numbers have at most two digits and the year four: they fit.
    let (first, second, year) = (first as u8, second as u8, year as u16);
    let order = if sep == b'.' {
        Some(SlashOrder::DayFirst)
    } else {
        order
    };
    match order {
        Some(order) => slash_day(first, second, year, order)
            .map(DateKey::Day)
            .map_err(|_| Undated::NoSuchDay),
        None if slash_as_day(first, second, year, SlashOrder::DayFirst).is_some()
            || slash_as_day(first, second, year, SlashOrder::MonthFirst).is_some() =>
        {
            Ok(DateKey::Slash {
                first,
                second,
                year,
            })
        }
        None => Err(Undated::NoSuchDay),
    }
}

fn check_year(year: u32) -> Result<(), Undated> {
    if (1000..=9999).contains(&year) {
        Ok(())
    } else {
        Err(Undated::Format)
    }
}

/// The leading run of ASCII digits of `bytes` and what follows it, when the
/// run has `min` to `max` digits (`max` at most 9, so the value fits).
fn number(bytes: &[u8], min: usize, max: usize) -> Option<(u32, &[u8])> {
    let len = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if len < min || len > max {
        return None;
    }
    let value = bytes[..len]
        .iter()
        .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'));
    Some((value, &bytes[len..]))
}

/// A time of day and what may follow it: `H:MM`, `HH:MM[:SS[.fff]]`, an
/// optional `AM`/`PM` and an optional zone, each of the last two after at
/// most one space. Checked for form and ranges only: the time is ignored.
fn time_of_day(bytes: &[u8]) -> Option<()> {
    let (hour, rest) = number(bytes, 1, 2)?;
    let (minute, mut rest) = number(rest.strip_prefix(b":")?, 2, 2)?;
    if let Some(after_colon) = rest.strip_prefix(b":") {
        let (second, after_second) = number(after_colon, 2, 2)?;
        // 60 is a leap second.
        if second > 60 {
            return None;
        }
        rest = after_second;
        if let Some(fraction) = rest.strip_prefix(b".") {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            rest = &fraction[digits..];
        }
    }
    let after_space = rest.strip_prefix(b" ").unwrap_or(rest);
    let meridiem = after_space.get(..2).is_some_and(|letters| {
        letters.eq_ignore_ascii_case(b"am") || letters.eq_ignore_ascii_case(b"pm")
    });
    let hours = if meridiem {
        rest = &after_space[2..];
        1..=12
    } else {
        0..=23
    };
    if !hours.contains(&hour) || minute > 59 {
        return None;
    }
    zone(rest)
}

/// Nothing, or after at most one space `Z`, `+HH`, `+HHMM` or `+HH:MM`
/// (or with `-`).
fn zone(bytes: &[u8]) -> Option<()> {
    if bytes.is_empty() {
        return Some(());
    }
    let bytes = bytes.strip_prefix(b" ").unwrap_or(bytes);
    let (&sign, offset) = bytes.split_first()?;
    if sign == b'Z' || sign == b'z' {
        return offset.is_empty().then_some(());
    }
    if sign != b'+' && sign != b'-' {
        return None;
    }
    let (hour, minute, rest) = match number(offset, 2, 4)? {
        (hhmm, rest) if offset.len() - rest.len() == 4 => (hhmm / 100, hhmm % 100, rest),
        (hour, rest) if offset.len() - rest.len() == 2 => match rest.strip_prefix(b":") {
            Some(after_colon) => {
                let (minute, rest) = number(after_colon, 2, 2)?;
                (hour, minute, rest)
            }
            None => (hour, 0, rest),
        },
        _ => return None,
    };
    (rest.is_empty() && hour <= 23 && minute <= 59).then_some(())
}

/// The day `A/B/YYYY` names under `order`: `Err(Order)` when it is a real
/// day only the other way round, `Err(NoSuchDay)` when neither way.
fn slash_day(first: u8, second: u8, year: u16, order: SlashOrder) -> Result<i32, Undated> {
    slash_as_day(first, second, year, order).ok_or_else(|| {
        if slash_as_day(first, second, year, order.other()).is_some() {
            Undated::Order
        } else {
            Undated::NoSuchDay
        }
    })
}

/// The day `A/B/YYYY` names under `order`, if it is a real one.
fn slash_as_day(first: u8, second: u8, year: u16, order: SlashOrder) -> Option<i32> {
    let (day, month) = match order {
        SlashOrder::DayFirst => (first, second),
        SlashOrder::MonthFirst => (second, first),
    };
    checked_day(i32::from(year), u32::from(month), u32::from(day))
}

/// The day number of a real day, else `None`.
fn checked_day(year: i32, month: u32, day: u32) -> Option<i32> {
    (1..=days_in_month(year, month))
        .contains(&day)
        .then(|| days_from_civil(year, month, day))
}

fn month_of_day(day: i32) -> i32 {
    let (year, month, _) = civil_from_days(day);
    (year - 1970) * 12 + month as i32 - 1
}

/// The year and month (1 to 12) of a count of months since 1970-01.
fn year_and_month(months: i32) -> (i32, u32) {
    (
        1970 + months.div_euclid(12),
        months.rem_euclid(12) as u32 + 1,
    )
}

/// The order of day and month from the rows whose `A/B/YYYY` date is a real
/// day only day first and only month first: only such a date
/// (`13/03/2026`, `03/13/2026`) shows the order. With none, day first is
/// assumed; with both kinds the order of more rows wins (day first on a
/// tie), and the other rows become [`Undated::Order`].
fn order_from(day_first: u64, month_first: u64) -> (SlashOrder, OrderSource) {
    match (day_first, month_first) {
        (0, 0) => (SlashOrder::DayFirst, OrderSource::Assumed),
        (_, 0) => (SlashOrder::DayFirst, OrderSource::Evidence),
        (0, _) => (SlashOrder::MonthFirst, OrderSource::Evidence),
        (day, month) if day >= month => (SlashOrder::DayFirst, OrderSource::Mixed),
        _ => (SlashOrder::MonthFirst, OrderSource::Mixed),
    }
}

/// What a file's `A/B/YYYY` dates say, counted as they are read: the order
/// of day and month is decided from it at the file's end, when the dates
/// themselves may be kept only as months.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SlashDates {
    /// Rows with such a date.
    pub rows: u64,
    /// Rows whose date is a real day only day first, and only month first.
    pub day_first_only: u64,
    pub month_first_only: u64,
    /// The first and last day under each order.
    pub day_first_span: Option<(i32, i32)>,
    pub month_first_span: Option<(i32, i32)>,
}

impl SlashDates {
    /// Counts a row dated `key`; other keys than [`DateKey::Slash`] are not
    /// counted.
    pub fn add(&mut self, key: DateKey) {
        let DateKey::Slash {
            first,
            second,
            year,
        } = key
        else {
            return;
        };
        self.rows += 1;
        let as_day_first = slash_as_day(first, second, year, SlashOrder::DayFirst);
        let as_month_first = slash_as_day(first, second, year, SlashOrder::MonthFirst);
        self.day_first_only += u64::from(as_day_first.is_some() && as_month_first.is_none());
        self.month_first_only += u64::from(as_month_first.is_some() && as_day_first.is_none());
        widen(&mut self.day_first_span, as_day_first);
        widen(&mut self.month_first_span, as_month_first);
    }

    pub fn merge(&mut self, other: &SlashDates) {
        self.rows += other.rows;
        self.day_first_only += other.day_first_only;
        self.month_first_only += other.month_first_only;
        for (mine, theirs) in [
            (&mut self.day_first_span, other.day_first_span),
            (&mut self.month_first_span, other.month_first_span),
        ] {
            if let Some((a, b)) = theirs {
                widen(mine, Some(a));
                widen(mine, Some(b));
            }
        }
    }

    /// The file's order of day and month, and what decided it.
    pub fn order(&self) -> (SlashOrder, OrderSource) {
        order_from(self.day_first_only, self.month_first_only)
    }

    /// The first and last day of the dates under `order`.
    pub fn span(&self, order: SlashOrder) -> Option<(i32, i32)> {
        match order {
            SlashOrder::DayFirst => self.day_first_span,
            SlashOrder::MonthFirst => self.month_first_span,
        }
    }
}

/// Widens a span to hold `day`.
fn widen(span: &mut Option<(i32, i32)>, day: Option<i32>) {
    if let Some(day) = day {
        *span = Some(span.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
    }
}

/// The number of days in a month of the proleptic Gregorian calendar; 0
/// for a month outside 1 to 12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; Howard
/// Hinnant's `days_from_civil`). `month` runs from 1 to 12 and `day` from 1
/// to the month's length; the year may be any whose day number fits an
/// `i32` (about ±5.8 million years).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    // Months counted from March, so that the leap day ends the year.
    let shifted_month = i64::from((month + 9) % 12);
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    (era * 146_097 + day_of_era - 719_468) as i32
}

/// The civil date (year, month 1 to 12, day 1 to 31) of a count of days
/// since 1970-01-01 (Howard Hinnant's `civil_from_days`): the inverse of
/// [`days_from_civil`].
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    // From 0 to 146_096, and what follows from it smaller still: unsigned,
    // whose divisions by a constant take fewer instructions than signed
    // ones (this runs once per dated row).
    let day_of_era = (z - era * 146_097) as u32;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = i64::from(year_of_era) + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// A `--since` or `--until` value: exactly `YYYY-MM-DD`, a real day with a
/// year from 1000 to 9999, as days since 1970-01-01.
pub fn parse_iso_day(s: &str) -> Option<i32> {
    let bytes = s.as_bytes();
    let (year, rest) = number(bytes, 4, 4)?;
    let (month, rest) = number(rest.strip_prefix(b"-")?, 2, 2)?;
    let (day, rest) = number(rest.strip_prefix(b"-")?, 2, 2)?;
    if !rest.is_empty() || check_year(year).is_err() {
        return None;
    }
    checked_day(year as i32, month, day)
}

/// A day number as `YYYY-MM-DD`.
pub fn format_day(day: i32) -> String {
    let (year, month, day) = civil_from_days(day);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const DMY: SlashOrder = SlashOrder::DayFirst;
    const MDY: SlashOrder = SlashOrder::MonthFirst;

    fn day(year: i32, month: u32, day: u32) -> DateKey {
        DateKey::Day(days_from_civil(year, month, day))
    }

    fn slash(first: u8, second: u8, year: u16) -> DateKey {
        DateKey::Slash {
            first,
            second,
            year,
        }
    }

    fn read(field: &str) -> Result<DateKey, Undated> {
        parse(field, None)
    }

    #[test]
    fn iso_days_parse_with_either_separator() {
        assert_eq!(read("2026-03-05"), Ok(day(2026, 3, 5)));
        assert_eq!(read("2026/03/05"), Ok(day(2026, 3, 5)));
        assert_eq!(read(" \t2026-03-05\r\n"), Ok(day(2026, 3, 5)));
        assert_eq!(read("1000-01-01"), Ok(day(1000, 1, 1)));
        assert_eq!(read("9999-12-31"), Ok(day(9999, 12, 31)));
    }

    #[test]
    fn times_and_zones_are_checked_but_the_day_is_as_written() {
        for field in [
            "2026-03-05T14:30",
            "2026-03-05t14:30",
            "2026-03-05 14:30",
            "2026/03/05 14:30",
            "2026-03-05 9:05",
            "2026-03-05 00:00:00",
            "2026-03-05T23:59:60",
            "2026-03-05T14:30:00.123456789",
            "2026-03-05T14:30:00Z",
            "2026-03-05T14:30:00.5z",
            "2026-03-05T23:30:00-10:00",
            "2026-03-05T01:30:00+14:00",
            "2026-03-05T14:30:00+0100",
            "2026-03-05 14:30:00+00",
            "2026-03-05 14:30:00 +0100",
            "2026-03-05 2:30 PM",
            "2026-03-05 2:30pm",
            "2026-03-05 12:00 am",
            "2026-03-05 11:59:59 Pm",
            "2026-03-05 11:59 AM Z",
        ] {
            assert_eq!(read(field), Ok(day(2026, 3, 5)), "{field}");
        }
    }

    #[test]
    fn malformed_times_and_zones_are_not_dates() {
        for field in [
            "2026-03-05T",
            "2026-03-05T14",
            "2026-03-05T14:3",
            "2026-03-05T144:30",
            "2026-03-05  14:30",
            "2026-03-05 24:00",
            "2026-03-05 14:60",
            "2026-03-05 14:30:61",
            "2026-03-05 14:30:0",
            "2026-03-05 14:30:00.",
            "2026-03-05 14:30:00,5",
            "2026-03-05 13:00 PM",
            "2026-03-05 0:30 AM",
            "2026-03-05 2:30 P",
            "2026-03-05 14:30  Z",
            "2026-03-05 14:30 UTC",
            "2026-03-05T14:30ZZ",
            "2026-03-05T14:30+1",
            "2026-03-05T14:30+123",
            "2026-03-05T14:30+01:0",
            "2026-03-05T14:30+0100:00",
            "2026-03-05T14:30+24:00",
            "2026-03-05T14:30+01:60",
            "2026-03-05T14:30+01:",
            "2026-03-05T14:30 -",
        ] {
            assert_eq!(read(field), Err(Undated::Format), "{field}");
        }
    }

    #[test]
    fn a_year_and_month_is_a_month() {
        assert_eq!(read("2026-03"), Ok(DateKey::Month(56 * 12 + 2)));
        assert_eq!(read("1970-01"), Ok(DateKey::Month(0)));
        assert_eq!(read("1969-12"), Ok(DateKey::Month(-1)));
        assert_eq!(read("2026-13"), Err(Undated::NoSuchDay));
        assert_eq!(read("2026-00"), Err(Undated::NoSuchDay));
        assert_eq!(read("2026/03"), Err(Undated::Format));
        assert_eq!(read("2026-3"), Err(Undated::Format));
        assert_eq!(read("2026-03 14:30"), Err(Undated::Format));
    }

    #[test]
    fn days_that_do_not_exist_are_told_apart_from_other_text() {
        for field in [
            "2026-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-00-10",
            "2026-13-01",
            "2026-03-00",
            "2026-03-32",
            "2026-02-30T10:00Z",
        ] {
            assert_eq!(read(field), Err(Undated::NoSuchDay), "{field}");
        }
        assert_eq!(read("2024-02-29"), Ok(day(2024, 2, 29)));
        assert_eq!(read("2000-02-29"), Ok(day(2000, 2, 29)));
    }

    #[test]
    fn other_text_is_not_a_date() {
        for field in [
            "yesterday",
            "2026",
            "20260305",
            "2026-03-05-",
            "2026-03-05x",
            "2026-03/05",
            "2026/03-05",
            "2026-3-5",
            "2026-03-5",
            "+2026-03-05",
            "0999-12-31",
            "0000-01-01",
            "10000-01-01",
            "26-03-05",
            "05/03/26",
            "05.03.26",
            "5/3-2026",
            "5.3/2026",
            "5/3/20260",
            "5/3/2026T14:30",
            "123/3/2026",
            "5/123/2026",
            "/3/2026",
            "5//2026",
            "2026-03-05 14:30 extra",
            "\u{661}\u{662}/\u{663}/\u{662}\u{660}\u{662}\u{666}",
            "１９７０-０１-０１",
        ] {
            assert_eq!(read(field), Err(Undated::Format), "{field}");
        }
    }

    #[test]
    fn an_empty_field_has_no_date() {
        for field in ["", " ", "\t\r\n"] {
            assert_eq!(read(field), Err(Undated::Empty), "{field:?}");
        }
    }

    #[test]
    fn slash_dates_wait_for_the_file_s_order() {
        assert_eq!(read("05/03/2026"), Ok(slash(5, 3, 2026)));
        assert_eq!(read("5/3/2026"), Ok(slash(5, 3, 2026)));
        assert_eq!(read("05-03-2026"), Ok(slash(5, 3, 2026)));
        assert_eq!(read("5/3/2026 14:30"), Ok(slash(5, 3, 2026)));
        assert_eq!(read("5/3/2026 2:30:15 PM"), Ok(slash(5, 3, 2026)));
        assert_eq!(read("13/03/2026"), Ok(slash(13, 3, 2026)));
        assert_eq!(read("03/13/2026"), Ok(slash(3, 13, 2026)));
        assert_eq!(read("31/12/2026"), Ok(slash(31, 12, 2026)));
        assert_eq!(read("02/29/2024"), Ok(slash(2, 29, 2024)));
    }

    #[test]
    fn slash_dates_real_in_neither_order_have_no_such_day() {
        for field in [
            "13/13/2026",
            "31/02/2026",
            "02/30/2026",
            "29/02/2026",
            "0/5/2026",
            "5/0/2026",
            "00/00/2026",
        ] {
            assert_eq!(read(field), Err(Undated::NoSuchDay), "{field}");
        }
        assert_eq!(read("13/13/2026 25:00"), Err(Undated::Format));
    }

    #[test]
    fn a_given_order_reads_slash_dates_as_days() {
        assert_eq!(parse("05/03/2026", Some(DMY)), Ok(day(2026, 3, 5)));
        assert_eq!(parse("05/03/2026", Some(MDY)), Ok(day(2026, 5, 3)));
        assert_eq!(parse("5-3-2026 14:30", Some(MDY)), Ok(day(2026, 5, 3)));
        assert_eq!(parse("13/03/2026", Some(DMY)), Ok(day(2026, 3, 13)));
        assert_eq!(parse("13/03/2026", Some(MDY)), Err(Undated::NoSuchDay));
        assert_eq!(parse("03/13/2026", Some(DMY)), Err(Undated::NoSuchDay));
        assert_eq!(parse("29/02/2024", Some(DMY)), Ok(day(2024, 2, 29)));
        assert_eq!(parse("29/02/2026", Some(DMY)), Err(Undated::NoSuchDay));
        assert_eq!(parse("05/03/26", Some(DMY)), Err(Undated::Format));
        assert_eq!(parse("2026-03-05", Some(MDY)), Ok(day(2026, 3, 5)));
    }

    #[test]
    fn dotted_dates_are_always_day_first() {
        for order in [None, Some(DMY), Some(MDY)] {
            assert_eq!(parse("05.03.2026", order), Ok(day(2026, 3, 5)));
            assert_eq!(parse("5.3.2026", order), Ok(day(2026, 3, 5)));
            assert_eq!(parse("5.3.2026 14:30:00", order), Ok(day(2026, 3, 5)));
            assert_eq!(parse("03.13.2026", order), Err(Undated::NoSuchDay));
        }
    }

    #[test]
    fn keys_give_their_day_and_month_under_an_order() {
        let march_5 = days_from_civil(2026, 3, 5);
        let may_3 = days_from_civil(2026, 5, 3);
        let march = 56 * 12 + 2;
        assert_eq!(DateKey::Day(march_5).day(MDY), Ok(Some(march_5)));
        assert_eq!(DateKey::Day(march_5).month(MDY), Ok(march));
        assert_eq!(DateKey::Month(march).day(DMY), Ok(None));
        assert_eq!(DateKey::Month(march).month(DMY), Ok(march));
        assert_eq!(slash(5, 3, 2026).day(DMY), Ok(Some(march_5)));
        assert_eq!(slash(5, 3, 2026).day(MDY), Ok(Some(may_3)));
        assert_eq!(slash(5, 3, 2026).month(MDY), Ok(march + 2));
        assert_eq!(slash(13, 3, 2026).day(MDY), Err(Undated::Order));
        assert_eq!(slash(13, 3, 2026).month(MDY), Err(Undated::Order));
        assert_eq!(slash(3, 13, 2026).day(DMY), Err(Undated::Order));
        assert_eq!(slash(13, 13, 2026).day(DMY), Err(Undated::NoSuchDay));
        assert_eq!(DateKey::Day(-1).month(DMY), Ok(-1));
    }

    fn order_of(keys: &[(DateKey, u64)]) -> (SlashOrder, OrderSource) {
        let mut seen = SlashDates::default();
        for &(key, rows) in keys {
            for _ in 0..rows {
                seen.add(key);
            }
        }
        seen.order()
    }

    #[test]
    fn the_file_s_order_comes_from_dates_that_show_it() {
        use OrderSource::{Assumed, Evidence, Mixed};
        let ambiguous = (slash(5, 3, 2026), 100);
        let day_first = slash(13, 3, 2026);
        let month_first = slash(3, 13, 2026);
        let others = [(day(2026, 3, 5), 7), (DateKey::Month(3), 9)];

        assert_eq!(order_of(&[]), (DMY, Assumed));
        assert_eq!(order_of(&[ambiguous]), (DMY, Assumed));
        assert_eq!(order_of(&others), (DMY, Assumed));
        assert_eq!(order_of(&[ambiguous, (day_first, 1)]), (DMY, Evidence));
        assert_eq!(order_of(&[ambiguous, (month_first, 1)]), (MDY, Evidence));
        assert_eq!(
            order_of(&[(day_first, 3), (month_first, 2), (slash(3, 14, 2026), 2)]),
            (MDY, Mixed)
        );
        assert_eq!(
            order_of(&[(day_first, 4), (month_first, 2), others[0], others[1]]),
            (DMY, Mixed)
        );
        assert_eq!(order_of(&[(day_first, 2), (month_first, 2)]), (DMY, Mixed));
    }

    #[test]
    fn known_days_have_known_numbers() {
        for (days, civil) in [
            (0, (1970, 1, 1)),
            (-1, (1969, 12, 31)),
            (11_016, (2000, 2, 29)),
            (11_017, (2000, 3, 1)),
            (19_723, (2024, 1, 1)),
            (20_818, (2026, 12, 31)),
            (-719_468, (0, 3, 1)),
        ] {
            assert_eq!(civil_from_days(days), civil);
            assert_eq!(days_from_civil(civil.0, civil.1, civil.2), days);
        }
    }

    #[test]
    fn the_whole_i32_range_of_days_round_trips() {
        for days in [i32::MIN, i32::MIN + 1, -1, 0, i32::MAX - 1, i32::MAX] {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days);
        }
    }

    #[test]
    fn every_day_from_1900_to_2200_round_trips_and_follows_the_one_before() {
        let first = days_from_civil(1900, 1, 1);
        let last = days_from_civil(2200, 1, 1);
        assert_eq!(civil_from_days(first), (1900, 1, 1));
        let mut previous = civil_from_days(first - 1);
        assert_eq!(previous, (1899, 12, 31));
        for days in first..=last {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days);
            let expected = match previous {
                (y, 12, 31) => (y + 1, 1, 1),
                (y, m, d) if d == days_in_month(y, m) => (y, m + 1, 1),
                (y, m, d) => (y, m, d + 1),
            };
            assert_eq!((year, month, day), expected);
            previous = (year, month, day);
        }
    }

    #[test]
    fn months_have_their_lengths() {
        assert_eq!(days_in_month(2026, 1), 31);
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2026, 4), 30);
        assert_eq!(days_in_month(2026, 12), 31);
        assert_eq!(days_in_month(2026, 0), 0);
        assert_eq!(days_in_month(2026, 13), 0);
        let year: u32 = (1..=12).map(|month| days_in_month(2026, month)).sum();
        assert_eq!(year, 365);
    }

    #[test]
    fn the_span_chooses_the_period() {
        assert_eq!(Period::choose(100, 100), Period::Week);
        assert_eq!(Period::choose(100, 191), Period::Week);
        assert_eq!(Period::choose(100, 192), Period::Month);
        assert_eq!(Period::choose(100, 831), Period::Month);
        assert_eq!(Period::choose(100, 832), Period::Quarter);
        assert_eq!(Period::choose(100, 0), Period::Week);
        assert_eq!(Period::choose(i32::MIN, i32::MAX), Period::Quarter);
    }

    fn week_label(field: &str) -> String {
        let key = parse(field, Some(DMY)).unwrap();
        Period::Week.label(Period::Week.bucket(key, DMY).unwrap())
    }

    #[test]
    fn weeks_belong_to_the_year_of_their_thursday() {
        for (field, label) in [
            ("2026-01-28", "2026-W05"),
            ("2026-01-01", "2026-W01"),
            ("2025-12-29", "2026-W01"),
            ("2025-12-28", "2025-W52"),
            ("2026-12-31", "2026-W53"),
            ("2027-01-01", "2026-W53"),
            ("2027-01-03", "2026-W53"),
            ("2027-01-04", "2027-W01"),
            ("2020-12-31", "2020-W53"),
            ("2021-01-03", "2020-W53"),
            ("2021-01-04", "2021-W01"),
            ("2019-12-29", "2019-W52"),
            ("2019-12-30", "2020-W01"),
            ("1970-01-01", "1970-W01"),
            ("1969-12-29", "1970-W01"),
            ("1969-12-28", "1969-W52"),
        ] {
            assert_eq!(week_label(field), label, "{field}");
        }
    }

    /// The ISO week of a day by the textbook rule (ordinal day and
    /// weekday), independent of the bucket arithmetic.
    fn iso_week(days: i32) -> (i32, i32) {
        let weekday = |days: i32| (days + 3).rem_euclid(7) + 1;
        let weeks_in = |year: i32| {
            let january_1 = weekday(days_from_civil(year, 1, 1));
            let leap = days_in_month(year, 2) == 29;
            if january_1 == 4 || (leap && january_1 == 3) {
                53
            } else {
                52
            }
        };
        let (year, _, _) = civil_from_days(days);
        let ordinal = days - days_from_civil(year, 1, 1) + 1;
        let week = (ordinal - weekday(days) + 10) / 7;
        if week < 1 {
            (year - 1, weeks_in(year - 1))
        } else if week > weeks_in(year) {
            (year + 1, 1)
        } else {
            (year, week)
        }
    }

    #[test]
    fn every_day_from_1900_to_2200_falls_in_its_iso_week_month_and_quarter() {
        let first = days_from_civil(1900, 1, 1);
        let last = days_from_civil(2200, 1, 1);
        let mut previous_week = Period::Week.bucket(DateKey::Day(first - 1), DMY).unwrap();
        for days in first..=last {
            let key = DateKey::Day(days);
            let week = Period::Week.bucket(key, DMY).unwrap();
            let monday = (days + 3).rem_euclid(7) == 0;
            assert_eq!(week, previous_week + i32::from(monday), "{days}");
            previous_week = week;
            let (iso_year, iso_week) = iso_week(days);
            assert_eq!(
                Period::Week.label(week),
                format!("{iso_year:04}-W{iso_week:02}")
            );

            let (year, month, _) = civil_from_days(days);
            let month_bucket = Period::Month.bucket(key, DMY).unwrap();
            assert_eq!(
                Period::Month.bucket(read(&format!("{year}-{month:02}")).unwrap(), DMY),
                Ok(month_bucket)
            );
            assert_eq!(
                Period::Month.label(month_bucket),
                format!("{year:04}-{month:02}")
            );
            let quarter = Period::Quarter.bucket(key, DMY).unwrap();
            assert_eq!(quarter, month_bucket.div_euclid(3));
            assert_eq!(
                Period::Quarter.label(quarter),
                format!("{year:04}-Q{}", month.div_ceil(3))
            );
        }
    }

    #[test]
    fn months_and_quarters_label_their_buckets() {
        let bucket =
            |period: Period, field: &str| period.bucket(parse(field, None).unwrap(), MDY).unwrap();
        assert_eq!(
            Period::Month.label(bucket(Period::Month, "2026-03-05")),
            "2026-03"
        );
        assert_eq!(
            Period::Month.label(bucket(Period::Month, "2026-03")),
            "2026-03"
        );
        assert_eq!(
            Period::Month.label(bucket(Period::Month, "03/05/2026")),
            "2026-03"
        );
        assert_eq!(Period::Month.label(-1), "1969-12");
        assert_eq!(
            Period::Quarter.label(bucket(Period::Quarter, "2026-03-31")),
            "2026-Q1"
        );
        assert_eq!(
            Period::Quarter.label(bucket(Period::Quarter, "2026-04-01")),
            "2026-Q2"
        );
        assert_eq!(
            Period::Quarter.label(bucket(Period::Quarter, "2026-12")),
            "2026-Q4"
        );
        assert_eq!(
            Period::Quarter.label(bucket(Period::Quarter, "1969-12-31")),
            "1969-Q4"
        );
        assert_eq!(
            Period::Quarter.label(bucket(Period::Quarter, "1000-01-01")),
            "1000-Q1"
        );
    }

    #[test]
    fn keys_that_do_not_fit_the_period_or_order_have_no_bucket() {
        let march = DateKey::Month(56 * 12 + 2);
        assert_eq!(Period::Week.bucket(march, DMY), Err(Undated::MonthOnly));
        assert!(Period::Month.bucket(march, DMY).is_ok());
        assert!(Period::Quarter.bucket(march, DMY).is_ok());
        for period in [Period::Week, Period::Month, Period::Quarter] {
            assert_eq!(period.bucket(slash(13, 3, 2026), MDY), Err(Undated::Order));
            assert!(period.bucket(slash(13, 3, 2026), DMY).is_ok());
        }
    }

    #[test]
    fn extreme_keys_and_buckets_do_not_overflow() {
        for period in [Period::Week, Period::Month, Period::Quarter] {
            for days in [i32::MIN, i32::MAX] {
                let bucket = period.bucket(DateKey::Day(days), DMY).unwrap();
                assert!(!period.label(bucket).is_empty());
            }
            for bucket in [i32::MIN, i32::MAX] {
                assert!(!period.label(bucket).is_empty());
            }
        }
    }

    #[test]
    fn periods_and_orders_are_named_both_ways() {
        for period in [Period::Week, Period::Month, Period::Quarter] {
            assert_eq!(Period::parse_name(period.name()), Some(period));
            let upper = period.name().to_uppercase();
            assert_eq!(Period::parse_name(&upper), Some(period));
        }
        assert_eq!(Period::parse_name("weeks"), None);
        assert_eq!(Period::parse_name(""), None);

        for order in [DMY, MDY] {
            assert_eq!(SlashOrder::parse_name(order.name()), Some(order));
            let lower = order.name().to_lowercase();
            assert_eq!(SlashOrder::parse_name(&lower), Some(order));
        }
        assert_eq!(DMY.name(), "DD/MM/YYYY");
        assert_eq!(MDY.name(), "MM/DD/YYYY");
        assert_eq!(SlashOrder::parse_name("DMY"), Some(DMY));
        assert_eq!(SlashOrder::parse_name("mdy"), Some(MDY));
        assert_eq!(SlashOrder::parse_name("YYYY-MM-DD"), None);
        assert_eq!(SlashOrder::parse_name("DD.MM.YYYY"), None);
    }

    #[test]
    fn reasons_are_short_distinct_and_lower_case() {
        let all = [
            Undated::Empty,
            Undated::Format,
            Undated::NoSuchDay,
            Undated::Order,
            Undated::MonthOnly,
        ];
        for (i, undated) in all.iter().enumerate() {
            let reason = undated.reason();
            assert!(
                reason.starts_with(|c: char| c.is_ascii_lowercase()),
                "{reason}"
            );
            assert!(!reason.ends_with('.'), "{reason}");
            assert!(all[..i].iter().all(|other| other.reason() != reason));
        }
        assert_eq!(Undated::Empty.reason(), "no date");
    }

    #[test]
    fn since_and_until_take_plain_real_days() {
        assert_eq!(
            parse_iso_day("2026-03-05"),
            Some(days_from_civil(2026, 3, 5))
        );
        assert_eq!(
            parse_iso_day("2024-02-29"),
            Some(days_from_civil(2024, 2, 29))
        );
        for text in [
            "",
            "2026-02-29",
            "2026-13-01",
            "2026-03",
            "2026/03/05",
            "2026-3-5",
            " 2026-03-05",
            "2026-03-05 ",
            "2026-03-05T00:00",
            "05/03/2026",
            "0999-01-01",
        ] {
            assert_eq!(parse_iso_day(text), None, "{text:?}");
        }
    }

    #[test]
    fn days_format_as_iso_dates() {
        assert_eq!(format_day(0), "1970-01-01");
        assert_eq!(format_day(-1), "1969-12-31");
        assert_eq!(format_day(days_from_civil(2026, 3, 5)), "2026-03-05");
        assert_eq!(format_day(days_from_civil(1000, 1, 1)), "1000-01-01");
    }

    /// The `Slash` key a `A/B/YYYY` field should read as.
    fn slash_of(field: &str) -> DateKey {
        let mut numbers = field.split(['/', '-']).map(|n| n.parse::<u16>().unwrap());
        let (first, second, year) = (numbers.next(), numbers.next(), numbers.next());
        slash(first.unwrap() as u8, second.unwrap() as u8, year.unwrap())
    }

    fn civil_date() -> impl Strategy<Value = (i32, u32, u32)> {
        (1000..=9999i32, 1..=12u32, 1..=31u32)
            .prop_map(|(year, month, day)| (year, month, day.min(days_in_month(year, month))))
    }

    proptest! {
        #[test]
        fn no_text_makes_parse_panic(field in "\\PC{0,40}") {
            for order in [None, Some(DMY), Some(MDY)] {
                let _ = parse(&field, order);
            }
            let _ = parse_iso_day(&field);
        }

        #[test]
        fn date_like_text_never_panics_and_days_are_real(
            field in "[0-9]{0,5}[-/.][0-9]{0,3}[-/.][0-9]{0,5}[ Tt]?[0-9:.]{0,12} ?[AaPpMmZz+0-9:-]{0,6}"
        ) {
            for order in [None, Some(DMY), Some(MDY)] {
                if let Ok(DateKey::Day(days)) = parse(&field, order) {
                    let (year, _, _) = civil_from_days(days);
                    prop_assert!((1000..=9999).contains(&year));
                }
            }
        }

        #[test]
        fn formatted_days_read_back(date in civil_date()) {
            let (year, month, day) = date;
            let days = days_from_civil(year, month, day);
            let iso = format_day(days);
            prop_assert_eq!(parse_iso_day(&iso), Some(days));
            prop_assert_eq!(read(&iso), Ok(DateKey::Day(days)));
            prop_assert_eq!(read(&format!("{iso}T23:59:59.9-12:00")), Ok(DateKey::Day(days)));
            prop_assert_eq!(read(&format!("{day}.{month}.{year}")), Ok(DateKey::Day(days)));
        }

        #[test]
        fn a_given_order_and_a_resolved_one_agree(date in civil_date()) {
            let (year, month, day) = date;
            let days = days_from_civil(year, month, day);
            for (order, field) in [
                (DMY, format!("{day:02}/{month:02}/{year}")),
                (MDY, format!("{month}-{day}-{year}")),
            ] {
                prop_assert_eq!(parse(&field, Some(order)), Ok(DateKey::Day(days)));
                let key = read(&field);
                prop_assert_eq!(key, Ok(slash_of(&field)));
                let key = slash_of(&field);
                prop_assert_eq!(key.day(order), Ok(Some(days)));
                let (other, ..) = order_of(&[(key, 1)]);
                if day > 12 {
                    prop_assert_eq!(other, order);
                }
            }
        }
    }
}
