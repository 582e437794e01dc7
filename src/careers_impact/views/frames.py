"""Tidy pandas DataFrames of summaries, for analysts (``pip install "careers-impact[pandas]"``).

pandas is imported here, inside each function, and nowhere in the core: importing
careers_impact never imports pandas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from careers_impact.errors import MissingExtraError
from careers_impact.rollup import Source

if TYPE_CHECKING:
    from careers_impact.collection import CollectionSummary
    from careers_impact.rollup import ReviewSummary

__all__ = ["POSITIONS", "SOURCES", "collection_frame", "distribution_frame", "summary_frame"]

#: The ``position`` column's categories in their order: up the scale, then no position.
POSITIONS = ("not-yet", "1", "2", "3", "4", "not-reviewed", "not-applicable")
#: The ``source`` column's categories in their order.
SOURCES: tuple[str, ...] = get_args(Source)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("DataFrames", "pandas") from None
    return pandas


def _ordered(frame: Any, column: str, categories: tuple[str, ...]) -> None:
    # Ordered categoricals sort and group as the scale reads, not alphabetically.
    frame[column] = frame[column].astype(_pandas().CategoricalDtype(list(categories), ordered=True))


def summary_frame(summary: ReviewSummary) -> Any:
    """One line per row of a review summary: position, source and the suggestion's figures.

    ``level`` is 0 (not yet) to 4, or missing (``<NA>``) for rows not reviewed or not
    applicable.
    """
    pd = _pandas()
    records = [
        {
            "edition": summary.edition,
            "setting": summary.setting,
            "date": summary.date,
            "row": o.row,
            "title": o.title,
            "theme": o.theme,
            "source": o.source,
            "level": o.level,
            "suggested_level": o.suggestion.level,
            "answers": o.suggestion.count,
            "spread": o.suggestion.spread,
            "share": o.suggestion.share,
            "consensus": o.suggestion.consensus,
            "needs_discussion": o.suggestion.needs_discussion,
        }
        for o in summary.rows
    ]
    frame = pd.DataFrame.from_records(records)
    for column in ("level", "suggested_level", "spread"):
        frame[column] = frame[column].astype("Int8")
    _ordered(frame, "source", SOURCES)
    return frame


def collection_frame(collection: CollectionSummary) -> Any:
    """One line per setting and row: position, source and the suggestion's figures."""
    pd = _pandas()
    frame = pd.DataFrame.from_records(
        collection.setting_rows,
        columns=list(collection.setting_rows[0]._fields) if collection.setting_rows else None,
    )
    frame.insert(0, "edition", collection.edition)
    for column in ("level", "spread"):
        frame[column] = frame[column].astype("Int8")
    _ordered(frame, "source", SOURCES)
    return frame


def distribution_frame(collection: CollectionSummary) -> Any:
    """One line per row and position (`POSITIONS`, an ordered categorical: ``not-yet``,
    ``1`` … ``4``, ``not-reviewed``, ``not-applicable``) with the number of settings there."""
    pd = _pandas()
    records = [
        {"row": item.row, "position": position, "settings": count}
        for item in collection.rows
        for position, count in zip(
            POSITIONS, (*item.counts, item.not_reviewed, item.not_applicable), strict=True
        )
    ]
    frame = pd.DataFrame.from_records(records)
    _ordered(frame, "position", POSITIONS)
    return frame
