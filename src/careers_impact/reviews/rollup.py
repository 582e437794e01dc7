"""Roll-ups of a review: per row, per theme, per benchmark; strengths, priorities, next steps.

Each row's position is the group's agreed position where one is recorded, and the
suggested best fit otherwise (marked as such). Rows nobody has reviewed are listed as
not reviewed, never counted as zero; rows agreed not applicable stay out of every count
and median. Strengths are the rows at the review's highest position, priority areas
those at its lowest. A row's next step is the statements of its next column; at
column 4 the step is to sustain.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from functools import cached_property, partial
from statistics import median_low
from typing import TYPE_CHECKING, Annotated, Literal, NamedTuple

from pydantic import Field

from careers_impact._base import Frozen, Level
from careers_impact._hooks import arrow, frame, html
from careers_impact.errors import ReviewMismatchError, UnknownRowError
from careers_impact.model.edition import Block, Edition, Row, blocks
from careers_impact.reviews.bestfit import (
    DISCUSS_SHARE,
    DISCUSS_SPREAD,
    EvidenceFit,
    Suggestion,
    check_thresholds,
    evidence_fit,
    krippendorff_alpha,
    suggest,
)
from careers_impact.reviews.review import Review, Role, Target, edition_for
from careers_impact.reviews.vocabulary import NOT_APPLICABLE, Answer, level_of, position_label

if TYPE_CHECKING:
    from pandas import DataFrame
    from pyarrow import Table

__all__ = [
    "STATUSES",
    "GroupRollup",
    "ReviewSummary",
    "RowGroup",
    "RowOutcome",
    "row_groups",
    "summarise",
]

Source = Literal["agreed", "suggested", "not-reviewed", "not-applicable"]
#: The sources of a row the group has agreed: a position, or that it does not apply.
_AGREED_SOURCES: frozenset[Source] = frozenset({"agreed", "not-applicable"})
#: A review's state: every row agreed, or rows still to agree.
Status = Literal["complete", "in progress"]
#: A review's states, as `ReviewSummary.status` says them.
STATUSES: tuple[Status, ...] = ("complete", "in progress")


class RowOutcome(Frozen):
    """Where one row stands in a review, where that came from, and what comes next.

    ``source`` is ``agreed`` (the group's position), ``suggested`` (no agreed position,
    so the computed best fit), ``not-reviewed`` (no position and no answers), or
    ``not-applicable`` (agreed not applicable). ``evidence`` is the cumulative best fit
    from statement-level evidence, where the review records any for the row.

    >>> from careers_impact.examples import demo_review
    >>> outcome = summarise(demo_review()).row("1.4")
    >>> outcome.source, outcome.label, outcome.next_column
    ('suggested', 'Column 3', 4)
    """

    row: str
    title: str
    theme: int
    source: Source
    level: Level | None
    rationale: str | None = None
    suggestion: Suggestion
    next_column: Annotated[int, Field(ge=1, le=4)] | None = None
    next_step: tuple[str, ...] = ()
    next_step_list_items: tuple[int, ...] = ()
    sustain: bool = False
    target: Target | None = None
    evidence: EvidenceFit | None = None

    def _repr_html_(self) -> str:
        return html(self)

    @property
    def next_step_blocks(self) -> tuple[Block, ...]:
        """The next step's statements as paragraphs and bullet lists, as the model has them."""
        return blocks(self.next_step, self.next_step_list_items)

    @property
    def gap(self) -> int | None:
        """Columns still to go to the target (0 or less: reached); ``None`` without both."""
        if self.target is None or self.level is None:
            return None
        return self.target.column - self.level

    @property
    def label(self) -> str:
        """The position as people read it, e.g. ``"Column 2"`` or ``"Not reviewed"``."""
        if self.source == "not-reviewed":
            return "Not reviewed"
        if self.source == "not-applicable":
            return "Not applicable"
        return position_label(self.level)

    def explain(self) -> str:
        """One sentence saying where the row stands and why."""
        if self.source == "agreed":
            why = f", noting: {self.rationale.rstrip('.')}" if self.rationale else ""
            return f"Row {self.row}: the group agreed {self.label}{why}."
        if self.source == "not-applicable":
            return f"Row {self.row}: the group agreed it is not applicable; it is left out."
        if self.source == "not-reviewed":
            return f"Row {self.row}: not reviewed yet; no colleague chose a column."
        return self.suggestion.explain() + " No position is agreed yet."


class GroupRollup(Frozen):
    """Rows of one theme or one benchmark: how many sit at each position, and the median.

    ``counts[level]`` is the number of positioned rows at that level (0 = not yet).

    >>> from careers_impact.examples import demo_review
    >>> theme = summarise(demo_review()).themes[0]
    >>> theme.counts, theme.median, theme.strongest
    ((0, 0, 2, 4, 1), 3, ('1.2',))
    """

    key: int
    title: str
    counts: tuple[int, int, int, int, int]
    median: Level | None
    rows: tuple[str, ...]
    not_reviewed: tuple[str, ...]
    not_applicable: tuple[str, ...]
    strongest: tuple[str, ...]
    weakest: tuple[str, ...]

    def explain(self) -> str:
        """One sentence: how the group's rows are spread, and their median."""
        spread = ", ".join(
            f"{count} at {position_label(level)}"
            for level, count in enumerate(self.counts)
            if count
        )
        if not spread:
            return f"{self.title}: no row has a position yet."
        aside = []
        if self.not_reviewed:
            aside.append(f"{len(self.not_reviewed)} not reviewed")
        if self.not_applicable:
            aside.append(f"{len(self.not_applicable)} not applicable")
        rest = f" ({', '.join(aside)})" if aside else ""
        return f"{self.title}: {spread}{rest}; the lower median is {position_label(self.median)}."


class ReviewSummary(Frozen):
    """A review rolled up: per row, per theme, per benchmark, with strengths and priorities.

    >>> from careers_impact.examples import demo_review
    >>> summary = summarise(demo_review())
    >>> summary.row("1.1").source
    'agreed'
    """

    _repr_fields = (
        "setting",
        "date",
        "edition",
        "rows",
        "participants",
        "alpha",
        "needs_discussion",
    )

    edition: str
    setting: str
    setting_id: str | None = None
    date: _dt.date
    rows: tuple[RowOutcome, ...]
    themes: tuple[GroupRollup, ...]
    benchmarks: tuple[GroupRollup, ...]
    strengths: tuple[str, ...]
    priorities: tuple[str, ...]
    needs_discussion: tuple[str, ...]
    alpha: float | None
    participants: int
    roles: tuple[Role, ...]

    def _repr_html_(self) -> str:
        return html(self)

    @cached_property
    def _by_id(self) -> dict[str, RowOutcome]:
        return {outcome.row: outcome for outcome in self.rows}

    def row(self, row_id: str) -> RowOutcome:
        """The outcome for ``row_id``; `UnknownRowError` when the summary has no such row."""
        try:
            return self._by_id[row_id]
        except KeyError:
            raise UnknownRowError(row_id, self.edition, []) from None

    @property
    def to_agree(self) -> tuple[str, ...]:
        """The rows still without an agreed position (a column, not yet, or agreed not
        applicable): the work left for the group, in the edition's order.

        >>> from careers_impact.examples import demo_earlier_review, demo_review
        >>> summarise(demo_earlier_review()).to_agree, len(summarise(demo_review()).to_agree)
        ((), 4)
        """
        return tuple(o.row for o in self.rows if o.source not in _AGREED_SOURCES)

    @property
    def status(self) -> Status:
        """``"complete"`` when every row has an agreed position, else ``"in progress"``.

        >>> from careers_impact.examples import demo_earlier_review, demo_review
        >>> summarise(demo_earlier_review()).status, summarise(demo_review()).status
        ('complete', 'in progress')
        """
        return "in progress" if self.to_agree else "complete"

    @property
    def to_discuss(self) -> tuple[str, ...]:
        """Rows flagged for discussion that the group has not yet agreed."""
        waiting = set(self.to_agree)
        return tuple(row for row in self.needs_discussion if row in waiting)

    @property
    def discussed(self) -> tuple[str, ...]:
        """Rows flagged for discussion that the group has since agreed: discussed and agreed."""
        waiting = set(self.to_agree)
        return tuple(row for row in self.needs_discussion if row not in waiting)

    @property
    def strength_level(self) -> int | None:
        """The level of the review's strengths (its highest position), or ``None``."""
        return max((self.row(r).level or 0 for r in self.strengths), default=None)

    @property
    def priority_level(self) -> int | None:
        """The level of the review's priority areas (its lowest position), or ``None``."""
        return min((self.row(r).level or 0 for r in self.priorities), default=None)

    def to_arrow(self) -> Table:
        """The `to_frame` table as a pyarrow Table (needs ``careers-impact[arrow]``)."""
        return arrow(self)

    def to_frame(self) -> DataFrame:
        """The per-row outcomes as a tidy pandas DataFrame (needs ``careers-impact[pandas]``)."""
        return frame(self)


class RowGroup(NamedTuple):
    """A theme or a Gatsby Benchmark as a group of rows: its number, title and the
    themes whose rows it takes."""

    key: int
    title: str
    themes: frozenset[int]


def row_groups(edition: Edition) -> tuple[tuple[RowGroup, ...], tuple[RowGroup, ...]]:
    """The edition's themes, and its benchmarks, as groups of rows: the one place rows
    are grouped. A benchmark takes the rows of every theme that serves it.

    >>> from careers_impact import load_edition
    >>> themes, benchmarks = row_groups(load_edition())
    >>> benchmarks[0].key, sorted(benchmarks[0].themes)
    (1, [1, 2])
    """
    themes = tuple(RowGroup(t.number, t.title, frozenset({t.number})) for t in edition.themes)
    benchmarks = tuple(
        RowGroup(
            b.number,
            b.title,
            frozenset(t.number for t in edition.themes if b.number in t.benchmarks),
        )
        for b in edition.benchmarks
    )
    return themes, benchmarks


def _group(key: int, title: str, outcomes: Iterable[RowOutcome]) -> GroupRollup:
    members = list(outcomes)
    placed = [o for o in members if o.level is not None and o.source in ("agreed", "suggested")]
    counts = [0, 0, 0, 0, 0]
    for outcome in placed:
        counts[outcome.level or 0] += 1
    levels = [o.level for o in placed if o.level is not None]
    top = max(levels) if levels else None
    bottom = min(levels) if levels else None
    return GroupRollup(
        key=key,
        title=title,
        counts=(counts[0], counts[1], counts[2], counts[3], counts[4]),
        median=median_low(levels) if levels else None,
        rows=tuple(o.row for o in members),
        not_reviewed=tuple(o.row for o in members if o.source == "not-reviewed"),
        not_applicable=tuple(o.row for o in members if o.source == "not-applicable"),
        strongest=tuple(o.row for o in placed if o.level == top),
        weakest=tuple(o.row for o in placed if o.level == bottom),
    )


def summarise(
    review: Review,
    edition: Edition | None = None,
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
) -> ReviewSummary:
    """Roll a review up into per-row outcomes, theme and benchmark roll-ups and priorities.

    ``edition`` defaults to the bundled edition the review names. The thresholds are
    passed to `careers_impact.suggest` for every row.

    >>> from careers_impact.examples import demo_review
    >>> summary = summarise(demo_review())
    >>> summary.strengths, summary.row("1.2").sustain
    (('1.2',), True)
    """
    check_thresholds(discuss_spread, discuss_share)
    if edition is None:
        edition = edition_for(review)
    if edition.id != review.edition:
        raise ReviewMismatchError(
            f"the review is on edition {review.edition!r}, not {edition.id!r}"
        )
    answers: dict[str, list[Answer]] = {row.id: [] for row in edition.rows}
    for reflection in review.reflections:
        answers[reflection.row].append(reflection.answer)
    judge = partial(suggest, discuss_spread=discuss_spread, discuss_share=discuss_share)
    outcomes = [
        _outcome(review, edition, row, judge(answers[row.id], row=row.id)) for row in edition.rows
    ]
    theme_groups, benchmark_groups = row_groups(edition)
    strengths, priorities = _extremes(outcomes)
    units = [
        [lv for a in answers[row.id] if (lv := level_of(a)) is not None] for row in edition.rows
    ]
    return ReviewSummary(
        edition=edition.id,
        setting=review.setting.name,
        setting_id=review.setting.identifier,
        date=review.date,
        rows=tuple(outcomes),
        themes=tuple(_group_of(g, outcomes) for g in theme_groups),
        benchmarks=tuple(_group_of(g, outcomes) for g in benchmark_groups),
        strengths=strengths,
        priorities=priorities,
        needs_discussion=tuple(o.row for o in outcomes if o.suggestion.needs_discussion),
        alpha=krippendorff_alpha(units),
        participants=len(review.participants),
        roles=tuple(sorted({p.role for p in review.participants})),
    )


def _outcome(review: Review, edition: Edition, row: Row, suggestion: Suggestion) -> RowOutcome:
    """A row's position: agreed where the group agreed one, else the suggestion."""
    position = review.agreed_position(row.id)
    source: Source
    if position is not None and position.position == NOT_APPLICABLE:
        source, level = "not-applicable", None
    elif position is not None:
        source, level = "agreed", level_of(position.position)
    elif suggestion.level is not None:
        source, level = "suggested", suggestion.level
    else:
        source, level = "not-reviewed", None
    next_column = level + 1 if level is not None and level < 4 else None
    evidenced = any(e.row == row.id for e in review.evidence)
    return RowOutcome(
        row=row.id,
        title=row.title,
        theme=row.theme,
        source=source,
        level=level,
        rationale=position.rationale if position else None,
        suggestion=suggestion,
        next_column=next_column,
        next_step=row.cell(next_column).statements if next_column else (),
        next_step_list_items=row.cell(next_column).list_items if next_column else (),
        sustain=level == 4,
        target=review.target(row.id),
        evidence=evidence_fit(review, edition, row.id) if evidenced else None,
    )


def _extremes(outcomes: list[RowOutcome]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rows at the review's highest and at its lowest position (strengths, priorities)."""
    # A row agreed not applicable has no level, so it is never a strength or priority.
    placed = [(o.row, o.level) for o in outcomes if o.level is not None]
    levels = {level for _, level in placed}
    if len(levels) < 2:
        # With every row at one position there is nothing to single out either way.
        return (), ()
    top, bottom = max(levels), min(levels)
    return (
        tuple(row for row, level in placed if level == top),
        tuple(row for row, level in placed if level == bottom),
    )


def _group_of(group: RowGroup, outcomes: list[RowOutcome]) -> GroupRollup:
    return _group(group.key, group.title, (o for o in outcomes if o.theme in group.themes))
