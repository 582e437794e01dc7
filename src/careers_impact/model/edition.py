"""The Careers Impact Maturity Model as typed, immutable objects.

An `Edition` has `Theme` s, each with `Row` s; each row has four
`Cell` s, one per column, holding the model's descriptor statements word for
word. Damage in the published source is recorded next to the text it concerns, as
`SourceNote` s, never mended in place.

Every run of statements (a cell, a change-log field, a guidance section, a glossary
definition) keeps the source's bullet lists: the statements stay a tuple of strings,
and ``list_items`` beside them says which are list items; `blocks` groups them into
paragraphs and lists for the views.
"""

from __future__ import annotations

import datetime as _dt
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Literal, NamedTuple

from pydantic import Field, StringConstraints, model_validator

from careers_impact._base import FILE_FORMAT, ColumnNumber, Frozen, RowId, Text, say_pattern
from careers_impact._hooks import arrow, frame, html
from careers_impact.errors import (
    MissingExtraError,
    ParameterError,
    UnknownRowError,
    UnknownThemeError,
)
from careers_impact.model.gatsby import (
    Benchmark,
    BenchmarkNumber,
    BenchmarkTitle,
    Revision,
    benchmark,
)

if TYPE_CHECKING:
    from pandas import DataFrame
    from pyarrow import Table

__all__ = [
    "COLUMNS",
    "FORMAT_VERSION",
    "Benchmark",
    "BenchmarkTitle",
    "Block",
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
    "blocks",
]

#: The four columns of every row, in order.
COLUMNS: tuple[int, int, int, int] = (1, 2, 3, 4)

ThemeNumber = Annotated[int, Field(ge=1, le=9)]
#: Indices (0-based, ascending) of the statements that are bullet-list items; consecutive
#: indices form one list. Every other statement is a paragraph, list intros included.
ListItems = Annotated[
    tuple[Annotated[int, Field(ge=0)], ...],
    Field(description="0-based indices of the statements that are bullet-list items."),
]

#: The edition file format this package writes; it reads this and every earlier one.
FORMAT_VERSION: Literal[2] = 2


def _check_statements(statements: tuple[str, ...], where: str) -> None:
    for index, statement in enumerate(statements):
        if statement != statement.strip():
            raise ValueError(f"{where} statement {index} has leading or trailing white space")
        if not statement:
            raise ValueError(f"{where} statement {index} is empty")


def _check_list_items(list_items: tuple[int, ...], count: int, where: str) -> None:
    if list(list_items) != sorted(set(list_items)):
        raise ValueError(f"{where} list items must be ascending and unique: {list(list_items)}")
    if list_items and list_items[-1] >= count:
        raise ValueError(
            f"{where} list item {list_items[-1]} is past the last of {count} statements"
        )


class Block(NamedTuple):
    """A paragraph (one text) or a bullet list (its items), in source order.

    >>> from careers_impact import load_edition
    >>> [block.kind for block in load_edition().row("1.7").cell(4).blocks]
    ['paragraph', 'paragraph', 'list', 'paragraph']
    """

    kind: Literal["paragraph", "list"]
    texts: tuple[str, ...]


def blocks(statements: tuple[str, ...], list_items: tuple[int, ...] = ()) -> tuple[Block, ...]:
    """Group statements into paragraphs and bullet lists: the one rule every view uses.

    Consecutive list items form one list; every other statement is a paragraph.

    >>> parts = blocks(("Supporting:", "planning", "review", "Then this."), (1, 2))
    >>> [(part.kind, len(part.texts)) for part in parts]
    [('paragraph', 1), ('list', 2), ('paragraph', 1)]
    """
    items = set(list_items)
    out: list[Block] = []
    for index, text in enumerate(statements):
        if index in items and index - 1 in items and out:
            out[-1] = Block("list", (*out[-1].texts, text))
        else:
            out.append(Block("list" if index in items else "paragraph", (text,)))
    return tuple(out)


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


class Cell(Frozen):
    """The descriptor statements of one row at one column, in source order.

    >>> from careers_impact import load_edition
    >>> load_edition().row("1.1").cell(1).statements
    ('There is a named Careers Leader.',)
    """

    column: ColumnNumber
    statements: tuple[str, ...]
    list_items: ListItems = ()
    source_notes: tuple[SourceNote, ...] = ()

    @model_validator(mode="after")
    def _statements_present(self) -> Cell:
        _check_statements(self.statements, f"column {self.column}")
        _check_list_items(self.list_items, len(self.statements), f"column {self.column}")
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

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The statements as paragraphs and bullet lists, in source order (see `blocks`).

        >>> from careers_impact import load_edition
        >>> [b.kind for b in load_edition().row("2.1").cell(1).blocks]
        ['paragraph', 'list']
        """
        return blocks(self.statements, self.list_items)


#: The fields of a row's change-log entry that hold statements.
ChangeField = Literal["purpose", "core_elements", "reason"]


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
    purpose_list_items: ListItems = ()
    core_elements_list_items: ListItems = ()
    reason_list_items: ListItems = ()

    @model_validator(mode="after")
    def _lists_inside(self) -> RowChange:
        for field in ("purpose", "core_elements", "reason"):
            texts = getattr(self, field)
            _check_list_items(getattr(self, f"{field}_list_items"), len(texts), field)
        return self

    def blocks(self, field: ChangeField) -> tuple[Block, ...]:
        """One field's statements as paragraphs and bullet lists (see `blocks`)."""
        return blocks(getattr(self, field), getattr(self, f"{field}_list_items"))


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
        return html(self)

    def cell(self, column: int) -> Cell:
        """The cell at ``column`` (1 to 4); any other column raises ``ValueError``."""
        if column not in COLUMNS:
            raise ParameterError(f"column must be 1, 2, 3 or 4, not {column!r}")
        return self.cells[column - 1]


class ThemeChange(Frozen):
    """A theme's entry in the edition's change log: its summary and context.

    >>> from careers_impact import load_edition
    >>> load_edition().theme(1).change.summary[0][:40]
    'Theme 1 has been strengthened to positio'
    """

    summary: tuple[Text, ...]
    context: tuple[Text, ...]
    summary_list_items: ListItems = ()
    context_list_items: ListItems = ()

    @model_validator(mode="after")
    def _lists_inside(self) -> ThemeChange:
        _check_list_items(self.summary_list_items, len(self.summary), "summary")
        _check_list_items(self.context_list_items, len(self.context), "context")
        return self

    def blocks(self, field: Literal["summary", "context"]) -> tuple[Block, ...]:
        """One field's statements as paragraphs and bullet lists (see `blocks`)."""
        return blocks(getattr(self, field), getattr(self, f"{field}_list_items"))


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

    def _repr_html_(self) -> str:
        return html(self)

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
    list_items: ListItems = ()

    @model_validator(mode="after")
    def _lists_inside(self) -> GuidanceSection:
        _check_list_items(self.list_items, len(self.statements), repr(self.heading))
        return self

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The statements as paragraphs and bullet lists, in source order (see `blocks`)."""
        return blocks(self.statements, self.list_items)


class GlossaryTerm(Frozen):
    """A glossary entry: the term and its definition, verbatim.

    >>> from careers_impact import load_edition
    >>> load_edition("colleges").glossary[0].term
    'Careers in the curriculum'
    """

    term: Text
    definition: tuple[Text, ...]
    list_items: ListItems = ()
    source_notes: tuple[SourceNote, ...] = ()

    @model_validator(mode="after")
    def _lists_inside(self) -> GlossaryTerm:
        _check_list_items(self.list_items, len(self.definition), repr(self.term))
        return self

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The definition as paragraphs and bullet lists, in source order (see `blocks`)."""
        return blocks(self.definition, self.list_items)


SHA256 = say_pattern(r"^[0-9a-f]{64}$", "64 lower-case hexadecimal digits")
EDITION_ID = say_pattern(
    r"^[a-z0-9]+(-[a-z0-9]+)*$",
    "lower-case letters and digits, in words joined by hyphens, such as 'schools-2027'",
)
YEAR_MONTH = say_pattern(
    r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$", "a month such as '2026-09', or a date such as '2026-09-01'"
)
Sha256 = Annotated[str, StringConstraints(pattern=SHA256)]


class Erratum(Frozen):
    """A recorded change to a published edition's data: what changed, why, and when.

    ``kind`` says whose change it is: ``erratum``, a correction the model's publisher
    issued; ``correction``, a transcription error of this package's put right (the
    published text never changed); ``format``, the same text recorded in a richer
    form (e.g. bullet lists marked as lists). ``content_hash`` is the edition's content
    hash after the change; the newest entry's hash must match the data (see
    `Edition.content_hash`).
    """

    date: _dt.date
    kind: Literal["erratum", "correction", "format"] = "erratum"
    description: Text
    reason: Text | None = None
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

    _repr_fields = ("id", "title", "effective", "themes", "rows", "benchmark_revision")

    model_config = FILE_FORMAT

    format_version: Literal[1, 2] = FORMAT_VERSION
    id: Annotated[str, StringConstraints(pattern=EDITION_ID)]
    title: Text
    setting: Text
    publisher: Text
    effective: Annotated[str, StringConstraints(pattern=YEAR_MONTH)] | None = Field(
        default=None,
        description="When the edition takes effect, to the precision the source states "
        "(YYYY-MM or YYYY-MM-DD); null when the source gives no date.",
    )
    source: Text
    benchmark_revision: Revision | None = Field(
        default=None,
        description="The revision of the Gatsby Benchmarks its themes are mapped to "
        "(2014 or 2025); null where unknown.",
    )
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

    def to_frame(self) -> DataFrame:
        """One line per descriptor statement, as a tidy DataFrame (``careers-impact[pandas]``)."""
        return frame(self)

    def to_arrow(self) -> Table:
        """The same table as a pyarrow Table (needs ``careers-impact[arrow]``)."""
        return arrow(self)

    def _repr_html_(self) -> str:
        return html(self)

    def content_hash(self) -> str:
        """SHA-256 of the edition's content: everything but ``published_hash`` and ``errata``.

        The content is the edition's JSON document (every field, defaults included)
        without those two keys, in the RFC 8785 JSON Canonicalization Scheme form, so
        any language with a JCS implementation computes the same hash. A published
        edition's data changes only through a recorded erratum, so this equals the
        newest erratum's ``content_hash``, or ``published_hash`` if none. Needs the
        ``hash`` extra (``rfc8785``).
        """
        import hashlib

        try:
            import rfc8785
        except ImportError:
            raise MissingExtraError("the content hash", "hash") from None
        content = self.model_dump(mode="json", exclude={"published_hash", "errata"})
        return hashlib.sha256(rfc8785.dumps(content)).hexdigest()

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
        numbers = sorted({n for theme in self.themes for n in theme.benchmarks})
        return tuple(benchmark(n) for n in numbers)

    def rows_for_benchmark(self, number: int) -> tuple[Row, ...]:
        """The rows of every theme mapped to Gatsby Benchmark ``number`` (1 to 8).

        A number outside 1 to 8 raises ``ValueError``; a benchmark no theme serves gives
        an empty tuple.
        """
        if not isinstance(number, int) or not 1 <= number <= 8:
            raise ParameterError(f"a Gatsby Benchmark number is 1 to 8, not {number!r}")
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
            raise ParameterError("search text must not be empty")
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
