"""Readable HTML for Jupyter: editions, rows, review summaries and comparisons.

Each model's ``_repr_html_`` calls one of these. They use only the standard library
(``html.escape`` for every piece of text), so notebooks need no extra to display them.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

from careers_impact.review import position_label

if TYPE_CHECKING:
    from careers_impact.model import Block, Edition, Row
    from careers_impact.progression import Comparison
    from careers_impact.rollup import ReviewSummary

__all__ = ["blocks_html", "comparison_html", "edition_html", "row_html", "summary_html"]

_STYLE = (
    "<style>.ci-table{border-collapse:collapse}.ci-table td,.ci-table th{border:1px solid "
    "#bbb;padding:2px 6px;text-align:left;vertical-align:top}</style>"
)


def _table(headers: list[str], rows: list[list[str]], caption: str) -> str:
    head = "".join(f"<th scope='col'>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"{_STYLE}<table class='ci-table'><caption>{escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def edition_html(edition: Edition) -> str:
    """An edition: its themes, benchmarks and rows, one line per row."""
    rows = [
        [
            escape(row.id),
            escape(row.title),
            str(row.theme),
            str(sum(len(c.statements) for c in row.cells)),
        ]
        for row in edition.rows
    ]
    caption = (
        f"{edition.title} ({edition.id}): {len(edition.themes)} themes, {len(edition.rows)} rows"
    )
    return _table(["Row", "Title", "Theme", "Statements"], rows, caption)


def blocks_html(blocks: Iterable[Block]) -> str:
    """Paragraphs and bullet lists as HTML, every text escaped.

    >>> from careers_impact.model import blocks
    >>> blocks_html(blocks(("Aims:", "a <b>", "c"), (1, 2)))
    '<p>Aims:</p><ul><li>a &lt;b&gt;</li><li>c</li></ul>'
    """
    return "".join(
        "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in block.texts) + "</ul>"
        if block.kind == "list"
        else f"<p>{escape(block.texts[0])}</p>"
        for block in blocks
    )


def row_html(row: Row) -> str:
    """A row with its four columns' statements side by side, lists as lists."""
    cells = [
        blocks_html(cell.blocks)
        + "".join(f"<p><em>Source note: {escape(n.detail)}</em></p>" for n in cell.source_notes)
        for cell in row.cells
    ]
    return _table(
        ["Column 1", "Column 2", "Column 3", "Column 4"], [cells], f"{row.id} {row.title}"
    )


def summary_html(summary: ReviewSummary) -> str:
    """A review summary: one line per row with its position, source and spread."""
    rows = []
    for o in summary.rows:
        s = o.suggestion
        rows.append(
            [
                escape(o.row),
                escape(o.title),
                escape(o.label),
                escape(o.source),
                str(s.count),
                "" if s.spread is None else str(s.spread),
                "discuss" if s.needs_discussion else "",
            ]
        )
    caption = f"Review of {summary.setting}, {summary.date} ({summary.edition})"
    return _table(["Row", "Title", "Position", "Source", "Answers", "Spread", ""], rows, caption)


def comparison_html(comparison: Comparison) -> str:
    """A comparison: one line per row with before, after and the move."""
    rows = [
        [
            escape(m.row or "/".join(m.before_rows)),
            escape(m.title),
            escape(position_label(m.before)),
            escape(position_label(m.after)),
            escape(m.move),
        ]
        for m in comparison.rows
    ]
    caption = (
        f"{comparison.setting}: {comparison.before_date} ({comparison.before_edition}) to "
        f"{comparison.after_date} ({comparison.after_edition})"
    )
    return _table(["Row", "Title", "Before", "After", "Move"], rows, caption)
