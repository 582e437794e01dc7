"""Many reviews at once, for analysts: a Careers Hub's settings, or a national extract.

`summarise_collection` rolls up review objects; `summarise_answers` is the arithmetic
behind `careers_impact.files.collection.read_collection`, which reads one long CSV of
many settings straight into per-setting, per-row suggestions. Both give a
`CollectionSummary`: the position of every row in every setting, and per row the
distribution of positions across settings.

The results are frozen dataclasses and named tuples rather than pydantic models: a
national extract has hundreds of thousands of setting-rows, and validating each as a
model would cost more than the arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from statistics import median_low
from typing import Any, NamedTuple

from careers_impact._base import short_repr
from careers_impact._deprecated import moved
from careers_impact._hooks import view
from careers_impact.bestfit import DISCUSS_SHARE, DISCUSS_SPREAD, figures, needs_discussion
from careers_impact.errors import ParameterError, ReviewMismatchError, UnknownRowError
from careers_impact.model import Edition
from careers_impact.review import Review, edition_for
from careers_impact.rollup import summarise

# read_collection moved to careers_impact.files.collection; the old path still works.
__getattr__, _ = moved(__name__, "careers_impact.files.collection")

__all__ = [
    "CollectionSummary",
    "RowDistribution",
    "SettingRow",
    "summarise_answers",
    "summarise_collection",
]

#: The header of a collection CSV: a long reflections CSV with a setting column.
COLLECTION_HEADER = ("setting", "participant", "role", "row", "answer", "note")


class SettingRow(NamedTuple):
    """One row in one setting: its position and where it came from.

    ``source`` is ``agreed``, ``suggested``, ``not-reviewed`` or ``not-applicable``;
    ``level`` is 0 (not yet) to 4, or ``None``. The figures are those of the suggestion
    from colleagues' answers.

    >>> from careers_impact.examples import demo_review
    >>> first = summarise_collection([demo_review()]).setting_rows[0]
    >>> first.setting, first.row, first.source, first.level
    ('EXAMPLE-0001', '1.1', 'agreed', 2)
    """

    setting: str
    row: str
    source: str
    level: int | None
    answers: int
    spread: int | None
    share: float | None
    needs_discussion: bool


class RowDistribution(NamedTuple):
    """One row across every setting: how many settings sit at each position.

    ``counts[level]`` counts settings at that level (0 = not yet); settings that have not
    reviewed the row, or agreed it is not applicable, are counted apart.

    >>> from careers_impact.examples import demo_review
    >>> summarise_collection([demo_review()]).distribution("1.2").counts
    (0, 0, 0, 0, 1)
    """

    row: str
    title: str
    counts: tuple[int, int, int, int, int]
    not_reviewed: int
    not_applicable: int
    median: int | None
    needs_discussion: int


@dataclass(frozen=True)
class CollectionSummary:
    """Positions of every row in every setting, and per row their distribution.

    >>> from careers_impact.examples import demo_review
    >>> summary = summarise_collection([demo_review()])
    >>> summary.distribution("1.1").counts
    (0, 0, 1, 0, 0)
    """

    edition: str
    settings: tuple[str, ...]
    setting_rows: tuple[SettingRow, ...]
    rows: tuple[RowDistribution, ...]
    skipped: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return short_repr(self, tuple(field.name for field in fields(self)))

    def _repr_html_(self) -> str:
        return str(view("notebook", "collection_html")(self))

    def distribution(self, row_id: str) -> RowDistribution:
        """The distribution of ``row_id`` across settings; ``LookupError`` if unknown."""
        for item in self.rows:
            if item.row == row_id:
                return item
        raise UnknownRowError(row_id, self.edition, [])

    def to_arrow(self) -> Any:
        """The `to_frame` table as a pyarrow Table (needs ``careers-impact[arrow]``)."""
        return view("frames", "to_arrow")(self)

    def to_frame(self) -> Any:
        """Every setting-row as a tidy pandas DataFrame (needs ``careers-impact[pandas]``)."""
        return view("frames", "collection_frame")(self)

    def distribution_frame(self) -> Any:
        """The per-row distributions as a tidy DataFrame, one line per row and position."""
        return view("frames", "distribution_frame")(self)


def _distributions(edition: Edition, items: Sequence[SettingRow]) -> tuple[RowDistribution, ...]:
    by_row: dict[str, list[SettingRow]] = {row.id: [] for row in edition.rows}
    for item in items:
        by_row[item.row].append(item)
    out = []
    for row in edition.rows:
        counts = [0, 0, 0, 0, 0]
        levels = []
        not_reviewed = not_applicable = flagged = 0
        for item in by_row[row.id]:
            if item.source == "not-applicable":
                not_applicable += 1
            elif item.level is None:
                not_reviewed += 1
            else:
                counts[item.level] += 1
                levels.append(item.level)
            flagged += item.needs_discussion
        out.append(
            RowDistribution(
                row=row.id,
                title=row.title,
                counts=(counts[0], counts[1], counts[2], counts[3], counts[4]),
                not_reviewed=not_reviewed,
                not_applicable=not_applicable,
                median=median_low(levels) if levels else None,
                needs_discussion=flagged,
            )
        )
    return tuple(out)


def summarise_collection(
    reviews: Iterable[Review],
    edition: Edition | None = None,
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
) -> CollectionSummary:
    """Summarise many settings' reviews: each row's position per setting and its spread.

    Every review must be on the same edition, one review per setting (identified by its
    identifier where it has one, else its name). Positions are agreed where agreed,
    else suggested, as in `careers_impact.summarise`.

    >>> from careers_impact.examples import demo_review
    >>> summarise_collection([demo_review()]).settings
    ('EXAMPLE-0001',)
    """
    items: list[SettingRow] = []
    settings: list[str] = []
    for review in reviews:
        if edition is None:
            edition = edition_for(review)
        if review.edition != edition.id:
            raise ReviewMismatchError(
                f"the collection is on edition {edition.id!r}, but the review of "
                f"{review.setting.name!r} is on {review.edition!r}"
            )
        key = review.setting.key
        if key in settings:
            raise ReviewMismatchError(
                f"two reviews of setting {key!r}; summarise one review per setting "
                "(compare reviews over time with careers_impact.compare)"
            )
        settings.append(key)
        summary = summarise(
            review, edition, discuss_spread=discuss_spread, discuss_share=discuss_share
        )
        for outcome in summary.rows:
            s = outcome.suggestion
            items.append(
                SettingRow(
                    key,
                    outcome.row,
                    outcome.source,
                    outcome.level,
                    s.count,
                    s.spread,
                    s.share,
                    s.needs_discussion,
                )
            )
    if edition is None:
        raise ParameterError("the collection has no reviews")
    return CollectionSummary(
        edition=edition.id,
        settings=tuple(settings),
        setting_rows=tuple(items),
        rows=_distributions(edition, items),
    )


def summarise_answers(
    edition: Edition,
    settings: Iterable[str],
    groups: dict[tuple[str, str], dict[str, int | None]],
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
    skipped: Sequence[str] = (),
) -> CollectionSummary:
    """Summarise answers already grouped by (setting, row) and keyed by colleague, as
    levels 0 to 4 (``None`` for unsure or not applicable): `read_collection`'s arithmetic.

    >>> from careers_impact import load_edition
    >>> found = summarise_answers(load_edition(), ["A"], {("A", "1.1"): {"p1": 2, "p2": 4}})
    >>> found.setting_rows[0].level, found.setting_rows[1].source
    (2, 'not-reviewed')
    """
    settings = tuple(settings)
    items: list[SettingRow] = []
    rows = [row.id for row in edition.rows]
    not_reviewed = ("not-reviewed", None, 0, None, None, False)
    # Eight answers from a handful of codes repeat across thousands of settings, so the
    # figures are computed once per distinct set of answers.
    memo: dict[tuple[int, ...], tuple[Any, ...]] = {}
    for setting in settings:
        for row_id in rows:
            members = groups.get((setting, row_id))
            if not members:
                items.append(SettingRow(setting, row_id, *not_reviewed))
                continue
            levels = tuple(sorted(v for v in members.values() if v is not None))
            known = memo.get(levels)
            if known is None:
                if levels:
                    level, lowest, highest, share = figures(levels)
                    spread = highest - lowest
                    needs = needs_discussion(
                        spread, share, discuss_spread=discuss_spread, discuss_share=discuss_share
                    )
                    known = ("suggested", level, len(levels), spread, share, needs)
                else:
                    known = not_reviewed
                memo[levels] = known
            items.append(SettingRow(setting, row_id, *known))
    return CollectionSummary(
        edition=edition.id,
        settings=tuple(settings),
        setting_rows=tuple(items),
        rows=_distributions(edition, items),
        skipped=tuple(skipped),
    )
