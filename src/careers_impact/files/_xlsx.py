"""Spreadsheets as the CSV layer's tables: Microsoft Forms' native ``.xlsx`` export and
any workbook saved from Excel (private: may change).

The first sheet is read by the CSV layer's rules (`careers_impact.files._table`), its
rows numbered as the spreadsheet numbers them, and errors name the sheet and the cell.
The sheet's used range is read whole, as its CSV export would be: a value typed past
the header's last named column is in an unnamed column, ignored and listed.
Cell values become the text a CSV export of the sheet would hold: a whole number as
``3``, a date as ``2026-10-05``. Read with python-calamine (the ``xlsx`` extra).
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Iterator
from os import PathLike
from typing import Any

from careers_impact._files import Content, path_of
from careers_impact.errors import MissingExtraError, ReviewInputError
from careers_impact.files._table import CsvTable, read_cell

__all__ = ["XLSX_MAGIC", "XlsxTable"]

#: How every .xlsx file begins: it is a ZIP archive.
XLSX_MAGIC = b"PK\x03\x04"


def _text(value: Any) -> str:
    # As a spreadsheet's own CSV export writes each kind of value.
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else str(value)
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    return str(value)


def _letters(index: int) -> str:
    """A spreadsheet's name for the 0-based column ``index``: A, B, …, Z, AA, …"""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


class XlsxTable(CsvTable):
    """The first sheet of a workbook, read as a CSV table is."""

    unit = "row"

    def __init__(self, name: str, source: Content) -> None:
        try:
            from python_calamine import CalamineWorkbook
        except ImportError:
            raise MissingExtraError("reading .xlsx files", "xlsx") from None
        try:
            book = _open(CalamineWorkbook, source)
            sheets = list(book.sheet_names)
            rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False) if sheets else []
        except Exception as error:  # calamine's errors are its own: worded here, once
            raise ReviewInputError(name, f"not a readable .xlsx workbook ({error})") from None
        self.name = name
        self.sheet = sheets[0] if sheets else ""
        self.skipped = [
            f"sheet {other!r} not read: only the first sheet is" for other in sheets[1:]
        ]
        self.delimiter = ","
        self._rows: Iterator[tuple[int, list[str]]] = (
            (number, [_text(v) for v in row]) for number, row in enumerate(rows, start=1)
        )
        self._start = self._fed = 0
        self.header_line, header = self._first_record()
        self.header = tuple(read_cell(cell.strip()) for cell in header)

    def _next(self) -> list[str] | None:
        found = next(self._rows, None)
        if found is None:
            return None
        self._start = self._fed = found[0]
        return found[1]

    def error(
        self, message: str, *, line: int | None = None, column: str | None = None
    ) -> ReviewInputError:
        """An error at a cell of the sheet: its row and, where the column is named, the
        cell's reference (``G12``)."""
        row = self.header_line if line is None else line
        cell = None
        if column is not None and column in self.header:
            cell = f"{_letters(self.header.index(column))}{row}"
        return ReviewInputError(
            self.name, message, line=row, column=column, sheet=self.sheet, cell=cell
        )


def _open(workbook: Any, source: Content) -> Any:
    path = path_of(source)
    if path is not None:
        return workbook.from_path(str(path))
    if isinstance(source, bytes | bytearray):
        return workbook.from_filelike(io.BytesIO(bytes(source)))
    assert not isinstance(source, str | PathLike)  # a workbook is found by its bytes
    data = source.read()
    return workbook.from_filelike(io.BytesIO(data if isinstance(data, bytes) else b""))
