"""Agreed positions files (`careers_impact.files.agreed`): read, refused, written."""

from __future__ import annotations

from pathlib import Path

import pytest

from careers_impact import AgreedPosition, ReviewInputError, load_edition, read_agreed, write_agreed
from careers_impact.examples import demo_review

EDITION = load_edition()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "agreed.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_agreed_positions(tmp_path: Path) -> None:
    text = "row,column,rationale\n1.1,3,Plan seen\n1.2,Not yet,\n1.3,N/A,Not offered\n1.4,,\n"
    found = read_agreed(write(tmp_path, text), EDITION)
    assert [(a.row, a.position, a.rationale) for a in found.agreed] == [
        ("1.1", 3, "Plan seen"),
        ("1.2", "not-yet", None),
        ("1.3", "not-applicable", "Not offered"),
    ]
    assert found.skipped == ("line 5: no position for row 1.4",)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("1.1,unsure,\n", "'unsure' cannot be an agreed position"),
        ("1.1,2,\n1.1,3,\n", "already agreed on line 2"),
        ("8.1,2,\n", "has no row '8.1'"),
    ],
)
def test_agreed_errors(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ReviewInputError, match=message):
        read_agreed(write(tmp_path, "row,column,rationale\n" + body), EDITION)


def test_what_is_written_reads_back_equal(tmp_path: Path) -> None:
    agreed = (
        AgreedPosition(row="1.1", position=3, rationale="Plan seen, agreed"),
        AgreedPosition(row="1.2", position="not-yet"),
        AgreedPosition(row="1.3", position="not-applicable", rationale='=HYPERLINK("x")'),
    )
    review = demo_review().model_copy(update={"agreed": agreed})
    path = tmp_path / "agreed.csv"
    write_agreed(review, path)
    assert read_agreed(path, EDITION).agreed == agreed
