"""CSV exports of summaries and comparisons that open safely in spreadsheet software.

A cell of user-supplied text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return) could run as a formula when the file is opened in a spreadsheet; such
cells are written with a leading apostrophe, the spreadsheet convention for "this is
text". Numbers and the model's own ids are written as they are.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from os import PathLike, fspath
from pathlib import Path
from typing import TYPE_CHECKING

from careers_impact.review import position_label

if TYPE_CHECKING:
    from careers_impact.collection import CollectionSummary
    from careers_impact.progression import Comparison
    from careers_impact.rollup import ReviewSummary

__all__ = ["neutralise", "write_collection_csv", "write_comparison_csv", "write_summary_csv"]

_RISKY = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text made safe to open in a spreadsheet: formula-like text gets a leading ``'``.

    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("Plan seen")
    ('\\'=HYPERLINK("http://x")', 'Plan seen')
    """
    return "'" + text if text.startswith(_RISKY) else text


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, bool | int):
        return str(value)
    return neutralise(str(value))


def _write(
    path: str | PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    with Path(fspath(path)).open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        out.writerows([_cell(v) for v in row] for row in rows)


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
