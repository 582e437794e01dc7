"""Plain text and Markdown views of an edition, its themes and rows.

Statements are printed word for word, one paragraph each, never re-wrapped; the
source's bullet lists stay lists; source notes are printed beside the text they
concern. Markdown goes through the package's one escaping rule, so the text renders
as exactly itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

from careers_impact._markdown import block_lines
from careers_impact._markdown import escape as _md
from careers_impact.model import Block, Edition, Row, SourceNote, Theme

if TYPE_CHECKING:
    from careers_impact.rollup import ReviewSummary

__all__ = ["edition_markdown", "edition_text", "row_markdown", "row_text", "summary_text"]

Layout = Literal["stacked", "grid"]


def _benchmarks(theme: Theme) -> str:
    if not theme.benchmarks:
        return "no benchmark stated"
    noun = "Benchmark" if len(theme.benchmarks) == 1 else "Benchmarks"
    return f"{noun} {' and '.join(str(n) for n in theme.benchmarks)}"


def _note_line(note: SourceNote) -> str:
    reading = f" Editorial reading: {note.reading!r}." if note.reading else ""
    return f"[source note, {note.kind}] {note.detail}{reading}"


def _column_heading(edition: Edition, column: int) -> str:
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
    yield f"Theme {theme.number}: {theme.title} ({_benchmarks(theme)})"
    for note in row.source_notes:
        yield _note_line(note)
    for cell in row.cells:
        yield ""
        yield _column_heading(edition, cell.column)
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
        lines += ["", "=" * 78, f"Theme {theme.number}: {theme.title} ({_benchmarks(theme)})"]
        lines += [_note_line(note) for note in theme.source_notes]
        for row in theme.rows:
            # The theme line of a row view repeats the theme heading just printed.
            row_lines = list(_row_text_lines(edition, row))
            lines += ["", "-" * 78, row_lines[0], *row_lines[2:]]
    return "\n".join(lines)


def _md_notes(notes: tuple[SourceNote, ...]) -> list[str]:
    lines = []
    for n in notes:
        reading = f" Editorial reading: *{_md(n.reading)}*." if n.reading else ""
        lines += [f"> **Source note ({n.kind}).** {_md(n.detail)}{reading}", ""]
    return lines


def _cell_lines(edition: Edition, row: Row, hashes: str) -> list[str]:
    lines: list[str] = []
    for cell in row.cells:
        lines += [f"{hashes}# {_md(_column_heading(edition, cell.column))}", ""]
        lines += _md_notes(cell.source_notes)
        lines += block_lines(cell.blocks)
    return lines


def _grid_lines(edition: Edition, row: Row, hashes: str) -> list[str]:
    # Python-Markdown's md_in_html renders Markdown inside these blocks; the docs' CSS
    # sets the four columns side by side on wide screens and stacks them on narrow ones.
    # Side by side, each column is headed by its label alone, as the published grid is;
    # the columns' focus texts are in the guidance.
    lines = ['<div class="ci-grid" markdown="1">', ""]
    for cell in row.cells:
        lines += ['<div class="ci-column" markdown="1">', ""]
        lines += [f"{hashes}# {_md(edition.columns[cell.column - 1].label)}", ""]
        lines += _md_notes(cell.source_notes)
        lines += block_lines(cell.blocks)
        lines += ["</div>", ""]
    return [*lines, "</div>", ""]


def row_markdown(edition: Edition, row: Row, level: int = 2, *, layout: Layout = "stacked") -> str:
    """One row as Markdown: a heading, then a sub-heading and the statements of each
    column (lists as lists), then the row's change-log entry where the edition has one.

    ``layout="grid"`` wraps the columns in HTML blocks for Python-Markdown's
    ``md_in_html`` extension, as the docs site uses, so they can stand side by side.

    >>> from careers_impact import load_edition
    >>> edition = load_edition()
    >>> "- strategic careers planning" in row_markdown(edition, edition.row("1.7"))
    True
    """
    hashes = "#" * level
    lines = [f"{hashes} {row.id} {_md(row.title)}", ""]
    lines += _md_notes(row.source_notes)
    lines += (_grid_lines if layout == "grid" else _cell_lines)(edition, row, hashes)
    if row.change is not None:
        change = row.change
        lines += [f"{hashes}# Change log", ""]
        if change.title != row.title:
            lines += [f"*As the change log titles it:* {_md(change.title)}", ""]
        for label, field in (
            ("Purpose of the row", "purpose"),
            ("Core elements of change", "core_elements"),
            ("Reason for change", "reason"),
        ):
            lines += [f"**{label}**", ""]
            lines += block_lines(change.blocks(field))  # type: ignore[arg-type]
    return "\n".join(lines).rstrip() + "\n"


def _guidance_lines(edition: Edition) -> list[str]:
    lines = ["## Guidance", ""]
    for section in edition.guidance:
        lines += [f"### {_md(section.heading)}", ""]
        lines += block_lines(section.blocks)
    lines += ["### The columns", ""]
    lines += [
        f"- **{_md(c.label)}**: {_md(c.focus)}" if c.focus else f"- **{_md(c.label)}**"
        for c in edition.columns
    ]
    return [*lines, ""]


def _theme_lines(edition: Edition, theme: Theme, layout: Layout) -> list[str]:
    tagline = f" ({_md(theme.tagline)})" if theme.tagline else ""
    lines = [f"## Theme {theme.number}: {_md(theme.title)}{tagline} ({_benchmarks(theme)})", ""]
    lines += _md_notes(theme.source_notes)
    if theme.change is not None:
        lines += ["**Summary of changes**", "", *block_lines(theme.change.blocks("summary"))]
        lines += ["**Context**", "", *block_lines(theme.change.blocks("context"))]
    for row in theme.rows:
        lines += [row_markdown(edition, row, level=3, layout=layout)]
    return lines


def edition_markdown(
    edition: Edition, *, guidance: bool = False, layout: Layout = "stacked"
) -> str:
    """A whole edition as Markdown: each theme a section with its change-log entry, each
    row its four columns and change-log entry, then the glossary; with ``guidance``, the
    edition's own guidance first. Lists stay lists; ``layout`` is as for `row_markdown`.

    >>> from careers_impact import load_edition
    >>> edition_markdown(load_edition("colleges")).count("&lt;25")
    2
    """
    when = f", effective {edition.effective}" if edition.effective else ", no date stated"
    lines = [
        f"# {_md(edition.title)}",
        "",
        f"Edition `{edition.id}`: {_md(edition.setting)}{when}. Published by "
        f"{_md(edition.publisher)}; the text below is theirs, word for word.",
        "",
    ]
    lines += _md_notes(edition.source_notes)
    if guidance and edition.guidance:
        lines += _guidance_lines(edition)
    for theme in edition.themes:
        lines += _theme_lines(edition, theme, layout)
    if edition.glossary:
        lines += ["## Glossary", ""]
        for term in edition.glossary:
            lines += [f"**{_md(term.term)}**", ""]
            lines += _md_notes(term.source_notes)
            lines += block_lines(term.blocks)
    return "\n".join(lines).rstrip() + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows_line(summary: ReviewSummary, ids: tuple[str, ...]) -> list[str]:
    return [f"  {i} {summary.row(i).title}" for i in ids] or ["  (none)"]


def summary_text(summary: ReviewSummary, *, reports: tuple[str, ...] = ()) -> str:
    """A review summary as a readable table, then strengths, priorities and discussion rows.

    >>> from careers_impact import summarise
    >>> from careers_impact.examples import demo_review
    >>> print(summary_text(summarise(demo_review())).splitlines()[0])
    Internal leadership review: Northfield Academy (fictional example), 2026-10-05
    """
    from careers_impact.review import ROLE_LABELS

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
            f"{outcome.row:<5} {_clip(outcome.title, 46):<46} {outcome.label:<20} "
            f"{outcome.source:<10} {s.count:>2} {spread:>6}  {flag}".rstrip()
        )
    top = max((o.level or 0 for o in summary.rows if o.row in summary.strengths), default=None)
    low = min((o.level or 0 for o in summary.rows if o.row in summary.priorities), default=None)
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
    from careers_impact.review import position_label

    return position_label(level)
