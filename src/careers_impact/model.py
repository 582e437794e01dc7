"""The Careers Impact Maturity Model as typed, immutable objects.

An `Edition` has `Theme` s, each with `Row` s; each row has four
`Cell` s, one per column, holding the model's descriptor statements word for
word. Damage in the published source is recorded next to the text it concerns, as
`SourceNote` s, never mended in place.
"""

from __future__ import annotations

import datetime as _dt
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from careers_impact._base import Frozen, RowId
from careers_impact.errors import UnknownRowError, UnknownThemeError

__all__ = [
    "COLUMNS",
    "Benchmark",
    "Cell",
    "ColumnDefinition",
    "Edition",
    "Erratum",
    "GlossaryTerm",
    "GuidanceSection",
    "Row",
    "RowChange",
    "SearchHit",
    "SourceNote",
    "Theme",
    "ThemeChange",
]

#: The four columns of every row, in order.
COLUMNS: tuple[int, int, int, int] = (1, 2, 3, 4)

Text = Annotated[str, StringConstraints(min_length=1)]
ColumnNumber = Annotated[int, Field(ge=1, le=4)]
BenchmarkNumber = Annotated[int, Field(ge=1, le=8)]
ThemeNumber = Annotated[int, Field(ge=1, le=9)]


def _check_statements(statements: tuple[str, ...], where: str) -> None:
    for index, statement in enumerate(statements):
        if statement != statement.strip():
            raise ValueError(f"{where} statement {index} has leading or trailing white space")
        if not statement:
            raise ValueError(f"{where} statement {index} is empty")


class SourceNote(Frozen):
    """What is wrong with the published source at one place, recorded beside the text.

    ``kind`` says what happened to the text: ``missing`` (nothing there), ``cut`` (it
    stops or starts mid-way), ``garbled`` (words broken or lost), ``joined`` (the text
    runs on over a second source line and is joined here with one space), ``duplicate``
    (the source states the same thing twice) or ``layout`` (the source lost its table
    layout and the text was placed by the paragraph counts its documentation gives).
    ``reading`` is an editorial reading of an obviously cut word, never a replacement.

    >>> SourceNote(kind="missing", field="statements", detail="Column 2 is empty.").kind
    'missing'
    """

    kind: Literal["missing", "cut", "garbled", "joined", "duplicate", "layout"]
    field: Text
    detail: Text
    reading: Text | None = None


class ColumnDefinition(Frozen):
    """One of the four progressive columns: its level, label and focus.

    >>> from careers_impact import load_edition
    >>> load_edition().columns[0].focus
    'Practice is occasional and may depend on individuals or isolated activity.'
    """

    level: ColumnNumber
    label: Text
    focus: Text | None = None


class Benchmark(Frozen):
    """A Gatsby Benchmark: number, title and the other published wordings of its title.

    Benchmark titles are reference data of their own, not part of an edition.

    >>> from careers_impact import load_edition
    >>> load_edition().benchmarks[2].aliases
    ('Addressing the needs of each young person',)
    """

    number: BenchmarkNumber
    title: Text
    aliases: tuple[Text, ...] = ()


class Cell(Frozen):
    """The descriptor statements of one row at one column, in source order.

    >>> from careers_impact import load_edition
    >>> load_edition().row("1.1").cell(1).statements
    ('There is a named Careers Leader.',)
    """

    column: ColumnNumber
    statements: tuple[str, ...]
    source_notes: tuple[SourceNote, ...] = ()

    @model_validator(mode="after")
    def _statements_present(self) -> Cell:
        _check_statements(self.statements, f"column {self.column}")
        if not self.statements and not any(n.kind == "missing" for n in self.source_notes):
            raise ValueError(
                f"column {self.column} has no statements and no source note of kind "
                "'missing' saying the source has none"
            )
        return self

    @property
    def text(self) -> str:
        """The statements joined by blank lines."""
        return "\n\n".join(self.statements)


class RowChange(Frozen):
    """A row's entry in the edition's change log.

    ``title`` is the row title as the change log writes it, which may differ slightly
    from the grid's; the grid's title is the row's title.

    >>> from careers_impact import load_edition
    >>> load_edition().row("1.1").change.purpose[0][:45]
    'To describe how leadership of careers is stru'
    """

    row: RowId
    title: Text
    purpose: tuple[Text, ...]
    core_elements: tuple[Text, ...]
    reason: tuple[Text, ...]


class Row(Frozen):
    """One row of the grid: id, title and its four cells.

    >>> from careers_impact import load_edition
    >>> row = load_edition().row("1.3")
    >>> row.title, row.theme, len(row.cells)
    ('Strategic careers planning', 1, 4)
    """

    id: RowId
    title: Text
    cells: tuple[Cell, ...]
    change: RowChange | None = None
    source_notes: tuple[SourceNote, ...] = ()

    @model_validator(mode="after")
    def _four_columns(self) -> Row:
        columns = tuple(cell.column for cell in self.cells)
        if columns != COLUMNS:
            raise ValueError(
                f"row {self.id} must have exactly four cells for columns 1, 2, 3, 4 in "
                f"order; found columns {list(columns)}"
            )
        if self.change is not None and self.change.row != self.id:
            raise ValueError(f"row {self.id} carries the change-log entry of row {self.change.row}")
        return self

    @property
    def theme(self) -> int:
        """The number of the theme the row belongs to (the part of its id before the dot)."""
        return int(self.id.split(".", 1)[0])

    def _repr_html_(self) -> str:
        from careers_impact.notebook import row_html

        return row_html("", self)

    def cell(self, column: int) -> Cell:
        """The cell at ``column`` (1 to 4); any other column raises ``ValueError``."""
        if column not in COLUMNS:
            raise ValueError(f"column must be 1, 2, 3 or 4, not {column!r}")
        return self.cells[column - 1]


class ThemeChange(Frozen):
    """A theme's entry in the edition's change log: its summary and context.

    >>> from careers_impact import load_edition
    >>> load_edition().theme(1).change.summary[0][:40]
    'Theme 1 has been strengthened to positio'
    """

    summary: tuple[Text, ...]
    context: tuple[Text, ...]


class Theme(Frozen):
    """A theme: number, title, the Gatsby Benchmarks it serves, and its rows.

    ``tagline`` is the short banner some grids print above the title.

    >>> from careers_impact import load_edition
    >>> theme = load_edition().theme(3)
    >>> theme.benchmarks, [row.id for row in theme.rows][:2]
    ((2, 7), ['3.1', '3.2'])
    """

    number: ThemeNumber
    title: Text
    tagline: Text | None = None
    benchmarks: tuple[BenchmarkNumber, ...]
    rows: tuple[Row, ...]
    change: ThemeChange | None = None
    source_notes: tuple[SourceNote, ...] = ()

    @model_validator(mode="after")
    def _rows_inside(self) -> Theme:
        for row in self.rows:
            if row.theme != self.number:
                raise ValueError(f"row {row.id} is not inside theme {self.number}")
        if len(set(self.benchmarks)) != len(self.benchmarks):
            raise ValueError(f"theme {self.number} lists a benchmark twice: {self.benchmarks}")
        if not self.benchmarks and not any(n.field == "benchmarks" for n in self.source_notes):
            raise ValueError(f"theme {self.number} names no benchmark and no source note says why")
        return self


class GuidanceSection(Frozen):
    """A section of the edition's own guidance on using the model, verbatim.

    >>> from careers_impact import load_edition
    >>> load_edition().guidance[0].heading
    'Purpose and intent'
    """

    heading: Text
    statements: tuple[Text, ...]


class GlossaryTerm(Frozen):
    """A glossary entry: the term and its definition, verbatim.

    >>> from careers_impact import load_edition
    >>> load_edition("colleges").glossary[0].term
    'Careers in the curriculum'
    """

    term: Text
    definition: tuple[Text, ...]
    source_notes: tuple[SourceNote, ...] = ()


Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class Erratum(Frozen):
    """A recorded correction to a published edition's data.

    ``content_hash`` is the edition's content hash after the correction; the newest
    erratum's hash must match the data (see `Edition.content_hash`).
    """

    date: _dt.date
    description: Text
    rows: tuple[str, ...] = ()
    content_hash: Sha256


class SearchHit(Frozen):
    """Where a search matched: the row, the column and the statement (0-based index).

    >>> from careers_impact import load_edition
    >>> hit = load_edition().search("alumni")[0]
    >>> hit.row, hit.column, hit.index
    ('3.8', 3, 2)
    """

    row: RowId
    column: ColumnNumber
    index: Annotated[int, Field(ge=0)]
    statement: str


class Edition(Frozen):
    """One published edition of the model for one kind of setting.

    The edition id never changes once published; corrections are recorded errata in a
    new package release, never a new id.

    >>> from careers_impact import load_edition
    >>> edition = load_edition("schools-2026")
    >>> len(edition.themes), len(edition.rows), edition.effective
    (6, 32, '2026-09')
    """

    format_version: Literal[1] = 1
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    title: Text
    setting: Text
    publisher: Text
    effective: (
        Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$")] | None
    ) = Field(
        default=None,
        description="When the edition takes effect, to the precision the source states "
        "(YYYY-MM or YYYY-MM-DD); null when the source gives no date.",
    )
    source: Text
    columns: tuple[ColumnDefinition, ...]
    themes: tuple[Theme, ...]
    change_log_title: Text | None = None
    guidance: tuple[GuidanceSection, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    source_notes: tuple[SourceNote, ...] = ()
    published_hash: Sha256 | None = Field(
        default=None,
        description="The content hash when the edition was published; null for a draft.",
    )
    errata: tuple[Erratum, ...] = ()

    @model_validator(mode="after")
    def _invariants(self) -> Edition:
        levels = tuple(column.level for column in self.columns)
        if levels != COLUMNS:
            raise ValueError(f"columns must be levels 1, 2, 3, 4 in order; found {list(levels)}")
        numbers = [theme.number for theme in self.themes]
        if numbers != sorted(set(numbers)):
            raise ValueError(f"theme numbers must be unique and ascending; found {numbers}")
        seen: set[str] = set()
        for theme in self.themes:
            for row in theme.rows:
                if row.id in seen:
                    raise ValueError(f"row id {row.id} appears more than once")
                seen.add(row.id)
        return self

    def _repr_html_(self) -> str:
        from careers_impact.notebook import edition_html

        return edition_html(self)

    def content_hash(self) -> str:
        """SHA-256 of the edition's content: everything but ``published_hash`` and ``errata``.

        A published edition's data changes only through a recorded erratum, so this
        equals the newest erratum's ``content_hash``, or ``published_hash`` if none.
        """
        import hashlib
        import json

        content = self.model_dump(mode="json", exclude={"published_hash", "errata"})
        canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def expected_hash(self) -> str | None:
        """The hash the content must have: the newest erratum's, else the published one."""
        return self.errata[-1].content_hash if self.errata else self.published_hash

    @cached_property
    def rows(self) -> tuple[Row, ...]:
        """Every row of the edition, theme by theme, in order."""
        return tuple(row for theme in self.themes for row in theme.rows)

    @cached_property
    def _rows_by_id(self) -> dict[str, Row]:
        return {row.id: row for row in self.rows}

    def row(self, row_id: str) -> Row:
        """The row with id ``row_id`` (e.g. ``"1.3"``).

        An unknown id raises `UnknownRowError`, suggesting close ids.
        """
        try:
            return self._rows_by_id[row_id]
        except (KeyError, TypeError):
            # difflib is only needed on this error path, so it stays out of import time.
            from difflib import get_close_matches

            close = get_close_matches(str(row_id), list(self._rows_by_id), n=3, cutoff=0.5)
            raise UnknownRowError(str(row_id), self.id, close) from None

    def theme(self, number: int) -> Theme:
        """The theme numbered ``number``; an unknown number raises `UnknownThemeError`."""
        for theme in self.themes:
            if theme.number == number:
                return theme
        raise UnknownThemeError(number, self.id, [t.number for t in self.themes])

    @property
    def benchmarks(self) -> tuple[Benchmark, ...]:
        """The Gatsby Benchmarks this edition's themes serve, in number order."""
        from careers_impact.editions import benchmark

        numbers = sorted({n for theme in self.themes for n in theme.benchmarks})
        return tuple(benchmark(n) for n in numbers)

    def rows_for_benchmark(self, number: int) -> tuple[Row, ...]:
        """The rows of every theme mapped to Gatsby Benchmark ``number`` (1 to 8).

        A number outside 1 to 8 raises ``ValueError``; a benchmark no theme serves gives
        an empty tuple.
        """
        if not isinstance(number, int) or not 1 <= number <= 8:
            raise ValueError(f"a Gatsby Benchmark number is 1 to 8, not {number!r}")
        return tuple(
            row for theme in self.themes if number in theme.benchmarks for row in theme.rows
        )

    def search(self, text: str) -> tuple[SearchHit, ...]:
        """Every statement that contains ``text``, ignoring case, in model order.

        >>> from careers_impact import load_edition
        >>> hits = load_edition().search("named careers leader")
        >>> (hits[0].row, hits[0].column)
        ('1.1', 1)
        """
        needle = text.casefold().strip()
        if not needle:
            raise ValueError("search text must not be empty")
        return tuple(
            SearchHit(row=row.id, column=cell.column, index=index, statement=statement)
            for row in self.rows
            for cell in row.cells
            for index, statement in enumerate(cell.statements)
            if needle in statement.casefold()
        )

    def source_notes_everywhere(self) -> tuple[tuple[str, SourceNote], ...]:
        """Every source note in the edition with where it is, e.g. ``("row 2.6 column 2", n)``."""
        found: list[tuple[str, SourceNote]] = [("edition", n) for n in self.source_notes]
        for theme in self.themes:
            found += [(f"theme {theme.number}", n) for n in theme.source_notes]
            for row in theme.rows:
                found += [(f"row {row.id}", n) for n in row.source_notes]
                for cell in row.cells:
                    found += [(f"row {row.id} column {cell.column}", n) for n in cell.source_notes]
        for term in self.glossary:
            found += [(f"glossary {term.term!r}", n) for n in term.source_notes]
        return tuple(found)
