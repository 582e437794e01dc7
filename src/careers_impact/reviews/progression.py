"""Progression: what moved between two reviews of a setting, and each row's trajectory.

Two reviews of the same setting compare row by row: the position before and after,
the move (advanced, held, declined, newly assessed, no longer assessed) and its size,
with counts per theme, per benchmark and overall. Reviews on different editions
compare only through a crosswalk; a row without an entry is not comparable.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from statistics import median_low
from typing import TYPE_CHECKING, Literal, get_args

from careers_impact._base import Frozen, Level, long_date
from careers_impact._hooks import arrow, frame, html
from careers_impact.errors import ParameterError, ReviewMismatchError, UnknownRowError
from careers_impact.model.crosswalk import (
    Crosswalk,
    CrosswalkEntry,
    check_crosswalk,
    load_crosswalk,
)
from careers_impact.model.edition import Edition, Row
from careers_impact.reviews.review import Review, Target, edition_for
from careers_impact.reviews.rollup import ReviewSummary, RowOutcome, row_groups, summarise
from careers_impact.reviews.vocabulary import position_label

if TYPE_CHECKING:
    from pandas import DataFrame
    from pyarrow import Table

__all__ = [
    "JUDGEMENTS",
    "Comparison",
    "GroupMoves",
    "RowMove",
    "RowTrajectory",
    "TargetOutcome",
    "Trajectory",
    "compare",
    "trajectory",
]

Move = Literal[
    "advanced",
    "held",
    "declined",
    "newly-assessed",
    "no-longer-assessed",
    "not-assessed",
    "not-comparable",
]
#: Every move, in the order counts are reported.
MOVES: tuple[str, ...] = get_args(Move)
Link = Literal["same-row", "kept", "renamed", "split", "merged", "added", "retired", "none"]


class RowMove(Frozen):
    """One row from the earlier review to the later.

    ``row`` is the row in the later review's edition (``None`` for a retired row);
    ``before_rows`` the row or rows it came from. ``size`` is the change in level.
    ``target`` is the earlier review's target for the row and ``target_met`` whether the
    later position reaches it.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> move = compare(demo_earlier_review(), demo_review()).row("1.2")
    >>> move.before, move.after, move.move, move.size
    (1, 4, 'advanced', 3)
    """

    row: str | None
    before_rows: tuple[str, ...]
    title: str
    theme: int | None
    link: Link
    before: Level | None
    after: Level | None
    move: Move
    size: int | None = None
    target: Target | None = None
    target_met: bool | None = None

    def explain(self) -> str:
        """One sentence on the move."""
        name = self.row or "/".join(self.before_rows)
        before, after = position_label(self.before), position_label(self.after)
        if self.move == "not-comparable":
            return f"Row {name}: not comparable; the crosswalk has no entry for it."
        if self.move in ("advanced", "declined"):
            noun = "column" if abs(self.size or 0) == 1 else "columns"
            return f"Row {name} {self.move} {abs(self.size or 0)} {noun}: {before} to {after}."
        if self.move == "held":
            return f"Row {name} held at {after}."
        if self.move == "newly-assessed":
            return f"Row {name} was newly assessed at {after}."
        if self.move == "no-longer-assessed":
            return f"Row {name} was at {before} and is no longer assessed."
        return f"Row {name} was assessed in neither review."


class GroupMoves(Frozen):
    """How many rows of a theme, a benchmark or the whole review made each move.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> moves = compare(demo_earlier_review(), demo_review()).overall
    >>> moves.counts["advanced"], moves.counts["declined"]
    (13, 5)
    """

    key: int | None
    title: str
    counts: dict[str, int]


#: How an earlier target fared by the later review.
Judgement = Literal["met", "not met", "no longer assessed"]
#: Every judgement, in the order counts are reported.
JUDGEMENTS: tuple[Judgement, ...] = get_args(Judgement)


class TargetOutcome(Frozen):
    """One target set in the earlier review, judged in the later: met (the row now
    stands at the target's column or above), not met, or no longer assessed (the row
    was retired, or has no position in the later review).

    ``rows`` are the later edition's rows the target's row became (one, or several
    for a split row, which meets the target only where each does); ``before`` and
    ``after`` the positions then and now (for several rows, their lowest).

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> [t.outcome for t in compare(demo_earlier_review(), demo_review()).targets][:2]
    ['met', 'met']
    """

    target: Target
    title: str
    rows: tuple[str, ...]
    before: Level | None
    after: Level | None
    outcome: Judgement

    def explain(self) -> str:
        """One sentence: the target, and how it fared."""
        by = f" by {long_date(self.target.by)}" if self.target.by else ""
        aim = f"Row {self.target.row}: column {self.target.column}{by}"
        if self.outcome == "no longer assessed":
            return f"{aim}: no longer assessed."
        then, now = position_label(self.before), position_label(self.after)
        return f"{aim}: {self.outcome}, at {now} (then {then})."


class Comparison(Frozen):
    """Two reviews of one setting compared row by row.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> comparison = compare(demo_earlier_review(), demo_review())
    >>> comparison.overall.counts["advanced"] > 0
    True
    """

    _repr_fields = (
        "setting",
        "before_date",
        "after_date",
        "before_edition",
        "after_edition",
        "rows",
    )

    setting: str
    before_date: _dt.date
    after_date: _dt.date
    before_edition: str
    after_edition: str
    rows: tuple[RowMove, ...]
    themes: tuple[GroupMoves, ...]
    benchmarks: tuple[GroupMoves, ...]
    overall: GroupMoves
    advanced_most: tuple[str, ...]
    declined_most: tuple[str, ...]
    #: Every target of the earlier review, judged, in the earlier review's order.
    targets: tuple[TargetOutcome, ...] = ()

    @cached_property
    def _by_id(self) -> dict[str, RowMove]:
        # A row of the later edition by its id, and a retired row by its old id where
        # no row of the later edition has it (old 3.8 retired while old 3.7 became 3.8:
        # "3.8" is the later edition's).
        found = {move.row: move for move in self.rows if move.row is not None}
        for move in (m for m in self.rows if m.row is None):
            for key in move.before_rows:
                found.setdefault(key, move)
        return found

    def row(self, row_id: str) -> RowMove:
        """The move of row ``row_id`` (a row of the later edition, or a retired row)."""
        try:
            return self._by_id[row_id]
        except KeyError:
            raise UnknownRowError(row_id, self.after_edition, []) from None

    def to_frame(self) -> DataFrame:
        """One line per row compared, as a tidy DataFrame (``careers-impact[pandas]``)."""
        return frame(self)

    def to_arrow(self) -> Table:
        """The same table as a pyarrow Table (needs ``careers-impact[arrow]``)."""
        return arrow(self)

    def _repr_html_(self) -> str:
        return html(self)


def _summary(
    item: Review | ReviewSummary, editions: Mapping[str, Edition]
) -> tuple[ReviewSummary, tuple[Target, ...]]:
    if isinstance(item, ReviewSummary):
        targets = tuple(o.target for o in item.rows if o.target is not None)
        return item, targets
    return summarise(item, editions.get(item.edition)), item.targets


def _same_setting(a: ReviewSummary, b: ReviewSummary) -> bool:
    if a.setting_id and b.setting_id:
        return a.setting_id == b.setting_id
    return a.setting == b.setting


def _move(before: int | None, after: int | None) -> tuple[Move, int | None]:
    if before is None and after is None:
        return "not-assessed", None
    if before is None:
        return "newly-assessed", None
    if after is None:
        return "no-longer-assessed", None
    size = after - before
    return ("advanced" if size > 0 else "declined" if size < 0 else "held"), size


def _group(key: int | None, title: str, moves: Iterable[RowMove]) -> GroupMoves:
    counted: Counter[str] = Counter(m.move for m in moves)
    return GroupMoves(key=key, title=title, counts={move: counted.get(move, 0) for move in MOVES})


def compare(
    before: Review | ReviewSummary,
    after: Review | ReviewSummary,
    *,
    allow_different_settings: bool = False,
    crosswalk: Crosswalk | None = None,
    editions: Mapping[str, Edition] | None = None,
) -> Comparison:
    """Compare an earlier review of a setting with a later one, row by row.

    Positions are those of `careers_impact.summarise` (agreed, else suggested).
    Reviews of different settings are an error unless ``allow_different_settings``.
    Reviews on different editions need a crosswalk (``crosswalk``, else the bundled one
    from the earlier edition to the later); without one the comparison raises
    `careers_impact.model.crosswalk.CrosswalkError`. ``editions`` supplies editions that
    are not bundled, by id.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> comparison = compare(demo_earlier_review(), demo_review())
    >>> comparison.row("6.2").explain()
    'Row 6.2 declined 2 columns: Column 3 to Column 1.'
    """
    editions = dict(editions or {})
    earlier, targets = _summary(before, editions)
    later, _ = _summary(after, editions)
    _check_pair(earlier, later, allow_different_settings)
    new_edition = edition_for(later.edition, editions)
    old_edition = edition_for(earlier.edition, editions)
    if earlier.edition != later.edition:
        if crosswalk is None:
            crosswalk = load_crosswalk(earlier.edition, later.edition)
        check_crosswalk(crosswalk, old_edition, new_edition)
    before_rows = {o.row: o for o in earlier.rows}
    target_by_row = {t.row: t for t in targets}
    moves = [
        _row_move(row, later.row(row.id).level, before_rows, target_by_row, crosswalk)
        for row in new_edition.rows
    ]
    if crosswalk is not None:
        moves += [_retired(entry, old_edition, before_rows) for entry in crosswalk.retired()]
    judged = tuple(_judge(target, moves, earlier) for target in targets)
    return _comparison(earlier, later, new_edition, moves, judged)


def _judge(target: Target, moves: Sequence[RowMove], earlier: ReviewSummary) -> TargetOutcome:
    """An earlier target against the later positions of the rows its row became."""
    became = [m for m in moves if m.row is not None and target.row in m.before_rows]
    now = [m.after for m in became if m.after is not None]
    after = min(now) if len(now) == len(became) and now else None
    outcome: Judgement = (
        "no longer assessed" if after is None else "met" if after >= target.column else "not met"
    )
    return TargetOutcome(
        target=target,
        title=earlier.row(target.row).title,
        rows=tuple(m.row for m in became if m.row is not None),
        before=earlier.row(target.row).level,
        after=after,
        outcome=outcome,
    )


def _check_pair(earlier: ReviewSummary, later: ReviewSummary, allow_different: bool) -> None:
    if not allow_different and not _same_setting(earlier, later):
        raise ReviewMismatchError(
            f"the reviews are of different settings ({earlier.setting!r} and "
            f"{later.setting!r}); to compare them anyway, allow different settings "
            "(--allow-different-settings)"
        )
    if earlier.date > later.date:
        raise ReviewMismatchError(
            f"the earlier review is dated {earlier.date}, after the later one ({later.date}); "
            "pass them in date order"
        )


def _row_move(
    row: Row,
    now: int | None,
    before_rows: Mapping[str, RowOutcome],
    targets: Mapping[str, Target],
    crosswalk: Crosswalk | None,
) -> RowMove:
    """How one row of the later edition moved, from the earlier rows it comes from."""
    if crosswalk is None:
        sources: tuple[str, ...] = (row.id,)
        link: Link = "same-row"
    else:
        entry = crosswalk.for_new_row(row.id)
        if entry is None:
            return RowMove(
                row=row.id,
                before_rows=(),
                title=row.title,
                theme=row.theme,
                link="none",
                before=None,
                after=now,
                move="not-comparable",
            )
        sources, link = entry.old, entry.kind
    known = [level for r in sources if (level := before_rows[r].level) is not None]
    # A merged row starts from the lower median of its assessed sources: the cautious
    # reading, as for a best fit.
    then = median_low(known) if known else None
    move, size = _move(then, now)
    target = targets.get(sources[0]) if len(sources) == 1 else None
    return RowMove(
        row=row.id,
        before_rows=sources,
        title=row.title,
        theme=row.theme,
        link=link,
        before=then,
        after=now,
        move=move,
        size=size,
        target=target,
        target_met=None if target is None or now is None else now >= target.column,
    )


def _retired(
    entry: CrosswalkEntry, old_edition: Edition, before_rows: Mapping[str, RowOutcome]
) -> RowMove:
    old_row = old_edition.row(entry.old[0])
    then = before_rows[old_row.id].level
    return RowMove(
        row=None,
        before_rows=entry.old,
        title=old_row.title,
        theme=None,
        link="retired",
        before=then,
        after=None,
        move="no-longer-assessed" if then is not None else "not-assessed",
    )


def _comparison(
    earlier: ReviewSummary,
    later: ReviewSummary,
    edition: Edition,
    moves: list[RowMove],
    targets: tuple[TargetOutcome, ...],
) -> Comparison:
    theme_groups, benchmark_groups = row_groups(edition)
    sized = [m for m in moves if m.size is not None]
    top = max((m.size or 0 for m in sized), default=0)
    bottom = min((m.size or 0 for m in sized), default=0)
    return Comparison(
        setting=later.setting,
        before_date=earlier.date,
        after_date=later.date,
        before_edition=earlier.edition,
        after_edition=later.edition,
        rows=tuple(moves),
        themes=tuple(
            _group(g.key, g.title, (m for m in moves if m.theme in g.themes)) for g in theme_groups
        ),
        benchmarks=tuple(
            _group(g.key, g.title, (m for m in moves if m.theme in g.themes))
            for g in benchmark_groups
        ),
        overall=_group(None, "All rows", moves),
        advanced_most=tuple(m.row or "" for m in sized if top > 0 and m.size == top),
        declined_most=tuple(m.row or "" for m in sized if bottom < 0 and m.size == bottom),
        targets=targets,
    )


class RowTrajectory(Frozen):
    """One row's positions across reviews, oldest first (``None``: not assessed).

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> path = trajectory([demo_review(), demo_earlier_review()]).row("1.2")
    >>> path.levels, path.net
    ((1, 4), 3)
    """

    row: str
    title: str
    theme: int
    levels: tuple[Level | None, ...]

    @property
    def net(self) -> int | None:
        """Last assessed level minus first assessed level; ``None`` with fewer than two."""
        known = [level for level in self.levels if level is not None]
        return known[-1] - known[0] if len(known) >= 2 else None


class Trajectory(Frozen):
    """Each row's path through three or more reviews of one setting, ordered by date.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> [str(d) for d in trajectory([demo_review(), demo_earlier_review()]).dates]
    ['2025-10-06', '2026-10-05']
    """

    setting: str
    edition: str
    dates: tuple[_dt.date, ...]
    rows: tuple[RowTrajectory, ...]

    def to_frame(self) -> DataFrame:
        """One line per row and review, as a tidy DataFrame (``careers-impact[pandas]``)."""
        return frame(self)

    def to_arrow(self) -> Table:
        """The same table as a pyarrow Table (needs ``careers-impact[arrow]``)."""
        return arrow(self)

    def _repr_html_(self) -> str:
        return html(self)

    @cached_property
    def _by_id(self) -> dict[str, RowTrajectory]:
        return {item.row: item for item in self.rows}

    def row(self, row_id: str) -> RowTrajectory:
        """The trajectory of ``row_id``; `UnknownRowError` if there is none."""
        try:
            return self._by_id[row_id]
        except KeyError:
            raise UnknownRowError(row_id, self.edition, []) from None


def trajectory(
    reviews: Sequence[Review | ReviewSummary],
    *,
    allow_different_settings: bool = False,
    editions: Mapping[str, Edition] | None = None,
) -> Trajectory:
    """Each row's positions across several reviews of one setting, oldest first.

    Reviews are put in date order; all must be on one edition (compare across editions
    pair by pair with `compare` and a crosswalk).

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> trajectory([demo_review(), demo_earlier_review()]).row("6.2").levels
    (3, 1)
    """
    editions = dict(editions or {})
    if len(reviews) < 2:
        raise ParameterError("a trajectory needs at least two reviews")
    summaries = sorted((_summary(r, editions)[0] for r in reviews), key=lambda s: s.date)
    first = summaries[0]
    for other in summaries[1:]:
        if other.edition != first.edition:
            raise ReviewMismatchError(
                f"the reviews are on editions {first.edition!r} and {other.edition!r}; a "
                "trajectory needs one edition (use compare() with a crosswalk)"
            )
        if not allow_different_settings and not _same_setting(first, other):
            raise ReviewMismatchError(
                f"the reviews are of different settings ({first.setting!r} and {other.setting!r})"
            )
    rows = tuple(
        RowTrajectory(
            row=outcome.row,
            title=outcome.title,
            theme=outcome.theme,
            levels=tuple(s.row(outcome.row).level for s in summaries),
        )
        for outcome in first.rows
    )
    return Trajectory(
        setting=summaries[-1].setting,
        edition=first.edition,
        dates=tuple(s.date for s in summaries),
        rows=rows,
    )
