"""Tidy, typed tables of results, for pandas, Arrow, polars, DuckDB and Parquet.

One line per observation, columns documented on each function. Each table is described
once (`_Table`: its columns, their kinds, its records) and turned into a pandas
DataFrame (``pip install "careers-impact[pandas]"``) or a pyarrow Table
(``pip install "careers-impact[arrow]"``), so both have the same columns and types:

- positions, sources, rows and themes are **ordered categoricals** (Arrow: ordered
  dictionaries), so they sort and group as the model reads, not alphabetically;
- levels are small nullable integers, missing (``<NA>``/null) where there is no
  position: never a zero standing in for "no answer";
- dates are real dates (pandas ``datetime64``, Arrow ``date32``).

pyarrow was chosen for Arrow and Parquet because it is the reference implementation:
polars (``pl.from_arrow``) and DuckDB read its tables without copying and without
pandas. Neither library is imported anywhere in the core.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import singledispatch
from os import PathLike
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, get_args

from careers_impact._files import write_atomic
from careers_impact._hooks import (
    arrow,
    register_arrow,
    register_distribution_frame,
    register_frame,
)
from careers_impact.errors import MissingExtraError, ParameterError
from careers_impact.model.edition import Edition
from careers_impact.reviews.collection import CollectionSummary
from careers_impact.reviews.hub import MEASURES, SUPPRESS_BELOW, Hub, published_counts
from careers_impact.reviews.peer import PeerSet
from careers_impact.reviews.progression import MOVES, Comparison, Trajectory
from careers_impact.reviews.rollup import ReviewSummary, Source

if TYPE_CHECKING:
    from pandas import DataFrame
    from pyarrow import Table

__all__ = [
    "POSITIONS",
    "SOURCES",
    "collection_frame",
    "comparison_frame",
    "concat_frames",
    "distribution_frame",
    "edition_frame",
    "hub_frame",
    "peer_frame",
    "summary_frame",
    "to_arrow",
    "trajectory_frame",
    "write_parquet",
]

#: The ``position`` column's categories in their order: up the scale, then no position.
POSITIONS = ("not-yet", "1", "2", "3", "4", "not-reviewed", "not-applicable")
#: The ``source`` column's categories in their order.
SOURCES: tuple[str, ...] = get_args(Source)

Kind = Literal[
    "text", "level", "count", "maybe-count", "share", "flag", "maybe-flag", "date", "category"
]


class _Column(NamedTuple):
    name: str
    kind: Kind
    categories: tuple[str, ...] | tuple[int, ...] = ()


class _Table(NamedTuple):
    columns: tuple[_Column, ...]
    records: list[tuple[Any, ...]]


def _themes(numbers: Iterable[int | None]) -> _Column:
    """The ``theme`` column: the edition's theme numbers, as integers, the categories."""
    return _Column("theme", "category", tuple(sorted({n for n in numbers if n is not None})))


# -- The tables: what each result is, one line per observation ---------------------------


def _summary_table(summary: ReviewSummary) -> _Table:
    rows = tuple(o.row for o in summary.rows)
    columns = (
        _Column("edition", "text"),
        _Column("setting", "text"),
        _Column("setting_id", "text"),
        _Column("date", "date"),
        _Column("row", "category", rows),
        _Column("title", "text"),
        _Column("theme", "category", tuple(t.key for t in summary.themes)),
        _Column("source", "category", SOURCES),
        _Column("level", "level"),
        _Column("suggested_level", "level"),
        _Column("answers", "count"),
        _Column("spread", "level"),
        _Column("share", "share"),
        _Column("consensus", "share"),
        _Column("needs_discussion", "flag"),
    )
    records = [
        (
            summary.edition,
            summary.setting,
            summary.setting_id,
            summary.date,
            o.row,
            o.title,
            o.theme,
            o.source,
            o.level,
            o.suggestion.level,
            o.suggestion.count,
            o.suggestion.spread,
            o.suggestion.share,
            o.suggestion.consensus,
            o.suggestion.needs_discussion,
        )
        for o in summary.rows
    ]
    return _Table(columns, records)


def _collection_table(collection: CollectionSummary) -> _Table:
    rows = tuple(item.row for item in collection.rows)
    columns = (
        _Column("edition", "text"),
        _Column("setting", "text"),
        _Column("row", "category", rows),
        _Column("source", "category", SOURCES),
        _Column("level", "level"),
        _Column("answers", "count"),
        _Column("spread", "level"),
        _Column("share", "share"),
        _Column("needs_discussion", "flag"),
    )
    records = [(collection.edition, *item) for item in collection.setting_rows]
    return _Table(columns, records)


def _distribution_table(collection: CollectionSummary) -> _Table:
    rows = tuple(item.row for item in collection.rows)
    columns = (
        _Column("row", "category", rows),
        _Column("position", "category", POSITIONS),
        _Column("settings", "count"),
    )
    records = [
        (item.row, position, count)
        for item in collection.rows
        for position, count in zip(
            POSITIONS, (*item.counts, item.not_reviewed, item.not_applicable), strict=True
        )
    ]
    return _Table(columns, records)


def _comparison_table(comparison: Comparison) -> _Table:
    names = tuple(dict.fromkeys(m.row or "/".join(m.before_rows) for m in comparison.rows))
    columns = (
        _Column("setting", "text"),
        _Column("before_date", "date"),
        _Column("after_date", "date"),
        _Column("row", "category", names),
        _Column("before_rows", "text"),
        _Column("title", "text"),
        _themes(m.theme for m in comparison.rows),
        _Column("before", "level"),
        _Column("after", "level"),
        _Column("move", "category", MOVES),
        _Column("size", "level"),
        _Column("target", "level"),
        _Column("target_met", "maybe-flag"),
    )
    records = [
        (
            comparison.setting,
            comparison.before_date,
            comparison.after_date,
            m.row or "/".join(m.before_rows),
            " ".join(m.before_rows),
            m.title,
            m.theme,
            m.before,
            m.after,
            m.move,
            m.size,
            None if m.target is None else m.target.column,
            m.target_met,
        )
        for m in comparison.rows
    ]
    return _Table(columns, records)


def _trajectory_table(trajectory: Trajectory) -> _Table:
    rows = tuple(t.row for t in trajectory.rows)
    columns = (
        _Column("setting", "text"),
        _Column("date", "date"),
        _Column("row", "category", rows),
        _Column("title", "text"),
        _themes(t.theme for t in trajectory.rows),
        _Column("level", "level"),
    )
    records = [
        (trajectory.setting, date, t.row, t.title, t.theme, level)
        for t in trajectory.rows
        for date, level in zip(trajectory.dates, t.levels, strict=True)
    ]
    return _Table(columns, records)


def _edition_table(edition: Edition) -> _Table:
    rows = tuple(row.id for row in edition.rows)
    columns = (
        _Column("edition", "text"),
        _themes(theme.number for theme in edition.themes),
        _Column("row", "category", rows),
        _Column("title", "text"),
        _Column("column", "count"),
        _Column("statement", "count"),
        _Column("list_item", "flag"),
        _Column("text", "text"),
    )
    records = [
        (edition.id, row.theme, row.id, row.title, cell.column, index + 1,
         index in cell.list_items, text)
        for row in edition.rows
        for cell in row.cells
        for index, text in enumerate(cell.statements)
    ]  # fmt: skip
    return _Table(columns, records)


def _peer_table(peers: PeerSet) -> _Table:
    rows = tuple(r.row for r in peers.rows)
    columns = (
        _Column("setting", "category", peers.settings),
        _Column("date", "date"),
        _Column("row", "category", rows),
        _Column("title", "text"),
        _themes(r.theme for r in peers.rows),
        _Column("source", "category", SOURCES),
        _Column("level", "level"),
    )
    records = [
        (name, date, r.row, r.title, r.theme, r.sources[i], r.levels[i])
        for r in peers.rows
        for i, (name, date) in enumerate(zip(peers.settings, peers.dates, strict=True))
    ]
    return _Table(columns, records)


@singledispatch
def _table_of(result: object) -> _Table:
    raise ParameterError(
        f"no table for a {type(result).__name__}; tables are made of "
        f"{', '.join(sorted(cls.__name__ for cls in _table_of.registry if cls is not object))}"
    )


_table_of.register(PeerSet)(_peer_table)
_table_of.register(ReviewSummary)(_summary_table)
_table_of.register(CollectionSummary)(_collection_table)
_table_of.register(Comparison)(_comparison_table)
_table_of.register(Trajectory)(_trajectory_table)
_table_of.register(Edition)(_edition_table)


# -- pandas ---------------------------------------------------------------------------


def _pandas() -> Any:  # pandas ships no types of its own
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("DataFrames", "pandas") from None
    return pandas


_PANDAS_TYPES = {
    "level": "Int8",
    "count": "int64",
    "maybe-count": "Int64",
    "share": "float64",
    "flag": "bool",
}


def _frame(table: _Table) -> DataFrame:
    pd = _pandas()
    names = [column.name for column in table.columns]
    frame = pd.DataFrame.from_records(table.records, columns=names)
    for column in table.columns:
        values = frame[column.name]
        if column.kind == "category":
            frame[column.name] = values.astype(
                pd.CategoricalDtype(list(column.categories), ordered=True)
            )
        elif column.kind == "date":
            frame[column.name] = pd.to_datetime(values)
        elif column.kind == "maybe-flag":
            frame[column.name] = values.astype("boolean")
        elif column.kind in _PANDAS_TYPES:
            frame[column.name] = values.astype(_PANDAS_TYPES[column.kind])
    return frame


@register_frame(ReviewSummary)
def summary_frame(summary: ReviewSummary) -> DataFrame:
    """One line per row of a review: its position, source and the suggestion's figures.

    Columns: ``edition``, ``setting``, ``setting_id`` (the URN or UKPRN where the review
    gives one), ``date``, ``row``, ``title``, ``theme``, ``source`` (agreed, suggested,
    not-reviewed, not-applicable), ``level`` (0 not yet to 4; missing without a
    position), ``suggested_level``, ``answers``, ``spread``, ``share``, ``consensus``,
    ``needs_discussion``.
    """
    return _frame(_summary_table(summary))


@register_frame(CollectionSummary)
def collection_frame(collection: CollectionSummary) -> DataFrame:
    """One line per setting and row: ``edition``, ``setting`` (its identifier where it has
    one, else its name), ``row``, ``source``, ``level``, ``answers``, ``spread``,
    ``share``, ``needs_discussion``."""
    return _frame(_collection_table(collection))


@register_distribution_frame(CollectionSummary)
def distribution_frame(collection: CollectionSummary) -> DataFrame:
    """One line per row and position (`POSITIONS`: ``not-yet``, ``1`` … ``4``,
    ``not-reviewed``, ``not-applicable``) with the number of ``settings`` there."""
    return _frame(_distribution_table(collection))


@register_frame(Comparison)
def comparison_frame(comparison: Comparison) -> DataFrame:
    """One line per row compared: ``setting``, ``before_date``, ``after_date``, ``row``
    (in the later edition; ids joined by "/" for a retired row), ``before_rows``,
    ``title``, ``theme``, ``before``, ``after``, ``move``, ``size``, ``target`` (the
    earlier review's target column) and ``target_met``."""
    return _frame(_comparison_table(comparison))


@register_frame(Trajectory)
def trajectory_frame(trajectory: Trajectory) -> DataFrame:
    """One line per row and review: ``setting``, ``date``, ``row``, ``title``, ``theme``,
    ``level`` (missing where the row had no position that time)."""
    return _frame(_trajectory_table(trajectory))


@register_frame(PeerSet)
def peer_frame(peers: PeerSet) -> DataFrame:
    """One line per setting and row of a peer set: ``setting`` (in the set's order),
    ``date``, ``row``, ``title``, ``theme``, ``source``, ``level``."""
    return _frame(_peer_table(peers))


def _hub_table(hub: Hub, suppress_below: int) -> _Table:
    columns = (
        _Column("group", "category", ("theme", "benchmark", "row", "moves")),
        _Column("key", "text"),
        _Column("title", "text"),
        _Column("measure", "category", MEASURES),
        _Column("settings", "maybe-count"),
    )
    return _Table(columns, published_counts(hub, suppress_below=suppress_below))


@register_frame(Hub)
def hub_frame(hub: Hub, *, suppress_below: int = SUPPRESS_BELOW) -> DataFrame:
    """A hub's `careers_impact.reviews.hub.published_counts`, one line per count: ``group``,
    ``key``, ``title``, ``measure``, ``settings`` (missing where withheld)."""
    return _frame(_hub_table(hub, suppress_below))


@register_frame(Edition)
def edition_frame(edition: Edition) -> DataFrame:
    """One line per descriptor statement, verbatim: ``edition``, ``theme``, ``row``,
    ``title``, ``column`` (1–4), ``statement`` (its place in the cell, from 1),
    ``list_item`` (whether it is a bullet of a list) and ``text``."""
    return _frame(_edition_table(edition))


def concat_frames(frames: Sequence[DataFrame]) -> DataFrame:
    """Several results' DataFrames as one, their categories kept: a categorical column
    (``row``, ``theme``, ``source`` …) takes the union of the frames' categories, each
    frame's in its own order, first frame first (so rows read in edition order).

    pandas' own ``concat`` turns a categorical column whose categories differ (a schools
    and a colleges summary's rows) into plain text; this does not.

    >>> from careers_impact import summarise
    >>> from careers_impact.examples import demo_review
    >>> frames = [summarise(demo_review()).to_frame()] * 2
    >>> both = concat_frames(frames)
    >>> len(both), str(both["row"].dtype)
    (64, 'category')
    """
    pd = _pandas()
    if not frames:
        raise ParameterError("no frames to put together")
    union: dict[str, list[Any]] = {}
    for frame in frames:
        for name in frame.columns:
            if isinstance(frame[name].dtype, pd.CategoricalDtype):
                seen = union.setdefault(name, [])
                seen += [c for c in frame[name].cat.categories if c not in seen]
    made = []
    for frame in frames:
        frame = frame.copy()
        for name, categories in union.items():
            if name in frame.columns:
                frame[name] = frame[name].astype(pd.CategoricalDtype(categories, ordered=True))
        made.append(frame)
    return pd.concat(made, ignore_index=True)


# -- Arrow and Parquet ----------------------------------------------------------------


def _pyarrow() -> Any:  # nor does pyarrow
    try:
        import pyarrow
    except ImportError:
        raise MissingExtraError("Arrow tables and Parquet", "arrow") from None
    return pyarrow


def _arrow_column(pa: Any, column: _Column, values: Sequence[Any]) -> Any:
    if column.kind == "category" and column.categories and isinstance(column.categories[0], int):
        # Theme numbers: plain integers in Arrow (Parquet keeps only text dictionaries).
        return pa.array(values, pa.int8())
    if column.kind == "category":
        index = {category: number for number, category in enumerate(column.categories)}
        codes = pa.array([None if v is None else index[v] for v in values], pa.int16())
        return pa.DictionaryArray.from_arrays(codes, list(column.categories), ordered=True)
    types = {
        "text": pa.string(),
        "level": pa.int8(),
        "count": pa.int64(),
        "maybe-count": pa.int64(),
        "share": pa.float64(),
        "flag": pa.bool_(),
        "maybe-flag": pa.bool_(),
        "date": pa.date32(),
    }
    return pa.array(values, types[column.kind])


def to_arrow(result: object) -> Table:
    """A result as a pyarrow Table with the same columns as its DataFrame.

    ``result`` is a `ReviewSummary`, `CollectionSummary` (its setting-rows),
    `Comparison`, `Trajectory`, `PeerSet` or `Edition`. polars reads it with ``pl.from_arrow``,
    DuckDB by name; neither needs pandas.
    """
    return _arrow_of(_table_of(result))


def hub_arrow(hub: Hub, *, suppress_below: int = SUPPRESS_BELOW) -> Table:
    """A hub's published counts (see `hub_frame`) as a pyarrow Table, withheld as there."""
    return _arrow_of(_hub_table(hub, suppress_below))


def _arrow_of(table: _Table) -> Table:
    pa = _pyarrow()
    columns = list(zip(*table.records, strict=True)) or [() for _ in table.columns]
    return pa.table(
        {
            column.name: _arrow_column(pa, column, values)
            for column, values in zip(table.columns, columns, strict=True)
        }
    )


for _cls in (ReviewSummary, CollectionSummary, Comparison, Trajectory, PeerSet, Edition):
    register_arrow(_cls)(to_arrow)
register_arrow(Hub)(hub_arrow)


def write_parquet(result: object | Sequence[object], path: str | PathLike[str]) -> None:
    """Write a result's table (see `to_arrow`), or the tables of several results of one
    kind one after another (a hub's reviews year by year), to a Parquet file, atomically.

    Reading it back (``pyarrow.parquet.read_table``) gives an equal table: categories
    keep their order, dates stay dates.

    >>> import tempfile, pathlib
    >>> from pyarrow import parquet
    >>> from careers_impact import summarise
    >>> from careers_impact.examples import demo_review
    >>> summary = summarise(demo_review())
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = pathlib.Path(folder) / "review.parquet"
    ...     write_parquet(summary, path)
    ...     parquet.read_table(path).equals(summary.to_arrow())
    True
    """
    results = list(result) if isinstance(result, list | tuple) else [result]
    tables = [arrow(each) for each in results]
    if not tables:
        raise ParameterError("no results to write: give a result, or a list of them")
    import pyarrow
    from pyarrow import parquet

    try:
        # Categories differ from table to table (a setting's name, an edition's rows):
        # one dictionary for the file, each value kept.
        table = pyarrow.concat_tables(tables).unify_dictionaries()
    except pyarrow.ArrowInvalid as error:
        raise ParameterError(f"the results' tables differ in their columns: {error}") from None

    write_atomic(path, lambda handle: parquet.write_table(table, handle))
