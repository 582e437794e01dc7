"""Agreed positions as CSV: ``row,column,rationale``, read and written without loss.

The group's agreed position per row is the review's record. `read_agreed` reads it by
the package's one set of CSV rules (see ``careers_impact.files._table``);
`write_agreed` writes what it reads back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from careers_impact._base import Frozen
from careers_impact._files import PathLikeStr, Source
from careers_impact.errors import AnswerError
from careers_impact.files._formats import other_format
from careers_impact.files._table import CsvTable, read_table, used_width, write_csv
from careers_impact.model.edition import Edition
from careers_impact.reviews.review import AgreedPosition, Review
from careers_impact.reviews.rollup import ReviewSummary, RowOutcome
from careers_impact.reviews.vocabulary import (
    NOT_APPLICABLE,
    NOT_YET,
    Agreed,
    answer_text,
    parse_agreed,
)

__all__ = [
    "AGREED_HEADER",
    "DRAFT_HEADER",
    "AgreedFile",
    "read_agreed",
    "write_agreed",
    "write_draft",
]

#: The header of an agreed-positions CSV.
AGREED_HEADER = ("row", "column", "rationale")
#: The header of a draft (`write_draft`): the agreed columns, then two for the meeting,
#: which `read_agreed` knows and reads past.
DRAFT_HEADER = (*AGREED_HEADER, "discuss", "title")


class AgreedFile(Frozen):
    """What an agreed-positions file gave: the positions, and the lines not used."""

    path: str
    agreed: tuple[AgreedPosition, ...]
    skipped: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    #: Rows listed with no position: still to agree, so they stay suggestions.
    left_blank: tuple[str, ...] = ()


_AGREED_COLUMNS = {
    "row": ("row",),
    "position": ("column", "position"),
    "rationale": ("rationale",),
    # The draft's columns for the meeting: known, so not reported as ignored.
    "discuss": ("discuss",),
    "title": ("title",),
}


def read_agreed(source: Source, edition: Edition, *, name: str | None = None) -> AgreedFile:
    """Read agreed positions: ``row,column,rationale``; a row with a blank column is still
    to agree (listed in ``left_blank``; a rationale beside it is reported, not used).

    The column may be headed ``column`` or ``position`` (not both); values are 1 to 4,
    ``Not yet`` or ``N/A``. A rationale with commas must be in double quotes, as every
    spreadsheet writes it.

    >>> from careers_impact import load_edition
    >>> read_agreed("row,column,rationale\\n1.1,3,Plan seen\\n", load_edition()).agreed[0].position
    3
    """
    with read_table(source, name) as table:
        return _read_agreed(table, edition)


def _read_agreed(table: CsvTable, edition: Edition) -> AgreedFile:
    if (other := other_format(table.header, "agreed")) is not None:
        raise table.error(other)
    at, ignored = table.columns(_AGREED_COLUMNS, required=("row", "position"))
    known_rows = {row.id for row in edition.rows}
    agreed: list[AgreedPosition] = []
    blank: list[str] = []
    lines: dict[str, int] = {}
    column = table.header[at["position"]]
    for line, cells in table.records(required=used_width(at, ("row", "position"))):
        row_id = cells[at["row"]]
        if row_id not in known_rows:
            raise table.unknown_row(edition.id, row_id, line=line)
        if row_id in lines:
            raise table.error(
                f"row {row_id} is already agreed on line {lines[row_id]}", line=line, column="row"
            )
        try:
            position = parse_agreed(cells[at["position"]])
        except AnswerError as error:
            raise table.error(str(error), line=line, column=column) from None
        lines[row_id] = line
        rationale = cells[at["rationale"]] if "rationale" in at else ""
        if position is None:
            blank.append(row_id)
            if rationale:
                table.skipped.append(
                    f"line {line}: no position for row {row_id}; its rationale "
                    f"{rationale!r} was not used"
                )
            continue
        agreed.append(AgreedPosition(row=row_id, position=position, rationale=rationale or None))
    return AgreedFile(
        path=table.name,
        agreed=tuple(agreed),
        skipped=tuple(table.skipped),
        ignored_columns=ignored,
        left_blank=tuple(blank),
    )


def write_agreed(review: Review, path: PathLikeStr | IO[str]) -> None:
    """Write a review's agreed positions as CSV that `read_agreed` reads, spreadsheet-safe
    and atomically, as `write_reflections_long` does.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "agreed.csv"
    >>> write_agreed(demo_review(), path)
    >>> read_agreed(path, load_edition()).agreed == demo_review().agreed
    True
    """
    rows: list[Sequence[str]] = [AGREED_HEADER]
    rows += [(a.row, answer_text(a.position), a.rationale or "") for a in review.agreed]
    write_csv(path, rows)


def write_draft(summary: ReviewSummary, path: PathLikeStr | IO[str]) -> None:
    """Write an agreed-positions file for the meeting, filled in with every row's position
    so far: the agreed one where the group has agreed, else the suggestion (blank where
    there is none). The rows still to discuss come first, marked ``discuss``; then the
    rest, in the edition's order. The group edits only what it changes, and
    `read_agreed` reads the file back as the agreed positions.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition, summarise
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "agreed.csv"
    >>> write_draft(summarise(demo_review()), path)
    >>> found = read_agreed(path, load_edition())
    >>> len(found.agreed), found.agreed[0].row, found.ignored_columns
    (32, '4.1', ())
    """
    first = set(summary.to_discuss)
    order = [o for o in summary.rows if o.row in first]
    order += [o for o in summary.rows if o.row not in first]
    rows: list[Sequence[str]] = [DRAFT_HEADER]
    for o in order:
        position = _draft_position(o)
        mark = "discuss" if o.row in first else ""
        rows.append((o.row, "" if position is None else answer_text(position),
                     o.rationale or "", mark, o.title))  # fmt: skip
    write_csv(path, rows)


def _draft_position(outcome: RowOutcome) -> Agreed | None:
    if outcome.source == "not-applicable":
        return NOT_APPLICABLE
    if outcome.level is None:
        return None
    return NOT_YET if outcome.level == 0 else outcome.level
