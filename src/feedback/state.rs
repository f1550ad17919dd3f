//! Summary files: the state of an analysis ([`Partial`]) written as bytes
//! and read back, so that feedback analysed in parts (files, the partitions
//! of a table, machines) merges into one analysis and is checked as one.
//!
//! A summary holds what the rows add up to, never the rows: counters,
//! sketches, a few example comments, the first rejected rows. Its size is
//! bounded whatever the number of rows. Two summaries merge with
//! [`Partial::merge`], in any order and any grouping, to what one analysis of
//! all their rows gives, as long as the bounded parts had room (groups,
//! counters by date, theme sketches: the bounds of [`super::aggregate`]).
//! Example comments and wordings are chosen by `(rank, line, text)`, so
//! the choice does not depend on how the rows were split.
//!
//! # Format, version 1
//!
//! - 16 bytes: `planlint-summary`;
//! - 4 bytes: the format version, little-endian (1);
//! - 8 bytes: the theme key of a fixed probe text, little-endian: theme
//!   keys are hashes, and a build that hashes otherwise cannot merge them;
//! - the body, [`Body`], in postcard's encoding (version 1 of its wire
//!   format: varints, length-prefixed sequences and strings), with nothing
//!   after it.
//!
//! A reader takes at most [`MAX_BYTES`]. It refuses a list whose length
//! claims more than the analysis keeps before reading any of it, counts
//! every item against [`MAX_ITEMS`], and checks every count, length, date
//! and index before the analysis is built from them: a summary comes from
//! a file, which may be hostile. Any change to the body changes the
//! version.
//!
//! Floor `feedback`: imports the aggregates it writes and reads.

use std::path::Path;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::Rejected;
use super::aggregate::{
    Aggregates, Group, Groups, MAX_GROUPS, MAX_KEY_CHARS, MAX_WANT_DATES, PolarityCounts, Scores,
    THEME_CAPACITY,
};
use super::analysis::{MAX_REJECTED, Partial, TimeOptions};
use super::dates::{DateKey, Period, SlashDates, SlashOrder, Undated};
use super::examples::{EXAMPLE_CHARS, EXAMPLES, Examples};
use super::reader::{Columns, MAX_HEADER_BYTES};
use super::scale::{ScoreRange, ScoreScale};
use super::sketch::{Entry, TopK};
use super::themes;
use super::timeline::{Budget, Cell, MAX_CELLS, Series};
use crate::input;

/// The first bytes of every summary.
pub const MAGIC: &[u8; 16] = b"planlint-summary";
/// The version of the format this build writes and reads.
pub const VERSION: u32 = 1;
/// The largest summary read or written. A summary of a plan's few dozen
/// groups takes kilobytes, and one of a million rows about 50 KB; this
/// bound is for thousands of groups with long examples.
pub const MAX_BYTES: u64 = 64 << 20;
/// The most items all the lists of a summary may hold together, checked as
/// they are read: an item takes at most a few hundred bytes once read, so a
/// hostile file cannot make a small one large in memory. The analysis's own
/// bounds add up to under a million.
const MAX_ITEMS: usize = 2_000_000;
/// The largest count a summary may hold, and merged summaries may reach:
/// far more rows than any feedback has, and far from overflowing.
pub const MAX_COUNT: u64 = 1 << 48;
/// Header names kept, and their length: a header row takes at most
/// [`MAX_HEADER_BYTES`], so it holds no more names, and none longer.
const MAX_HEADERS: usize = MAX_HEADER_BYTES;
const MAX_HEADER_CHARS: usize = MAX_HEADER_BYTES;
/// What a rejected row's reason may hold.
const MAX_REASON_CHARS: usize = 1_000;
/// Theme and want texts are a few words.
const MAX_DISPLAY_CHARS: usize = 1_000;
/// The name a summary gives its feedback (a path, or a name given to the
/// Python package): far longer than any path.
const MAX_PATH_CHARS: usize = 65_536;

/// Why a summary cannot be read or merged.
#[derive(Debug, thiserror::Error)]
pub enum SummaryError {
    #[error("{path}: {error}")]
    Input {
        path: String,
        error: input::InputError,
    },
    #[error(
        "{path}: larger than {}; a planlint summary is smaller: check that this is the summary you meant",
        input::size(MAX_BYTES)
    )]
    TooLarge { path: String },
    #[error(
        "{path}: not a planlint summary (it does not start with `planlint-summary`): make one with `planlint feedback FILE --summary-out SUMMARY`"
    )]
    NotSummary { path: String },
    #[error(
        "{path}: a summary of format version {found}, and this planlint reads version {VERSION}: make the summary again with this planlint"
    )]
    Version { path: String, found: u32 },
    #[error(
        "{path}: made by a planlint whose theme keys differ from this one's (another version or platform): make the summary again with this planlint"
    )]
    Keys { path: String },
    #[error("{path}: a damaged summary ({what}): make it again")]
    Damaged { path: String, what: String },
    #[error("{path}: cannot be merged with {other}: {why}; summaries merge only when made alike")]
    Unlike {
        path: String,
        other: String,
        why: &'static str,
    },
    #[error("{path}: merged, the summaries would count more than {MAX_COUNT} rows")]
    TooMany { path: String },
    #[error(
        "{path}: the summary would be larger than {}, more than planlint reads back; analyse fewer distinct personas, touchpoints and channels, or split the feedback",
        input::size(MAX_BYTES)
    )]
    TooLargeToWrite { path: String },
}

thread_local! {
    /// Items of the lists read so far in the summary being decoded.
    static ITEMS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// Why a list was refused: postcard's errors do not carry the message.
    static REFUSED: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

/// Reads a list of at most `MAX` items, and counts them against
/// [`MAX_ITEMS`] as they come, before any is kept: a length that claims
/// more is refused at once, so no list grows past what the analysis keeps.
fn bounded<'de, D, T, const MAX: usize>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Items<T, const MAX: usize>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>, const MAX: usize> serde::de::Visitor<'de> for Items<T, MAX> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a list of at most {MAX} items")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let claimed = seq.size_hint().unwrap_or(0);
            let total = ITEMS.get().saturating_add(claimed);
            if claimed > MAX || total > MAX_ITEMS {
                let why = "a list longer than the analysis keeps";
                REFUSED.set(Some(why));
                return Err(serde::de::Error::custom(why));
            }
            ITEMS.set(total);
            let mut items = Vec::with_capacity(claimed.min(1024));
            while let Some(item) = seq.next_element()? {
                if items.len() == MAX {
                    let why = "a list longer than it says";
                    REFUSED.set(Some(why));
                    return Err(serde::de::Error::custom(why));
                }
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_seq(Items::<T, MAX>(std::marker::PhantomData))
}

/// The body of a summary, version 1: a [`Partial`] with its maps as sorted
/// lists, so that equal states are equal bytes.
#[derive(Debug, Serialize, Deserialize)]
pub struct Body {
    path: String,
    columns: WireColumns,
    time: WireTime,
    rows: u64,
    #[serde(deserialize_with = "bounded::<_, _, MAX_REJECTED>")]
    rejected: Vec<(u64, String)>,
    rejected_total: u64,
    polarity: PolarityCounts,
    scores: [u64; 11],
    range: Option<(f64, f64)>,
    fatigue: u64,
    pushy: u64,
    /// By persona, touchpoint and channel.
    groups: [WireGroups; 3],
    series: WireSeries,
    /// Rows by why their date could not be read, with the first line.
    #[serde(deserialize_with = "bounded::<_, _, 16>")]
    undated: Vec<(Undated, u64, u64)>,
    outside: u64,
    unplaced_by_window: Option<(u64, u64)>,
    span: Option<(i32, i32)>,
    months_read: bool,
    slashes: SlashDates,
    /// Whether series keep months from their first date, and the rows that
    /// found no counter, for the groups and for the whole file.
    budget: (bool, u64),
    file_budget: (bool, u64),
    themes: WireTopK,
    wants: WireTopK,
    #[serde(deserialize_with = "bounded::<_, _, MAX_WANT_DATES>")]
    want_dates: Vec<(u64, DateKey, u64)>,
    want_dates_dropped: Option<BoundedKeys>,
    #[serde(deserialize_with = "bounded::<_, _, 11>")]
    themes_by_score: Vec<WireTopK>,
}

/// The keys of wants whose dates were not all counted.
#[derive(Debug, Serialize, Deserialize)]
#[serde(transparent)]
struct BoundedKeys(#[serde(deserialize_with = "bounded::<_, _, { MAX_WANT_DATES + 1 }>")] Vec<u64>);

#[derive(Debug, Serialize, Deserialize)]
struct WireColumns {
    #[serde(deserialize_with = "bounded::<_, _, MAX_HEADERS>")]
    headers: Vec<String>,
    text: u32,
    score: Option<u32>,
    persona: Option<u32>,
    touchpoint: Option<u32>,
    channel: Option<u32>,
    date: Option<u32>,
    delimiter: u8,
}

#[derive(Debug, Serialize, Deserialize)]
struct WireTime {
    order: Option<SlashOrder>,
    period: Option<Period>,
    since: Option<i32>,
    until: Option<i32>,
}

#[derive(Debug, Serialize, Deserialize)]
struct WireGroups {
    overflow: u64,
    /// By link key.
    #[serde(deserialize_with = "bounded::<_, _, MAX_GROUPS>")]
    groups: Vec<(String, WireGroup)>,
}

#[derive(Debug, Serialize, Deserialize)]
struct WireGroup {
    display: String,
    first_line: u64,
    rows: u64,
    polarity: PolarityCounts,
    scores: [u64; 11],
    fatigue: u64,
    pushy: u64,
    #[serde(deserialize_with = "bounded::<_, _, EXAMPLES>")]
    negative_examples: Vec<WireExample>,
    #[serde(deserialize_with = "bounded::<_, _, EXAMPLES>")]
    fatigue_examples: Vec<WireExample>,
    series: WireSeries,
}

/// A comment kept as an example: its rank, line and text.
type WireExample = (f64, u64, String);

#[derive(Debug, Serialize, Deserialize)]
struct WireSeries {
    monthly: bool,
    incomplete: bool,
    /// By date.
    #[serde(deserialize_with = "bounded::<_, _, MAX_CELLS>")]
    cells: Vec<(DateKey, WireCell)>,
}

#[derive(Debug, Serialize, Deserialize)]
struct WireCell {
    rows: u64,
    scores: [u64; 11],
    polarity: PolarityCounts,
    fatigue: u64,
}

#[derive(Debug, Serialize, Deserialize)]
struct WireTopK {
    capacity: u64,
    floor: u64,
    /// By key.
    #[serde(deserialize_with = "bounded::<_, _, { 2 * THEME_CAPACITY }>")]
    entries: Vec<(u64, WireEntry)>,
}

#[derive(Debug, Serialize, Deserialize)]
struct WireEntry {
    count: u64,
    error: u64,
    display: String,
    display_line: u64,
    #[serde(deserialize_with = "bounded::<_, _, EXAMPLES>")]
    examples: Vec<WireExample>,
}

/// The theme key of a fixed text in this build, which a summary records.
fn probe_key() -> u64 {
    themes::probe_key("late delivery")
}

/// The bytes of a summary of `partial`; an error when they would be more
/// than planlint reads back ([`MAX_BYTES`]).
pub fn encode(partial: &Partial) -> Result<Vec<u8>, SummaryError> {
    let mut bytes = MAGIC.to_vec();
    bytes.extend(VERSION.to_le_bytes());
    bytes.extend(probe_key().to_le_bytes());
    let body = Body::of(partial);
    let bytes = postcard::to_extend(&body, bytes).expect("writing to a vector cannot fail");
    if bytes.len() as u64 > MAX_BYTES {
        return Err(SummaryError::TooLargeToWrite {
            path: partial.path.clone(),
        });
    }
    Ok(bytes)
}

/// Reads the summary at `path`, refusing anything but a regular file.
pub fn read(path: &Path) -> Result<Partial, SummaryError> {
    let name = path.display().to_string();
    let what = "a planlint summary is smaller: check that this is the summary you meant";
    let bytes =
        input::read_bounded(path, MAX_BYTES, what).map_err(|error| SummaryError::Input {
            path: name.clone(),
            error,
        })?;
    decode(&bytes, &name)
}

/// Reads a summary from its bytes; `path` names it in errors.
pub fn decode(bytes: &[u8], path: &str) -> Result<Partial, SummaryError> {
    let path = path.to_owned();
    if bytes.len() as u64 > MAX_BYTES {
        return Err(SummaryError::TooLarge { path });
    }
    let Some(rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
        return Err(SummaryError::NotSummary { path });
    };
    let damaged = |what: &str| SummaryError::Damaged {
        path: path.clone(),
        what: what.to_owned(),
    };
    let (version, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| damaged("it ends before its version"))?;
    let found = u32::from_le_bytes(*version);
    if found != VERSION {
        return Err(SummaryError::Version { path, found });
    }
    let (keys, rest) = rest
        .split_first_chunk::<8>()
        .ok_or_else(|| damaged("it ends before its key probe"))?;
    if u64::from_le_bytes(*keys) != probe_key() {
        return Err(SummaryError::Keys { path });
    }
    ITEMS.set(0);
    REFUSED.set(None);
    let (body, left) = postcard::take_from_bytes::<Body>(rest).map_err(|error| {
        damaged(&match (REFUSED.take(), error) {
            (Some(why), _) => why.to_owned(),
            (None, postcard::Error::DeserializeUnexpectedEnd) => "it ends too soon".to_owned(),
            (None, error) => format!("its body cannot be read: {error}"),
        })
    })?;
    if !left.is_empty() {
        return Err(damaged("bytes follow its body"));
    }
    body.into_partial().map_err(|what| damaged(&what))
}

/// Merges `all` into one, in order; their path is kept when they all name
/// the same feedback, else `name` is.
pub fn merge_all(all: Vec<(String, Partial)>, name: &str) -> Result<Option<Partial>, SummaryError> {
    let mut merged: Option<(String, Partial)> = None;
    for (path, partial) in all {
        match &mut merged {
            None => merged = Some((path, partial)),
            Some((first, mine)) => {
                if let Some(why) = mine.unlike(&partial) {
                    return Err(SummaryError::Unlike {
                        path,
                        other: first.clone(),
                        why,
                    });
                }
                if mine.aggregates.rows + partial.aggregates.rows > MAX_COUNT
                    || mine.rejected_total + partial.rejected_total > MAX_COUNT
                {
                    return Err(SummaryError::TooMany { path });
                }
                if mine.path != partial.path {
                    name.clone_into(&mut mine.path);
                }
                mine.merge(partial);
            }
        }
    }
    Ok(merged.map(|(_, partial)| partial))
}

impl Partial {
    /// Why `other` cannot be merged into this: made from feedback with
    /// other columns (a date column in one only, a score column that names
    /// another scale) or with other time options. Headers may be named
    /// otherwise and stand in another order.
    pub fn unlike(&self, other: &Partial) -> Option<&'static str> {
        let (mine, theirs) = (&self.columns, &other.columns);
        let roles = |c: &Columns| {
            [c.score, c.persona, c.touchpoint, c.channel, c.date].map(|i| i.is_some())
        };
        let scale = |c: &Columns| {
            let header = c.score.and_then(|i| c.headers.get(i));
            header.and_then(|h| ScoreScale::from_header(h))
        };
        if roles(mine) != roles(theirs) {
            Some(
                "one has a score, persona, touchpoint, channel or date column that the other has not",
            )
        } else if scale(mine) != scale(theirs) {
            Some("their score columns name other scales")
        } else if self.time != other.time {
            Some("they were made with other --date-format, --period, --since or --until")
        } else {
            None
        }
    }

    /// Adds the rows `other` counted, as if one analysis had read both.
    /// Order does not matter: a merged with b is b merged with a, and
    /// (a, b), c is a, (b, c), as long as the bounded parts had room.
    /// Check [`Partial::unlike`] first.
    pub fn merge(&mut self, other: Partial) {
        // The columns of the two that sort first name them: either way.
        if columns_key(&other.columns) < columns_key(&self.columns) {
            self.columns = other.columns;
        }
        self.aggregates.merge(other.aggregates);
        self.rejected.extend(other.rejected);
        self.rejected
            .sort_unstable_by(|a, b| (a.line, &a.reason).cmp(&(b.line, &b.reason)));
        self.rejected.truncate(MAX_REJECTED);
        self.rejected_total += other.rejected_total;
    }
}

impl Body {
    fn of(partial: &Partial) -> Body {
        let a = &partial.aggregates;
        let c = &partial.columns;
        let index = |i: usize| i as u32;
        let mut undated: Vec<_> = a
            .undated
            .iter()
            .map(|(&why, &(rows, first))| (why, rows, first))
            .collect();
        undated.sort_unstable();
        let mut want_dates: Vec<_> = a
            .want_dates
            .iter()
            .map(|(&(key, date), &count)| (key, date, count))
            .collect();
        want_dates.sort_unstable();
        let want_dates_dropped = a.want_dates_dropped.as_ref().map(|keys| {
            let mut keys: Vec<u64> = keys.iter().copied().collect();
            keys.sort_unstable();
            BoundedKeys(keys)
        });
        Body {
            path: partial.path.clone(),
            columns: WireColumns {
                headers: c.headers.clone(),
                text: index(c.text),
                score: c.score.map(index),
                persona: c.persona.map(index),
                touchpoint: c.touchpoint.map(index),
                channel: c.channel.map(index),
                date: c.date.map(index),
                delimiter: c.delimiter,
            },
            time: WireTime {
                order: partial.time.order,
                period: partial.time.period,
                since: partial.time.since,
                until: partial.time.until,
            },
            rows: a.rows,
            rejected: partial
                .rejected
                .iter()
                .map(|r| (r.line, r.reason.clone()))
                .collect(),
            rejected_total: partial.rejected_total,
            polarity: a.polarity,
            scores: a.scores.counts,
            range: a.range.bounds,
            fatigue: a.fatigue,
            pushy: a.pushy,
            groups: [&a.by_persona, &a.by_touchpoint, &a.by_channel].map(WireGroups::of),
            series: WireSeries::of(&a.series),
            undated,
            outside: a.outside,
            unplaced_by_window: a.unplaced_by_window,
            span: a.span,
            months_read: a.months_read,
            slashes: a.slashes,
            budget: (a.budget.months, a.budget.overflow),
            file_budget: (a.file_budget.months, a.file_budget.overflow),
            themes: WireTopK::of(&a.themes),
            wants: WireTopK::of(&a.wants),
            want_dates,
            want_dates_dropped,
            themes_by_score: a.themes_by_score.iter().map(WireTopK::of).collect(),
        }
    }

    /// The analysis state, once every bound is checked; else what is wrong.
    fn into_partial(self) -> Result<Partial, String> {
        let rows = self.rows;
        count(rows, MAX_COUNT, "rows")?;
        let columns = self.columns.into_columns()?;
        let time = self.time.into_time()?;
        let within = |n: u64, what: &str| count(n, rows, what);
        if self.rejected.len() > MAX_REJECTED {
            return Err(format!("more than {MAX_REJECTED} rejected rows"));
        }
        count(self.rejected_total, MAX_COUNT, "rejected rows")?;
        if (self.rejected.len() as u64) > self.rejected_total {
            return Err("more rejected rows listed than counted".into());
        }
        let mut rejected = Vec::with_capacity(self.rejected.len());
        for (line, reason) in self.rejected {
            text(&reason, MAX_REASON_CHARS, "a rejected row's reason")?;
            rejected.push(Rejected { line, reason });
        }
        let polarity = polarity(self.polarity, rows)?;
        let scores = scores(self.scores, rows)?;
        if let Some((low, high)) = self.range
            && !(low.is_finite() && high.is_finite() && low <= high)
        {
            return Err("a score range that is no range".into());
        }
        within(self.fatigue, "comments about contact")?;
        within(self.pushy, "comments about pressure")?;
        let keep_days = time.keep_days();
        let mut groups_budget = budget(keep_days, self.budget, rows)?;
        let mut file_budget = budget(keep_days, self.file_budget, rows)?;
        let series = self.series.into_series(&mut file_budget, rows)?;
        let [persona, touchpoint, channel] = self.groups;
        let by_persona = persona.into_groups(&mut groups_budget, rows)?;
        let by_touchpoint = touchpoint.into_groups(&mut groups_budget, rows)?;
        let by_channel = channel.into_groups(&mut groups_budget, rows)?;
        let mut undated = HashMap::default();
        for (why, n, first) in self.undated {
            within(n, "undated rows")?;
            if undated.insert(why, (n, first)).is_some() {
                return Err("a reason for undated rows counted twice".into());
            }
        }
        within(self.outside, "rows outside the window")?;
        if let Some((n, _)) = self.unplaced_by_window {
            within(n, "rows the window cannot place")?;
        }
        for day in self.span.iter().flat_map(|&(a, b)| [a, b]) {
            date(DateKey::Day(day))?;
        }
        let slashes = self.slashes;
        within(slashes.rows, "slash dates")?;
        within(slashes.day_first_only, "slash dates")?;
        within(slashes.month_first_only, "slash dates")?;
        let spans = [slashes.day_first_span, slashes.month_first_span];
        for day in spans.iter().flatten().flat_map(|&(a, b)| [a, b]) {
            date(DateKey::Day(day))?;
        }
        let themes = self.themes.into_topk(THEME_CAPACITY, rows)?;
        let wants = self.wants.into_topk(THEME_CAPACITY, rows)?;
        if self.want_dates.len() > MAX_WANT_DATES {
            return Err("too many dates of wants".into());
        }
        let mut want_dates = HashMap::default();
        for (key, when, n) in self.want_dates {
            date(when)?;
            within(n, "comments of a want")?;
            if want_dates.insert((key, when), n).is_some() {
                return Err("a want's date counted twice".into());
            }
        }
        let want_dates_dropped = match self.want_dates_dropped {
            Some(BoundedKeys(keys)) if keys.len() > MAX_WANT_DATES => {
                return Err("too many wants without dates".into());
            }
            Some(BoundedKeys(keys)) => Some(keys.into_iter().collect()),
            None => None,
        };
        if self.themes_by_score.len() != 11 {
            return Err("themes by score not for 0 to 10".into());
        }
        let themes_by_score = self
            .themes_by_score
            .into_iter()
            .map(|sketch| sketch.into_topk(THEME_CAPACITY / 4, rows))
            .collect::<Result<_, _>>()?;
        let aggregates = Aggregates {
            rows,
            polarity,
            scores,
            range: ScoreRange { bounds: self.range },
            fatigue: self.fatigue,
            pushy: self.pushy,
            by_persona,
            by_touchpoint,
            by_channel,
            series,
            undated,
            outside: self.outside,
            unplaced_by_window: self.unplaced_by_window,
            span: self.span,
            months_read: self.months_read,
            slashes,
            budget: groups_budget,
            file_budget,
            themes,
            wants,
            want_dates,
            want_dates_dropped,
            themes_by_score,
        };
        text(&self.path, MAX_PATH_CHARS, "the feedback's name")?;
        Ok(Partial {
            path: self.path,
            columns,
            time,
            aggregates,
            rejected,
            rejected_total: self.rejected_total,
        })
    }
}

/// The columns in an order of their own, so that merging chooses alike.
fn columns_key(c: &Columns) -> (&[String], usize, [Option<usize>; 5], u8) {
    let roles = [c.score, c.persona, c.touchpoint, c.channel, c.date];
    (&c.headers, c.text, roles, c.delimiter)
}

/// Checks a count against its bound.
fn count(n: u64, most: u64, what: &str) -> Result<(), String> {
    if n > most {
        Err(format!("more {what} than rows"))
    } else {
        Ok(())
    }
}

/// Checks that a text a summary holds is no longer than the analysis keeps.
fn text(s: &str, most: usize, what: &str) -> Result<(), String> {
    if s.chars().count() > most {
        return Err(format!("{what} longer than {most} characters"));
    }
    Ok(())
}

fn polarity(p: PolarityCounts, rows: u64) -> Result<PolarityCounts, String> {
    let total = p.negative as u128 + p.neutral as u128 + p.positive as u128;
    if total > u128::from(rows) {
        return Err("more comments than rows".into());
    }
    Ok(p)
}

fn scores(counts: [u64; 11], rows: u64) -> Result<Scores, String> {
    let total: u128 = counts.iter().map(|&n| u128::from(n)).sum();
    if total > u128::from(rows) {
        return Err("more scores than rows".into());
    }
    Ok(Scores { counts })
}

fn budget(keep_days: bool, (months, overflow): (bool, u64), rows: u64) -> Result<Budget, String> {
    // A row is placed in up to two counters of each of three groups.
    count(overflow, rows.saturating_mul(6), "rows past the counters")?;
    let mut budget = Budget::new(keep_days);
    budget.months = months && !keep_days;
    budget.overflow = overflow;
    Ok(budget)
}

/// Checks that a date is one the reader makes.
fn date(key: DateKey) -> Result<(), String> {
    use super::dates::days_from_civil;
    let first = days_from_civil(1000, 1, 1);
    let last = days_from_civil(9999, 12, 31);
    let months = (1000 - 1970) * 12..=(9999 - 1970) * 12 + 11;
    let ok = match key {
        DateKey::Day(day) => (first..=last).contains(&day),
        DateKey::Month(month) => months.contains(&month),
        DateKey::Slash {
            first,
            second,
            year,
        } => {
            (1..=31).contains(&first) && (1..=31).contains(&second) && (1000..=9999).contains(&year)
        }
        DateKey::SlashMonth { month, year, .. } => {
            (1..=31).contains(&month) && (1000..=9999).contains(&year)
        }
    };
    if ok {
        Ok(())
    } else {
        Err("a date no reader makes".into())
    }
}

impl WireColumns {
    fn into_columns(self) -> Result<Columns, String> {
        if self.headers.len() > MAX_HEADERS {
            return Err("too many columns".into());
        }
        for header in &self.headers {
            text(header, MAX_HEADER_CHARS, "a column's name")?;
        }
        let n = self.headers.len();
        let index = |i: u32| -> Result<usize, String> {
            let i = i as usize;
            if i < n {
                Ok(i)
            } else {
                Err("a column that is not in the header row".into())
            }
        };
        let optional = |i: Option<u32>| i.map(index).transpose();
        if !matches!(self.delimiter, b',' | b';' | b'\t' | b'|') {
            return Err("a delimiter no reader takes".into());
        }
        Ok(Columns {
            text: index(self.text)?,
            score: optional(self.score)?,
            persona: optional(self.persona)?,
            touchpoint: optional(self.touchpoint)?,
            channel: optional(self.channel)?,
            date: optional(self.date)?,
            delimiter: self.delimiter,
            headers: self.headers,
        })
    }
}

impl WireTime {
    fn into_time(self) -> Result<TimeOptions, String> {
        for day in [self.since, self.until].into_iter().flatten() {
            date(DateKey::Day(day))?;
        }
        Ok(TimeOptions {
            order: self.order,
            period: self.period,
            since: self.since,
            until: self.until,
        })
    }
}

impl WireGroups {
    fn of(groups: &Groups) -> WireGroups {
        WireGroups {
            overflow: groups.overflow,
            groups: groups
                .iter()
                .map(|(key, group)| (key.to_owned(), WireGroup::of(group)))
                .collect(),
        }
    }

    fn into_groups(self, budget: &mut Budget, rows: u64) -> Result<Groups, String> {
        count(self.overflow, rows, "rows past the groups")?;
        if self.groups.len() > MAX_GROUPS {
            return Err(format!("more than {MAX_GROUPS} groups"));
        }
        let mut groups = Groups::default();
        groups.overflow = self.overflow;
        for (key, group) in self.groups {
            let valid = !key.is_empty()
                && key.chars().count() <= MAX_KEY_CHARS
                && super::aggregate::link_key(&key) == key;
            if !valid {
                return Err("a group's key that is no link key".into());
            }
            let group = group.into_group(budget, rows)?;
            if !groups.insert(key, group) {
                return Err("a group listed twice".into());
            }
        }
        Ok(groups)
    }
}

impl WireGroup {
    fn of(group: &Group) -> WireGroup {
        WireGroup {
            display: group.display.clone(),
            first_line: group.first_line,
            rows: group.rows,
            polarity: group.polarity,
            scores: group.scores.counts,
            fatigue: group.fatigue,
            pushy: group.pushy,
            negative_examples: group.negative_examples.kept.clone(),
            fatigue_examples: group.fatigue_examples.kept.clone(),
            series: WireSeries::of(&group.series),
        }
    }

    fn into_group(self, budget: &mut Budget, rows: u64) -> Result<Group, String> {
        count(self.rows, rows, "rows of a group")?;
        let within = |n: u64, what: &str| count(n, self.rows, what);
        within(self.fatigue, "comments about contact")?;
        within(self.pushy, "comments about pressure")?;
        text(&self.display, EXAMPLE_CHARS + 1, "a group's name")?;
        Ok(Group {
            display: self.display,
            first_line: self.first_line,
            rows: self.rows,
            polarity: polarity(self.polarity, self.rows)?,
            scores: scores(self.scores, self.rows)?,
            fatigue: self.fatigue,
            pushy: self.pushy,
            negative_examples: examples(self.negative_examples)?,
            fatigue_examples: examples(self.fatigue_examples)?,
            series: self.series.into_series(budget, self.rows)?,
        })
    }
}

fn examples(kept: Vec<WireExample>) -> Result<Examples, String> {
    if kept.len() > EXAMPLES {
        return Err(format!("more than {EXAMPLES} examples"));
    }
    let mut examples = Examples::default();
    for (rank, line, comment) in kept {
        if !rank.is_finite() {
            return Err("an example's rank that is no number".into());
        }
        text(&comment, EXAMPLE_CHARS + 1, "an example")?;
        examples.offer(rank, line, &comment);
    }
    Ok(examples)
}

impl WireSeries {
    fn of(series: &Series) -> WireSeries {
        let mut cells: Vec<(DateKey, WireCell)> = series
            .iter()
            .map(|(date, cell)| {
                let wire = WireCell {
                    rows: cell.rows,
                    scores: cell.scores.counts,
                    polarity: cell.polarity,
                    fatigue: cell.fatigue,
                };
                (date, wire)
            })
            .collect();
        cells.sort_unstable_by_key(|&(date, _)| date);
        WireSeries {
            monthly: series.is_monthly(),
            incomplete: series.is_incomplete(),
            cells,
        }
    }

    /// The series, its counters taken from `budget` as an analysis takes
    /// them; `rows` bounds each counter.
    fn into_series(self, budget: &mut Budget, rows: u64) -> Result<Series, String> {
        if self.cells.len() > MAX_CELLS {
            return Err(format!("more than {MAX_CELLS} counters by date"));
        }
        let mut cells = HashMap::default();
        for (key, cell) in self.cells {
            date(key)?;
            count(cell.rows, rows, "rows of a date")?;
            let within = |n: u64, what: &str| count(n, cell.rows, what);
            within(cell.fatigue, "comments about contact")?;
            let cell = Cell {
                rows: cell.rows,
                scores: scores(cell.scores, cell.rows)?,
                polarity: polarity(cell.polarity, cell.rows)?,
                fatigue: cell.fatigue,
            };
            if cells.insert(key, cell).is_some() {
                return Err("a date counted twice".into());
            }
        }
        let read = Series::of_cells(cells, self.monthly, self.incomplete);
        let mut series = Series::default();
        series.merge(&read, budget);
        Ok(series)
    }
}

impl WireTopK {
    fn of(sketch: &TopK) -> WireTopK {
        let mut entries: Vec<(u64, WireEntry)> = sketch
            .entries
            .iter()
            .map(|(&key, entry)| {
                let wire = WireEntry {
                    count: entry.count,
                    error: entry.error,
                    display: entry.display.clone(),
                    display_line: entry.display_line,
                    examples: entry.examples.kept.clone(),
                };
                (key, wire)
            })
            .collect();
        entries.sort_unstable_by_key(|&(key, _)| key);
        WireTopK {
            capacity: sketch.capacity as u64,
            floor: sketch.floor,
            entries,
        }
    }

    fn into_topk(self, capacity: usize, rows: u64) -> Result<TopK, String> {
        if self.capacity != capacity as u64 {
            return Err("a theme sketch of another size".into());
        }
        if self.entries.len() > capacity * 2 {
            return Err("a theme sketch fuller than its size".into());
        }
        count(self.floor, rows, "theme counts")?;
        let mut sketch = TopK::new(capacity);
        sketch.floor = self.floor;
        for (key, entry) in self.entries {
            count(entry.count, rows, "mentions of a theme")?;
            count(entry.error, rows, "mentions of a theme")?;
            text(&entry.display, MAX_DISPLAY_CHARS, "a theme")?;
            let entry = Entry {
                count: entry.count,
                error: entry.error,
                display: entry.display,
                display_line: entry.display_line,
                examples: examples(entry.examples)?,
            };
            if sketch.entries.insert(key, entry).is_some() {
                return Err("a theme counted twice".into());
            }
        }
        Ok(sketch)
    }
}
