"""Targets CSV (`careers_impact.files.targets`): read exactly, or refused on the line."""

from __future__ import annotations

import datetime as dt

import pytest

from careers_impact import ReviewInputError, load_edition
from careers_impact.files.targets import read_targets

EDITION = load_edition()


def test_targets_keep_row_column_date_and_note_and_may_leave_cells_off() -> None:
    text = 'row,column,by,note\n2.2,Column 3,2027-07-31,"After the review, in June"\n1.1,2\n'
    found = read_targets(text, EDITION)
    assert [(t.row, t.column, t.by, t.note) for t in found] == [
        ("2.2", 3, dt.date(2027, 7, 31), "After the review, in June"),
        ("1.1", 2, None, None),
    ]


def test_a_target_column_may_be_headed_target() -> None:
    assert read_targets("row,target\n1.1,4\n", EDITION)[0].column == 4


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("9.9,2,,", "row", "has no row '9.9'"),
        ("1.1,not yet,,", "column", "a target is a column 1 to 4"),
        ("1.1,N/A,,", "column", "a target is a column 1 to 4"),
        ("1.1,5,,", "column", "is not a column"),
        ("1.1,2,31/07/2027,", "by", "2027-07-31"),
        ("1.2,3,,", "row", "row 1.2 already has a target"),
    ],
)
def test_bad_targets_are_refused_on_their_line_and_column(
    line: str, column: str, message: str
) -> None:
    text = f"row,column,by,note\n1.2,2,,\n{line}\n"
    with pytest.raises(ReviewInputError, match=message) as raised:
        read_targets(text, EDITION, name="targets.csv")
    assert (raised.value.line, raised.value.column) == (3, column)
    assert str(raised.value).startswith("targets.csv, line 3")
