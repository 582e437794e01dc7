"""The one CSV layer every reader and writer of the package uses (private: may change).

Reading, by one set of rules:

* the file is UTF-8 (a byte order mark is allowed); a bad byte is an error on its line;
* quoting is strict: a quoted field that is never closed is an error naming the line
  where it opened, never a field that swallows the rest of the file;
* fields are separated by commas, or, where the header has no comma but a semicolon or
  a tab (a spreadsheet in another locale), by that;
* the header is the first line that is not blank; every value, header names included,
  is stripped of surrounding white space, and header names match without case;
* a line of blank cells is reported as skipped, never an error and never data;
* a line with more fields than the header is an error unless every field past the
  header is empty (a spreadsheet's trailing empty cells); fewer only where the reader
  says trailing cells may be left off (they read as blank);
* a column the reader uses may not be named twice or left unnamed; other columns are
  reported as ignored, each once, by name and position;
* a cell the package wrote spreadsheet-safe (see `safe_cell`) reads back as it was.

Writing: `safe_cell` makes a value safe to open in a spreadsheet, and `read_cell`
undoes it, so files the package writes read back equal (see `safe_cell`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from os import PathLike
from typing import IO

from careers_impact._files import Source, describe, lines, peek, unwrap, write_atomic
from careers_impact.errors import ReviewInputError
from careers_impact.reviews.vocabulary import foreign_digit

__all__ = [
    "CsvTable",
    "extra_fields_hold_nothing",
    "read_cell",
    "read_table",
    "safe_cell",
    "write_csv",
]

# A cell starting with one of these is read as a formula, or pasted as one, by
# spreadsheet software (OWASP's list for CSV injection).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """A cell that spreadsheet software shows as text: formula-like text, and text that
    already starts with ``'``, gets one leading ``'``. `read_cell` removes it again.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("'quoted"), safe_cell("Plan seen")
    ("'=HYPERLINK(1)", "''quoted", 'Plan seen')
    """
    return "'" + text if text.startswith((*_FORMULA, "'")) else text


def read_cell(text: str) -> str:
    """Undo `safe_cell`: one leading ``'`` before formula-like text or another ``'``.

    >>> read_cell("'=HYPERLINK(1)"), read_cell("''quoted"), read_cell("'quoted")
    ('=HYPERLINK(1)', "'quoted", "'quoted")
    """
    if text.startswith("'") and text[1:2] and text[1:].startswith((*_FORMULA, "'")):
        return text[1:]
    return text


class CsvTable:
    """A CSV file being read: its header, then its records, one at a time."""

    #: What a record's number counts: a file's lines (a spreadsheet's rows).
    unit = "line"

    def __init__(self, name: str, source_lines: Iterator[str]) -> None:
        self.name = name
        self.skipped: list[str] = []
        self._lines = source_lines
        self._fed = 0  # physical lines handed to the csv reader so far
        self._record: list[str] = []  # the raw lines of the record being read
        self._start = 1
        #: The field separator, told by the header: a comma, or the semicolon or tab a
        #: spreadsheet in another locale writes where the header has no comma.
        self.delimiter = ","
        self._reader = csv.reader(self._feed(), strict=True)
        self.header_line, header = self._first_record()
        if len(header) == 1 and (other := _other_delimiter("".join(self._record))):
            self.delimiter = other
            try:
                header = next(csv.reader(self._record, delimiter=other, strict=True))
            except csv.Error as error:
                raise self._csv_error(error) from None
            self._reader = csv.reader(self._feed(), delimiter=other, strict=True)
        self.header = tuple(read_cell(cell.strip()) for cell in header)

    @property
    def lines_read(self) -> int:
        """Physical lines read so far: after the header, the header's last line."""
        return self._fed

    def _feed(self) -> Iterator[str]:
        for line in self._lines:
            self._fed += 1
            self._record.append(line)
            yield line

    def _next(self) -> list[str] | None:
        self._record = []
        self._start = self._fed + 1
        try:
            return next(self._reader, None)
        except csv.Error as error:
            raise self._csv_error(error) from None

    def _csv_error(self, error: csv.Error) -> ReviewInputError:
        opened = _unclosed_quote(self._record, self.delimiter)
        if opened is not None:
            return ReviewInputError(
                self.name,
                "a quoted field opens here and is never closed",
                line=self._start + opened,
            )
        return ReviewInputError(self.name, f"not readable as CSV: {error}", line=self._start)

    def _first_record(self) -> tuple[int, list[str]]:
        while (fields := self._next()) is not None:
            if any(cell.strip() for cell in fields):
                return self._start, fields
            self.skipped.append(f"{self.unit} {self._start}: empty")
        raise ReviewInputError(self.name, f"the file is empty: it has no header {self.unit}")

    def error(
        self, message: str, *, line: int | None = None, column: str | None = None
    ) -> ReviewInputError:
        """An error in this file, at ``line`` (default: the header) and ``column``."""
        return ReviewInputError(
            self.name, message, line=self.header_line if line is None else line, column=column
        )

    def unknown_row(self, edition_id: str, row_id: str, *, line: int) -> ReviewInputError:
        """The one error for a row cell that names no row of the edition, saying so when
        it is written with a digit other than 0 to 9."""
        digit = foreign_digit(row_id)
        why = f"; its digit {digit!r} is not one of 0 to 9" if digit else ""
        message = f"edition {edition_id!r} has no row {row_id!r}{why}"
        return self.error(message, line=line, column="row")

    def columns(
        self, wanted: Mapping[str, Sequence[str]], *, required: Iterable[str]
    ) -> tuple[dict[str, int], tuple[str, ...]]:
        """Where each wanted column is (by any of its accepted names), and every other
        column as ignored. A wanted column named twice, or a required one missing, is an
        error; so is an unnamed column with a wanted name's position."""
        found: dict[str, int] = {}
        for index, title in enumerate(self.header):
            key = title.casefold()
            for field, names in wanted.items():
                if key in names:
                    if field in found:
                        raise self.error(
                            f"columns {found[field] + 1} and {index + 1} are both {field!r} "
                            f"({self.header[found[field]]!r}, {title!r}); keep one"
                        )
                    found[field] = index
        for field in required:
            if field not in found:
                names = " or ".join(repr(n) for n in wanted[field])
                raise self.error(f"the header has no {names} column")
        used = set(found.values())
        return found, self.ignored(used)

    def ignored(self, used: Iterable[int]) -> tuple[str, ...]:
        """The header's other columns, named as a person finds them (blank: by position)."""
        keep = set(used)
        return tuple(
            title or f"(unnamed column {index + 1})"
            for index, title in enumerate(self.header)
            if index not in keep
        )

    def _fit(self, cells: list[str], line: int) -> list[str]:
        width = len(self.header)
        if not extra_fields_hold_nothing(cells, width):
            raise _too_many(self.name, len(cells), width, line, self.delimiter)
        return cells[:width]

    def records(self, *, required: int = 0) -> Iterator[tuple[int, list[str]]]:
        """``(line, stripped cells)`` of every record after the header, padded to the
        header's width. Blank lines go to ``skipped``; a record with more fields than
        the header, or fewer than ``required``, is an error."""
        width = len(self.header)
        while (fields := self._next()) is not None:
            line = self._start
            cells = [read_cell(cell.strip()) for cell in fields]
            if not any(cells):
                self.skipped.append(f"{self.unit} {line}: empty")
                continue
            if len(cells) > width:
                cells = self._fit(cells, line)
            if len(cells) < required:
                raise self.error(
                    f"{len(cells)} fields, but this file needs at least {required}", line=line
                )
            yield line, cells + [""] * (width - len(cells))


def extra_fields_hold_nothing(cells: Sequence[str], width: int) -> bool:
    """Whether every field past the header's ``width`` is empty: a spreadsheet's export
    often ends its lines in empty cells beyond the last named column, and nothing is lost
    by reading them as absent (one rule for every reader)."""
    return not any(read_cell(cell.strip()) for cell in cells[width:])


def used_width(at: Mapping[str, int], required: Sequence[str]) -> int:
    """How many fields a line needs: up to the last required column. Trailing optional
    cells (role, note, rationale) may be left off."""
    return max(at[field] for field in required) + 1


_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}


def _other_delimiter(header: str) -> str | None:
    """The semicolon or tab that separates a header with no comma, if it has either."""
    counts = {d: header.count(d) for d in (";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else None


def _too_many(
    name: str, count: int, width: int, line: int, delimiter: str = ","
) -> ReviewInputError:
    return ReviewInputError(
        name,
        f"{count} fields, but the header has {width}, and the fields past it are not empty; "
        f"a field may hold a {_DELIMITERS[delimiter]} only inside double quotes",
        line=line,
    )


def _unclosed_quote(record: Sequence[str], delimiter: str = ",") -> int | None:
    """The 0-based line, within ``record``'s raw lines, of a quote that is never closed."""
    inside, closed, opened, field_start = False, False, 0, True
    for number, line in enumerate(record):
        for char in line:
            if inside:
                inside = char != '"'
                closed = not inside
            elif char == '"' and (field_start or closed):
                # A quote at a field's start opens it; one right after a closing quote
                # is a doubled quote, a quote character inside the same field.
                inside, closed = True, False
                opened = number if field_start else opened
                field_start = False
            else:
                field_start, closed = char in (delimiter, "\r", "\n"), False
    return opened if inside else None


@contextmanager
def read_table(given: Source, name: str | None = None) -> Iterator[CsvTable]:
    """The table of ``source`` (a path, text, bytes or stream), open while iterated: a
    CSV file, or the first sheet of an ``.xlsx`` workbook (told by its first bytes)."""
    source, name = unwrap(given, name)
    head, source = peek(source, 4)
    if head == b"PK\x03\x04":
        from careers_impact.files._xlsx import XlsxTable  # the xlsx extra, when needed

        yield XlsxTable(describe(source, name), source)
        return
    with lines(source, name) as (shown, source_lines):
        yield CsvTable(shown, source_lines)


def _text(value: object) -> str:
    # Numbers and flags are the package's own and written as they are; text may be
    # anyone's, so it is made spreadsheet-safe.
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, bool | int):
        return str(value)
    return safe_cell(str(value))


def write_csv(path: str | PathLike[str] | IO[str], rows: Iterable[Sequence[object]]) -> None:
    """Write rows as UTF-8 CSV with a byte order mark (so spreadsheets read it as UTF-8),
    text through `safe_cell`, atomically to a path or to an open text stream."""
    safe = ([_text(cell) for cell in row] for row in rows)
    if not isinstance(path, str | PathLike):
        path.writelines(_records(safe, "\n"))
        return
    text = "".join(_records(safe, "\r\n"))
    write_atomic(path, lambda handle: handle.write(text.encode("utf-8-sig")))


def _records(rows: Iterable[Sequence[str]], end: str) -> Iterator[str]:
    # Written with CR LF, so that the csv module quotes a field holding a carriage return
    # as it does one holding a line feed (it quotes only what is in its line end); then
    # each record given ``end``.
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()[:-2] + end
        buffer.seek(0)
        buffer.truncate()
