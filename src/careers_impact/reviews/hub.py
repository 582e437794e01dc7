"""A Careers Hub's view across its settings: distributions, lowest rows, year-on-year moves.

For a hub lead, a national team or anyone publishing figures about many settings. Per
row, per theme and per Gatsby Benchmark, how many settings stand at each position (a
theme's or benchmark's position for a setting is the lower median of its rows, as in a
review's own roll-up); the rows most often at the lowest positions; and, for settings
reviewed more than once, how each row moved between their two latest reviews.

Counts about few settings can identify them. `suppress` is the one place the
small-number rule lives: published counts from 1 to ``suppress_below - 1`` are
withheld, and where that would leave a single withheld count in a distribution whose
total is shown (so it could be worked out by subtraction), the next smallest count is
withheld too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median_low
from typing import TYPE_CHECKING

from careers_impact._base import short_repr
from careers_impact._hooks import arrow, frame, html
from careers_impact.errors import ParameterError, ReviewMismatchError
from careers_impact.model.edition import Edition
from careers_impact.reviews.collection import CollectionSummary, summarise_collection
from careers_impact.reviews.progression import compare
from careers_impact.reviews.review import Review, edition_for
from careers_impact.reviews.rollup import RowGroup, row_groups

if TYPE_CHECKING:
    from pandas import DataFrame
    from pyarrow import Table

__all__ = [
    "SUPPRESS_BELOW",
    "Hub",
    "HubDistribution",
    "HubMoves",
    "hub_from_collection",
    "summarise_hub",
    "suppress",
]

#: Counts below this are withheld where figures are published (1 to 4 by default).
SUPPRESS_BELOW = 5
#: The lowest positions: not yet at column 1, and column 1.
LOWEST = (0, 1)


def suppress(counts: Sequence[int], below: int = SUPPRESS_BELOW) -> tuple[int | None, ...]:
    """``counts`` (one distribution, whose total is published) with small numbers
    withheld (``None``) so that none can be worked out from what is shown.

    The rule, for ``below`` = N: if any count is from 1 to N - 1, every count under N is
    withheld, zeros too, so that each withheld count reads "fewer than N" and the zeros
    shown beside it do not narrow it down. If that would still pin a withheld count to
    one value given the total (one count withheld, or every withheld count at N - 1),
    the whole distribution is withheld; so is every distribution with a small count
    whose total is exactly its number of counts times N - 1 (where every count at N - 1
    would be the only way to withhold them all). ``below`` of 0 or 1 withholds nothing.

    Why it holds: with m ≥ 2 counts withheld, each 0 to N - 1, summing to W with
    1 ≤ W ≤ m(N - 1) - 1, each can take at least two values (0 and W when W < N; N - 2
    and N - 1 otherwise); a distribution withheld whole shares what is published with
    others whose counts differ. ``tests/reviews/test_hub.py`` attacks it by enumeration.

    >>> suppress((0, 3, 12, 9, 0))
    (None, None, 12, 9, None)
    >>> suppress((2, 0, 0, 0, 0)), suppress((4, 9, 20)), suppress((2, 4), below=0)
    ((None, None, None, None, None), (None, None, None), (2, 4))
    """
    if below < 0:
        raise ParameterError(f"suppress_below must be 0 or more, not {below}")
    if not any(0 < c < below for c in counts):
        return tuple(counts)
    if sum(counts) == len(counts) * (below - 1):
        return (None,) * len(counts)
    small = [c < below for c in counts]
    withheld = sum(small)
    total = sum(c for c, is_small in zip(counts, small, strict=True) if is_small)
    if withheld >= 2 and total <= withheld * (below - 1) - 1:
        return tuple(None if is_small else c for c, is_small in zip(counts, small, strict=True))
    return (None,) * len(counts)


@dataclass(frozen=True)
class HubDistribution:
    """How many settings stand at each position (0 not yet to 4) on a row, theme or
    benchmark, and how many have no position there.

    >>> from careers_impact.examples import demo_review
    >>> summarise_hub([demo_review()]).themes[1].counts
    (0, 0, 1, 0, 0)
    """

    key: str
    title: str
    counts: tuple[int, int, int, int, int]
    unplaced: int

    @property
    def lowest(self) -> int:
        """Settings at the lowest positions (not yet at column 1, or column 1)."""
        return sum(self.counts[level] for level in LOWEST)


@dataclass(frozen=True)
class HubMoves:
    """How many settings' positions on a row advanced, held or declined between their
    two latest reviews (settings without a position on the row either time are left
    out of all three).

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> moves = summarise_hub([demo_earlier_review(), demo_review()]).moves[0]
    >>> moves.row, moves.advanced, moves.held, moves.declined
    ('1.1', 0, 0, 1)
    """

    row: str
    title: str
    advanced: int
    held: int
    declined: int


@dataclass(frozen=True)
class Hub:
    """A hub's settings together: see `summarise_hub`.

    >>> from careers_impact.examples import demo_review
    >>> view = summarise_hub([demo_review()])
    >>> view.settings, view.rows[1].counts
    (1, (0, 0, 0, 0, 1))
    """

    edition: str
    settings: int
    rows: tuple[HubDistribution, ...]
    themes: tuple[HubDistribution, ...]
    benchmarks: tuple[HubDistribution, ...]
    lowest: tuple[str, ...]
    paired: int
    moves: tuple[HubMoves, ...]

    def __repr__(self) -> str:
        return short_repr(self, ("edition", "settings", "rows", "paired", "lowest"))

    def _repr_html_(self) -> str:
        return html(self)

    def to_frame(self, *, suppress_below: int = SUPPRESS_BELOW) -> DataFrame:
        """`published_counts` as a tidy DataFrame (``careers-impact[pandas]``); withheld
        counts are missing (``<NA>``). Pass ``suppress_below=0`` for every count."""
        return frame(self, suppress_below=suppress_below)

    def to_arrow(self, *, suppress_below: int = SUPPRESS_BELOW) -> Table:
        """The `to_frame` table as a pyarrow Table (``careers-impact[arrow]``), withheld
        counts null."""
        return arrow(self, suppress_below=suppress_below)


def _distribution(key: str, title: str, levels: Iterable[int | None]) -> HubDistribution:
    counts = [0, 0, 0, 0, 0]
    unplaced = 0
    for level in levels:
        if level is None:
            unplaced += 1
        else:
            counts[level] += 1
    return HubDistribution(key, title, (counts[0], counts[1], counts[2], counts[3], counts[4]),
                           unplaced)  # fmt: skip


def _group_levels(
    by_setting: dict[str, dict[str, int | None]], rows: list[str]
) -> list[int | None]:
    out = []
    for levels in by_setting.values():
        known = [level for row in rows if (level := levels.get(row)) is not None]
        out.append(median_low(known) if known else None)
    return out


def _check_top(top: object) -> None:
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ParameterError(f"top must be a whole number of rows, 1 or more, not {top!r}")


def _lowest_rows(rows: Sequence[HubDistribution], top: int) -> tuple[str, ...]:
    # The rows with the most settings at the lowest positions: the top few, ties kept.
    ranked = sorted((r for r in rows if r.lowest), key=lambda r: -r.lowest)
    if not ranked:
        return ()
    cut = ranked[min(top, len(ranked)) - 1].lowest
    return tuple(r.key for r in ranked if r.lowest >= cut)


def hub_from_collection(
    collection: CollectionSummary,
    edition: Edition,
    *,
    moves: tuple[HubMoves, ...] = (),
    paired: int = 0,
    top: int = 5,
) -> Hub:
    """The hub view of a collection (from `read_collection` or `summarise_collection`).

    >>> from careers_impact import load_edition, read_collection
    >>> text = "setting,participant,row,answer\\nA,p1,1.1,1\\nB,p1,1.1,not-yet\\n"
    >>> hub_from_collection(read_collection(text, load_edition()), load_edition()).lowest
    ('1.1',)
    """
    _check_top(top)
    by_setting: dict[str, dict[str, int | None]] = {s: {} for s in collection.settings}
    for item in collection.setting_rows:
        by_setting[item.setting][item.row] = item.level
    # The collection has counted each row already; only groups need counting here.
    rows = tuple(
        HubDistribution(d.row, d.title, d.counts, d.not_reviewed + d.not_applicable)
        for d in collection.rows
    )
    themes, benchmarks = row_groups(edition)

    def groups(found: Sequence[RowGroup], prefix: str) -> tuple[HubDistribution, ...]:
        out = []
        for group in found:
            ids = [r.id for r in edition.rows if r.theme in group.themes]
            title = f"{prefix} {group.key}: {group.title}"
            out.append(_distribution(str(group.key), title, _group_levels(by_setting, ids)))
        return tuple(out)

    return Hub(
        edition=collection.edition,
        settings=len(collection.settings),
        rows=rows,
        themes=groups(themes, "Theme"),
        benchmarks=groups(benchmarks, "Benchmark"),
        lowest=_lowest_rows(rows, top),
        paired=paired,
        moves=moves,
    )


def _moves(pairs: Sequence[tuple[Review, Review]], edition: Edition) -> tuple[HubMoves, ...]:
    tally = {row.id: [0, 0, 0] for row in edition.rows}
    for before, after in pairs:
        for move in compare(before, after).rows:
            index = {"advanced": 0, "held": 1, "declined": 2}.get(move.move)
            if move.row in tally and index is not None:
                tally[move.row][index] += 1
    return tuple(
        HubMoves(row.id, row.title, tally[row.id][0], tally[row.id][1], tally[row.id][2])
        for row in edition.rows
    )


def summarise_hub(
    reviews: Iterable[Review], edition: Edition | None = None, *, top: int = 5
) -> Hub:
    """A hub's view of its settings' reviews; a setting's latest review stands for it.

    Settings are told apart by identifier (URN or UKPRN) where given, else by name. A
    setting with two or more reviews contributes its two latest, by date, to the
    year-on-year moves. All reviews must be on one edition.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> view = summarise_hub([demo_earlier_review(), demo_review()])
    >>> view.settings, view.paired
    (1, 1)
    >>> view.moves[1].advanced, view.moves[1].declined
    (1, 0)
    """
    _check_top(top)
    by_setting: dict[str, list[Review]] = {}
    for review in reviews:
        by_setting.setdefault(review.setting.key, []).append(review)
    if not by_setting:
        raise ParameterError("a hub view needs at least one review")
    first = next(iter(by_setting.values()))[0]
    edition = edition or edition_for(first)
    for group in by_setting.values():
        group.sort(key=lambda r: r.date)
        for review in group:
            if review.edition != edition.id:
                raise ReviewMismatchError(
                    f"the hub is on edition {edition.id!r}, but a review of "
                    f"{review.setting.name!r} is on {review.edition!r}"
                )
        if len({r.date for r in group}) != len(group):
            raise ReviewMismatchError(
                f"two reviews of {group[0].setting.key!r} on the same date; keep one of them"
            )
    latest = [group[-1] for group in by_setting.values()]
    pairs = [(group[-2], group[-1]) for group in by_setting.values() if len(group) >= 2]
    collection = summarise_collection(latest, edition)
    return hub_from_collection(
        collection, edition, moves=_moves(pairs, edition), paired=len(pairs), top=top
    )


#: The measures of `published_counts`, in order: positions, then moves.
MEASURES = ("not-yet", "1", "2", "3", "4", "no-position", "advanced", "held", "declined")


def published_counts(
    hub: Hub, *, suppress_below: int = SUPPRESS_BELOW
) -> list[tuple[str, str, str, str, int | None]]:
    """Every count of the hub view, one per line, with small numbers withheld (``None``).

    Lines are (group, key, title, measure, settings): group is ``theme``,
    ``benchmark``, ``row`` (measures: the five positions and ``no-position``) or
    ``moves`` (``advanced``, ``held``, ``declined``). Each group's counts are withheld
    together by `suppress`. This is what every export of a hub publishes.

    >>> from careers_impact.examples import demo_review
    >>> [line[3:] for line in published_counts(summarise_hub([demo_review()]))[:3]]
    [('not-yet', None), ('1', None), ('2', None)]
    >>> published_counts(summarise_hub([demo_review()]), suppress_below=0)[3][3:]
    ('3', 1)
    """
    lines: list[tuple[str, str, str, str, int | None]] = []
    groups = (("theme", hub.themes), ("benchmark", hub.benchmarks), ("row", hub.rows))
    for group, items in groups:
        for item in items:
            shown = suppress((*item.counts, item.unplaced), suppress_below)
            lines += [
                (group, item.key, item.title, m, v)
                for m, v in zip(MEASURES[:6], shown, strict=True)
            ]
    for moves in hub.moves if hub.paired else ():
        shown = suppress((moves.advanced, moves.held, moves.declined), suppress_below)
        lines += [
            ("moves", moves.row, moves.title, m, v)
            for m, v in zip(MEASURES[6:], shown, strict=True)
        ]
    return lines
