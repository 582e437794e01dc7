"""Best fit: a suggested column per row from colleagues' reflections, and how far they agree.

The rules (the domain's own):

* Unsure and not-applicable answers are left out; with no answers left, there is no
  suggestion.
* The suggestion is the **lower median** of the answers, *not yet at column 1* counting
  as 0: the middle answer, and of two middle answers the lower one, because the group
  looks for what is "typically and consistently in place".
* With it come the spread (highest minus lowest), the share of answers at the
  suggestion, the count, a consensus figure from 0 to 1 (Tastle and Wierman's measure
  for ordinal scales), and a *needs discussion* flag: by default a spread of 2 or more,
  or under half of the answers at the suggestion.
* From statement-level evidence, the cumulative best fit: the highest column whose own
  statements and those of every earlier column are in place.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Literal, TypedDict

from pydantic import Field

from careers_impact._base import Frozen, Level
from careers_impact.errors import ParameterError
from careers_impact.model.edition import Cell, Edition
from careers_impact.reviews.review import Evidence, Review
from careers_impact.reviews.vocabulary import UNSURE, Answer, level_of, position_label

__all__ = [
    "DISCUSS_SHARE",
    "DISCUSS_SPREAD",
    "ColumnEvidence",
    "EvidenceFit",
    "Suggestion",
    "check_thresholds",
    "consensus",
    "counted_figures",
    "evidence_fit",
    "figures",
    "krippendorff_alpha",
    "needs_discussion",
    "suggest",
]

#: Default: a row needs discussion when its answers spread over this many columns or more.
DISCUSS_SPREAD = 2
#: Default: a row needs discussion when under this share of answers sit at the suggestion.
DISCUSS_SHARE = 0.5

#: The ordinal scale of levels: 0 (not yet at column 1) to 4.
LOWEST, HIGHEST = 0, 4


Fraction = Annotated[float, Field(ge=0.0, le=1.0)]


class Suggestion(Frozen):
    """The suggested best fit for one row, with the figures that open the discussion.

    ``level`` is 0 (not yet at column 1) to 4, or ``None`` when nobody gave a column.

    >>> s = suggest([3, 2, 3, 4, "unsure"], row="1.3")
    >>> s.level, s.count, s.spread, s.share, s.needs_discussion
    (3, 4, 2, 0.5, True)
    >>> print(s.explain())
    Row 1.3: Column 3 is the lower median of 4 answers (1 unsure left out); 2 of 4 (50%)
    chose it, and the answers have a spread of 2, so it needs discussion.
    """

    row: str | None = None
    level: Level | None
    count: Annotated[int, Field(ge=0)]
    lowest: Level | None = None
    highest: Level | None = None
    spread: Annotated[int, Field(ge=0, le=HIGHEST)] | None = None
    share: Fraction | None = None
    consensus: Fraction | None = None
    needs_discussion: bool = False
    unsure: Annotated[int, Field(ge=0)] = 0
    not_applicable: Annotated[int, Field(ge=0)] = 0
    discuss_spread: Annotated[int, Field(ge=1)] = DISCUSS_SPREAD
    discuss_share: Fraction = DISCUSS_SHARE

    def explain(self) -> str:
        """One sentence saying why the suggestion is what it is."""
        prefix = f"Row {self.row}: " if self.row else ""
        left_out = []
        if self.unsure:
            left_out.append(f"{self.unsure} unsure")
        if self.not_applicable:
            left_out.append(f"{self.not_applicable} not applicable")
        aside = f" ({' and '.join(left_out)} left out)" if left_out else ""
        if self.level is None or self.share is None or self.spread is None:
            return f"{prefix}no suggestion, because nobody chose a column{aside}."
        noun = "answer" if self.count == 1 else "answers"
        at = round(self.share * self.count)
        opening = (
            f"{prefix}{position_label(self.level)} is the lower median of {self.count} "
            f"{noun}{aside}; {at} of {self.count} ({self.share:.0%}) chose it"
        )
        if not self.needs_discussion:
            return f"{opening}, with a spread of {self.spread}."
        reasons = []
        if self.spread >= self.discuss_spread:
            reasons.append(f"the answers have a spread of {self.spread}")
        if self.share < self.discuss_share:
            reasons.append(f"under {self.discuss_share:.0%} chose it")
        return f"{opening}, and {' and '.join(reasons)}, so it needs discussion."


class _Judged(TypedDict):
    """What every suggestion records, whether or not anybody chose a column."""

    row: str | None
    unsure: int
    not_applicable: int
    discuss_spread: int
    discuss_share: float


def suggest(
    answers: Iterable[Answer],
    *,
    row: str | None = None,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
) -> Suggestion:
    """The suggested best fit from the answers for one row.

    The lower median of the columns chosen (*not yet* as 0; unsure and not applicable
    left out), with spread, count, share at the suggestion, consensus, and the needs
    discussion flag: spread of ``discuss_spread`` or more, or under ``discuss_share`` of
    the answers at the suggestion.

    >>> suggest([2, 3]).level        # of two middle answers, the lower
    2
    >>> suggest(["not-yet", 1, 1]).level
    1
    >>> suggest(["unsure"]).level is None
    True
    """
    check_thresholds(discuss_spread, discuss_share)
    levels, unsure, not_applicable = _sorted_answers(answers)
    judged = _Judged(
        row=row,
        unsure=unsure,
        not_applicable=not_applicable,
        discuss_spread=discuss_spread,
        discuss_share=discuss_share,
    )
    if not levels:
        return Suggestion(level=None, count=0, **judged)
    level, lowest, highest, share = figures(levels)
    spread = highest - lowest
    return Suggestion(
        level=level,
        count=len(levels),
        lowest=lowest,
        highest=highest,
        spread=spread,
        share=share,
        consensus=consensus(levels),
        needs_discussion=needs_discussion(
            spread, share, discuss_spread=discuss_spread, discuss_share=discuss_share
        ),
        **judged,
    )


def _sorted_answers(answers: Iterable[Answer]) -> tuple[list[int], int, int]:
    """The levels of the answers that give one, and how many were unsure or n/a."""
    levels: list[int] = []
    unsure = not_applicable = 0
    for answer in answers:
        level = level_of(answer)
        if level is not None:
            levels.append(level)
        elif answer == UNSURE:
            unsure += 1
        else:
            not_applicable += 1
    return levels, unsure, not_applicable


def check_thresholds(discuss_spread: object, discuss_share: object) -> None:
    """Refuse discussion thresholds outside what the rule can use, with a `ParameterError`.

    ``discuss_spread`` is a whole number of columns, 1 to 4 (a spread of 0 would flag
    every row); ``discuss_share`` a share from 0 to 1. Booleans are not numbers. Every
    function that takes the thresholds checks them here, before any work.

    >>> check_thresholds(2, 0.5)
    >>> check_thresholds(0, 0.5)
    Traceback (most recent call last):
    ...
    careers_impact.errors.ParameterError: discuss_spread must be a whole number ... not 0
    """
    if (
        isinstance(discuss_spread, bool)
        or not isinstance(discuss_spread, int)
        or not (1 <= discuss_spread <= HIGHEST)
    ):
        raise ParameterError(
            "discuss_spread must be a whole number of columns from 1 to "
            f"{HIGHEST}, not {discuss_spread!r}"
        )
    if (
        isinstance(discuss_share, bool)
        or not isinstance(discuss_share, (int, float))
        or not 0.0 <= discuss_share <= 1.0
    ):
        raise ParameterError(f"discuss_share must be a share from 0 to 1, not {discuss_share!r}")


def needs_discussion(
    spread: int,
    share: float,
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
) -> bool:
    """Whether a row's answers need the group's discussion: they spread over
    ``discuss_spread`` columns or more, or under ``discuss_share`` of them are at the
    suggestion. The one place the rule lives.

    >>> needs_discussion(2, 0.75), needs_discussion(1, 0.4), needs_discussion(1, 0.5)
    (True, True, False)
    """
    check_thresholds(discuss_spread, discuss_share)
    return spread >= discuss_spread or share < discuss_share


def figures(levels: Sequence[int]) -> tuple[int, int, int, float]:
    """The lower median, lowest, highest, and share at the median of non-empty ``levels``.

    The one place the best-fit arithmetic lives: `suggest` and the collection
    summaries both use it (through `counted_figures`), so they cannot disagree.

    >>> figures([4, 1, 3, 3])
    (3, 1, 4, 0.5)
    """
    return counted_figures(level_counts(levels))


def level_counts(levels: Iterable[int]) -> tuple[int, ...]:
    """How many of ``levels`` sit at each level, 0 (not yet at column 1) to 4.

    >>> level_counts([3, 1, 3])
    (0, 1, 0, 2, 0)
    """
    counts = [0] * (HIGHEST + 1)
    for level in levels:
        counts[level] += 1
    return tuple(counts)


def counted_figures(counts: Sequence[int]) -> tuple[int, int, int, float]:
    """`figures` from how many answers sit at each level: ``counts[level]``, 0 to 4.

    The lower median is the level of the ``(n - 1) // 2``-th answer in order (counting
    from 0), as `statistics.median_low`; five counts are all it needs, so a national
    extract is summarised without keeping or sorting its answers.

    >>> counted_figures([0, 1, 0, 2, 1])
    (3, 1, 4, 0.5)
    """
    total = sum(counts)
    if total <= 0:
        raise ParameterError("figures need at least one answer")
    middle = (total - 1) // 2
    level, seen = 0, counts[0]
    while seen <= middle:
        level += 1
        seen += counts[level]
    present = [level for level, count in enumerate(counts) if count]
    return level, present[0], present[-1], counts[level] / total


def consensus(levels: Sequence[int], *, lowest: int = LOWEST, highest: int = HIGHEST) -> float:
    """Tastle and Wierman's consensus of ordinal answers: 1 when all agree, 0 when split
    equally between the two ends of the scale.

    ``Cns = 1 + sum(p_i * log2(1 - |X_i - mean| / (highest - lowest)))`` over the
    distinct answers ``X_i`` with their shares ``p_i`` (Tastle & Wierman 2007,
    *Consensus and dissention: a measure of ordinal dispersion*).

    >>> consensus([3, 3, 3])
    1.0
    >>> consensus([0, 4])
    0.0
    """
    if not levels:
        raise ParameterError("consensus needs at least one answer")
    width = highest - lowest
    if width <= 0:
        raise ParameterError("the scale needs two or more levels")
    n = len(levels)
    mean = sum(levels) / n
    total = 0.0
    for value in set(levels):
        share = levels.count(value) / n
        distance = abs(value - mean) / width
        # distance reaches 1 only when every answer sits at the other end, which
        # cannot happen for a value that is itself among the answers and the mean.
        total += share * math.log2(1 - distance)
    return min(1.0, max(0.0, 1.0 + total))


def krippendorff_alpha(units: Iterable[Sequence[int]]) -> float | None:
    """Krippendorff's alpha for ordinal answers: how far colleagues agree beyond chance.

    Each unit is one row's levels (0 to 4) from the colleagues who gave a column; units
    with fewer than two levels carry no pairs and are left out. ``None`` when there are
    no pairs, or no variation at all to disagree about. 1 is perfect agreement, 0 is
    what chance would give, below 0 systematic disagreement. With a handful of
    colleagues and 30-odd rows the figure is rough: read it as a prompt, not a verdict.

    >>> krippendorff_alpha([[1, 1], [2, 2], [3, 3]])
    1.0
    """
    # The coincidence matrix from each unit's value counts: n_c * n_k / (m - 1) pairs
    # for c != k and n_c * (n_c - 1) / (m - 1) for c == k, so the work grows with the
    # colleagues (to count) and the levels (five), not with pairs of colleagues.
    coincidences: dict[tuple[int, int], float] = {}
    for unit in units:
        counts = Counter(unit)
        m = sum(counts.values())
        if m < 2:
            continue
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                if pairs:
                    coincidences[(c, k)] = coincidences.get((c, k), 0.0) + pairs / (m - 1)
    if not coincidences:
        return None
    totals: dict[int, float] = {}
    for (a, _), weight in coincidences.items():
        totals[a] = totals.get(a, 0.0) + weight
    values_sorted = sorted(totals)
    n = sum(totals.values())

    def delta(c: int, k: int) -> float:
        # Ordinal metric: the marginal mass between c and k, less half of each end.
        low, high = min(c, k), max(c, k)
        between = sum(totals[g] for g in values_sorted if low <= g <= high)
        return (between - (totals[c] + totals[k]) / 2) ** 2

    observed = sum(weight * delta(a, b) for (a, b), weight in coincidences.items())
    expected = sum(
        totals[c] * totals[k] * delta(c, k) for c in values_sorted for k in values_sorted
    )
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


class ColumnEvidence(Frozen):
    """Whether one column of a row is in place, by its statements' evidence."""

    column: Annotated[int, Field(ge=1, le=4)]
    statements: Annotated[int, Field(ge=0)]
    in_place: Annotated[int, Field(ge=0)]
    partly: Annotated[int, Field(ge=0)]
    status: Literal["in-place", "not-in-place", "no-statements"]


class EvidenceFit(Frozen):
    """The cumulative best fit of one row from statement-level evidence.

    >>> from careers_impact import load_edition
    >>> from careers_impact.reviews.review import Evidence
    >>> edition = load_edition()
    >>> fit = evidence_fit([Evidence(row="1.1", column=1, statement=0, status="in-place")],
    ...                    edition, "1.1")
    >>> fit.level
    1
    >>> print(fit.explain())
    Row 1.1: column 1 is in place; column 2 is not (0 of 2 statements in place), so the
    cumulative best fit is Column 1.
    """

    row: str
    level: Level
    columns: tuple[ColumnEvidence, ...]
    required_share: Fraction
    count_partly: bool

    def explain(self) -> str:
        """One sentence saying why the cumulative best fit is what it is."""
        blocker = next((c for c in self.columns if c.status == "not-in-place"), None)
        if blocker is None:
            return (
                f"Row {self.row}: every column is in place, so the cumulative best fit is "
                f"{position_label(self.level)}."
            )
        in_place = [c.column for c in self.columns[: blocker.column - 1] if c.status == "in-place"]
        first = f"column{'s' if len(in_place) > 1 else ''} " + ", ".join(map(str, in_place))
        held = f"({blocker.in_place} of {blocker.statements} statements in place)"
        said = f"{first} {'are' if len(in_place) > 1 else 'is'} in place; " if in_place else ""
        return (
            f"Row {self.row}: {said}column {blocker.column} is not {held}, so the "
            f"cumulative best fit is {position_label(self.level)}."
        )


def _column_evidence(
    cell: Cell, status: Mapping[tuple[int, int], str], required_share: float, count_partly: bool
) -> ColumnEvidence:
    """How many of one cell's statements are in place, and whether the column is."""
    total = len(cell.statements)
    in_place = sum(status.get((cell.column, i)) == "in-place" for i in range(total))
    partly = sum(status.get((cell.column, i)) == "partly" for i in range(total))
    counted = in_place + (partly if count_partly else 0)
    if total == 0:
        state: Literal["in-place", "not-in-place", "no-statements"] = "no-statements"
    elif counted >= required_share * total - 1e-9:
        state = "in-place"
    else:
        state = "not-in-place"
    return ColumnEvidence(
        column=cell.column, statements=total, in_place=in_place, partly=partly, status=state
    )


def evidence_fit(
    evidence: Iterable[Evidence] | Review,
    edition: Edition,
    row_id: str,
    *,
    required_share: float = 1.0,
    count_partly: bool = False,
) -> EvidenceFit:
    """The cumulative best fit of a row from statement-level evidence.

    A column is in place when at least ``required_share`` of its statements are (by
    default all of them); ``partly`` counts as in place only with ``count_partly``. A
    statement with no evidence is not in place. The best fit is the highest column
    whose own and all earlier columns are in place (columns are cumulative), 0 when
    column 1 is not. A column with no statements in the source (a damaged cell) cannot
    block: it is reported as ``no-statements``.

    >>> from careers_impact import load_edition
    >>> evidence_fit([], load_edition(), "1.1").level
    0
    """
    if not 0.0 < required_share <= 1.0:
        raise ParameterError(
            f"required_share must be above 0 and at most 1, not {required_share!r}"
        )
    items = evidence.evidence if isinstance(evidence, Review) else tuple(evidence)
    row = edition.row(row_id)
    status = {(e.column, e.statement): e.status for e in items if e.row == row.id}
    columns = [_column_evidence(cell, status, required_share, count_partly) for cell in row.cells]
    level = 0
    for column in columns:
        # A damaged cell with no statements neither blocks nor earns a column.
        if column.status == "not-in-place":
            break
        if column.status == "in-place":
            level = column.column
    return EvidenceFit(
        row=row.id,
        level=level,
        columns=tuple(columns),
        required_share=required_share,
        count_partly=count_partly,
    )
