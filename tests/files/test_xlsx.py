"""Spreadsheets (`careers_impact.files._xlsx`): Microsoft Forms' native .xlsx export."""

from __future__ import annotations

import datetime
import io
from pathlib import Path
from typing import Any

import pytest

from careers_impact import (
    MissingExtraError,
    ReviewInputError,
    Upload,
    load_edition,
    read_collection,
    read_reflections,
)

openpyxl = pytest.importorskip("openpyxl", reason="the test extra writes workbooks with openpyxl")
pytest.importorskip("python_calamine", reason="the xlsx extra reads them")

EDITION = load_edition()
HEADER = ["ID", "Start time", "Email", "Name", "Your role", "1.1 Careers leadership", "1.2 Leaders"]


def _workbook(rows: list[list[Any]], *, sheets: tuple[str, ...] = ()) -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Form1"
    for row in rows:
        book.active.append(row)
    for name in sheets:
        book.create_sheet(name)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WHEN = datetime.datetime(2026, 10, 1, 9, 5)
GOOD = [
    HEADER,
    [1, WHEN, "a@x.org", "Alex", "Governor", 3, "Column 2 - regular and planned"],
    [2, WHEN, "s@x.org", "Sam", "SENCo", "Not yet in place", None],
]


def test_a_forms_workbook_reads_as_its_csv_export_does(tmp_path: Path) -> None:
    data = _workbook(GOOD)
    csv = (
        ",".join(HEADER) + "\n1,2026-10-01 09:05:00,a@x.org,Alex,Governor,3,"
        "Column 2 - regular and planned\n"
        "2,2026-10-01 09:05:00,s@x.org,Sam,SENCo,Not yet in place,\n"
    )
    expected = read_reflections(csv, EDITION)
    path = tmp_path / "Careers review.xlsx"
    path.write_bytes(data)
    for source in (path, data, io.BytesIO(data), Upload(data, "Careers review.xlsx")):
        found = read_reflections(source, EDITION)
        assert found.reflections == expected.reflections
        assert found.participants == expected.participants
        assert found.ignored_columns == ("ID", "Start time", "Email")


def test_errors_name_the_sheet_and_the_cell() -> None:
    bad = [HEADER, [1, WHEN, "a@x.org", "Alex", "Governor", 3, 7]]
    with pytest.raises(ReviewInputError) as raised:
        read_reflections(Upload(_workbook(bad), "form.xlsx"), EDITION)
    error = raised.value
    assert (error.sheet, error.cell, error.line, error.column) == ("Form1", "G2", 2, "1.2 Leaders")
    assert str(error).startswith("form.xlsx, sheet 'Form1', cell G2, column '1.2 Leaders': '7'")


def test_other_sheets_are_reported_and_a_broken_workbook_is_refused() -> None:
    found = read_reflections(_workbook(GOOD, sheets=("Notes",)), EDITION)
    assert "sheet 'Notes' not read: only the first sheet is" in found.skipped
    with pytest.raises(ReviewInputError, match=r"^broken\.xlsx: not a readable \.xlsx workbook"):
        read_reflections(Upload(b"PK\x03\x04not a zip", "broken.xlsx"), EDITION)


def test_a_collection_and_a_stream_that_cannot_seek_read_a_workbook_too() -> None:
    rows = [
        ["setting", "participant", "row", "answer"],
        ["Oak", "p", "1.1", 2],
        ["Oak", "q", "1.1", 4],
    ]
    data = _workbook(rows)
    assert read_collection(data, EDITION).setting_rows[0].level == 2

    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            return self.data.readinto(buffer)

    assert read_reflections(Pipe(), EDITION).participants[0].id == "p"


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with pytest.raises(MissingExtraError, match="xlsx"):
        read_reflections(_workbook(GOOD), EDITION)
