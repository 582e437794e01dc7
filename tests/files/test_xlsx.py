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


def test_each_kind_of_cell_is_the_text_its_csv_export_would_hold() -> None:
    from careers_impact.files._xlsx import _text

    when = datetime.datetime(2026, 10, 5, 9, 30)
    values = [None, "", True, False, 3.0, 2.5, 7, datetime.datetime(2026, 10, 5), when,
              datetime.date(2026, 10, 5), datetime.time(9, 30), "Column 2"]  # fmt: skip
    assert [_text(v) for v in values] == [
        "", "", "TRUE", "FALSE", "3", "2.5", "7", "2026-10-05", "2026-10-05 09:30:00",
        "2026-10-05", "09:30:00", "Column 2",
    ]  # fmt: skip


def test_columns_are_named_as_a_spreadsheet_names_them() -> None:
    from careers_impact.files._xlsx import _letters

    assert [_letters(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_rows_keep_the_sheets_numbers_and_every_error_its_place() -> None:
    rows = [[], [], HEADER, [1, WHEN, "a@x.org", "Alex", "Governor", 3, 2],
            [2, WHEN, "s@x.org", "Sam", "SENCo", 1, 2, None, "stray"]]  # fmt: skip
    found = read_reflections(Upload(_workbook(rows), "f.xlsx"), EDITION)
    # A value past the last named column is in an unnamed one, as in the CSV export.
    assert found.ignored_columns[-2:] == ("(unnamed column 8)", "(unnamed column 9)")
    bad = [*rows[:3], [1, WHEN, "a@x.org", "Alex", "Governor", 3, 7]]
    with pytest.raises(ReviewInputError) as raised:
        read_reflections(Upload(_workbook(bad), "f.xlsx"), EDITION)
    assert (raised.value.sheet, raised.value.line, raised.value.cell) == ("Form1", 4, "G4")
    header_error = _workbook([["Name", "1.1 x", "1.1 y"], ["Alex", 1, 2]])
    with pytest.raises(ReviewInputError) as raised:
        read_reflections(Upload(header_error, "f.xlsx"), EDITION)
    assert (raised.value.line, raised.value.cell) == (1, "C1")
    no_rows = _workbook([["Timestamp", "Name"], ["9:00", "Alex"]])
    with pytest.raises(ReviewInputError) as raised:
        read_reflections(Upload(no_rows, "f.xlsx"), EDITION)
    assert (raised.value.line, raised.value.cell, raised.value.sheet) == (1, None, "Form1")


def test_without_the_extra_the_message_names_it_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with pytest.raises(MissingExtraError) as raised:
        read_reflections(_workbook(GOOD), EDITION)
    assert str(raised.value).startswith("reading .xlsx files needs the 'xlsx' extra")


def test_a_large_csv_through_a_stream_that_cannot_seek_reads_whole() -> None:
    lines = ["participant,row,answer"] + [f"P{i},1.1,{1 + i % 4}" for i in range(3000)]
    data = ("\n".join(lines) + "\n").encode()

    class Pipe(io.RawIOBase):
        def __init__(self) -> None:
            self.data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            return self.data.readinto(buffer)

    assert len(read_reflections(Pipe(), EDITION).reflections) == 3000
