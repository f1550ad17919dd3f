"""The Python binding: scores, summaries and merges agree with the CLI."""

import subprocess

import pyarrow as pa
import pyarrow.csv as csv
import pytest

import planlint

from conftest import ROOT

SURVEY = "examples/harbor-bikes/survey-2026.csv"
KEPT = ROOT / "tests/summaries/harbor-survey-2026.summary"


def survey_batch():
    table = csv.read_csv(ROOT / SURVEY)
    return table.combine_chunks().to_batches()[0]


def test_score_reads_comments_as_the_cli_does():
    scored = planlint.score(["Too many emails, every single day", "", "Please add oat milk"])
    assert scored[0]["polarity"] == "negative"
    assert "contact fatigue" in scored[0]["themes"]
    assert scored[1] is None
    assert "want: oat milk" in scored[2]["themes"]


def test_score_batch_adds_three_columns():
    batch = survey_batch()
    scored = planlint.score_batch(batch)
    assert isinstance(scored, pa.RecordBatch)
    assert scored.num_rows == batch.num_rows
    assert scored.schema.names[-3:] == ["sentiment", "polarity", "themes"]
    assert scored.schema.field("themes").type == pa.list_(pa.string())
    with pytest.raises(ValueError, match="has a column `sentiment` already"):
        planlint.score_batch(scored)


def test_a_batch_summarises_to_the_bytes_of_the_cli_summary():
    summary = planlint.summarize(survey_batch(), name=SURVEY)
    assert summary == KEPT.read_bytes()


def test_merging_does_not_depend_on_order_or_split(tmp_path, planlint_bin):
    batch = survey_batch()
    lines = pa.array(range(2, batch.num_rows + 2), pa.int64())
    batch = batch.append_column("line", lines)
    parts = [
        planlint.summarize(batch.slice(start, 7), line="line", name=SURVEY)
        for start in range(0, batch.num_rows, 7)
    ]
    merged = planlint.merge(parts, name="other")
    assert merged == planlint.merge(list(reversed(parts)), name="other")
    path = tmp_path / "merged.summary"
    path.write_bytes(merged)

    def json(*args):
        run = subprocess.run([planlint_bin, "feedback", *args, "--format", "json"],
                             capture_output=True, check=True, cwd=ROOT)
        return run.stdout

    assert json("--summary", path) == json(SURVEY)


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="not a planlint summary"):
        planlint.merge([b"id,comment\n1,hello\n"])
    with pytest.raises(ValueError, match="a damaged summary"):
        planlint.merge([KEPT.read_bytes()[:100]])
    with pytest.raises(ValueError, match="no summary to merge"):
        planlint.merge([])
    no_text = pa.RecordBatch.from_pydict({"nps": [9, 3]})
    with pytest.raises(ValueError, match="text"):
        planlint.summarize(no_text)
    batch = pa.RecordBatch.from_pydict({"comment": ["fine", "ok"], "line": [2, None]})
    with pytest.raises(ValueError, match="every row needs a line"):
        planlint.summarize(batch, line="line")


def test_rows_that_cannot_be_read_are_counted(tmp_path, planlint_bin):
    batch = pa.RecordBatch.from_pydict({"comment": ["fine", "bad", "great"],
                                        "nps": ["9", "eleven", "10"]})
    path = tmp_path / "s.summary"
    path.write_bytes(planlint.summarize(batch, name="batch"))
    run = subprocess.run([planlint_bin, "feedback", "--summary", path, "--format", "json"],
                         capture_output=True, check=True)
    import json
    summary = json.loads(run.stdout)
    assert summary["rows"] == 2
    assert summary["rejected_total"] == 1
    assert summary["rejected"][0]["line"] == 3
