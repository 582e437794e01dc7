"""Targets as CSV: ``row,column,by,note``, the column the group aims for on a row.

Read by the package's one set of CSV rules; ``by`` is a date such as ``2027-07-31``
(or blank), ``note`` free text (or blank), and both may be left off the end of a line.
"""

from __future__ import annotations

import datetime as _dt

from careers_impact._files import Source
from careers_impact.errors import AnswerError
from careers_impact.files._formats import other_format
from careers_impact.files._table import CsvTable, read_table, used_width
from careers_impact.model.edition import Edition
from careers_impact.reviews.review import Target
from careers_impact.reviews.vocabulary import parse_agreed

__all__ = ["TARGETS_HEADER", "read_targets"]

#: The header of a targets CSV.
TARGETS_HEADER = ("row", "column", "by", "note")
_COLUMNS = {"row": ("row",), "column": ("column", "target"), "by": ("by",), "note": ("note",)}


def read_targets(
    source: Source, edition: Edition, *, name: str | None = None
) -> tuple[Target, ...]:
    """Read targets: ``row,column,by,note``; a row may have one target.

    The column is 1 to 4 as `careers_impact.parse_answer` reads it (``Column 3``, say).

    >>> from careers_impact import load_edition
    >>> text = "row,column,by,note\\n2.2,3,2027-07-31,After the SENCo's review\\n"
    >>> target = read_targets(text, load_edition())[0]
    >>> target.column, target.by
    (3, datetime.date(2027, 7, 31))
    """
    with read_table(source, name) as table:
        return _read(table, edition)


def _read(table: CsvTable, edition: Edition) -> tuple[Target, ...]:
    if (other := other_format(table.header, "targets")) is not None:
        raise table.error(other)
    at, _ = table.columns(_COLUMNS, required=("row", "column"))
    known = {row.id for row in edition.rows}
    targets: dict[str, Target] = {}
    for line, cells in table.records(required=used_width(at, ("row", "column"))):
        row_id = cells[at["row"]]
        if row_id not in known:
            raise table.unknown_row(edition.id, row_id, line=line)
        if row_id in targets:
            raise table.error(f"row {row_id} already has a target", line=line, column="row")
        column = _column(table, cells[at["column"]], line)
        targets[row_id] = Target(
            row=row_id,
            column=column,
            by=_date(table, cells[at["by"]] if "by" in at else "", line),
            note=(cells[at["note"]] if "note" in at else "") or None,
        )
    return tuple(targets.values())


def _column(table: CsvTable, cell: str, line: int) -> int:
    try:
        position = parse_agreed(cell)
    except AnswerError as error:
        raise table.error(str(error), line=line, column="column") from None
    if not isinstance(position, int):
        raise table.error(f"a target is a column 1 to 4, not {cell!r}", line=line, column="column")
    return position


def _date(table: CsvTable, cell: str, line: int) -> _dt.date | None:
    if not cell:
        return None
    try:
        return _dt.date.fromisoformat(cell)
    except ValueError:
        raise table.error(
            f"{cell!r} is not a date like 2027-07-31", line=line, column="by"
        ) from None
