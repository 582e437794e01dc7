"""Plain text and Markdown views of an edition, its themes and rows.

Statements are printed word for word, one paragraph each, never re-wrapped; source
notes are printed beside the text they concern.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from careers_impact.model import Edition, Row, SourceNote, Theme

if TYPE_CHECKING:
    from careers_impact.rollup import ReviewSummary

__all__ = ["edition_markdown", "edition_text", "row_markdown", "row_text", "summary_text"]


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


def row_text(edition: Edition, row: Row) -> str:
    """One row as plain text: title, then each column's statements as paragraphs.

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
        for index, statement in enumerate(cell.statements):
            if index:
                yield ""
            yield f"    {statement}"


def edition_text(edition: Edition) -> str:
    """A whole edition as plain text, theme by theme and row by row."""
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
    return [
        f"> **Source note ({n.kind}).** {_md(n.detail)}"
        + (f" Editorial reading: *{_md(n.reading)}*." if n.reading else "")
        for n in notes
    ]


def _md(text: str) -> str:
    # Escape the characters that would start Markdown markup inside model text.
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "#", "|"):
        text = text.replace(char, "\\" + char)
    return text


def row_markdown(edition: Edition, row: Row, level: int = 2) -> str:
    """One row as Markdown: a heading, then a sub-heading and paragraphs per column,
    then the row's change-log entry where the edition has one."""
    hashes = "#" * level
    lines = [f"{hashes} {row.id} {_md(row.title)}", ""]
    for block in _md_notes(row.source_notes):
        lines += [block, ""]
    for cell in row.cells:
        lines += [f"{hashes}# {_md(_column_heading(edition, cell.column))}", ""]
        for block in _md_notes(cell.source_notes):
            lines += [block, ""]
        for statement in cell.statements:
            lines += [_md(statement), ""]
    if row.change is not None:
        change = row.change
        lines += [f"{hashes}# Change log", ""]
        if change.title != row.title:
            lines += [f"*As the change log titles it:* {_md(change.title)}", ""]
        for label, texts in (
            ("Purpose of the row", change.purpose),
            ("Core elements of change", change.core_elements),
            ("Reason for change", change.reason),
        ):
            lines += [f"**{label}**", ""]
            lines += [f"- {_md(t)}" for t in texts] if len(texts) > 1 else [_md(t) for t in texts]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def edition_markdown(edition: Edition, *, guidance: bool = False) -> str:
    """A whole edition as Markdown: each theme a section with its change-log entry, each
    row its four columns and change-log entry, then the glossary; with ``guidance``, the
    edition's own guidance first."""
    when = f", effective {edition.effective}" if edition.effective else ", no date stated"
    lines = [
        f"# {_md(edition.title)}",
        "",
        f"Edition `{edition.id}`: {_md(edition.setting)}{when}. Published by "
        f"{_md(edition.publisher)}; the text below is theirs, word for word.",
        "",
    ]
    for block in _md_notes(edition.source_notes):
        lines += [block, ""]
    if guidance and edition.guidance:
        lines += ["## Guidance", ""]
        for section in edition.guidance:
            lines += [f"### {_md(section.heading)}", ""]
            lines += [_md(s) + "\n" for s in section.statements]
        lines += ["### The columns", ""]
        lines += [
            f"- **{c.label}**: {_md(c.focus)}" if c.focus else f"- **{c.label}**"
            for c in edition.columns
        ]
        lines.append("")
    for theme in edition.themes:
        tagline = f" ({_md(theme.tagline)})" if theme.tagline else ""
        lines += [
            f"## Theme {theme.number}: {_md(theme.title)}{tagline} ({_benchmarks(theme)})",
            "",
        ]
        for block in _md_notes(theme.source_notes):
            lines += [block, ""]
        if theme.change is not None:
            lines += [
                f"**Summary of changes.** {' '.join(_md(t) for t in theme.change.summary)}",
                "",
            ]
            lines += [f"**Context.** {' '.join(_md(t) for t in theme.change.context)}", ""]
        for row in theme.rows:
            lines += [row_markdown(edition, row, level=3)]
    if edition.glossary:
        lines += ["## Glossary", ""]
        for term in edition.glossary:
            lines += [f"**{_md(term.term)}**", ""]
            for block in _md_notes(term.source_notes):
                lines += [block, ""]
            lines += [_md(t) + "\n" for t in term.definition]
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
