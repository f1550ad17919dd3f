//! The pipeline that analyses a feedback file. The threads of a rayon pool
//! take turns reading the next batch of rows (`par_bridge`, so reading needs
//! no thread of its own) and score each batch they read into aggregates of
//! its own. The calling thread merges the batches' aggregates, and writes
//! their rows, in file order: the result does not depend on which thread
//! did what. Memory stays flat: reading stops [`WINDOW`] batches ahead of
//! the batch merged next, and whatever is kept per row
//! (aggregates, sketches, examples) has a fixed size. It imports the rest of
//! `feedback`, and rayon.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::sync::mpsc::{SyncSender, sync_channel};
use std::sync::{Condvar, Mutex, OnceLock};
use std::thread;

use rayon::iter::{ParallelBridge, ParallelIterator};
use rayon::{ThreadPool, ThreadPoolBuilder};

use super::aggregate::Aggregates;
use super::dates::{self, DateKey, OrderSource, Period, SlashOrder, Undated};
use super::reader::{Columns, FeedbackError, FeedbackReader, ReadOptions, display_name};
use super::scale::ScoreScale;
use super::sentiment::model;
use super::themes::{self, CommentThemes, extract_lexed};
use super::timeline::Dating;
use super::{Rejected, Row, Sentiment};
use crate::text::with_lexed;

/// How large a batch grows: this many rows, or rows that take this many
/// bytes of the file, whichever comes first (so that rows as long as the
/// reader allows, a megabyte each, do not make a batch of a gigabyte).
#[derive(Clone, Copy)]
struct BatchSize {
    rows: usize,
    bytes: u64,
}

/// A batch's aggregates start empty, so each theme and group a batch meets
/// costs its first example copied again, and a merge: batches this large
/// keep that to about 4% of the work, and their rows are let go once scored.
const BATCH: BatchSize = BatchSize {
    rows: 8192,
    bytes: 1 << 20,
};
/// With ordered output a batch's rows, with all their fields, wait to be
/// written, so batches are smaller; writing the rows is most of the work.
const ORDERED_BATCH: BatchSize = BatchSize {
    rows: 1024,
    bytes: 256 << 10,
};
/// Memory a spare batch's rows may keep: a batch whose rows grew larger
/// (from long rows) is let go rather than kept for good.
const SPARE_BYTES: usize = 4 << 20;
/// Scored batches that may wait in the channel for the calling thread.
const DEPTH: usize = 4;
/// Batches that may be read before the batch the calling thread merges
/// next: while one thread is slow on a batch (a long comment), the others
/// stop reading here, so the batches waiting to be merged in file order,
/// and memory, stay bounded whatever the file.
const WINDOW: u64 = 4;
/// Rejected rows kept with their line and reason; the rest are only counted.
pub const MAX_REJECTED: usize = 10_000;

#[derive(Debug, thiserror::Error)]
pub enum AnalyzeError {
    #[error(transparent)]
    Read(#[from] FeedbackError),
    #[error("cannot write the output: {0}")]
    Output(#[source] std::io::Error),
    #[error(
        "--since and --until need a date column: name it with --date-column, or leave the options out"
    )]
    NoDateColumn,
    #[error(
        "{path}: the summary was made with other {option} than given now: give the same as when it was made, or make it again"
    )]
    Scanned { path: String, option: &'static str },
    #[error(
        "{path}: --since and --until cannot place {rows} dates like 03/04/2026 (the first on line {line}), which could be either day first or month first: say which with --date-format DD/MM/YYYY or --date-format MM/DD/YYYY"
    )]
    AmbiguousWindow { path: String, rows: u64, line: u64 },
}

/// How an analysis is run.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    pub read: ReadOptions,
    /// Forces the score scale; otherwise the header or the values decide.
    pub scale: Option<ScoreScale>,
    /// Threads that read and score: 0 for the pool every analysis of the
    /// process shares, a thread per core (or `RAYON_NUM_THREADS`); n for a
    /// pool of n threads for this analysis alone. The result is the same.
    pub workers: usize,
    pub time: TimeOptions,
}

/// How the date column is read and cut into periods. A [`Partial`] keeps
/// those it was read with: they decide how its rows were counted, so
/// finishing cannot change them, and partial analyses merge only when they
/// agree on them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeOptions {
    /// `--date-format`: the order of day and month in `03/04/2026`;
    /// otherwise the file's dates decide it.
    pub order: Option<SlashOrder>,
    /// `--period`; otherwise chosen from the span of the dates.
    pub period: Option<Period>,
    /// `--since` and `--until`: the first and last day analysed, as days
    /// since 1970-01-01. Rows outside, and rows without a readable date,
    /// are left out and counted.
    pub since: Option<i32>,
    pub until: Option<i32>,
}

impl TimeOptions {
    /// Whether days are kept as days (`--period week`), whatever the span.
    pub fn keep_days(&self) -> bool {
        self.period == Some(Period::Week)
    }

    fn windowed(&self) -> bool {
        self.since.is_some() || self.until.is_some()
    }

    /// Whether a row dated `date` is analysed; `None` for a `03/04/2026`
    /// date whose order of day and month nothing says yet, which no window
    /// can place.
    fn admits(&self, date: Result<DateKey, Undated>) -> Option<bool> {
        if !self.windowed() {
            return Some(true);
        }
        let Ok(date) = date else { return Some(false) };
        let (since, until) = (
            self.since.unwrap_or(i32::MIN),
            self.until.unwrap_or(i32::MAX),
        );
        let order = match (self.order, date) {
            (Some(order), _) => order,
            (None, DateKey::Slash { first, .. }) if first > 12 => SlashOrder::DayFirst,
            (None, DateKey::Slash { second, .. }) if second > 12 => SlashOrder::MonthFirst,
            (None, DateKey::Slash { .. }) => return None,
            (None, _) => SlashOrder::DayFirst,
        };
        Some(match date.day(order) {
            Ok(Some(day)) => (since..=until).contains(&day),
            // A month is in the window when all of it is.
            Ok(None) => date.month(order).is_ok_and(|month| {
                let (year, month) = (1970 + month.div_euclid(12), month.rem_euclid(12) as u32 + 1);
                let first = dates::days_from_civil(year, month, 1);
                let last = first + dates::days_in_month(year, month) as i32 - 1;
                since <= first && last <= until
            }),
            Err(_) => false,
        })
    }
}

/// Where the score scale came from, so reports can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScaleSource {
    Option,
    Header,
    Values,
}

/// What the rows of a feedback file add up to, before what depends on
/// all of them (the score scale, the periods) is decided: the state of an
/// analysis, which a summary file keeps ([`super::state`]) and which
/// merges with another's.
#[derive(Debug, Clone)]
pub struct Partial {
    /// The file as the user named it, or `<stdin>`.
    pub path: String,
    pub columns: Columns,
    /// The time options the rows were read with.
    pub time: TimeOptions,
    pub aggregates: Aggregates,
    /// The first `MAX_REJECTED` rejected rows, in file order.
    pub rejected: Vec<Rejected>,
    pub rejected_total: u64,
}

/// What a feedback file says, in bounded space.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The file as the user named it, or `<stdin>`.
    pub path: String,
    pub columns: Columns,
    pub aggregates: Aggregates,
    /// The first `MAX_REJECTED` rejected rows, in file order.
    pub rejected: Vec<Rejected>,
    pub rejected_total: u64,
    pub scale: Option<(ScoreScale, ScaleSource)>,
    /// How dates were read into periods: `None` without a date column or
    /// without a readable date.
    pub dating: Option<DatingChoice>,
}

/// How the file's dates were read into periods, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatingChoice {
    pub dating: Dating,
    /// Whether the file has `03/04/2026` dates, and what decided their order.
    pub order_source: Option<OrderSource>,
    /// Whether the period came from `--period` rather than the span.
    pub period_forced: bool,
    /// The first and last day of the dated rows.
    pub first: i32,
    pub last: i32,
}

impl Analysis {
    pub fn has_persona_column(&self) -> bool {
        self.columns.persona.is_some()
    }

    pub fn has_touchpoint_column(&self) -> bool {
        self.columns.touchpoint.is_some()
    }
}

/// One analysed row, for output that repeats the input row by row.
#[derive(Debug, Clone, Copy)]
pub struct Scored<'a> {
    pub row: &'a Row,
    pub sentiment: Option<Sentiment>,
    /// The comment's themes as labels ([`CommentThemes::labels`]).
    pub themes: &'a [String],
    /// The row's period ([`row_period`]), when the file has a date column.
    pub period: Option<&'a str>,
}

/// Reads and analyses a feedback file, or standard input when `path` is `-`.
/// `progress` is called now and then with the number of bytes read.
pub fn analyze(
    path: &Path,
    options: &AnalyzeOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Analysis, AnalyzeError> {
    scan(path, options, progress)?.finish(options)
}

/// Reads a feedback file, or standard input when `path` is `-`, into a
/// [`Partial`] analysis, for a summary file.
pub fn scan(
    path: &Path,
    options: &AnalyzeOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Partial, AnalyzeError> {
    let reader = FeedbackReader::open(path, &options.read)?;
    run(reader, &display_name(path), options, progress, None)
}

/// Analyses rows read by a program rather than from a CSV (the rows of an
/// Arrow batch, a test's), as the rows of a file with `columns` would be;
/// `path` names the feedback in what is reported. Each row's `line` places
/// it: rows of one file that keep their lines give the examples and
/// wordings an analysis of the whole file chooses, however they are split.
pub fn scan_read(
    path: &str,
    columns: Columns,
    rows: impl IntoIterator<Item = Row>,
    options: &AnalyzeOptions,
) -> Result<Partial, AnalyzeError> {
    let dated = columns.date.is_some();
    if options.time.windowed() && !dated {
        return Err(AnalyzeError::NoDateColumn);
    }
    let spare = Spare::default();
    let mut aggregates = Aggregates::new(options.time.period == Some(Period::Week));
    let mut rows = rows.into_iter().peekable();
    let mut index = 0;
    while rows.peek().is_some() {
        let batch = Batch {
            index,
            rows: rows.by_ref().take(BATCH.rows).collect(),
        };
        index += 1;
        let scored = score(batch, false, &options.time, dated, &spare);
        aggregates.merge(scored.aggregates);
    }
    Ok(Partial {
        path: path.to_owned(),
        columns,
        time: options.time,
        aggregates,
        rejected: Vec::new(),
        rejected_total: 0,
    })
}

/// Receives every analysed row, in file order.
pub trait RowSink {
    /// Called once, before any row.
    fn header(&mut self, columns: &Columns) -> std::io::Result<()>;
    fn row(&mut self, scored: &Scored<'_>) -> std::io::Result<()>;
}

/// Like [`scan`], and also hands every analysed row, in file order, to
/// `sink` (for `planlint feedback --format csv`).
pub fn scan_rows(
    path: &Path,
    options: &AnalyzeOptions,
    progress: &(dyn Fn(u64) + Sync),
    sink: &mut dyn RowSink,
) -> Result<Partial, AnalyzeError> {
    let mut read = options.read.clone();
    read.keep_fields = true;
    let reader = FeedbackReader::open(path, &read)?;
    sink.header(reader.columns())
        .map_err(AnalyzeError::Output)?;
    run(reader, &display_name(path), options, progress, Some(sink))
}

fn run<R: Read + Send>(
    reader: FeedbackReader<R>,
    name: &str,
    options: &AnalyzeOptions,
    progress: &(dyn Fn(u64) + Sync),
    mut sink: Option<&mut dyn RowSink>,
) -> Result<Partial, AnalyzeError> {
    let columns = reader.columns().clone();
    let dated = columns.date.is_some();
    if options.time.windowed() && !dated {
        return Err(AnalyzeError::NoDateColumn);
    }
    let ordered = sink.is_some();
    let spare = Spare::default();
    let window = Window::default();
    let mut batches = Batches {
        reader,
        size: if ordered { ORDERED_BATCH } else { BATCH },
        spare: &spare,
        progress,
        index: 0,
        rejected: Vec::new(),
        rejected_total: 0,
        error: None,
        window: &window,
    };
    let keep_days = options.time.period == Some(Period::Week);
    let mut aggregates = Aggregates::new(keep_days);
    let mut written = Ok(());
    thread::scope(|scope| {
        let (done, scored) = sync_channel::<ScoredBatch>(DEPTH);
        let batches = &mut batches;
        let spare = &spare;
        // The pool is entered from a thread of its own (see `in_pool`), and
        // this thread merges and writes: the sink need not be `Send`.
        let window = &window;
        scope.spawn(move || {
            in_pool(options.workers, || {
                // Sending fails only once the receiver is gone, and then no
                // one is left to tell.
                let send = |done: &mut SyncSender<_>, batch| {
                    let _open = window.close_on_panic();
                    done.send(score(batch, ordered, &options.time, dated, spare))
                        .map_err(drop)
                };
                batches.par_bridge().try_for_each_with(done, send).ok()
            })
        });
        // Batches that arrive before those above them in the file wait here.
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for batch in scored {
            waiting.insert(batch.index, batch);
            while let Some(batch) = waiting.remove(&next) {
                aggregates.merge(batch.aggregates);
                if let Some((rows, found)) = batch.rows {
                    if let (Some(sink), Ok(())) = (sink.as_deref_mut(), &written) {
                        written = write(&rows, &found, sink);
                    }
                    spare.give(rows);
                }
                next += 1;
                window.merged(next);
            }
        }
    });
    if let Some(error) = batches.error {
        return Err(error.into());
    }
    written.map_err(AnalyzeError::Output)?;
    Ok(Partial {
        path: name.to_owned(),
        columns,
        time: options.time,
        aggregates,
        rejected: batches.rejected,
        rejected_total: batches.rejected_total,
    })
}

impl Partial {
    /// Decides what depends on all the rows: the score scale (`--scale`,
    /// else the header, else the values) and the periods (`--period` and
    /// `--date-format`, else the dates). The options must agree with the
    /// time options the rows were read with ([`Partial::time`]).
    pub fn finish(self, options: &AnalyzeOptions) -> Result<Analysis, AnalyzeError> {
        let (given, scanned) = (&options.time, self.time);
        let mismatch = |option: &'static str| AnalyzeError::Scanned {
            path: self.path.clone(),
            option,
        };
        if given.windowed() && (given.since, given.until) != (scanned.since, scanned.until) {
            return Err(mismatch("--since and --until"));
        }
        // A summary made without --date-format has kept its `03/04/2026`
        // dates unread, and an order given now would read them otherwise
        // than the CSV read with it: the order is given when it is made.
        let unread = scanned.order.is_none() && self.aggregates.slashes.rows > 0;
        if given.order.is_some()
            && given.order != scanned.order
            && (scanned.order.is_some() || unread)
        {
            return Err(mismatch("--date-format"));
        }
        if given.period.is_some() && scanned.period.is_some() && given.period != scanned.period
            || given.period == Some(Period::Week) && !scanned.keep_days()
        {
            return Err(mismatch("--period"));
        }
        if let Some((rows, line)) = self.aggregates.unplaced_by_window {
            return Err(AnalyzeError::AmbiguousWindow {
                path: self.path,
                rows,
                line,
            });
        }
        let time = TimeOptions {
            order: given.order.or(scanned.order),
            since: scanned.since,
            until: scanned.until,
            period: given.period.or(scanned.period),
        };
        let scale = decide_scale(options.scale, &self.columns, &self.aggregates);
        let dating = decide_dating(&time, &self.aggregates);
        Ok(Analysis {
            path: self.path,
            columns: self.columns,
            aggregates: self.aggregates,
            rejected: self.rejected,
            rejected_total: self.rejected_total,
            scale,
            dating,
        })
    }
}

/// How dates are read into periods ([`DatingChoice`]): the order of day and
/// month from `--date-format` or the dates, the period from `--period` or
/// the span of the dates.
fn decide_dating(options: &TimeOptions, aggregates: &Aggregates) -> Option<DatingChoice> {
    let series = &aggregates.series;
    let slashes = &aggregates.slashes;
    let (order, source) = match options.order {
        Some(order) => (order, OrderSource::Option),
        None => slashes.order(),
    };
    // Whole days and months were spanned as they were read; `03/04/2026`
    // dates only now that their order is known.
    let (first, last) = match (aggregates.span, slashes.span(order)) {
        (Some((a, b)), Some((c, d))) => (a.min(c), b.max(d)),
        (span, slash) => span.or(slash)?,
    };
    let period = options
        .period
        .unwrap_or_else(|| match Period::choose(first, last) {
            // Days kept as months, and months read as such, make no weeks.
            Period::Week if series.is_monthly() || aggregates.months_read => Period::Month,
            period => period,
        });
    Some(DatingChoice {
        dating: Dating { order, period },
        order_source: (slashes.rows > 0 || options.order.is_some()).then_some(source),
        period_forced: options.period.is_some(),
        first,
        last,
    })
}

/// Runs `op` on the pool `workers` asks for ([`AnalyzeOptions::workers`]).
/// Not rayon's global pool: plans are checked on it, and a plan waits for
/// the analysis of its feedback file, which another plan may be running; on
/// the same pool, waiting plans could hold every thread the analysis needs.
/// For the same reason, call it from a thread that is no rayon thread: a
/// rayon thread that waits on another pool runs its own pool's jobs
/// meanwhile, and one of them could be a plan waiting for this analysis.
fn in_pool<T: Send>(workers: usize, op: impl FnOnce() -> T + Send) -> T {
    static SHARED: OnceLock<ThreadPool> = OnceLock::new();
    let build = |threads| {
        ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("cannot start the feedback threads")
    };
    match workers {
        0 => SHARED.get_or_init(|| build(0)).install(op),
        n => build(n).install(op),
    }
}

/// A batch of rows, numbered in file order.
struct Batch {
    index: u64,
    rows: Vec<Row>,
}

/// A batch's aggregates; with ordered output, also its rows and what was
/// found in each.
struct ScoredBatch {
    index: u64,
    aggregates: Aggregates,
    rows: Option<(Vec<Row>, Found)>,
}

/// What was found in each row of a batch: its sentiment, theme labels and
/// period; `None` for a row left out by `--since`/`--until`.
type Found = Vec<Option<(Option<Sentiment>, Vec<String>, Option<String>)>>;

/// The batches of a file, read by whichever thread of the pool is free;
/// rejected rows are kept here, in file order, and a read error ends them.
struct Batches<'a, R: Read> {
    reader: FeedbackReader<R>,
    size: BatchSize,
    spare: &'a Spare,
    progress: &'a (dyn Fn(u64) + Sync),
    index: u64,
    rejected: Vec<Rejected>,
    rejected_total: u64,
    error: Option<FeedbackError>,
    window: &'a Window,
}

impl<R: Read> Iterator for Batches<'_, R> {
    type Item = Batch;

    fn next(&mut self) -> Option<Batch> {
        if !self.window.wait_for(self.index) {
            return None;
        }
        let mut rows = self.spare.take();
        let start = self.reader.bytes_read();
        let mut filled = 0;
        let BatchSize { rows: most, bytes } = self.size;
        while filled < most && (filled == 0 || self.reader.bytes_read() - start < bytes) {
            if filled == rows.len() {
                rows.push(Row::default());
            }
            match self.reader.read_row(&mut rows[filled]) {
                Ok(None) => break,
                Ok(Some(Ok(()))) => filled += 1,
                Ok(Some(Err(reject))) => {
                    self.rejected_total += 1;
                    if self.rejected.len() < MAX_REJECTED {
                        self.rejected.push(reject);
                    }
                }
                Err(error) => {
                    self.error = Some(error);
                    return None;
                }
            }
        }
        (self.progress)(self.reader.bytes_read());
        if filled == 0 {
            return None;
        }
        rows.truncate(filled);
        self.index += 1;
        Some(Batch {
            index: self.index - 1,
            rows,
        })
    }
}

/// Scores the rows of a batch into aggregates of its own. Without ordered
/// output, the rows go back to `spare` at once.
fn score(
    batch: Batch,
    ordered: bool,
    time: &TimeOptions,
    dated: bool,
    spare: &Spare,
) -> ScoredBatch {
    let model = model();
    let mut aggregates = Aggregates::new(time.period == Some(Period::Week));
    let mut themes = CommentThemes::default();
    let mut found = Vec::with_capacity(if ordered { batch.rows.len() } else { 0 });
    themes::load();
    // Kept by the thread from batch to batch: a batch's are about 128 KB.
    thread_local! {
        static DATES: RefCell<Vec<RowDate>> = const { RefCell::new(Vec::new()) };
    }
    let mut dates = DATES.take();
    dates.clear();
    dates.extend(batch.rows.iter().map(|row| {
        let date = dated.then(|| dates::parse(row.date.as_deref().unwrap_or_default(), time.order));
        (date, date.map(|date| time.admits(date)))
    }));
    if spans_months(&dates) {
        aggregates.keep_months();
    }
    for (row, &(date, admitted)) in batch.rows.iter().zip(&dates) {
        if admitted == Some(None) {
            aggregates.leave_out_unplaced(row.line);
            if ordered {
                found.push(None);
            }
            continue;
        }
        if admitted == Some(Some(false)) {
            aggregates.leave_out();
            if ordered {
                found.push(None);
            }
            continue;
        }
        // One reading of the comment's words for the themes and the scorer.
        let analysed = (!row.text.trim().is_empty()).then(|| {
            with_lexed(&row.text, |lexed| {
                extract_lexed(&row.text, &lexed, &mut themes);
                model.score_lexed(&lexed)
            })
        });
        aggregates.add(row, date, analysed.map(|s| (s, &themes)));
        if ordered {
            let period = date.map(|date| row_period(time, date));
            found.push(Some(match analysed {
                Some(s) => (Some(s), themes.labels(), period),
                None => (None, Vec::new(), period),
            }));
        }
    }
    DATES.set(dates);
    let rows = if ordered {
        Some((batch.rows, found))
    } else {
        spare.give(batch.rows);
        None
    };
    ScoredBatch {
        index: batch.index,
        aggregates,
        rows,
    }
}

/// A row's date as read (`None` without a date column), and whether the
/// window admits it ([`TimeOptions::admits`]).
type RowDate = (Option<Result<DateKey, Undated>>, Option<Option<bool>>);

/// Whether the analysed rows of a batch span more than 13 weeks, or have
/// a date that is a month: then the file's periods will not be weeks, and
/// its series may keep months from their first date (see
/// [`Budget::months`](super::timeline::Budget)).
fn spans_months(dates: &[RowDate]) -> bool {
    let mut span: Option<(i32, i32)> = None;
    for &(date, admitted) in dates {
        if admitted != Some(Some(true)) {
            continue;
        }
        match date {
            Some(Ok(DateKey::Day(day))) => {
                let (first, last) = span.get_or_insert((day, day));
                (*first, *last) = ((*first).min(day), (*last).max(day));
            }
            Some(Ok(DateKey::Month(_))) => return true,
            _ => {}
        }
    }
    span.is_some_and(|(first, last)| Period::choose(first, last) != Period::Week)
}

/// Hands the rows of a batch to `sink`, with what was found in each.
fn write(rows: &[Row], found: &Found, sink: &mut dyn RowSink) -> std::io::Result<()> {
    rows.iter()
        .zip(found)
        .filter_map(|(row, found)| Some((row, found.as_ref()?)))
        .try_for_each(|(row, (sentiment, themes, period))| {
            sink.row(&Scored {
                row,
                sentiment: *sentiment,
                themes,
                period: period.as_deref(),
            })
        })
}

/// The period of one row for output written as the file is read, before
/// its span and its order of day and month are known: by `--period`, else
/// by month; a `03/04/2026` date by `--date-format`, else by whichever of its
/// numbers can only be a day, else day first. Empty for an undated row.
fn row_period(time: &TimeOptions, date: Result<DateKey, Undated>) -> String {
    let Ok(date) = date else {
        return String::new();
    };
    let order = match (time.order, date) {
        (Some(order), _) => order,
        (None, DateKey::Slash { second, .. }) if second > 12 => SlashOrder::MonthFirst,
        (None, _) => SlashOrder::DayFirst,
    };
    let period = time.period.unwrap_or(Period::Month);
    period
        .bucket(date, order)
        .map(|bucket| period.label(bucket))
        .unwrap_or_default()
}

/// How far reading may run ahead of merging ([`WINDOW`]).
#[derive(Default)]
struct Window {
    /// Batches merged so far, and whether the window is closed: a thread
    /// panicked, and no batch will be merged again.
    state: Mutex<(u64, bool)>,
    moved: Condvar,
}

impl Window {
    /// Waits until the batch `index` may be read; false when the window
    /// closed, and reading should stop.
    fn wait_for(&self, index: u64) -> bool {
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        while !state.1 && index >= state.0 + WINDOW {
            state = match self.moved.wait(state) {
                Ok(state) => state,
                Err(_) => return false,
            };
        }
        !state.1
    }

    fn merged(&self, count: u64) {
        if let Ok(mut state) = self.state.lock() {
            state.0 = count;
        }
        self.moved.notify_all();
    }

    /// Closes the window if the thread panics while the guard lives, so
    /// that threads waiting to read stop rather than wait for a merge that
    /// will not come.
    fn close_on_panic(&self) -> impl Drop + '_ {
        struct Guard<'a>(&'a Window);
        impl Drop for Guard<'_> {
            fn drop(&mut self) {
                if thread::panicking() {
                    if let Ok(mut state) = self.0.state.lock() {
                        state.1 = true;
                    }
                    self.0.moved.notify_all();
                }
            }
        }
        Guard(self)
    }
}

/// Batches whose rows have been analysed, kept to read into again: a row's
/// strings keep their capacity, so after the first few batches reading
/// allocates nothing. It holds at most as many batches as are ever in
/// flight at once.
#[derive(Default)]
struct Spare(Mutex<Vec<Vec<Row>>>);

impl Spare {
    fn take(&self) -> Vec<Row> {
        let spare = self.0.lock().ok().and_then(|mut spare| spare.pop());
        spare.unwrap_or_default()
    }

    fn give(&self, rows: Vec<Row>) {
        if rows.iter().map(kept_bytes).sum::<usize>() > SPARE_BYTES {
            return;
        }
        if let Ok(mut spare) = self.0.lock() {
            spare.push(rows);
        }
    }
}

/// The memory a row's strings keep.
fn kept_bytes(row: &Row) -> usize {
    let optional = |value: &Option<String>| value.as_ref().map_or(0, String::capacity);
    row.text.capacity()
        + optional(&row.persona)
        + optional(&row.touchpoint)
        + optional(&row.channel)
        + optional(&row.date)
        + row.fields.iter().map(String::capacity).sum::<usize>()
}

fn decide_scale(
    forced: Option<ScoreScale>,
    columns: &Columns,
    aggregates: &Aggregates,
) -> Option<(ScoreScale, ScaleSource)> {
    if let Some(scale) = forced {
        return Some((scale, ScaleSource::Option));
    }
    let header = columns.score.and_then(|i| columns.headers.get(i));
    if let Some(scale) = header.and_then(|h| ScoreScale::from_header(h)) {
        return Some((scale, ScaleSource::Header));
    }
    let range = &aggregates.range;
    range
        .min()
        .map(|_| (ScoreScale::from_range(range), ScaleSource::Values))
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::*;

    #[test]
    fn a_batch_spans_months_by_its_analysed_dates() {
        let day = |d| (Some(Ok(DateKey::Day(d))), Some(Some(true)));
        let left_out = |d| (Some(Ok(DateKey::Day(d))), Some(Some(false)));
        assert!(!spans_months(&[
            day(0),
            day(91),
            (Some(Err(Undated::Format)), Some(Some(true)))
        ]));
        assert!(spans_months(&[day(91), day(0), day(92)]));
        assert!(
            !spans_months(&[day(0), left_out(200)]),
            "rows left out do not count"
        );
        assert!(spans_months(&[(
            Some(Ok(DateKey::Month(5))),
            Some(Some(true))
        )]));
        assert!(
            !spans_months(&[(None, None), (None, None)]),
            "no date column"
        );
    }

    #[test]
    fn the_result_is_the_same_whatever_the_number_of_threads() {
        // Several batches, and more themes and groups than the sketches and
        // the groups keep, so that merging in another order would show.
        let mut csv = String::from("persona,channel,date,nps,comment\n");
        for i in 0..3 * BATCH.rows {
            let comment = format!("slow courier{} and broken bell{}", i % 3001, i % 4999);
            // Dates all over two years, so that series keep months.
            let date = format!(
                "{}-{:02}-{:02}",
                2025 + i / 336 % 2,
                1 + i / 28 % 12,
                1 + i % 28
            );
            writeln!(
                csv,
                "p{},c{},{date},{},\"{comment}\"",
                i % 12_007,
                i % 7,
                i % 11
            )
            .unwrap();
        }
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), csv).unwrap();
        let run = |workers| {
            let options = AnalyzeOptions {
                workers,
                ..AnalyzeOptions::default()
            };
            let analysis = analyze(file.path(), &options, &|_| ()).unwrap();
            let aggregates = &analysis.aggregates;
            assert!(aggregates.series.is_monthly(), "days kept as months");
            assert!(aggregates.by_persona.overflow > 0, "groups overflow");
            assert!(
                aggregates
                    .themes
                    .top(usize::MAX)
                    .iter()
                    .any(|t| t.error > 0),
                "themes dropped"
            );
            format!("{analysis:?}")
        };
        let one = run(1);
        assert_eq!(one, run(3));
        assert_eq!(one, run(0));
    }
}
