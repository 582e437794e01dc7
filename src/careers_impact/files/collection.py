"""Many settings' reflections in one long CSV, read straight into a collection summary.

A Careers Hub's or a national team's extract: ``setting,participant,role,row,answer,
note``, one answer a line. Each setting-row's answers are only counted per level: five
counts give the suggestion, its spread and share (`summarise_counts`), so memory
follows the number of settings, not the file's size, and the result is stored by
columns.

There are three ways through, with one outcome:

* ``engine="polars"`` (the ``fast`` extra) reads and counts in polars, on every core;
* the quick core reader splits the file in large pieces and counts with the standard
  library's ``csv`` module, one small step a line;
* the careful reader (the package's line-by-line CSV layer) is what the other two hand
  over to whenever a file has anything to report: a bad line, a byte that is not UTF-8,
  a duplicate. It is the one that words every error and locates it, so an error is the
  same whichever engine was asked for.
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import partial
from itertools import chain
from typing import Any, Final, Literal

from careers_impact._files import (
    Source,
    describe,
    ends_lines_with_cr,
    pieces,
    replayable,
    split_lines,
)
from careers_impact.errors import AnswerError, ParameterError
from careers_impact.files._extract import COLUMNS, DATED, MOST_COLLEAGUES, REQUIRED, unpack, weight
from careers_impact.files._table import (
    CsvTable,
    extra_fields_hold_nothing,
    read_cell,
    read_table,
    used_width,
)
from careers_impact.model.edition import Edition
from careers_impact.reviews.bestfit import DISCUSS_SHARE, DISCUSS_SPREAD, check_thresholds
from careers_impact.reviews.collection import CollectionSummary, summarise_answers, summarise_counts
from careers_impact.reviews.vocabulary import level_of, parse_answer

__all__ = ["ENGINES", "Engine", "read_collection", "unpack"]

#: The ways `read_collection` can read: ``auto`` is polars where the ``fast`` extra is
#: installed and the source is a file or bytes, else the core reader.
Engine = Literal["auto", "python", "polars"]
ENGINES: Final = ("auto", "python", "polars")


def read_collection(
    source: Source,
    edition: Edition,
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
    name: str | None = None,
    engine: Engine = "auto",
) -> CollectionSummary:
    """Read one long CSV of many settings' reflections and summarise every setting-row.

    Columns ``setting``, ``participant``, ``row`` and ``answer`` are needed; ``role``
    and ``note`` are read past (trailing ones may be left off a line); a ``date`` column
    (``YYYY-MM-DD``) is checked to give each setting one date, so that two years'
    reviews are never counted as one; any other column is listed in ``ignored``. Each setting-row
    gets the suggested best fit from its answers (the file has no agreed positions).
    Bad lines raise `ReviewInputError` with the line and column; blank answers are
    reported in ``skipped``. ``engine`` (default ``"auto"``) picks how the file is read
    (see `ENGINES`); every engine gives the same summary and the same errors.

    >>> from careers_impact import load_edition
    >>> text = "setting,participant,row,answer\\nA,p1,1.1,2\\nA,p2,1.1,4\\n"
    >>> read_collection(text, load_edition()).setting_rows[0].level
    2
    """
    check_thresholds(discuss_spread, discuss_share)
    if engine not in ENGINES:
        raise ParameterError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    counted = partial(
        summarise_counts, edition, discuss_spread=discuss_spread, discuss_share=discuss_share
    )
    if engine != "python" and replayable(source):
        from careers_impact.files import _polars

        found = _polars.tally(source, edition, required=engine == "polars")
        if found is not None:
            made = counted(found[0], found[1], unpack, index=found[2])
            return replace(made, ignored=found[3], read_by="polars")
    # The quick reader splits at line feeds; a file of carriage returns goes careful.
    if replayable(source) and not ends_lines_with_cr(source):
        try:
            tally = _Tally(describe(source, name), edition)
            with pieces(source, name) as text:
                settings, counts, skipped = tally.read(text)
            made = counted(settings, counts, unpack, skipped=skipped)
            return replace(made, ignored=tally.ignored, read_by="quick")
        except (_HandOverError, UnicodeDecodeError):
            pass  # the careful reader words and locates what was found
    with read_table(source, name) as table:
        settings_seen, groups = _answers_by_group(table, edition)
        summary = summarise_answers(
            edition,
            settings_seen,
            groups,
            skipped=table.skipped,
            discuss_spread=discuss_spread,
            discuss_share=discuss_share,
        )
        ignored = table.columns(COLUMNS, required=REQUIRED)[1]
        return replace(summary, ignored=ignored, read_by="careful")


class _HandOverError(Exception):
    """The quick reader met something the careful reader words and locates."""


def _lines(text: str) -> list[str]:
    # Lines end at a line feed only, as in the careful reader; str.splitlines is the
    # quick way when the piece has no other separator it would also break at.
    found = text.splitlines(True)
    if len(found) == text.count("\n") + (not text.endswith("\n")):
        return found
    return list(split_lines(text, "\n"))


def _breaks(cells: Sequence[str]) -> int:
    return sum(cell.count("\n") for cell in cells)


class _Tally:
    """The quick core reader: counts per setting-row, one small step a line."""

    def __init__(self, name: str, edition: Edition) -> None:
        self.name = name
        self.rows = tuple(row.id for row in edition.rows)
        self.row_at = {row: at for at, row in enumerate(self.rows)}
        self.weight: dict[str, int] = {}
        self.setting_at: dict[str, int] = {}
        self.settings: list[str] = []
        self.people: list[dict[str, int]] = []
        self.counts = array("Q")
        self.skipped: list[str] = []
        self.offset = 0
        self.width = self.required = 0
        self.ignored: tuple[str, ...] = ()

    def read(self, text: Iterator[str]) -> tuple[list[str], array[int], list[str]]:
        """Every setting (in order of first appearance), their counts and what was
        skipped; `_HandOverError` on anything the careful reader must report."""
        lines = chain.from_iterable(map(_lines, text))
        table = CsvTable(self.name, lines)
        at, self.ignored = table.columns(COLUMNS, required=REQUIRED)
        if DATED in at:
            raise _HandOverError  # each line's date is checked by the careful reader
        self.skipped = table.skipped
        self.offset, self.width = table.lines_read, len(table.header)
        self.required = used_width(at, REQUIRED)
        reader = csv.reader(lines, delimiter=table.delimiter, strict=True)
        try:
            self._count(reader, *(at[column] for column in REQUIRED))
        except csv.Error:
            raise _HandOverError from None
        return self.settings, self.counts, self.skipped

    def _count(self, reader: Any, i_s: int, i_p: int, i_r: int, i_a: int) -> None:
        # The hot loop: millions of lines. Each step is a dictionary look-up or an
        # addition; everything unusual is a method call away.
        width, row_at, weight, setting_at = self.width, self.row_at, self.weight, self.setting_at
        people, counts = self.people, self.counts
        last_s: str | None = None
        last_r: str | None = None
        persons: dict[str, int] = {}
        base = slot = bit = ri = 0
        for cells in reader:
            if len(cells) != width:
                cells = self._odd(cells, reader.line_num)
                if not cells:
                    continue
            s = cells[i_s]
            if s != last_s:
                si = setting_at.get(s)
                if si is None:
                    si = self._setting(s, cells, reader.line_num)
                    if si is None:
                        continue
                persons, base, last_s, last_r = people[si], si * len(self.rows), s, None
            r = cells[i_r]
            if r != last_r:
                ri = row_at.get(r, -1)
                if ri < 0:
                    ri = self._row(r)
                slot, bit, last_r = base + ri, 1 << ri, r
            p = cells[i_p]
            w = weight.get(cells[i_a])
            if w is None:
                w = self._answer(cells[i_a])
                if w < 0:
                    self._blank(p, ri, cells, reader.line_num)
                    continue
            m = persons.get(p, 0)
            if m & bit:
                raise _HandOverError  # a colleague answers this row twice
            if not m:
                p, m = self._person(p, persons, bit)
            persons[p] = m | bit
            counts[slot] += w

    def _line(self, cells: Sequence[str], end: int) -> int:
        """The line a record starts on, from the reader's count where it ends."""
        return self.offset + end - _breaks(cells)

    def _odd(self, cells: list[str], end: int) -> list[str]:
        """A line with fewer or more fields than the header: blank, padded, or careful."""
        if not any(read_cell(cell.strip()) for cell in cells):
            self.skipped.append(f"line {self._line(cells, end)}: empty")
            return []
        if len(cells) > self.width and extra_fields_hold_nothing(cells, self.width):
            return cells[: self.width]
        if not self.required <= len(cells) <= self.width:
            raise _HandOverError
        return cells + [""] * (self.width - len(cells))

    def _setting(self, raw: str, cells: list[str], end: int) -> int | None:
        name = read_cell(raw.strip())
        if not name:
            if self._odd(cells, end):
                raise _HandOverError  # a line with no setting
            return None
        at = self.setting_at.get(name)
        if at is None:
            at = len(self.settings)
            self.settings.append(name)
            self.people.append({})
            self.counts.extend(array("Q", bytes(8 * len(self.rows))))
        self.setting_at[raw] = self.setting_at[name] = at
        return at

    def _row(self, raw: str) -> int:
        at = self.row_at.get(read_cell(raw.strip()))
        if at is None:
            raise _HandOverError  # a row the edition does not have
        self.row_at[raw] = at
        return at

    def _answer(self, raw: str) -> int:
        try:
            found = weight(raw)
        except AnswerError:
            raise _HandOverError from None
        if found is None:
            return -1
        self.weight[raw] = found
        return found

    def _blank(self, raw: str, row: int, cells: list[str], end: int) -> None:
        if not read_cell(raw.strip()):
            raise _HandOverError  # no participant named
        self.skipped.append(f"line {self._line(cells, end)}: no answer for row {self.rows[row]}")

    def _person(self, raw: str, persons: dict[str, int], bit: int) -> tuple[str, int]:
        name = read_cell(raw.strip())
        if not name:
            raise _HandOverError  # no participant named
        mask = persons.get(name, 0)
        if mask & bit or (not mask and len(persons) >= MOST_COLLEAGUES):
            raise _HandOverError
        return name, mask


def _one_date(
    table: CsvTable, dated: dict[str, tuple[str, int]], setting: str, cell: str, line: int
) -> None:
    """A line's date: ISO, and one for each setting, so that two years' reviews of a
    setting are never counted as one."""
    if not _ISO_DATE.fullmatch(cell):
        raise table.error(f"{cell!r} is not a date written YYYY-MM-DD", line=line, column=DATED)
    try:
        _dt.date.fromisoformat(cell)
    except ValueError:
        raise table.error(
            f"{cell!r} is not a date of the calendar", line=line, column=DATED
        ) from None
    first = dated.setdefault(setting, (cell, line))
    if first[0] != cell:
        raise table.error(
            f"setting {setting!r} has answers dated {first[0]} (line {first[1]}) and {cell}: "
            "a collection holds one review per setting, so two reviews are never counted as "
            "one; give each date its own file, or save each review with --json for the hub's "
            "year-on-year view",
            line=line,
            column=DATED,
        )


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _answers_by_group(
    table: CsvTable, edition: Edition
) -> tuple[dict[str, None], dict[tuple[str, str], dict[str, int | None]]]:
    """The careful reader: every answer's level (``None`` for unsure or not
    applicable), grouped by (setting, row) and keyed by colleague."""
    at, _ = table.columns(COLUMNS, required=REQUIRED)
    i_setting, i_person, i_row, i_answer = (at[c] for c in REQUIRED)
    known_rows = {row.id for row in edition.rows}
    groups: dict[tuple[str, str], dict[str, int | None]] = {}
    settings: dict[str, None] = {}
    dated: dict[str, tuple[str, int]] = {}
    for line, cells in table.records(required=used_width(at, REQUIRED)):
        if DATED in at and cells[i_setting]:
            _one_date(table, dated, cells[i_setting], cells[at[DATED]], line)
        setting, row_id, person, raw = (
            cells[i_setting],
            cells[i_row],
            cells[i_person],
            cells[i_answer],
        )
        try:
            answer = parse_answer(raw)
        except AnswerError as error:
            raise table.error(str(error), line=line, column="answer") from None
        if row_id not in known_rows:
            raise table.unknown_row(edition.id, row_id, line=line)
        if not setting:
            raise table.error("no setting named", line=line, column="setting")
        group = groups.setdefault((setting, row_id), {})
        settings[setting] = None
        if not person:
            raise table.error("no participant named", line=line, column="participant")
        if answer is None:
            table.skipped.append(f"line {line}: no answer for row {row_id}")
            continue
        if person in group:
            raise table.error(
                f"{person!r} answers row {row_id} twice for setting {setting!r}", line=line
            )
        group[person] = level_of(answer)
    return settings, groups
