"""Spreadsheet-safe CSV exports of summaries, comparisons and collections."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from careers_impact import (
    compare,
    neutralise,
    summarise,
    write_comparison_csv,
    write_summary_csv,
)
from careers_impact.examples import demo_earlier_review, demo_review


def read_csv(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("risky", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx"])
def test_neutralise(risky: str) -> None:
    assert neutralise(risky) == "'" + risky
    assert neutralise("Plain text") == "Plain text"


def test_exports_neutralise_user_text(tmp_path: Path) -> None:
    review = demo_review()
    agreed = list(review.agreed)
    agreed[0] = agreed[0].model_copy(update={"rationale": '=HYPERLINK("x")'})
    risky = review.model_copy(
        update={
            "setting": review.setting.model_copy(update={"name": "@Academy"}),
            "agreed": tuple(agreed),
        }
    )
    path = tmp_path / "summary.csv"
    write_summary_csv(summarise(risky), path)
    lines = read_csv(path)
    assert len(lines) == 32
    assert lines[0]["setting"] == "'@Academy"
    assert lines[0]["rationale"] == '\'=HYPERLINK("x")'
    assert lines[0]["level"] == str(summarise(risky).rows[0].level)
    comparison_path = tmp_path / "comparison.csv"
    write_comparison_csv(compare(demo_earlier_review(), demo_review()), comparison_path)
    moved = read_csv(comparison_path)
    declined = [m for m in moved if m["move"] == "declined"]
    assert declined
    assert all(m["size"].startswith("-") for m in declined)  # numbers are not neutralised


def test_shares_are_written_to_four_significant_figures(tmp_path: Path) -> None:
    from careers_impact import write_summary_csv

    summary = summarise(demo_review())
    path = tmp_path / "summary.csv"
    write_summary_csv(summary, path)
    rows = {r["row"]: r for r in csv.DictReader(io.StringIO(path.read_text("utf-8-sig")))}
    expected = {
        o.row: f"{o.suggestion.share:.4g}" for o in summary.rows if o.suggestion.share is not None
    }
    assert {row: rows[row]["share"] for row in expected} == expected
    # The example has shares such as 2/3, whose four figures differ from any shorter form.
    assert any(len(value) == 6 for value in expected.values())
