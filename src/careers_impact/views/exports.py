"""CSV exports of summaries and comparisons that open safely in spreadsheet software.

A cell of user-supplied text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return) could run as a formula when the file is opened in a spreadsheet; such
cells, and cells already starting with an apostrophe, are written with a leading
apostrophe, the spreadsheet convention for "this is text". Numbers and the model's own
ids are written as they are. It is the one scheme of every CSV the package writes, and
its readers undo it. Files are written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from os import PathLike
from typing import TYPE_CHECKING

from careers_impact.files._table import safe_cell, write_csv
from careers_impact.reviews.hub import SUPPRESS_BELOW, published_counts
from careers_impact.reviews.vocabulary import position_label

if TYPE_CHECKING:
    from careers_impact.reviews.collection import CollectionSummary
    from careers_impact.reviews.hub import Hub
    from careers_impact.reviews.progression import Comparison
    from careers_impact.reviews.rollup import ReviewSummary

__all__ = [
    "neutralise",
    "write_collection_csv",
    "write_comparison_csv",
    "write_hub_csv",
    "write_summary_csv",
]


def neutralise(text: str) -> str:
    """Text made safe to open in a spreadsheet: formula-like text, and text already
    starting with ``'``, gets a leading ``'``. The package's readers remove it again, so
    every CSV the package writes reads back equal.

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("Plan seen")
    ('\\'=HYPERLINK("http://x")', 'Plan seen')
    """
    return safe_cell(text)


def _write(
    path: str | PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    write_csv(path, [header, *rows])


def write_summary_csv(summary: ReviewSummary, path: str | PathLike[str]) -> None:
    """One line per row: position, source, the suggestion's figures, rationale and target.

    >>> import pathlib, tempfile
    >>> from careers_impact import summarise
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "summary.csv"
    >>> write_summary_csv(summarise(demo_review()), path)
    >>> path.read_text(encoding="utf-8-sig").splitlines()[1][:50]
    'Northfield Academy (fictional example),2026-10-05,'
    """
    header = (
        "setting",
        "date",
        "edition",
        "row",
        "title",
        "theme",
        "position",
        "level",
        "source",
        "suggested",
        "answers",
        "spread",
        "share",
        "needs_discussion",
        "rationale",
        "target",
        "target_by",
    )
    rows = (
        (
            summary.setting,
            summary.date,
            summary.edition,
            o.row,
            o.title,
            o.theme,
            o.label,
            o.level,
            o.source,
            position_label(o.suggestion.level) if o.suggestion.level is not None else "",
            o.suggestion.count,
            o.suggestion.spread,
            o.suggestion.share,
            o.suggestion.needs_discussion,
            o.rationale,
            o.target.column if o.target else None,
            o.target.by.isoformat() if o.target and o.target.by else None,
        )
        for o in summary.rows
    )
    _write(path, header, rows)


def write_comparison_csv(comparison: Comparison, path: str | PathLike[str]) -> None:
    """One line per row: before, after, the move and its size, and any earlier target.

    >>> import pathlib, tempfile
    >>> from careers_impact import compare
    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "moves.csv"
    >>> write_comparison_csv(compare(demo_earlier_review(), demo_review()), path)
    >>> len(path.read_text(encoding="utf-8-sig").splitlines())
    33
    """
    header = (
        "setting",
        "before_date",
        "after_date",
        "row",
        "before_rows",
        "title",
        "link",
        "before",
        "after",
        "move",
        "size",
        "target",
        "target_met",
    )
    rows = (
        (
            comparison.setting,
            comparison.before_date,
            comparison.after_date,
            m.row,
            " ".join(m.before_rows),
            m.title,
            m.link,
            m.before,
            m.after,
            m.move,
            m.size,
            m.target.column if m.target else None,
            m.target_met,
        )
        for m in comparison.rows
    )
    _write(path, header, rows)


def write_collection_csv(collection: CollectionSummary, path: str | PathLike[str]) -> None:
    """One line per setting and row, as `CollectionSummary.to_frame` without pandas.

    >>> import pathlib, tempfile
    >>> from careers_impact import summarise_collection
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "hub.csv"
    >>> write_collection_csv(summarise_collection([demo_review()]), path)
    >>> path.read_text(encoding="utf-8-sig").splitlines()[0]
    'edition,setting,row,source,level,answers,spread,share,needs_discussion'
    """
    header = (
        ("edition", *collection.setting_rows[0]._fields)
        if collection.setting_rows
        else ("edition",)
    )
    _write(path, header, ((collection.edition, *item) for item in collection.setting_rows))


def write_hub_csv(
    hub: Hub, path: str | PathLike[str], *, suppress_below: int = SUPPRESS_BELOW
) -> None:
    """A hub's counts for publication, one per line (see `reviews.hub.published_counts`).

    Counts from 1 to ``suppress_below - 1`` read ``suppressed`` (with secondary
    suppression); ``suppress_below=0`` writes every count, for use inside the hub.

    >>> import pathlib, tempfile
    >>> from careers_impact import summarise_hub
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "hub.csv"
    >>> write_hub_csv(summarise_hub([demo_review()]), path)
    >>> path.read_text(encoding="utf-8-sig").splitlines()[4].split(",")[-2:]
    ['3', 'suppressed']
    """
    lines = published_counts(hub, suppress_below=suppress_below)
    rows = ((*line[:4], "suppressed" if line[4] is None else line[4]) for line in lines)
    _write(path, ("group", "key", "title", "measure", "settings"), rows)
