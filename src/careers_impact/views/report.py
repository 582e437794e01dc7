"""The review report: one self-contained HTML page to share, and a Markdown version.

The page has the setting, date, edition and participants' roles; a visual snapshot of
every row's position, grouped by theme, readable in greyscale and by screen readers
(every position is written out, not shown by colour alone); a profile of each theme;
strengths, priority areas with their next steps in the model's own words, rows that
need discussion, targets and the gap to them; and, given an earlier review, what moved
since. It loads nothing from the network and prints on A4.

HTML is rendered by Jinja2 with autoescaping, so every piece of user-supplied text is
escaped by the template engine (``pip install "careers-impact[report]"``). The Markdown
version needs no extra.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from careers_impact._base import long_date
from careers_impact._version import __version__
from careers_impact.model.edition import Edition
from careers_impact.reviews.progression import (
    JUDGEMENTS,
    Comparison,
    RowMove,
    TargetOutcome,
    compare,
)
from careers_impact.reviews.review import ROLE_LABELS, Review, edition_for
from careers_impact.reviews.rollup import GroupRollup, ReviewSummary, RowOutcome, summarise
from careers_impact.reviews.vocabulary import position_label
from careers_impact.views._style import (
    LEVEL_FILLS,
    LEVEL_INKS,
    LEVEL_MARKS,
    LEVEL_NAMES,
    block_lines,
    escape as _md,
    page_template,
)

__all__ = ["report_html", "report_markdown"]


@dataclass(frozen=True)
class _Bar:
    x: float
    width: float
    fill: str
    ink: str
    count: int
    level: str


@dataclass(frozen=True)
class _ThemeView:
    number: int
    title: str
    benchmarks: tuple[int, ...]
    rows: list[RowOutcome]
    rollup: GroupRollup
    bars: list[_Bar]
    unplaced: int
    median: str | None


@dataclass(frozen=True)
class _Context:
    """What the report shows, worked out once for the HTML and the Markdown alike."""

    review: Review
    summary: ReviewSummary
    edition: Edition
    comparison: Comparison | None
    roles: dict[str, int]
    themes: list[_ThemeView]
    strengths: list[RowOutcome]
    priorities: list[RowOutcome]
    strength_label: str | None
    priority_label: str | None
    discussion: list[RowOutcome]
    to_discuss: list[RowOutcome]
    targets: list[RowOutcome]
    earlier_targets: tuple[TargetOutcome, ...]
    judged: dict[str, int]
    moved: list[RowMove]
    remarks: dict[str, list[tuple[str, str]]]

    def template(self) -> dict[str, Any]:
        """The names the HTML template reads."""
        names = {field.name: getattr(self, field.name) for field in fields(self)}
        return {
            **names,
            "levels": list(zip(LEVEL_NAMES, LEVEL_FILLS, LEVEL_INKS, strict=True)),
            "marks": LEVEL_MARKS,
            "position_label": position_label,
            "date": long_date,
            "long_date": long_date(self.review.date),
            "version": __version__,
        }


def _bars(rollup: GroupRollup, total: int) -> list[_Bar]:
    bars, x = [], 0.0
    for level, count in enumerate(rollup.counts):
        width = 100.0 * count / max(1, total)
        if count:
            bars.append(
                _Bar(x, width, LEVEL_FILLS[level], LEVEL_INKS[level], count, LEVEL_NAMES[level])
            )
        x += width
    return bars


def _remarks(
    review: Review, summary: ReviewSummary, show_names: bool
) -> dict[str, list[tuple[str, str]]]:
    """Colleagues' notes (and reasons for not applicable) by row, each under the
    colleague's role, or name when asked: the discussion is about practice, not people."""
    found: dict[str, list[tuple[str, str]]] = {o.row: [] for o in summary.rows}
    people = {p.id: p for p in review.participants}
    for reflection in review.reflections:
        person = people[reflection.participant]
        who = person.name if show_names else ROLE_LABELS[person.role]
        if reflection.note:
            found[reflection.row].append((who, reflection.note))
        if reflection.reason:
            found[reflection.row].append((who, f"Not applicable: {reflection.reason}"))
    return found


def _context(
    review: Review,
    summary: ReviewSummary,
    edition: Edition,
    comparison: Comparison | None,
    show_names: bool = False,
) -> _Context:
    roles: dict[str, int] = {}
    for person in review.participants:
        label = ROLE_LABELS[person.role]
        roles[label] = roles.get(label, 0) + 1
    themes = [
        _ThemeView(
            number=theme.number,
            title=theme.title,
            benchmarks=theme.benchmarks,
            rows=[summary.row(row.id) for row in theme.rows],
            rollup=rollup,
            bars=_bars(rollup, len(theme.rows)),
            unplaced=len(rollup.not_reviewed) + len(rollup.not_applicable),
            median=None if rollup.median is None else position_label(rollup.median),
        )
        for theme, rollup in zip(edition.themes, summary.themes, strict=True)
    ]
    top, low = summary.strength_level, summary.priority_level
    earlier = comparison.targets if comparison is not None else ()
    moved = []
    if comparison is not None:
        moved = [m for m in comparison.rows if m.move not in ("held", "not-assessed")]
    return _Context(
        review=review,
        summary=summary,
        edition=edition,
        comparison=comparison,
        roles=roles,
        themes=themes,
        strengths=[summary.row(r) for r in summary.strengths],
        priorities=[summary.row(r) for r in summary.priorities],
        strength_label=position_label(top) if top is not None else None,
        priority_label=position_label(low) if low is not None else None,
        discussion=[summary.row(r) for r in summary.needs_discussion],
        to_discuss=[summary.row(r) for r in summary.to_discuss],
        targets=[o for o in summary.rows if o.target is not None],
        earlier_targets=earlier,
        judged={j: sum(t.outcome == j for t in earlier) for j in JUDGEMENTS},
        moved=moved,
        remarks=_remarks(review, summary, show_names),
    )


def _prepare(
    review: Review,
    previous: Review | None,
    edition: Edition | None,
    editions: Mapping[str, Edition] | None,
    allow_different_settings: bool = False,
) -> tuple[ReviewSummary, Edition, Comparison | None]:
    if edition is None:
        edition = edition_for(review, editions)
    summary = summarise(review, edition)
    comparison = None
    if previous is not None:
        known = {edition.id: edition, **(editions or {})}
        # The summary just made stands for the later review: no need to summarise twice.
        comparison = compare(
            previous, summary, editions=known, allow_different_settings=allow_different_settings
        )
    return summary, edition, comparison


def report_html(
    review: Review,
    previous: Review | None = None,
    *,
    edition: Edition | None = None,
    editions: Mapping[str, Edition] | None = None,
    allow_different_settings: bool = False,
    show_names: bool = False,
) -> str:
    """The review as one self-contained HTML page; with ``previous``, what moved since.

    Needs the ``report`` extra (Jinja2). ``edition`` defaults to the bundled edition
    the review names; ``editions`` supplies others by id (e.g. the previous review's).
    ``previous`` must be of the same setting unless ``allow_different_settings``.
    Colleagues' notes appear beside their rows under their roles; ``show_names`` shows
    their names instead.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> page = report_html(demo_review(), demo_earlier_review())
    >>> page.startswith("<!DOCTYPE html>")
    True
    """
    template = page_template("report.html.j2", "the HTML report")
    summary, edition, comparison = _prepare(
        review, previous, edition, editions, allow_different_settings
    )
    context = _context(review, summary, edition, comparison, show_names)
    return str(template.render(**context.template()))


def _md_rows(outcomes: list[RowOutcome]) -> list[str]:
    return [f"- **{o.row}** {_md(o.title)}: {o.label}" for o in outcomes] or ["- (none)"]


def report_markdown(
    review: Review,
    previous: Review | None = None,
    *,
    edition: Edition | None = None,
    editions: Mapping[str, Edition] | None = None,
    allow_different_settings: bool = False,
    show_names: bool = False,
) -> str:
    """The review report as Markdown, for pasting into documents. Needs no extra.

    >>> from careers_impact.examples import demo_review
    >>> report_markdown(demo_review()).splitlines()[0]
    '# Careers Impact internal leadership review: Northfield Academy (fictional example)'
    """
    summary, edition, comparison = _prepare(
        review, previous, edition, editions, allow_different_settings
    )
    context = _context(review, summary, edition, comparison, show_names)
    lines = [
        *_md_head(context),
        *_md_themes(context),
        "",
        f"## Strengths ({context.strength_label or 'none singled out'})",
        "",
        *_md_rows(context.strengths),
        *_md_priorities(context),
        *_md_discussion(context),
        *_md_targets(context),
        *_md_earlier_targets(context),
        *_md_moved(context),
        "",
        "---",
        f"The Careers Impact Maturity Model is published by The Careers & Enterprise Company. "
        f"Report made with careers-impact {__version__}.",
    ]
    return "\n".join(lines) + "\n"


def _md_head(context: _Context) -> list[str]:
    review, edition = context.review, context.edition
    roles = ", ".join(f"{label} ({n})" for label, n in context.roles.items()) or "none"
    return [
        f"# Careers Impact internal leadership review: {_md(review.setting.name)}",
        "",
        f"- **Date:** {long_date(review.date)}",
        f"- **Status:** {_status(context.summary)}",
        f"- **Edition:** {_md(edition.title)} (`{edition.id}`)",
        f"- **Participants:** {_md(roles)}",
        "",
        "## Snapshot",
        "",
        "| Row | Title | Position | Source |",
        "|---|---|---|---|",
        *(f"| {o.row} | {_md(o.title)} | {o.label} | {o.source} |" for o in context.summary.rows),
    ]


def _md_themes(context: _Context) -> list[str]:
    lines = [
        "",
        "## Themes",
        "",
        f"| Theme | {' | '.join(LEVEL_NAMES)} | Median |",
        "|---|---|---|---|---|---|---|",
    ]
    for theme in context.themes:
        counts = " | ".join(str(c) for c in theme.rollup.counts)
        lines.append(f"| {theme.number} {_md(theme.title)} | {counts} | {theme.median or '—'} |")
    return lines


def _md_priorities(context: _Context) -> list[str]:
    lines = ["", f"## Priority areas ({context.priority_label or 'none singled out'})", ""]
    for o in context.priorities:
        lines.append(f"- **{o.row}** {_md(o.title)}: {o.label}")
        if o.next_step:
            lines += ["", f"    Next step (Column {o.next_column}):", ""]
            lines += block_lines(o.next_step_blocks, indent="    ")
    return lines if context.priorities else [*lines, "- (none)"]


def _md_discussion(context: _Context) -> list[str]:
    rows = []
    for o in context.discussion:
        agreed = (
            f"; discussed and agreed: {o.label}" if o.row not in context.summary.to_agree else ""
        )
        rows.append(
            f"- **{o.row}** {_md(o.title)}: spread {o.suggestion.spread}, "
            f"{o.suggestion.share or 0:.0%} at {position_label(o.suggestion.level)}{agreed}"
        )
        rows += [f"    - *{_md(who)}:* {_md(text)}" for who, text in context.remarks[o.row]]
    return ["", "## Rows needing discussion", "", *(rows or ["- (none)"])]


def _md_targets(context: _Context) -> list[str]:
    if not context.targets:
        return []
    lines = ["", "## Targets", "", "| Row | Now | Target | By | Gap |", "|---|---|---|---|---|"]
    for o in context.targets:
        if (target := o.target) is None:  # pragma: no cover - targets hold set targets
            continue
        by = long_date(target.by)
        gap = "—" if o.gap is None else str(max(o.gap, 0))
        lines.append(f"| {o.row} | {o.label} | Column {target.column} | {by} | {gap} |")
    return lines


def _status(summary: ReviewSummary) -> str:
    """The review's state in words: complete, or how many rows are still to agree."""
    if summary.status == "complete":
        return "Complete: every row has an agreed position"
    left = len(summary.to_agree)
    return f"In progress: {left} row{'s' if left != 1 else ''} still to agree"


def _md_earlier_targets(context: _Context) -> list[str]:
    if not context.earlier_targets:
        return []
    counts = ", ".join(f"{n} {j}" for j, n in context.judged.items())
    lines = ["", "## Earlier targets", "", f"{counts}.", ""]
    lines += [f"- {_md(t.explain())}" for t in context.earlier_targets]
    return lines


def _md_moved(context: _Context) -> list[str]:
    comparison = context.comparison
    if comparison is None:
        return []
    moves = comparison.overall.counts
    return [
        "",
        f"## What moved since {long_date(comparison.before_date)}",
        "",
        f"{moves['advanced']} advanced, {moves['held']} held, {moves['declined']} declined.",
        "",
        *([f"- {_md(m.explain())}" for m in context.moved] or ["- (no row moved)"]),
    ]
