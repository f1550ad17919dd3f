"""planlint's feedback analysis on Arrow batches: score comments, and make
and merge summaries that `planlint check --feedback-summary` reads.

Batches are any object with `__arrow_c_array__` (pyarrow, Polars, DuckDB,
arro3 record batches), read without a copy. Columns are found by the names
a CSV header would use (text, comment, review...; nps, score, rating...;
persona, segment; touchpoint, source, campaign; channel; date), or named in
the call. Bad input raises ValueError with what to do.
"""

from typing import Any, Optional, Sequence, TypedDict

import pyarrow

__version__: str
#: The version of the summary format this build writes and reads.
SUMMARY_VERSION: int

class Scored(TypedDict):
    sentiment: float
    """From -1 (negative) to 1 (positive)."""
    polarity: str
    """negative (-0.05 or below), neutral or positive (0.05 or above)."""
    themes: list[str]
    """Labels: "contact fatigue", "sales pressure", "want: oat milk", pairs of words."""

def score(texts: Sequence[str]) -> list[Optional[Scored]]:
    """Scores each text; None for an empty one."""

def score_batch(batch: Any, text: Optional[str] = None) -> pyarrow.RecordBatch:
    """The batch with `sentiment` (float64), `polarity` (string) and `themes`
    (list of strings) columns added, null for rows without a comment.
    Raises ValueError if the batch has one of those columns already, or no
    text column."""

def summarize(
    batch: Any,
    *,
    text: Optional[str] = None,
    score: Optional[str] = None,
    persona: Optional[str] = None,
    touchpoint: Optional[str] = None,
    channel: Optional[str] = None,
    date: Optional[str] = None,
    line: Optional[str] = None,
    name: str = "feedback",
    date_format: Optional[str] = None,
    period: Optional[str] = None,
    since: Optional[str] = None,
    until: Optional[str] = None,
) -> bytes:
    """The summary of the batch's rows (planlint's summary format), as
    `planlint feedback --summary-out` writes it for a CSV of the same values.

    line: an integer column of the rows' lines in the file they came from;
        with it, merged summaries choose the example comments of the whole
        file however its rows were split. Without it, the rows are lines 2,
        3, ... as if the batch were a CSV file of its own.
    name: how reports name the feedback.
    date_format: "DD/MM/YYYY" or "MM/DD/YYYY", for dates like 03/04/2026.
    period: "week", "month" or "quarter" ("week" must be given here to
        analyse by week later).
    since, until: YYYY-MM-DD; rows outside are left out and counted.
    """

def merge(summaries: Sequence[bytes], *, name: str = "merged feedback") -> bytes:
    """Summaries merged into one, as if one analysis had read all their rows;
    the order does not matter. Summaries of one feedback keep its name; of
    several, `name` names them. Raises ValueError for bytes that are no
    summary of this format version, or summaries not made alike."""
