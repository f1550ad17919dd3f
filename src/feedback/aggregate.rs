//! Running totals over a feedback file. Everything here is bounded: counters,
//! histograms, a capped number of groups, a few example comments, and theme
//! sketches of fixed capacity. Each batch of rows gets its own, and they are
//! merged in file order.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::dates::{DateKey, SlashDates, Undated};
use super::examples::{Examples, cut};
use super::sketch::{Entry, TopK};
use super::stats::{Interval, NpsCounts};
use super::themes::CommentThemes;
use super::timeline::{Budget, Cell, Series, month_of};
use super::{Polarity, Row, ScoreRange, ScoreScale, Sentiment};

/// Themes tracked per sketch.
pub const THEME_CAPACITY: usize = 2_000;
/// Distinct persona or touchpoint values tracked; more are counted as overflow.
pub const MAX_GROUPS: usize = 10_000;
/// Pairs of a want's run and a month tracked for the wants' trends.
pub const MAX_WANT_DATES: usize = 50_000;

/// Where a score puts a customer in the Net Promoter Score: promoter,
/// passive or detractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpsClass {
    Detractor,
    Passive,
    Promoter,
}

/// NPS: 9-10 promoters, 7-8 passives, 0-6 detractors. Stars are mapped: 5
/// promoters, 4 passives, 1-3 detractors.
pub fn nps_class(scale: ScoreScale, rounded: usize) -> NpsClass {
    match (scale, rounded) {
        (ScoreScale::Nps, 9..) | (ScoreScale::Stars, 5..) => NpsClass::Promoter,
        (ScoreScale::Nps, 7..=8) | (ScoreScale::Stars, 4) => NpsClass::Passive,
        _ => NpsClass::Detractor,
    }
}

/// Comments counted by their polarity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PolarityCounts {
    pub negative: u64,
    pub neutral: u64,
    pub positive: u64,
}

impl PolarityCounts {
    pub fn add(&mut self, polarity: Polarity) {
        *match polarity {
            Polarity::Negative => &mut self.negative,
            Polarity::Neutral => &mut self.neutral,
            Polarity::Positive => &mut self.positive,
        } += 1;
    }

    pub fn merge(&mut self, other: PolarityCounts) {
        self.negative += other.negative;
        self.neutral += other.neutral;
        self.positive += other.positive;
    }

    pub fn total(&self) -> u64 {
        self.negative + self.neutral + self.positive
    }
}

/// Scores counted by value (rounded to a whole point), so the scale can be
/// decided after the whole file has been read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    pub(super) counts: [u64; 11],
}

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Nps {
    pub scored: u64,
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    /// Percentage of promoters minus percentage of detractors, -100 to 100.
    pub nps: f64,
    /// Its 95% interval ([`NpsCounts::interval`]), to a tenth of a point.
    pub interval: Interval,
}

impl Scores {
    pub fn add(&mut self, score: f64) {
        self.add_point(rounded(score));
    }

    /// Counts a score already rounded to a whole point (0-10).
    pub fn add_point(&mut self, point: usize) {
        self.counts[point] += 1;
    }

    pub fn merge(&mut self, other: &Scores) {
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            *mine += theirs;
        }
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The scores by NPS class.
    pub fn counts(&self, scale: ScoreScale) -> NpsCounts {
        let mut counts = NpsCounts::default();
        for (value, &count) in self.counts.iter().enumerate() {
            *match nps_class(scale, value) {
                NpsClass::Detractor => &mut counts.detractors,
                NpsClass::Passive => &mut counts.passives,
                NpsClass::Promoter => &mut counts.promoters,
            } += count;
        }
        counts
    }

    pub fn nps(&self, scale: ScoreScale) -> Option<Nps> {
        Nps::of(&self.counts(scale))
    }
}

impl Nps {
    /// The NPS of `counts`, rounded to a tenth of a point as reports show
    /// it; `None` without scores.
    pub fn of(counts: &NpsCounts) -> Option<Nps> {
        let scored = counts.scored();
        if scored == 0 {
            return None;
        }
        let tenth = |x: f64| (x * 10.0).round() / 10.0;
        let share = |n: u64| n as f64 * 100.0 / scored as f64;
        let interval = counts.interval();
        Some(Nps {
            scored,
            promoters: counts.promoters,
            passives: counts.passives,
            detractors: counts.detractors,
            nps: tenth(share(counts.promoters) - share(counts.detractors)),
            interval: Interval {
                low: tenth(interval.low),
                high: tenth(interval.high),
            },
        })
    }
}

/// The score to the nearest whole point from 0 to 10, halves away from zero:
/// `score.round().clamp(0.0, 10.0)`, without the call into libm that `round`
/// is on a target without a rounding instruction. A positive `f64` below 10
/// minus its whole part is exact, so the half is compared exactly.
fn rounded(score: f64) -> usize {
    if score.is_nan() || score <= 0.0 {
        return 0;
    }
    if score >= 10.0 {
        return 10;
    }
    let whole = score as usize;
    whole + usize::from(score - whole as f64 >= 0.5)
}

/// Everything known about the comments that name one persona or touchpoint.
#[derive(Debug, Clone, Default)]
pub struct Group {
    /// The value as written on the earliest line that names the group.
    pub display: String,
    pub first_line: u64,
    /// Rows naming this group, with or without text.
    pub rows: u64,
    /// Rows with a comment, by polarity.
    pub polarity: PolarityCounts,
    pub scores: Scores,
    pub fatigue: u64,
    pub pushy: u64,
    /// The most negative comments.
    pub negative_examples: Examples,
    /// The first comments about contact frequency.
    pub fatigue_examples: Examples,
    /// The rows with a readable date, by date.
    pub series: Series,
}

/// What is counted of one row: its score rounded to a whole point, its
/// date, and its comment's sentiment and themes.
#[derive(Clone, Copy)]
pub struct Counted<'a> {
    pub point: Option<usize>,
    pub date: Option<DateKey>,
    /// The month of `date` when it is a whole day.
    pub month: Option<DateKey>,
    pub scored: Option<(Sentiment, &'a CommentThemes)>,
}

impl Counted<'_> {
    /// Counts the row in a counter of its date.
    fn count(&self, cell: &mut Cell) {
        cell.add(
            self.point,
            self.scored.map(|(s, _)| s.polarity),
            self.scored.is_some_and(|(_, t)| t.fatigue),
        );
    }
}

impl Group {
    pub fn comments(&self) -> u64 {
        self.polarity.total()
    }

    pub fn negative_share(&self) -> f64 {
        self.polarity.negative as f64 / self.comments().max(1) as f64
    }

    fn add(&mut self, row: &Row, counted: &Counted<'_>, budget: &mut Budget) {
        self.rows += 1;
        if let Some(point) = counted.point {
            self.scores.add_point(point);
        }
        if let Some(date) = counted.date {
            self.series
                .add(date, counted.month, budget, |cell| counted.count(cell));
        }
        let Some((sentiment, themes)) = counted.scored else {
            return;
        };
        self.polarity.add(sentiment.polarity);
        if sentiment.polarity == Polarity::Negative {
            self.negative_examples
                .offer(sentiment.score, row.line, &row.text);
        }
        if themes.fatigue {
            self.fatigue += 1;
            self.fatigue_examples.offer(0.0, row.line, &row.text);
        }
        self.pushy += u64::from(themes.pushy);
    }

    /// Adds another group's counts (another thread's, or another spelling of
    /// the same item).
    pub fn absorb(&mut self, other: &Group, budget: &mut Budget) {
        if self.display.is_empty()
            || (other.first_line, &other.display) < (self.first_line, &self.display)
        {
            self.display.clone_from(&other.display);
            self.first_line = other.first_line;
        }
        self.rows += other.rows;
        self.polarity.merge(other.polarity);
        self.scores.merge(&other.scores);
        self.fatigue += other.fatigue;
        self.pushy += other.pushy;
        self.negative_examples.merge(&other.negative_examples);
        self.fatigue_examples.merge(&other.fatigue_examples);
        self.series.merge(&other.series, budget);
    }
}

/// The values of one link column (persona or touchpoint), grouped by their
/// link key.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    groups: Vec<Group>,
    /// Index in `groups` by link key.
    index: HashMap<String, usize>,
    /// Rows whose value did not fit in once `MAX_GROUPS` were tracked.
    pub overflow: u64,
    /// Where values as written go: a file repeats a few values on every row,
    /// and one lookup is cheaper than building the key and looking it up.
    slots: HashMap<Box<str>, Slot>,
}

/// Where a value as written goes.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Group(usize),
    /// The value has an empty link key and names no group.
    Empty,
    /// The value's group was not tracked, and never will be: groups are only
    /// added until `MAX_GROUPS` are tracked, and none is ever removed.
    Overflow,
}

impl Groups {
    /// The groups with their link keys, in the order of the keys: the order
    /// groups were first seen in depends on which thread saw which rows.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Group)> {
        let mut keyed: Vec<(&str, usize)> = self
            .index
            .iter()
            .map(|(key, &i)| (key.as_str(), i))
            .collect();
        keyed.sort_unstable_by_key(|&(key, _)| key);
        keyed.into_iter().map(|(key, i)| (key, &self.groups[i]))
    }

    /// Adds a group under its link key, unless one is there already.
    pub(super) fn insert(&mut self, key: String, group: Group) -> bool {
        if self.index.contains_key(&key) {
            return false;
        }
        self.index.insert(key, self.groups.len());
        self.groups.push(group);
        true
    }

    fn add(&mut self, value: Option<&str>, row: &Row, counted: &Counted<'_>, budget: &mut Budget) {
        // Not trimmed: white space is in no link key, and `cut` trims the
        // display. A value of white space only has an empty key, which names
        // no group.
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            return;
        };
        let slot = match self.slots.get(value) {
            Some(&slot) => slot,
            None => self.miss(value, row.line),
        };
        match slot {
            Slot::Group(i) => {
                let group = &mut self.groups[i];
                if row.line < group.first_line {
                    group.display = cut(value);
                    group.first_line = row.line;
                }
                group.add(row, counted, budget);
            }
            Slot::Empty => {}
            Slot::Overflow => self.overflow += 1,
        }
    }

    /// The slot of a value not in the cache, now cached.
    fn miss(&mut self, value: &str, line: u64) -> Slot {
        let slot = self.slot(value, line);
        if self.slots.len() >= MAX_GROUPS {
            self.slots.clear();
        }
        // A value longer than any id or name is not kept as written: it is
        // worked out again each time it comes.
        if value.len() <= MAX_KEY_CHARS {
            self.slots.insert(value.into(), slot);
        }
        slot
    }

    /// The slot of a value not seen lately, with its group added when it is
    /// new and there is room; a new group starts at `line`.
    fn slot(&mut self, value: &str, line: u64) -> Slot {
        let key = link_key(value);
        if key.is_empty() {
            return Slot::Empty;
        }
        if let Some(&i) = self.index.get(&key) {
            return Slot::Group(i);
        }
        if self.groups.len() >= MAX_GROUPS {
            return Slot::Overflow;
        }
        self.index.insert(key, self.groups.len());
        self.groups.push(Group {
            display: cut(value),
            first_line: line,
            ..Group::default()
        });
        Slot::Group(self.groups.len() - 1)
    }

    fn merge(&mut self, other: Groups, budget: &mut Budget) {
        self.overflow += other.overflow;
        let mut keys: Vec<(usize, String)> = other.index.into_iter().map(|(k, i)| (i, k)).collect();
        keys.sort_unstable_by_key(|&(i, _)| i);
        for ((_, key), theirs) in keys.into_iter().zip(other.groups) {
            if let Some(&mine) = self.index.get(&key) {
                self.groups[mine].absorb(&theirs, budget);
            } else if self.groups.len() < MAX_GROUPS {
                self.index.insert(key, self.groups.len());
                let mut group = Group {
                    series: Series::default(),
                    ..theirs
                };
                group.series.merge(&theirs.series, budget);
                self.groups.push(group);
            } else {
                self.overflow += theirs.rows;
            }
        }
    }
}

/// A link key keeps at most this many characters: ids and names are short,
/// and a group per value of a hostile file's megabyte-long fields must not
/// cost a megabyte each. Values that agree this far are one group.
pub const MAX_KEY_CHARS: usize = 200;

/// How a feedback value is matched to a plan item's id or name: letters and
/// digits only, lower-cased ("Cart SMS" and "cart-sms" are the same), at
/// most [`MAX_KEY_CHARS`] of them.
pub fn link_key(value: &str) -> String {
    let mut key = String::new();
    push_link_key(value, &mut key);
    key
}

fn push_link_key(value: &str, key: &mut String) {
    key.clear();
    if value.is_ascii() {
        let kept = value.bytes().filter(u8::is_ascii_alphanumeric);
        key.extend(
            kept.take(MAX_KEY_CHARS)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        let kept = value.chars().filter(|c| c.is_alphanumeric());
        key.extend(kept.flat_map(char::to_lowercase).take(MAX_KEY_CHARS));
    }
}

#[derive(Debug, Clone)]
pub struct Aggregates {
    /// Rows analysed (read without error).
    pub rows: u64,
    /// Rows with a comment, by polarity.
    pub polarity: PolarityCounts,
    pub scores: Scores,
    /// The exact lowest and highest score, which decide the scale.
    pub range: ScoreRange,
    pub fatigue: u64,
    pub pushy: u64,
    pub by_persona: Groups,
    pub by_touchpoint: Groups,
    pub by_channel: Groups,
    /// The rows with a readable date, by date.
    pub series: Series,
    /// Rows whose date could not be read, by reason, with the first line
    /// of each reason: counted, and analysed for all but time.
    pub undated: HashMap<Undated, (u64, u64)>,
    /// Rows left out because their date is outside `--since`/`--until`.
    pub outside: u64,
    /// Rows `--since`/`--until` could not place (`03/04/2026` without
    /// `--date-format`), and the first of their lines: an error.
    pub unplaced_by_window: Option<(u64, u64)>,
    /// The first and last day of the whole days and months read (a month
    /// from its first day to its last); `03/04/2026` dates are added at the
    /// end, when their order is known.
    pub span: Option<(i32, i32)>,
    /// Whether a month without a day (`2026-03`) was read: periods are then
    /// months or longer, unless `--period week` says otherwise.
    pub months_read: bool,
    /// The `03/04/2026` dates read, which decide the file's order of day
    /// and month and their span.
    pub slashes: SlashDates,
    /// What is left of the counters by date of the groups, and the rows
    /// that overflowed.
    pub budget: Budget,
    /// The same for the whole file's counters, which groups cannot use up:
    /// a row with a readable date is in a period, or counted as not placed.
    pub file_budget: Budget,
    pub themes: TopK,
    /// Every run of the words of a want, counted once per comment: see
    /// [`super::wants`] for the wants they make.
    pub wants: TopK,
    /// Runs of wants by the quarter (the month that starts it; for
    /// `03/04/2026` dates, the date) of their comments, so that a want's
    /// trend can be told; at most [`MAX_WANT_DATES`] pairs.
    pub want_dates: HashMap<(u64, DateKey), u64>,
    /// The runs whose dates did not all fit, whose trend is not told; `None`
    /// once they are too many to name, and no trend is told.
    pub want_dates_dropped: Option<HashSet<u64>>,
    /// Themes of comments by their score, rounded (0-10): which are
    /// detractors depends on the scale, known only at the end.
    pub themes_by_score: Vec<TopK>,
}

impl Default for Aggregates {
    fn default() -> Self {
        Self {
            rows: 0,
            polarity: PolarityCounts::default(),
            scores: Scores::default(),
            range: ScoreRange::default(),
            fatigue: 0,
            pushy: 0,
            by_persona: Groups::default(),
            by_touchpoint: Groups::default(),
            by_channel: Groups::default(),
            series: Series::default(),
            undated: HashMap::default(),
            outside: 0,
            unplaced_by_window: None,
            span: None,
            months_read: false,
            slashes: SlashDates::default(),
            budget: Budget::default(),
            file_budget: Budget::default(),
            themes: TopK::new(THEME_CAPACITY),
            wants: TopK::new(THEME_CAPACITY),
            want_dates: HashMap::default(),
            want_dates_dropped: Some(HashSet::default()),
            themes_by_score: (0..=10).map(|_| TopK::new(THEME_CAPACITY / 4)).collect(),
        }
    }
}

impl Aggregates {
    /// Empty aggregates; `keep_days` when periods must be weeks whatever
    /// the span (`--period week`).
    pub fn new(keep_days: bool) -> Self {
        Self {
            budget: Budget::new(keep_days),
            file_budget: Budget::new(keep_days),
            ..Self::default()
        }
    }

    /// Keeps every series' dates as months from the first: the rows span
    /// more than 13 weeks ([`Budget::months`]).
    pub fn keep_months(&mut self) {
        self.budget.months = true;
        self.file_budget.months = true;
    }

    /// Counts a row left out by `--since`/`--until`.
    pub fn leave_out(&mut self) {
        self.outside += 1;
    }

    /// Counts a row `--since`/`--until` cannot place.
    pub fn leave_out_unplaced(&mut self, line: u64) {
        let (rows, first) = self.unplaced_by_window.get_or_insert((0, line));
        *rows += 1;
        *first = (*first).min(line);
    }

    /// Counts one row; `date` is `None` when the file has no date column,
    /// and `scored` is `None` for a row without a comment.
    pub fn add(
        &mut self,
        row: &Row,
        date: Option<Result<DateKey, Undated>>,
        scored: Option<(Sentiment, &CommentThemes)>,
    ) {
        self.rows += 1;
        // Rounded once for the totals, the themes by score and the groups.
        let point = row.score.map(rounded);
        let date = match date {
            Some(Ok(date)) => Some(date),
            Some(Err(why)) => {
                let (count, first) = self.undated.entry(why).or_insert((0, row.line));
                *count += 1;
                *first = (*first).min(row.line);
                None
            }
            None => None,
        };
        let days = match date {
            Some(DateKey::Day(day)) => Some((day, day)),
            Some(DateKey::Month(month)) => {
                self.months_read = true;
                let (year, month) = (1970 + month.div_euclid(12), month.rem_euclid(12) as u32 + 1);
                let first = super::dates::days_from_civil(year, month, 1);
                Some((
                    first,
                    first + super::dates::days_in_month(year, month) as i32 - 1,
                ))
            }
            Some(slash) => {
                self.slashes.add(slash);
                None
            }
            None => None,
        };
        if let Some((first, last)) = days {
            self.span = Some(
                self.span
                    .map_or((first, last), |(a, b)| (a.min(first), b.max(last))),
            );
        }
        let month = match date {
            Some(DateKey::Day(day)) => Some(month_of(day)),
            _ => None,
        };
        let counted = Counted {
            point,
            date,
            month,
            scored,
        };
        if let Some(date) = date {
            self.series.add(date, month, &mut self.file_budget, |cell| {
                counted.count(cell)
            });
        }
        if let Some(score) = row.score {
            self.range.add(score);
        }
        if let Some(point) = point {
            self.scores.add_point(point);
        }
        if let Some((sentiment, themes)) = scored {
            self.polarity.add(sentiment.polarity);
            self.fatigue += u64::from(themes.fatigue);
            self.pushy += u64::from(themes.pushy);
            let text = row.text.as_str();
            let quarter = match month.or(date) {
                Some(DateKey::Month(month)) => Some(DateKey::Month(month - month.rem_euclid(3))),
                other => other.filter(|d| matches!(d, DateKey::Slash { .. })),
            };
            for run in themes.want_runs() {
                let display = || run.display();
                self.wants.add(run.key(), display, row.line, text);
                if let Some(quarter) = quarter {
                    self.count_want_date(run.key(), quarter, 1);
                }
            }
            for phrase in themes.phrases() {
                let (key, display) = (phrase.key(), || phrase.display());
                self.themes.add(key, display, row.line, text);
                if let Some(point) = point {
                    self.themes_by_score[point].add(key, display, row.line, text);
                }
            }
        }
        let budget = &mut self.budget;
        self.by_persona
            .add(row.persona.as_deref(), row, &counted, budget);
        self.by_touchpoint
            .add(row.touchpoint.as_deref(), row, &counted, budget);
        self.by_channel
            .add(row.channel.as_deref(), row, &counted, budget);
    }

    pub fn merge(&mut self, other: Aggregates) {
        self.rows += other.rows;
        self.polarity.merge(other.polarity);
        self.scores.merge(&other.scores);
        self.range.merge(&other.range);
        self.fatigue += other.fatigue;
        self.pushy += other.pushy;
        self.budget.merge(&other.budget);
        self.file_budget.merge(&other.file_budget);
        self.series.merge(&other.series, &mut self.file_budget);
        let budget = &mut self.budget;
        self.by_persona.merge(other.by_persona, budget);
        self.by_touchpoint.merge(other.by_touchpoint, budget);
        self.by_channel.merge(other.by_channel, budget);
        for (why, (count, first)) in other.undated {
            let (mine, mine_first) = self.undated.entry(why).or_insert((0, first));
            *mine += count;
            *mine_first = (*mine_first).min(first);
        }
        self.outside += other.outside;
        if let Some((rows, line)) = other.unplaced_by_window {
            let (mine, first) = self.unplaced_by_window.get_or_insert((0, line));
            *mine += rows;
            *first = (*first).min(line);
        }
        self.months_read |= other.months_read;
        self.slashes.merge(&other.slashes);
        self.span = match (self.span, other.span) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (mine, theirs) => mine.or(theirs),
        };
        self.themes.merge(other.themes);
        self.wants.merge(other.wants);
        match other.want_dates_dropped {
            Some(keys) => keys.into_iter().for_each(|key| self.drop_want_dates(key)),
            None => self.want_dates_dropped = None,
        }
        for ((key, month), count) in other.want_dates {
            self.count_want_date(key, month, count);
        }
        for (mine, theirs) in self.themes_by_score.iter_mut().zip(other.themes_by_score) {
            mine.merge(theirs);
        }
    }

    /// The `n` themes mentioned most, each with the scores of the comments
    /// that mention it by NPS class, and whether those counts are exact.
    pub fn theme_scores(&self, scale: ScoreScale, n: usize) -> Vec<(&Entry, NpsCounts, bool)> {
        let classes = [NpsClass::Promoter, NpsClass::Passive, NpsClass::Detractor]
            .map(|class| self.themes_of(scale, class));
        self.themes
            .top_keyed(n)
            .into_iter()
            .map(|(key, entry)| {
                let [(promoters, e1), (passives, e2), (detractors, e3)] =
                    [0, 1, 2].map(|i| classes[i].count_of(key));
                let counts = NpsCounts {
                    promoters,
                    passives,
                    detractors,
                };
                (entry, counts, e1 + e2 + e3 == 0)
            })
            .collect()
    }

    fn count_want_date(&mut self, key: u64, month: DateKey, count: u64) {
        let room = self.want_dates.len() < MAX_WANT_DATES;
        match self.want_dates.get_mut(&(key, month)) {
            Some(mine) => *mine += count,
            None if room => {
                self.want_dates.insert((key, month), count);
            }
            None => self.drop_want_dates(key),
        }
    }

    /// Notes that not every date of a want's run was counted.
    fn drop_want_dates(&mut self, key: u64) {
        if let Some(keys) = &mut self.want_dates_dropped {
            keys.insert(key);
            if keys.len() > MAX_WANT_DATES {
                self.want_dates_dropped = None;
            }
        }
    }

    /// Whether every dated comment of a want's run was counted by date.
    pub fn want_dates_complete(&self, key: u64) -> bool {
        self.want_dates_dropped
            .as_ref()
            .is_some_and(|keys| !keys.contains(&key))
    }

    /// The themes of the comments of one class (detractors or promoters).
    pub fn themes_of(&self, scale: ScoreScale, wanted: NpsClass) -> TopK {
        let mut merged = TopK::new(THEME_CAPACITY);
        for (value, sketch) in self.themes_by_score.iter().enumerate() {
            if nps_class(scale, value) == wanted {
                merged.merge(sketch.clone());
            }
        }
        merged
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Counted<'static> = Counted {
        point: None,
        date: None,
        month: None,
        scored: None,
    };

    #[test]
    fn nps_follows_the_usual_split_and_stars_are_mapped() {
        let mut s = Scores::default();
        for v in [10.0, 9.0, 8.0, 6.0, 0.0] {
            s.add(v);
        }
        let nps = s.nps(ScoreScale::Nps).unwrap();
        assert_eq!(
            (nps.promoters, nps.passives, nps.detractors, nps.nps),
            (2, 1, 2, 0.0)
        );
        let mut stars = Scores::default();
        for v in [5.0, 5.0, 4.0, 2.0] {
            stars.add(v);
        }
        assert_eq!(stars.nps(ScoreScale::Stars).unwrap().nps, 25.0);
    }

    /// Found by review: groups that use up the counters by date must not
    /// take the whole file's: every dated row stays in a period.
    #[test]
    fn groups_cannot_use_up_the_whole_files_counters() {
        let mut a = Aggregates::new(false);
        a.budget = Budget::with_room(1);
        for day in 0..10 {
            let row = Row {
                line: day as u64 + 2,
                persona: Some(format!("p{day}")),
                ..Row::default()
            };
            a.add(&row, Some(Ok(DateKey::Day(day))), None);
        }
        assert_eq!(a.budget.overflow, 9, "the groups' rows are counted");
        let rows: u64 = a.series.iter().map(|(_, c)| c.rows).sum();
        assert_eq!(rows, 10, "the file's rows are all placed");
    }

    #[test]
    fn values_group_by_link_key_whatever_their_spacing() {
        let mut groups = Groups::default();
        for (line, value) in [(3, "Cart SMS "), (1, " cart-sms"), (2, "   "), (4, "")] {
            let row = Row {
                line,
                ..Row::default()
            };
            groups.add(Some(value), &row, &NONE, &mut Budget::default());
        }
        let all: Vec<_> = groups.iter().collect();
        assert_eq!(all.len(), 1);
        let (key, group) = all[0];
        assert_eq!(key, "cartsms");
        assert_eq!((group.display.as_str(), group.rows), ("cart-sms", 2));
    }

    #[test]
    fn values_past_the_cap_are_overflow_and_known_values_still_count() {
        let mut groups = Groups::default();
        let row = Row::default();
        for n in 0..MAX_GROUPS {
            groups.add(
                Some(&format!("persona {n}")),
                &row,
                &NONE,
                &mut Budget::default(),
            );
        }
        for value in [
            "new one",
            "new one",
            "Persona 7",
            "a much longer new persona",
        ] {
            groups.add(Some(value), &row, &NONE, &mut Budget::default());
        }
        assert_eq!(groups.overflow, 3);
        assert_eq!(groups.iter().count(), MAX_GROUPS);
        let seven = groups.iter().find(|(key, _)| *key == "persona7");
        assert_eq!(seven.map(|(_, g)| g.rows), Some(2));
    }

    #[test]
    fn scores_round_like_round_and_clamp() {
        let mut scores = vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 1e300];
        for tenths in -30..=130 {
            let score = f64::from(tenths) / 10.0;
            scores.extend([score, score.next_up(), score.next_down()]);
        }
        scores.extend([
            0.5f64.next_down(),
            9.5f64.next_down(),
            4.5,
            4.5f64.next_up(),
        ]);
        for score in scores {
            let expected = score.round().clamp(0.0, 10.0) as usize;
            assert_eq!(rounded(score), expected, "{score:?}");
        }
    }

    #[test]
    fn link_keys_ignore_case_and_punctuation() {
        assert_eq!(link_key("Cart SMS"), link_key("cart-sms"));
        assert_eq!(link_key(" Éclair  Club "), "éclairclub");
    }

    #[test]
    fn link_keys_are_bounded_whatever_the_value() {
        let long = "ab-".repeat(1_000_000);
        assert_eq!(link_key(&long).len(), MAX_KEY_CHARS);
        let wide = "é".repeat(1_000_000);
        assert_eq!(link_key(&wide).chars().count(), MAX_KEY_CHARS);
        let mut groups = Groups::default();
        for (line, tail) in ["x", "y"].into_iter().enumerate() {
            let value = format!("{long}{tail}");
            let row = Row {
                line: line as u64 + 2,
                ..Row::default()
            };
            groups.add(Some(&value), &row, &NONE, &mut Budget::default());
        }
        assert_eq!(
            groups.iter().count(),
            1,
            "values alike for the key's length are one group"
        );
        assert!(
            groups.slots.is_empty(),
            "long values are not cached as written"
        );
    }
}
