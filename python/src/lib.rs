//! The `planlint` Python module: planlint's feedback analysis on Arrow
//! batches, for engines that hold more feedback than one CSV (Spark's
//! `mapInArrow`, Polars' `map_batches`, DuckDB's Arrow scans).
//!
//! Batches come in through the Arrow C data interface (the PyCapsule
//! protocol: pyarrow, Polars, DuckDB and arro3 objects, without a copy), and
//! each row is read as the CSV reader reads a record, so a batch and a CSV
//! of the same values give the same analysis. Summaries are
//! `planlint::feedback::state` bytes: merge them in any order, write them
//! to a file, and check plans against it with `planlint check
//! --feedback-summary`.

use std::sync::Arc;

use arrow_array::builder::{Float64Builder, ListBuilder, StringBuilder};
use arrow_array::{Array, ArrayRef, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use planlint::feedback::analysis::{AnalyzeOptions, MAX_REJECTED, TimeOptions};
use planlint::feedback::dates::{self, Period, SlashOrder};
use planlint::feedback::reader::fill_row;
use planlint::feedback::themes::{self, CommentThemes, extract_lexed};
use planlint::feedback::{Columns, Polarity, ReadOptions, Rejected, Row, sentiment_model, state};
use planlint::text::with_lexed;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use pyo3_arrow::PyRecordBatch;

/// What planlint finds in one comment: its sentiment from -1 to 1, its
/// polarity, and its themes as labels; `None` for an empty comment.
type Scored = Option<(f64, &'static str, Vec<String>)>;

fn score_one(text: &str, found: &mut CommentThemes) -> Scored {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let model = sentiment_model();
    let sentiment = with_lexed(text, |lexed| {
        extract_lexed(text, &lexed, found);
        model.score_lexed(&lexed)
    });
    let polarity = match sentiment.polarity {
        Polarity::Negative => "negative",
        Polarity::Neutral => "neutral",
        Polarity::Positive => "positive",
    };
    Some((sentiment.score, polarity, found.labels()))
}

/// Scores each text: a list of dicts with `sentiment` (-1 to 1),
/// `polarity` (negative, neutral or positive) and `themes` (labels), or
/// None for an empty text.
#[pyfunction]
fn score<'py>(py: Python<'py>, texts: Vec<String>) -> PyResult<Vec<Option<Bound<'py, PyDict>>>> {
    let scored: Vec<Scored> = py.detach(|| {
        themes::load();
        let mut found = CommentThemes::default();
        texts.iter().map(|t| score_one(t, &mut found)).collect()
    });
    scored
        .into_iter()
        .map(|one| {
            one.map(|(sentiment, polarity, themes)| {
                let dict = PyDict::new(py);
                dict.set_item("sentiment", sentiment)?;
                dict.set_item("polarity", polarity)?;
                dict.set_item("themes", themes)?;
                Ok(dict)
            })
            .transpose()
        })
        .collect()
}

fn value_error(error: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// The columns of `batch`, found by their names as in a CSV's header row,
/// or by the names given.
fn columns_of(batch: &RecordBatch, name: &str, read: &ReadOptions) -> PyResult<Columns> {
    let headers = batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    Columns::find(name, headers, b',', read).map_err(value_error)
}

/// A column as text, as a CSV would hold it: numbers as written, dates as
/// ISO days, timestamps as ISO date and time.
fn strings(array: &ArrayRef) -> PyResult<StringArray> {
    let cast = arrow_cast::cast(array, &DataType::Utf8).map_err(value_error)?;
    cast.as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .ok_or_else(|| value_error("a column that cannot be read as text"))
}

/// Scores the comments of an Arrow record batch: the batch with three
/// columns added, `sentiment` (float64), `polarity` (string) and `themes`
/// (list of strings), null for rows without a comment.
#[pyfunction]
#[pyo3(signature = (batch, text=None))]
fn score_batch<'py>(
    py: Python<'py>,
    batch: PyRecordBatch,
    text: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let batch = batch.into_inner();
    let read = ReadOptions {
        text_column: text,
        ..ReadOptions::default()
    };
    let columns = columns_of(&batch, "the batch", &read)?;
    for added in ["sentiment", "polarity", "themes"] {
        if batch.schema().column_with_name(added).is_some() {
            return Err(value_error(format!(
                "the batch has a column `{added}` already: rename it first"
            )));
        }
    }
    let texts = strings(batch.column(columns.text))?;
    let scored = py.detach(|| {
        themes::load();
        let mut found = CommentThemes::default();
        let mut sentiments = Float64Builder::with_capacity(texts.len());
        let mut polarities = StringBuilder::new();
        let mut labels = ListBuilder::new(StringBuilder::new());
        for i in 0..texts.len() {
            let text = if texts.is_null(i) { "" } else { texts.value(i) };
            match score_one(text, &mut found) {
                Some((sentiment, polarity, themes)) => {
                    sentiments.append_value(sentiment);
                    polarities.append_value(polarity);
                    labels.append_value(themes.into_iter().map(Some));
                }
                None => {
                    sentiments.append_null();
                    polarities.append_null();
                    labels.append_null();
                }
            }
        }
        let schema = batch.schema();
        let mut fields: Vec<Arc<Field>> = schema.fields().iter().cloned().collect();
        fields.push(Arc::new(Field::new("sentiment", DataType::Float64, true)));
        fields.push(Arc::new(Field::new("polarity", DataType::Utf8, true)));
        let item = Arc::new(Field::new("item", DataType::Utf8, true));
        fields.push(Arc::new(Field::new("themes", DataType::List(item), true)));
        let mut arrays = batch.columns().to_vec();
        arrays.push(Arc::new(sentiments.finish()));
        arrays.push(Arc::new(polarities.finish()));
        arrays.push(Arc::new(labels.finish()));
        let schema = Schema::new_with_metadata(fields, schema.metadata().clone());
        RecordBatch::try_new(Arc::new(schema), arrays)
    });
    PyRecordBatch::new(scored.map_err(value_error)?).into_pyarrow(py)
}

/// The time options of `summarize`, as the command line reads them.
fn time_options(
    date_format: Option<&str>,
    period: Option<&str>,
    since: Option<&str>,
    until: Option<&str>,
) -> PyResult<TimeOptions> {
    let day = |what: &str, value: Option<&str>| {
        value
            .map(|v| {
                dates::parse_iso_day(v)
                    .ok_or_else(|| value_error(format!("{what}: a day as YYYY-MM-DD")))
            })
            .transpose()
    };
    Ok(TimeOptions {
        order: date_format
            .map(|f| {
                SlashOrder::parse_name(f)
                    .ok_or_else(|| value_error("date_format: DD/MM/YYYY or MM/DD/YYYY"))
            })
            .transpose()?,
        period: period
            .map(|p| {
                Period::parse_name(p).ok_or_else(|| value_error("period: week, month or quarter"))
            })
            .transpose()?,
        since: day("since", since)?,
        until: day("until", until)?,
    })
}

/// Analyses the rows of an Arrow record batch into a summary (bytes of
/// planlint's summary format), as `planlint feedback --summary-out` does
/// for a CSV of the same values. Columns are found by their names, as in
/// a CSV's header row, or named here. `line` names an integer column of
/// the rows' lines in the file they came from: with it, the example
/// comments and wordings of merged summaries are those of the whole file,
/// however its rows were split; without it, a batch's rows are lines 2,
/// 3, ... as if it were a CSV file of its own. `name` names the feedback
/// in what is reported.
#[pyfunction]
#[pyo3(signature = (
    batch, *, text=None, score=None, persona=None, touchpoint=None, channel=None, date=None,
    line=None, name="feedback", date_format=None, period=None, since=None, until=None
))]
#[allow(clippy::too_many_arguments)]
fn summarize<'py>(
    py: Python<'py>,
    batch: PyRecordBatch,
    text: Option<String>,
    score: Option<String>,
    persona: Option<String>,
    touchpoint: Option<String>,
    channel: Option<String>,
    date: Option<String>,
    line: Option<String>,
    name: &str,
    date_format: Option<&str>,
    period: Option<&str>,
    since: Option<&str>,
    until: Option<&str>,
) -> PyResult<Bound<'py, PyBytes>> {
    let batch = batch.into_inner();
    let read = ReadOptions {
        text_column: text,
        score_column: score,
        persona_column: persona,
        touchpoint_column: touchpoint,
        channel_column: channel,
        date_column: date,
        ..ReadOptions::default()
    };
    let columns = columns_of(&batch, name, &read)?;
    let options = AnalyzeOptions {
        time: time_options(date_format, period, since, until)?,
        workers: 1,
        ..AnalyzeOptions::default()
    };
    let used = [
        Some(columns.text),
        columns.score,
        columns.persona,
        columns.touchpoint,
        columns.channel,
        columns.date,
    ];
    let mut texts: Vec<Option<StringArray>> = vec![None; batch.num_columns()];
    for index in used.into_iter().flatten() {
        texts[index] = Some(strings(batch.column(index))?);
    }
    let lines = match &line {
        Some(column) => Some(lines_of(&batch, column)?),
        None => None,
    };
    let bytes = py.detach(|| {
        let mut rows = Vec::with_capacity(batch.num_rows());
        let mut rejected = Vec::new();
        let mut rejected_total = 0;
        for i in 0..batch.num_rows() {
            let line = match &lines {
                Some(lines) => lines[i],
                None => i as u64 + 2,
            };
            let value = |index: usize| {
                Ok(match &texts[index] {
                    Some(column) if !column.is_null(i) => column.value(i),
                    _ => "",
                })
            };
            let mut row = Row::default();
            match fill_row(&columns, &mut row, line, value) {
                Ok(()) => rows.push(row),
                Err(reason) => {
                    rejected_total += 1;
                    rejected.push(Rejected { line, reason });
                }
            }
        }
        let mut partial =
            planlint::feedback::scan_read(name, columns, rows, &options).map_err(value_error)?;
        rejected.sort_by_key(|r| r.line);
        rejected.truncate(MAX_REJECTED);
        partial.rejected = rejected;
        partial.rejected_total = rejected_total;
        state::encode(&partial).map_err(value_error)
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// The lines of the rows, from an integer column without nulls.
fn lines_of(batch: &RecordBatch, column: &str) -> PyResult<Vec<u64>> {
    let index = batch
        .schema()
        .index_of(column)
        .map_err(|_| value_error(format!("line: the batch has no column `{column}`")))?;
    let cast = arrow_cast::cast(batch.column(index), &DataType::Int64).map_err(value_error)?;
    let lines = cast
        .as_any()
        .downcast_ref::<Int64Array>()
        .ok_or_else(|| value_error("line: a column of whole numbers"))?;
    (0..lines.len())
        .map(|i| {
            let line = (!lines.is_null(i)).then(|| lines.value(i));
            line.and_then(|l| u64::try_from(l).ok())
                .filter(|&l| l >= 1)
                .ok_or_else(|| value_error("line: every row needs a line from 1 on"))
        })
        .collect()
}

/// Merges summaries (bytes from `summarize`, or read from files that
/// `planlint feedback --summary-out` or `planlint merge` wrote) into one,
/// as if one analysis had read all their rows; the order does not matter.
/// Summaries of one feedback keep its name; of several, `name` names them.
#[pyfunction]
#[pyo3(signature = (summaries, *, name="merged feedback"))]
fn merge<'py>(
    py: Python<'py>,
    summaries: Vec<Vec<u8>>,
    name: &str,
) -> PyResult<Bound<'py, PyBytes>> {
    let bytes = py.detach(|| {
        let mut all = Vec::with_capacity(summaries.len());
        for (n, bytes) in summaries.iter().enumerate() {
            let label = format!("summary {}", n + 1);
            let partial = state::decode(bytes, &label).map_err(value_error)?;
            all.push((label, partial));
        }
        let merged = state::merge_all(all, name)
            .map_err(value_error)?
            .ok_or_else(|| value_error("no summary to merge"))?;
        state::encode(&merged).map_err(value_error)
    })?;
    Ok(PyBytes::new(py, &bytes))
}

/// planlint's feedback analysis on Arrow batches: score comments, and make
/// and merge summaries that `planlint check --feedback-summary` reads.
#[pymodule]
#[pyo3(name = "planlint")]
fn planlint_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("SUMMARY_VERSION", state::VERSION)?;
    module.add_function(wrap_pyfunction!(score, module)?)?;
    module.add_function(wrap_pyfunction!(score_batch, module)?)?;
    module.add_function(wrap_pyfunction!(summarize, module)?)?;
    module.add_function(wrap_pyfunction!(merge, module)?)?;
    Ok(())
}
