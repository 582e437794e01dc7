"""Peer review sets: a few settings' reviews side by side, for peer-to-peer discussion.

The schools guide names peer review as the next stage of the Careers Impact System:
settings compare their internal leadership reviews in small groups, and "insights from
the internal leadership review provide a foundation for peer discussion". A peer set
lays out, per row, each setting's position (agreed where agreed, else suggested, as in
`careers_impact.summarise`); the rows where the settings differ most; and where one
setting's strength meets another's priority area, the natural pairs for a conversation.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from careers_impact._base import Frozen, Level
from careers_impact._hooks import arrow, frame, html
from careers_impact.errors import ParameterError, ReviewMismatchError, UnknownRowError
from careers_impact.model.edition import Edition
from careers_impact.reviews.review import Review, edition_for
from careers_impact.reviews.rollup import ReviewSummary, Source, summarise

if TYPE_CHECKING:
    from pandas import DataFrame
    from pyarrow import Table

__all__ = ["PeerMatch", "PeerRow", "PeerSet", "peer_set"]

#: A peer set is a small group: two settings at least, and few enough to read at once.
MAX_PEERS = 8


class PeerRow(Frozen):
    """One row across the peer set: each setting's position and its source (agreed,
    suggested, not-reviewed, not-applicable), in the set's order.

    ``spread`` is the highest known level minus the lowest (``None`` with fewer than
    two settings placed on the row).

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> from careers_impact import Setting
    >>> other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak")})
    >>> row = peer_set([demo_review(), other]).row("1.4")
    >>> row.labels, row.sources, row.spread
    (('Column 3', 'Column 3'), ('suggested', 'agreed'), 0)
    """

    row: str
    title: str
    theme: int
    levels: tuple[Level | None, ...]
    labels: tuple[str, ...]
    sources: tuple[Source, ...]

    @property
    def spread(self) -> int | None:
        """How far apart the settings placed on the row are, in columns."""
        known = [level for level in self.levels if level is not None]
        return max(known) - min(known) if len(known) >= 2 else None


class PeerMatch(Frozen):
    """A row that is one setting's strength and another's priority area.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> from careers_impact import Setting
    >>> other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak")})
    >>> match = peer_set([demo_review(), other]).matches[0]
    >>> match.row, match.strong, match.strong_level, match.priority_level
    ('6.2', 'Oak', 3, 1)
    """

    row: str
    title: str
    strong: str
    strong_level: Level
    priority: str
    priority_level: Level


class PeerSet(Frozen):
    """Several settings' reviews side by side: positions per row, differences, matches.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> from careers_impact import Setting
    >>> other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak")})
    >>> peers = peer_set([demo_review(), other])
    >>> peers.settings, peers.row("1.2").levels
    (('Northfield Academy (fictional example)', 'Oak'), (4, 1))
    """

    _repr_fields = ("edition", "settings", "dates", "rows", "differ_most", "matches")

    edition: str
    settings: tuple[str, ...]
    dates: tuple[_dt.date, ...]
    rows: tuple[PeerRow, ...]
    differ_most: tuple[str, ...]
    matches: tuple[PeerMatch, ...]

    def row(self, row_id: str) -> PeerRow:
        """The peer row ``row_id``; `UnknownRowError` if the edition has none."""
        for item in self.rows:
            if item.row == row_id:
                return item
        raise UnknownRowError(row_id, self.edition, [])

    def _repr_html_(self) -> str:
        return html(self)

    def to_frame(self) -> DataFrame:
        """One line per setting and row, as a tidy DataFrame (``careers-impact[pandas]``)."""
        return frame(self)

    def to_arrow(self) -> Table:
        """The `to_frame` table as a pyarrow Table (needs ``careers-impact[arrow]``)."""
        return arrow(self)


def _matches(named: Sequence[tuple[str, ReviewSummary]]) -> tuple[PeerMatch, ...]:
    # Row by row in the edition's order, so the pairs read as the model does.
    found = []
    for outcome in named[0][1].rows:
        row = outcome.row
        for strong_name, strong in named:
            for weak_name, weak in named:
                mine, theirs = strong.row(row).level, weak.row(row).level
                if (
                    row in strong.strengths
                    and row in weak.priorities
                    and mine is not None
                    and theirs is not None
                    and mine > theirs
                ):
                    found.append(PeerMatch(row=row, title=outcome.title, strong=strong_name,
                                           strong_level=mine, priority=weak_name,
                                           priority_level=theirs))  # fmt: skip
    return tuple(found)


def peer_set(reviews: Sequence[Review], edition: Edition | None = None) -> PeerSet:
    """Two to eight settings' reviews side by side, for a peer review conversation.

    Every review must be on the same edition and of a different setting. Positions are
    agreed where agreed, else suggested. ``differ_most`` is every row at the widest
    spread between settings (none if they all agree); ``matches`` pairs a setting whose
    strength (a row at its highest position) is another's priority area (a row at its
    lowest), where the first stands higher.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> from careers_impact import Setting
    >>> other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak")})
    >>> peer_set([demo_review(), other]).differ_most
    ('1.2',)
    """
    if not 2 <= len(reviews) <= MAX_PEERS:
        raise ParameterError(
            f"a peer set compares 2 to {MAX_PEERS} settings' reviews; {len(reviews)} given"
        )
    edition = edition or edition_for(reviews[0])
    named: list[tuple[str, ReviewSummary]] = []
    seen: set[str] = set()  # settings told apart as the hub tells them (`Setting.key`)
    for review in reviews:
        if review.edition != edition.id:
            raise ReviewMismatchError(
                f"the peer set is on edition {edition.id!r}, but the review of "
                f"{review.setting.name!r} is on {review.edition!r}"
            )
        summary = summarise(review, edition)
        name = review.setting.name
        if review.setting.key in seen:
            raise ReviewMismatchError(
                f"two reviews of {review.setting.key!r}; a peer set has one review per "
                "setting, and one setting's reviews are compared over time"
            )
        seen.add(review.setting.key)
        if any(name == other for other, _ in named):
            name = f"{name} ({review.setting.key})"  # two settings of one name, told apart
        named.append((name, summary))
    rows = tuple(
        PeerRow(
            row=row.id,
            title=row.title,
            theme=row.theme,
            levels=tuple(s.row(row.id).level for _, s in named),
            labels=tuple(s.row(row.id).label for _, s in named),
            sources=tuple(s.row(row.id).source for _, s in named),
        )
        for row in edition.rows
    )
    widest = max((r.spread or 0 for r in rows), default=0)
    return PeerSet(
        edition=edition.id,
        settings=tuple(name for name, _ in named),
        dates=tuple(s.date for _, s in named),
        rows=rows,
        differ_most=tuple(r.row for r in rows if widest and r.spread == widest),
        matches=_matches(named),
    )
