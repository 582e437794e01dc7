"""Readable HTML for Jupyter: editions, rows, reviews, summaries, comparisons and collections.

Each model's ``_repr_html_`` calls one of these. They use only the standard library
(``html.escape`` for every piece of text), so notebooks need no extra to display them.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from careers_impact._hooks import register_html
from careers_impact.model.edition import Block, Edition, Row, Theme
from careers_impact.reviews.collection import CollectionSummary
from careers_impact.reviews.peer import PeerSet
from careers_impact.reviews.progression import Comparison, Trajectory
from careers_impact.reviews.review import Review
from careers_impact.reviews.rollup import ReviewSummary, RowOutcome
from careers_impact.reviews.vocabulary import answer_label, answer_text, position_label

__all__ = [
    "blocks_html",
    "collection_html",
    "comparison_html",
    "edition_html",
    "outcome_html",
    "peer_html",
    "review_html",
    "row_html",
    "summary_html",
    "theme_html",
    "trajectory_html",
]

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


@register_html(Edition)
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

    >>> from careers_impact.model.edition import blocks
    >>> blocks_html(blocks(("Aims:", "a <b>", "c"), (1, 2)))
    '<p>Aims:</p><ul><li>a &lt;b&gt;</li><li>c</li></ul>'
    """
    return "".join(
        "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in block.texts) + "</ul>"
        if block.kind == "list"
        else f"<p>{escape(block.texts[0])}</p>"
        for block in blocks
    )


@register_html(Row)
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


@register_html(RowOutcome)
def outcome_html(outcome: RowOutcome) -> str:
    """One row of a review: where it stands, why, and its next step."""
    cells = [
        escape(outcome.label),
        escape(outcome.source),
        escape(outcome.explain()),
        blocks_html(outcome.next_step_blocks),
    ]
    return _table(
        ["Position", "Source", "Why", "Next step"], [cells], f"{outcome.row} {outcome.title}"
    )


@register_html(ReviewSummary)
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


@register_html(Comparison)
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


@register_html(Theme)
def theme_html(theme: Theme) -> str:
    """A theme: its rows, one line each."""
    rows = [[escape(row.id), escape(row.title)] for row in theme.rows]
    return _table(["Row", "Title"], rows, f"Theme {theme.number}: {theme.title}")


@register_html(Review)
def review_html(review: Review) -> str:
    """A review's record: per row, the colleagues' answers and any agreed position."""
    rows = []
    recorded = [r.row for r in review.reflections] + [a.row for a in review.agreed]
    for row in sorted(set(recorded), key=lambda row: tuple(map(int, row.split(".")))):
        agreed = review.agreed_position(row)
        rows.append(
            [
                escape(row),
                escape(", ".join(answer_text(answer) for answer in review.answers(row))),
                "" if agreed is None else escape(answer_label(agreed.position)),
            ]
        )
    caption = (
        f"Review of {review.setting.name}, {review.date} ({review.edition}): "
        f"{len(review.participants)} colleagues, {len(review.reflections)} answers"
    )
    return _table(["Row", "Answers", "Agreed"], rows, caption)


@register_html(Trajectory)
def trajectory_html(trajectory: Trajectory) -> str:
    """A trajectory: one line per row, one column per review date."""
    rows = [
        [escape(t.row), escape(t.title)]
        + [escape(position_label(level)) for level in t.levels]
        + ["" if t.net is None else f"{t.net:+d}"]
        for t in trajectory.rows
    ]
    dates = [str(date) for date in trajectory.dates]
    caption = f"{trajectory.setting}: {len(dates)} reviews ({trajectory.edition})"
    return _table(["Row", "Title", *dates, "Net"], rows, caption)


@register_html(CollectionSummary)
def collection_html(collection: CollectionSummary) -> str:
    """A collection: per row, how many settings sit at each position, and the median."""
    rows = [
        [escape(d.row), escape(d.title)]
        + [str(count) for count in d.counts]
        + [str(d.not_reviewed), str(d.not_applicable), escape(position_label(d.median))]
        for d in collection.rows
    ]
    headers = ["Row", "Title"] + [position_label(level) for level in range(5)]
    headers += ["Not reviewed", "Not applicable", "Lower median"]
    caption = f"{len(collection.settings)} settings on {collection.edition}"
    if collection.skipped:
        caption += f" ({len(collection.skipped)} skipped)"
    return _table(headers, rows, caption)


@register_html(PeerSet)
def peer_html(peers: PeerSet) -> str:
    """A peer set: one line per row, one column per setting, and how far apart."""
    rows = [
        [escape(r.row), escape(r.title)]
        + [escape(label) for label in r.labels]
        + ["" if r.spread is None else str(r.spread)]
        for r in peers.rows
    ]
    caption = f"Peer review set of {len(peers.settings)} settings on {peers.edition}"
    return _table(["Row", "Title", *peers.settings, "Apart"], rows, caption)
