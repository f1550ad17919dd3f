//! The pipeline: one thread parses the CSV, worker threads score comments and
//! fold them into their own aggregates (the parser too, when the workers are
//! behind), and the results are merged. Memory
//! stays bounded: batches go through a channel of fixed depth, and whatever is
//! kept per row (aggregates, sketches, examples) has a fixed size.

use std::io::Read;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread;

use super::aggregate::Aggregates;
use super::reader::{Columns, FeedbackError, FeedbackReader, ReadOptions, display_name};
use super::scale::ScoreScale;
use super::sentiment::model;
use super::themes::{CommentThemes, extract};
use super::{Rejected, Row, Sentiment};

/// Rows per batch handed to a worker: large enough to keep channel traffic
/// negligible, small enough to keep memory flat.
const BATCH: usize = 1024;
/// Bytes of the file per batch, at most: a batch also ends once its rows
/// take this much of the file, so that rows as long as the reader allows
/// (a megabyte each) do not make a batch of a gigabyte. Rows of a few
/// hundred bytes fill a batch long before.
const BATCH_BYTES: u64 = 256 * 1024;
/// Memory a pooled batch's rows may keep: a batch whose rows grew larger
/// (from long rows) is let go rather than kept for good.
const POOLED_BYTES: usize = 1024 * 1024;
/// Rejected rows kept with their line and reason; the rest are only counted.
pub const MAX_REJECTED: usize = 10_000;

#[derive(Debug, thiserror::Error)]
pub enum AnalyzeError {
    #[error(transparent)]
    Read(#[from] FeedbackError),
    #[error("cannot write the output: {0}")]
    Output(#[source] std::io::Error),
}

/// How an analysis is run.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    pub read: ReadOptions,
    /// Forces the score scale; otherwise the header or the values decide.
    pub scale: Option<ScoreScale>,
    /// Threads in all, the parser included (at least two); 0 uses every core.
    pub workers: usize,
}

/// Where the score scale came from, so reports can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScaleSource {
    Option,
    Header,
    Values,
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
}

/// Reads and analyses a feedback file, or standard input when `path` is `-`.
/// `progress` is called now and then with the number of bytes read.
pub fn analyze(
    path: &Path,
    options: &AnalyzeOptions,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Analysis, AnalyzeError> {
    let reader = FeedbackReader::open(path, &options.read)?;
    run(reader, &display_name(path), options, progress, None)
}

/// Receives every analysed row, in file order.
pub trait RowSink {
    /// Called once, before any row.
    fn header(&mut self, columns: &Columns) -> std::io::Result<()>;
    fn row(&mut self, scored: &Scored<'_>) -> std::io::Result<()>;
}

/// Like [`analyze`], and also hands every analysed row, in file order, to
/// `sink` (for `planlint feedback --format csv`).
pub fn analyze_rows(
    path: &Path,
    options: &AnalyzeOptions,
    progress: &(dyn Fn(u64) + Sync),
    sink: &mut dyn RowSink,
) -> Result<Analysis, AnalyzeError> {
    let mut read = options.read.clone();
    read.keep_fields = true;
    let reader = FeedbackReader::open(path, &read)?;
    sink.header(reader.columns())
        .map_err(AnalyzeError::Output)?;
    let mut each = |scored: &Scored<'_>| sink.row(scored);
    run(
        reader,
        &display_name(path),
        options,
        progress,
        Some(&mut each),
    )
}

type Batch = (u64, Vec<Row>);
/// What a worker found in each row of a batch, for ordered output.
type Found = Vec<(Option<Sentiment>, Vec<String>)>;
/// Called with every analysed row, in file order.
type Each<'a> = &'a mut dyn FnMut(&Scored<'_>) -> std::io::Result<()>;

/// Batches whose rows have been analysed, kept for the parser to read into
/// again: a row's strings keep their capacity, so after the first few
/// batches reading allocates nothing. It holds at most as many batches as
/// are ever in flight at once.
#[derive(Default)]
struct Pool(Mutex<Vec<Vec<Row>>>);

impl Pool {
    fn take(&self) -> Vec<Row> {
        let spare = self.0.lock().ok().and_then(|mut pool| pool.pop());
        spare.unwrap_or_else(|| Vec::with_capacity(BATCH))
    }

    fn give(&self, rows: Vec<Row>) {
        if rows.iter().map(kept_bytes).sum::<usize>() > POOLED_BYTES {
            return;
        }
        if let Ok(mut pool) = self.0.lock() {
            pool.push(rows);
        }
    }
}

/// The memory a row's strings keep.
fn kept_bytes(row: &Row) -> usize {
    let optional = |value: &Option<String>| value.as_ref().map_or(0, String::capacity);
    row.text.capacity()
        + optional(&row.persona)
        + optional(&row.touchpoint)
        + row.fields.iter().map(String::capacity).sum::<usize>()
}

fn run<R: Read + Send>(
    mut reader: FeedbackReader<R>,
    name: &str,
    options: &AnalyzeOptions,
    progress: &(dyn Fn(u64) + Sync),
    mut each: Option<Each<'_>>,
) -> Result<Analysis, AnalyzeError> {
    let columns = reader.columns().clone();
    let threads = match options.workers {
        0 => thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    // The parser scores too whenever the workers are behind, so one thread
    // per core in all.
    let workers = threads.saturating_sub(1).max(1);
    let ordered = each.is_some();
    let pool = Pool::default();
    let (work_tx, work_rx) = sync_channel::<Batch>(workers * 4);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = sync_channel::<(Batch, Found)>(workers * 4);

    thread::scope(|scope| {
        let pool = &pool;
        let own = Scorer::new(ordered.then(|| done_tx.clone()), pool);
        let parser = scope.spawn(move || parse(&mut reader, work_tx, own, progress));
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let rx = Arc::clone(&work_rx);
                let scorer = Scorer::new(ordered.then(|| done_tx.clone()), pool);
                scope.spawn(move || scorer.serve(&rx))
            })
            .collect();
        drop(done_tx);
        let written = match each.as_mut() {
            Some(each) => write_in_order(&done_rx, each, pool),
            None => Ok(()),
        };
        let mut aggregates = Aggregates::default();
        for handle in handles {
            aggregates.merge(handle.join().expect("a feedback worker panicked"));
        }
        let parsed = parser.join().expect("the feedback parser panicked")?;
        aggregates.merge(parsed.aggregates);
        written.map_err(AnalyzeError::Output)?;
        let scale = decide_scale(options.scale, &columns, &aggregates);
        Ok(Analysis {
            path: name.to_owned(),
            columns,
            aggregates,
            rejected: parsed.rejected,
            rejected_total: parsed.rejected_total,
            scale,
        })
    })
}

/// What the parser thread returns: the rejected rows, and the aggregates of
/// the batches it scored itself.
struct Parsed {
    rejected: Vec<Rejected>,
    rejected_total: u64,
    aggregates: Aggregates,
}

/// Reads batches of rows and hands them to the workers. When they are behind
/// (the channel is full), the parser scores the batch itself instead of
/// waiting: with one worker per core besides the parser, a waiting parser
/// would leave a core idle, and a parser that competes with the workers for
/// the cores leaves them idle whenever it is not scheduled in time.
fn parse<R: Read>(
    reader: &mut FeedbackReader<R>,
    work: SyncSender<Batch>,
    mut own: Scorer<'_>,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<Parsed, FeedbackError> {
    let mut rejected = Vec::new();
    let mut rejected_total = 0;
    let pool = own.pool;
    let mut batch = pool.take();
    // Rows of `batch` before this one hold records; those after are spare.
    let mut filled = 0;
    // Where in the file the batch starts.
    let mut start = reader.bytes_read();
    let mut index = 0;
    let mut open = true;
    loop {
        if filled == batch.len() {
            batch.push(Row::default());
        }
        match reader.read_row(&mut batch[filled])? {
            None => break,
            Some(Ok(())) => filled += 1,
            Some(Err(reject)) => {
                rejected_total += 1;
                if rejected.len() < MAX_REJECTED {
                    rejected.push(reject);
                }
            }
        }
        if filled == BATCH || (filled > 0 && reader.bytes_read() - start >= BATCH_BYTES) {
            batch.truncate(filled);
            let full = std::mem::replace(&mut batch, pool.take());
            filled = 0;
            start = reader.bytes_read();
            open = hand_over(&work, &mut own, (index, full));
            if !open {
                break;
            }
            index += 1;
            progress(reader.bytes_read());
        }
    }
    batch.truncate(filled);
    if open && !batch.is_empty() {
        // A closed channel means the consumer stopped; it reports why.
        hand_over(&work, &mut own, (index, batch));
    }
    progress(reader.bytes_read());
    Ok(Parsed {
        rejected,
        rejected_total,
        aggregates: own.aggregates,
    })
}

/// Gives a batch to a worker, or scores it on this thread when every worker
/// is busy; false once the consumers have stopped.
fn hand_over(work: &SyncSender<Batch>, own: &mut Scorer<'_>, batch: Batch) -> bool {
    match work.try_send(batch) {
        Ok(()) => true,
        Err(TrySendError::Full((index, rows))) => own.batch(index, rows),
        Err(TrySendError::Disconnected(_)) => false,
    }
}

/// Scores rows and folds them into its own aggregates; with ordered output,
/// it also sends what it found in each row on to the writer.
struct Scorer<'a> {
    aggregates: Aggregates,
    themes: CommentThemes,
    done: Option<SyncSender<(Batch, Found)>>,
    pool: &'a Pool,
}

impl<'a> Scorer<'a> {
    fn new(done: Option<SyncSender<(Batch, Found)>>, pool: &'a Pool) -> Self {
        Scorer {
            aggregates: Aggregates::default(),
            themes: CommentThemes::default(),
            done,
            pool,
        }
    }

    /// Scores the batches of the channel until it closes.
    fn serve(mut self, work: &Mutex<Receiver<Batch>>) -> Aggregates {
        loop {
            let next = work.lock().map(|rx| rx.recv());
            let Ok(Ok((index, rows))) = next else { break };
            if !self.batch(index, rows) {
                break;
            }
        }
        self.aggregates
    }

    /// Scores one batch; false once the writer has stopped.
    fn batch(&mut self, index: u64, rows: Vec<Row>) -> bool {
        // Fetched here, not when the scorer is made, so that the parser
        // starts reading while a worker builds the model.
        let model = model();
        let ordered = self.done.is_some();
        let mut found = Vec::with_capacity(if ordered { rows.len() } else { 0 });
        for row in &rows {
            let analysed = (!row.text.trim().is_empty()).then(|| {
                extract(&row.text, &mut self.themes);
                model.score(&row.text)
            });
            self.aggregates
                .add(row, analysed.map(|s| (s, &self.themes)));
            if ordered {
                found
                    .push(analysed.map_or((None, Vec::new()), |s| (Some(s), self.themes.labels())));
            }
        }
        match &self.done {
            Some(done) => done.send(((index, rows), found)).is_ok(),
            None => {
                self.pool.give(rows);
                true
            }
        }
    }
}

/// Hands batches to `each` in file order, holding back those that arrive early
/// (at most a channel's depth of them), and gives their rows back to `pool`.
fn write_in_order(
    done: &Receiver<(Batch, Found)>,
    each: &mut dyn FnMut(&Scored<'_>) -> std::io::Result<()>,
    pool: &Pool,
) -> std::io::Result<()> {
    let mut waiting = std::collections::BTreeMap::new();
    let mut next = 0;
    let mut result = Ok(());
    for ((index, rows), found) in done.iter() {
        waiting.insert(index, (rows, found));
        while let Some((rows, found)) = waiting.remove(&next) {
            if result.is_ok() {
                result = rows
                    .iter()
                    .zip(&found)
                    .try_for_each(|(row, (sentiment, themes))| {
                        each(&Scored {
                            row,
                            sentiment: *sentiment,
                            themes,
                        })
                    });
            }
            pool.give(rows);
            next += 1;
        }
    }
    result
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
