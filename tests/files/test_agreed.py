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
    text = (
        "row,column,rationale\n1.1,3,Plan seen\n1.2,Not yet,\n1.3,N/A,Not offered\n1.4,,\n"
        "1.5,,Still talking\n"
    )
    found = read_agreed(write(tmp_path, text), EDITION)
    assert [(a.row, a.position, a.rationale) for a in found.agreed] == [
        ("1.1", 3, "Plan seen"),
        ("1.2", "not-yet", None),
        ("1.3", "not-applicable", "Not offered"),
    ]
    # A blank column is a row still to agree: listed, not a problem; a rationale beside it
    # would be lost, so that is reported.
    assert found.left_blank == ("1.4", "1.5")
    assert found.skipped == (
        "line 6: no position for row 1.5; its rationale 'Still talking' was not used",
    )


def test_a_draft_holds_every_row_the_rows_to_discuss_first(tmp_path: Path) -> None:
    from careers_impact import summarise
    from careers_impact.files.agreed import DRAFT_HEADER, write_draft

    summary = summarise(demo_review())
    path = tmp_path / "agreed.csv"
    write_draft(summary, path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert tuple(lines[0].split(",")) == DRAFT_HEADER
    rows = [line.split(",")[0] for line in lines[1:]]
    assert sorted(rows) == sorted(row.id for row in EDITION.rows)
    assert rows[: len(summary.to_discuss)] == list(summary.to_discuss)
    found = read_agreed(path, EDITION)
    assert (found.ignored_columns, found.skipped, found.left_blank) == ((), (), ())
    for position in found.agreed:
        outcome = summary.row(position.row)
        assert position.position == (outcome.level if outcome.level else "not-yet")
        if outcome.source == "agreed":
            assert position.rationale == outcome.rationale


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
