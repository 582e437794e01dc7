"""Plain-text views: an edition, a row, and a review summary for the terminal.

Statements are printed word for word, one paragraph each, never re-wrapped; the
source's bullet lists are printed as bullets; source notes beside the text they
concern.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from careers_impact._base import clip
from careers_impact.model.edition import Block, Edition, Row, SourceNote
from careers_impact.reviews.review import ROLE_LABELS
from careers_impact.reviews.vocabulary import position_label
from careers_impact.views._style import benchmarks_phrase

if TYPE_CHECKING:
    from careers_impact.reviews.rollup import ReviewSummary

__all__ = ["column_heading", "edition_text", "row_text", "summary_text"]


def _note_line(note: SourceNote) -> str:
    reading = f" Editorial reading: {note.reading!r}." if note.reading else ""
    return f"[source note, {note.kind}] {note.detail}{reading}"


def column_heading(edition: Edition, column: int) -> str:
    """A column's heading: its label and, where the edition gives one, its focus.

    >>> from careers_impact import load_edition
    >>> column_heading(load_edition("colleges"), 2)
    'Column 2'
    """
    definition = edition.columns[column - 1]
    return f"{definition.label}: {definition.focus}" if definition.focus else definition.label


def _text_lines(blocks: Iterable[Block], indent: str) -> Iterator[str]:
    # Paragraphs are separated by a blank line; a list's items follow one another.
    for index, block in enumerate(blocks):
        if index:
            yield ""
        bullet = "• " if block.kind == "list" else ""
        yield from (f"{indent}{bullet}{text}" for text in block.texts)


def row_text(edition: Edition, row: Row) -> str:
    """One row as plain text: title, then each column's statements, lists as bullets.

    >>> from careers_impact import load_edition
    >>> edition = load_edition()
    >>> print(row_text(edition, edition.row("1.1")).splitlines()[0])
    1.1 Careers leadership and distributed leadership of careers
    """
    return "\n".join(_row_text_lines(edition, row))


def _row_text_lines(edition: Edition, row: Row) -> Iterator[str]:
    theme = edition.theme(row.theme)
    yield f"{row.id} {row.title}"
    yield f"Theme {theme.number}: {theme.title} ({benchmarks_phrase(theme)})"
    for note in row.source_notes:
        yield _note_line(note)
    for cell in row.cells:
        yield ""
        yield column_heading(edition, cell.column)
        for note in cell.source_notes:
            yield f"    {_note_line(note)}"
        yield from _text_lines(cell.blocks, "    ")


def edition_text(edition: Edition) -> str:
    """A whole edition as plain text, theme by theme and row by row.

    >>> from careers_impact import load_edition
    >>> "    • strategic careers planning" in edition_text(load_edition()).splitlines()
    True
    """
    lines = [edition.title, f"Edition {edition.id} · {edition.setting} · {edition.publisher}"]
    for note in edition.source_notes:
        lines.append(_note_line(note))
    for theme in edition.themes:
        lines += ["", "=" * 78, f"Theme {theme.number}: {theme.title} ({benchmarks_phrase(theme)})"]
        lines += [_note_line(note) for note in theme.source_notes]
        for row in theme.rows:
            # The theme line of a row view repeats the theme heading just printed.
            row_lines = list(_row_text_lines(edition, row))
            lines += ["", "-" * 78, row_lines[0], *row_lines[2:]]
    return "\n".join(lines)


def _rows_line(summary: ReviewSummary, ids: tuple[str, ...]) -> list[str]:
    return [f"  {i} {summary.row(i).title}" for i in ids] or ["  (none)"]


def summary_text(summary: ReviewSummary, *, reports: tuple[str, ...] = ()) -> str:
    """A review summary as a readable table, then strengths, priorities and discussion rows.

    >>> from careers_impact import summarise
    >>> from careers_impact.examples import demo_review
    >>> print(summary_text(summarise(demo_review())).splitlines()[0])
    Internal leadership review: Northfield Academy (fictional example), 2026-10-05
    """
    roles = ", ".join(ROLE_LABELS[r] for r in summary.roles) or "none recorded"
    alpha = (
        f"{summary.alpha:.2f} (ordinal; rough with few colleagues)"
        if summary.alpha is not None
        else "not enough answers to compute"
    )
    lines = [
        f"Internal leadership review: {summary.setting}, {summary.date}",
        f"Edition {summary.edition} · {summary.participants} participants ({roles})",
        f"Agreement between colleagues (Krippendorff's alpha): {alpha}",
    ]
    header = f"{'Row':<5} {'Title':<46} {'Position':<20} {'Source':<10} {'n':>2} {'Spread':>6}"
    themes = {t.key: t for t in summary.themes}
    current = None
    for outcome in summary.rows:
        if outcome.theme != current:
            current = outcome.theme
            theme = themes[current]
            median = "—" if theme.median is None else _level_label(theme.median)
            lines += ["", f"Theme {current}: {theme.title}  (median {median})", header]
        s = outcome.suggestion
        spread = "" if s.spread is None else str(s.spread)
        flag = "discuss" if s.needs_discussion else ""
        lines.append(
            f"{outcome.row:<5} {clip(outcome.title, 46):<46} {outcome.label:<20} "
            f"{outcome.source:<10} {s.count:>2} {spread:>6}  {flag}".rstrip()
        )
    top, low = summary.strength_level, summary.priority_level
    lines += ["", f"Strengths (highest position, {_level_label(top)}):"]
    lines += _rows_line(summary, summary.strengths)
    lines += ["", f"Priority areas (lowest position, {_level_label(low)}):"]
    lines += _rows_line(summary, summary.priorities)
    lines += ["", "Rows needing discussion (answers spread widely or few at the suggestion):"]
    discuss = [
        f"  {o.row} {o.title}: spread {o.suggestion.spread}, "
        f"{o.suggestion.share or 0:.0%} at {_level_label(o.suggestion.level)}"
        for o in summary.rows
        if o.row in summary.needs_discussion
    ]
    lines += discuss or ["  (none)"]
    not_reviewed = [o.row for o in summary.rows if o.source == "not-reviewed"]
    if not_reviewed:
        lines += ["", f"Not reviewed: {', '.join(not_reviewed)}"]
    if reports:
        lines += ["", "Read but not used:"] + [f"  {r}" for r in reports]
    return "\n".join(lines)


def _level_label(level: int | None) -> str:
    return position_label(level)
