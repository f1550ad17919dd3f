"""Paths the tests share: the repository, and planlint's binaries as
`cargo test` builds them (or as PLANLINT and PLANLINT_GEN_FEEDBACK name)."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def binary(variable, default):
    path = Path(os.environ.get(variable, ROOT / default))
    if not path.exists():
        pytest.fail(f"{path} does not exist: run `cargo test` first, or set {variable}")
    return path


@pytest.fixture
def planlint_bin():
    return binary("PLANLINT", "target/debug/planlint")


@pytest.fixture
def gen_feedback_bin():
    return binary("PLANLINT_GEN_FEEDBACK", "target/debug/examples/gen_feedback")
