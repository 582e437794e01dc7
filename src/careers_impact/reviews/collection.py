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

from array import array
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, overload

from careers_impact._base import short_repr
from careers_impact._hooks import arrow, distribution_frame, frame, html
from careers_impact.errors import ParameterError, ReviewMismatchError, UnknownRowError
from careers_impact.model.edition import Edition
from careers_impact.reviews.bestfit import (
    DISCUSS_SHARE,
    DISCUSS_SPREAD,
    check_thresholds,
    counted_figures,
    level_counts,
    needs_discussion,
)
from careers_impact.reviews.review import Review, edition_for
from careers_impact.reviews.rollup import summarise

if TYPE_CHECKING:
    from pandas import DataFrame
    from pyarrow import Table

__all__ = [
    "READERS",
    "CollectionSummary",
    "Outcome",
    "RowDistribution",
    "SettingRow",
    "SettingRows",
    "counted_outcome",
    "summarise_answers",
    "summarise_collection",
    "summarise_counts",
]

#: The header of a collection CSV: a long reflections CSV with a setting column.
COLLECTION_HEADER = ("setting", "participant", "role", "row", "answer", "note")


#: The readers of a collection file: polars (the ``fast`` extra), the core's quick
#: reader, and its careful reader, which words and locates every problem.
Reader = Literal["polars", "quick", "careful"]
READERS: tuple[Reader, ...] = ("polars", "quick", "careful")


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


#: A setting-row's position and figures, without its setting and row: the fields of
#: `SettingRow` after ``row``. A collection stores each distinct one once.
Outcome = tuple[str, int | None, int, int | None, float | None, bool]

_NOT_REVIEWED: Outcome = ("not-reviewed", None, 0, None, None, False)


class SettingRows(Sequence[SettingRow]):
    """The setting-rows of a `CollectionSummary`, setting by setting in edition row order,
    made on demand from its columns (a national extract has millions).

    >>> from careers_impact.examples import demo_review
    >>> rows = summarise_collection([demo_review()]).setting_rows
    >>> len(rows), rows[-1].row
    (32, '6.3')
    """

    __slots__ = ("_summary",)

    def __init__(self, summary: CollectionSummary) -> None:
        self._summary = summary

    def __len__(self) -> int:
        return len(self._summary.index)

    @overload
    def __getitem__(self, at: int) -> SettingRow: ...
    @overload
    def __getitem__(self, at: slice) -> tuple[SettingRow, ...]: ...
    def __getitem__(self, at: int | slice) -> SettingRow | tuple[SettingRow, ...]:
        if isinstance(at, slice):
            return tuple(self[i] for i in range(*at.indices(len(self))))
        s = self._summary
        setting, row = divmod(range(len(s.index))[at], len(s.row_ids))
        return SettingRow(s.settings[setting], s.row_ids[row], *s.outcomes[s.index[at]])

    def __iter__(self) -> Iterator[SettingRow]:
        s = self._summary
        places = ((setting, row) for setting in s.settings for row in s.row_ids)
        for (setting, row), outcome in zip(
            places, map(s.outcomes.__getitem__, s.index), strict=True
        ):
            yield SettingRow(setting, row, *outcome)

    def __repr__(self) -> str:
        return f"<{len(self)} setting-rows>"


@dataclass(frozen=True, eq=True)
class CollectionSummary:
    """Positions of every row in every setting, and per row their distribution.

    Stored by columns, so a national extract's millions of setting-rows take a few bytes
    each: ``index[i]`` is the place in ``outcomes`` of setting-row ``i`` (setting
    ``i // len(row_ids)``, row ``i % len(row_ids)``). `setting_rows` gives them as
    `SettingRow` tuples.

    >>> from careers_impact.examples import demo_review
    >>> summary = summarise_collection([demo_review()])
    >>> summary.distribution("1.1").counts
    (0, 0, 1, 0, 0)
    """

    edition: str
    settings: tuple[str, ...]
    row_ids: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    index: array[int]
    rows: tuple[RowDistribution, ...]
    skipped: tuple[str, ...] = ()
    #: The file's columns that no figure uses (a ``date``, a timestamp), each by name.
    ignored: tuple[str, ...] = ()
    #: Which reader made it from a file (`READERS`), or ``None`` from review objects. Not
    #: part of equality: every reader gives the same summary.
    read_by: Reader | None = field(default=None, compare=False)

    def __repr__(self) -> str:
        return short_repr(self, ("edition", "settings", "setting_rows", "rows", "skipped"))

    def _repr_html_(self) -> str:
        return html(self)

    @property
    def setting_rows(self) -> SettingRows:
        """Every setting-row, setting by setting in the edition's row order."""
        return SettingRows(self)

    def distribution(self, row_id: str) -> RowDistribution:
        """The distribution of ``row_id`` across settings; ``LookupError`` if unknown."""
        for item in self.rows:
            if item.row == row_id:
                return item
        raise UnknownRowError(row_id, self.edition, [])

    def to_arrow(self) -> Table:
        """The `to_frame` table as a pyarrow Table (needs ``careers-impact[arrow]``)."""
        return arrow(self)

    def to_frame(self) -> DataFrame:
        """Every setting-row as a tidy pandas DataFrame (needs ``careers-impact[pandas]``)."""
        return frame(self)

    def distribution_frame(self) -> DataFrame:
        """The per-row distributions as a tidy DataFrame, one line per row and position."""
        return distribution_frame(self)


def _median(counts: Sequence[int]) -> int | None:
    if not any(counts):
        return None
    return counted_figures(counts)[0]


def _distributions(
    edition: Edition, outcomes: Sequence[Outcome], index: array[int]
) -> tuple[RowDistribution, ...]:
    width = len(edition.rows)
    out = []
    for at, row in enumerate(edition.rows):
        # Counted per distinct outcome (a few hundred), not per setting.
        counts = [0, 0, 0, 0, 0]
        not_reviewed = not_applicable = flagged = 0
        for which, settings in Counter(index[at::width]).items():
            source, level, *_, needs = outcomes[which]
            if source == "not-applicable":
                not_applicable += settings
            elif level is None:
                not_reviewed += settings
            else:
                counts[level] += settings
            flagged += settings if needs else 0
        out.append(
            RowDistribution(
                row=row.id,
                title=row.title,
                counts=(counts[0], counts[1], counts[2], counts[3], counts[4]),
                not_reviewed=not_reviewed,
                not_applicable=not_applicable,
                median=_median(counts),
                needs_discussion=flagged,
            )
        )
    return tuple(out)


def _factorised(items: Sequence[Hashable]) -> tuple[tuple[Any, ...], Iterator[int]]:
    """Each distinct item once, in order of first appearance, and each item's place
    among them (built by dictionaries in C: a national extract has millions)."""
    distinct = dict.fromkeys(items)
    place = {item: at for at, item in enumerate(distinct)}
    return tuple(distinct), map(place.__getitem__, items)


def _indexed(
    edition: Edition,
    settings: Sequence[str],
    outcomes: tuple[Outcome, ...],
    which: Iterable[int],
    skipped: Sequence[str] = (),
) -> CollectionSummary:
    index = array("H" if len(outcomes) <= 0xFFFF else "L", which)
    if len(index) != len(settings) * len(edition.rows):  # pragma: no cover - a bug of ours
        raise ValueError("a collection needs one outcome per setting and row")
    return CollectionSummary(
        edition=edition.id,
        settings=tuple(settings),
        row_ids=tuple(row.id for row in edition.rows),
        outcomes=outcomes,
        index=index,
        rows=_distributions(edition, outcomes, index),
        skipped=tuple(skipped),
    )


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
    check_thresholds(discuss_spread, discuss_share)
    outcomes: list[Outcome] = []
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
                f"two reviews of setting {key!r}; summarise one review per setting, and "
                "compare a setting's reviews over time"
            )
        settings.append(key)
        summary = summarise(
            review, edition, discuss_spread=discuss_spread, discuss_share=discuss_share
        )
        for outcome in summary.rows:
            s = outcome.suggestion
            outcomes.append(
                (outcome.source, outcome.level, s.count, s.spread, s.share, s.needs_discussion)
            )
    if edition is None:
        raise ParameterError("the collection has no reviews")
    return _indexed(edition, settings, *_factorised(outcomes))


def counted_outcome(
    counts: Sequence[int],
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
) -> Outcome:
    """A setting-row's suggestion from how many colleagues gave each level, 0 to 4.

    >>> counted_outcome([0, 0, 3, 0, 1])
    ('suggested', 2, 4, 2, 0.75, True)
    >>> counted_outcome([0, 0, 0, 0, 0])[0]
    'not-reviewed'
    """
    check_thresholds(discuss_spread, discuss_share)
    if not any(counts):
        return _NOT_REVIEWED
    level, lowest, highest, share = counted_figures(counts)
    spread = highest - lowest
    needs = needs_discussion(
        spread, share, discuss_spread=discuss_spread, discuss_share=discuss_share
    )
    return ("suggested", level, sum(counts), spread, share, needs)


def summarise_counts(
    edition: Edition,
    settings: Sequence[str],
    counts: Sequence[Hashable],
    unpack: Callable[[Any], Sequence[int]] = tuple,
    *,
    index: Iterable[int] | None = None,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
    skipped: Sequence[str] = (),
) -> CollectionSummary:
    """Summarise answers counted per setting-row: `read_collection`'s arithmetic.

    ``counts`` has one entry per setting and row (setting by setting, in the edition's
    row order), or, given ``index``, each distinct entry once and ``index`` the place in
    ``counts`` of each setting-row's. ``unpack`` turns an entry into how many colleagues
    gave each level, 0 to 4. Unsure and not-applicable answers are not counted. Each
    distinct entry is worked out once: a national extract has only a few hundred.

    >>> from careers_impact import load_edition
    >>> edition = load_edition()
    >>> counts = [(0, 0, 1, 0, 1)] + [(0,) * 5] * (len(edition.rows) - 1)
    >>> found = summarise_counts(edition, ["A"], counts)
    >>> found.setting_rows[0].level, found.setting_rows[1].source
    (2, 'not-reviewed')
    >>> summarise_counts(edition, ["A"], counts[:2], index=[0] + [1] * 31) == found
    True
    """
    check_thresholds(discuss_spread, discuss_share)
    if index is None:
        counts, index = _factorised(counts)
    outcomes = tuple(
        counted_outcome(unpack(entry), discuss_spread=discuss_spread, discuss_share=discuss_share)
        for entry in counts
    )
    return _indexed(edition, settings, outcomes, index, skipped)


def summarise_answers(
    edition: Edition,
    settings: Iterable[str],
    groups: dict[tuple[str, str], dict[str, int | None]],
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
    skipped: Sequence[str] = (),
) -> CollectionSummary:
    """Summarise answers grouped by (setting, row) and keyed by colleague, as levels 0 to
    4 (``None`` for unsure or not applicable).

    >>> from careers_impact import load_edition
    >>> found = summarise_answers(load_edition(), ["A"], {("A", "1.1"): {"p1": 2, "p2": 4}})
    >>> found.setting_rows[0].level, found.setting_rows[1].source
    (2, 'not-reviewed')
    """
    check_thresholds(discuss_spread, discuss_share)
    settings = tuple(settings)
    counts = [
        level_counts(v for v in groups.get((setting, row.id), {}).values() if v is not None)
        for setting in settings
        for row in edition.rows
    ]
    return summarise_counts(
        edition,
        settings,
        counts,
        discuss_spread=discuss_spread,
        discuss_share=discuss_share,
        skipped=skipped,
    )
