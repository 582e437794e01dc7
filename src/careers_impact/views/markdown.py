"""Markdown views of an edition and its rows, for documents and the docs site.

Statements are written word for word, the source's bullet lists as lists, source notes
beside the text they concern; every piece of text goes through the one escaping rule
(`careers_impact.views._style.escape`), so it renders as exactly itself.
"""

from __future__ import annotations

from typing import Literal

from careers_impact.model.edition import ChangeField, Edition, Row, SourceNote, Theme
from careers_impact.views._style import benchmarks_phrase, block_lines, escape, escape as _md
from careers_impact.views.text import column_heading

__all__ = ["Layout", "block_lines", "edition_markdown", "escape", "row_markdown"]

_CHANGE_FIELDS: tuple[tuple[str, ChangeField], ...] = (
    ("Purpose of the row", "purpose"),
    ("Core elements of change", "core_elements"),
    ("Reason for change", "reason"),
)

Layout = Literal["stacked", "grid"]


def _md_notes(notes: tuple[SourceNote, ...]) -> list[str]:
    lines = []
    for n in notes:
        reading = f" Editorial reading: *{_md(n.reading)}*." if n.reading else ""
        lines += [f"> **Source note ({n.kind}).** {_md(n.detail)}{reading}", ""]
    return lines


def _cell_lines(edition: Edition, row: Row, hashes: str) -> list[str]:
    lines: list[str] = []
    for cell in row.cells:
        lines += [f"{hashes}# {_md(column_heading(edition, cell.column))}", ""]
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
        for label, field in _CHANGE_FIELDS:
            lines += [f"**{label}**", ""]
            lines += block_lines(change.blocks(field))
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
    heading = f"Theme {theme.number}: {_md(theme.title)}{tagline} ({benchmarks_phrase(theme)})"
    lines = [f"## {heading}", ""]
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
