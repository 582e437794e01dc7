"""Many reviews at once, for analysts: a Careers Hub's settings, or a national extract.

`summarise_collection` rolls up review objects; `read_collection` reads one
long CSV with a setting column (``setting,participant,role,row,answer,note``) straight
into per-setting, per-row suggestions, fast enough for thousands of settings. Both give
a `CollectionSummary`: the position of every row in every setting, and per row the
distribution of positions across settings.

The results are frozen dataclasses and named tuples rather than pydantic models: a
national extract has hundreds of thousands of setting-rows, and validating each as a
model would cost more than the arithmetic.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from os import PathLike, fspath
from pathlib import Path
from statistics import median_low
from typing import Any, NamedTuple

from careers_impact.bestfit import DISCUSS_SHARE, DISCUSS_SPREAD, figures
from careers_impact.errors import ReviewInputError
from careers_impact.model import Edition
from careers_impact.review import NOT_APPLICABLE, NOT_YET, UNSURE, Review
from careers_impact.review_files import parse_answer
from careers_impact.rollup import summarise

__all__ = [
    "CollectionSummary",
    "RowDistribution",
    "SettingRow",
    "read_collection",
    "summarise_collection",
]

#: The header of a collection CSV: a long reflections CSV with a setting column.
COLLECTION_HEADER = ("setting", "participant", "role", "row", "answer", "note")

_UNSURE, _NOT_APPLICABLE = -1, -2


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

    def distribution(self, row_id: str) -> RowDistribution:
        """The distribution of ``row_id`` across settings; ``LookupError`` if unknown."""
        for item in self.rows:
            if item.row == row_id:
                return item
        raise LookupError(f"the collection has no row {row_id!r}")

    def to_frame(self) -> Any:
        """Every setting-row as a tidy pandas DataFrame (needs ``careers-impact[pandas]``)."""
        from careers_impact.frames import collection_frame

        return collection_frame(self)

    def distribution_frame(self) -> Any:
        """The per-row distributions as a tidy DataFrame, one line per row and position."""
        from careers_impact.frames import distribution_frame

        return distribution_frame(self)


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
            from careers_impact.editions import load_edition

            edition = load_edition(review.edition)
        if review.edition != edition.id:
            raise ValueError(
                f"the collection is on edition {edition.id!r}, but the review of "
                f"{review.setting.name!r} is on {review.edition!r}"
            )
        key = review.setting.identifier or review.setting.name
        if key in settings:
            raise ValueError(
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
        raise ValueError("the collection has no reviews")
    return CollectionSummary(
        edition=edition.id,
        settings=tuple(settings),
        setting_rows=tuple(items),
        rows=_distributions(edition, items),
    )


def _code(answer: object) -> int | None:
    if answer is None:
        return None
    if answer == NOT_YET:
        return 0
    if answer == UNSURE:
        return _UNSURE
    if answer == NOT_APPLICABLE:
        return _NOT_APPLICABLE
    if isinstance(answer, int):
        return answer
    raise TypeError(f"not an answer: {answer!r}")


def read_collection(
    path: str | PathLike[str],
    edition: Edition,
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
) -> CollectionSummary:
    """Read one long CSV of many settings' reflections and summarise every setting-row.

    Columns ``setting``, ``participant``, ``row`` and ``answer`` are needed; ``role``
    and ``note`` are read past. Each setting-row gets the suggested best fit from its
    answers (the file has no agreed positions). Bad lines raise
    `ReviewInputError` with the line and column; blank answers are reported in
    ``skipped``.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "hub.csv"
    >>> _ = path.write_text(
    ...     "setting,participant,row,answer\\nA,p1,1.1,2\\nA,p2,1.1,4\\n", encoding="utf-8"
    ... )
    >>> read_collection(path, load_edition()).setting_rows[0].level
    2
    """
    name = fspath(path)
    try:
        # Streamed, not read whole: a national extract is tens of megabytes.
        with Path(name).open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            try:
                return _summarise_lines(
                    name,
                    reader,
                    edition,
                    discuss_spread=discuss_spread,
                    discuss_share=discuss_share,
                )
            except UnicodeDecodeError:
                raise ReviewInputError(
                    name, "not UTF-8 text; save it as 'CSV UTF-8'", line=reader.line_num + 1
                ) from None
            except csv.Error as error:
                raise ReviewInputError(
                    name, f"not readable as CSV: {error}", line=reader.line_num
                ) from None
    except OSError as error:
        raise ReviewInputError(name, f"cannot read the file: {error.strerror}") from None


def _summarise_lines(
    name: str,
    reader: Any,
    edition: Edition,
    *,
    discuss_spread: int,
    discuss_share: float,
) -> CollectionSummary:
    header = [h.strip().casefold() for h in next(reader, [])]
    if not any(header):
        raise ReviewInputError(name, "the file is empty")
    for needed in ("setting", "participant", "row", "answer"):
        if needed not in header:
            raise ReviewInputError(
                name,
                f"the header has no {needed!r} column; expected {','.join(COLLECTION_HEADER)}",
                line=1,
            )
    i_setting, i_person = header.index("setting"), header.index("participant")
    i_row, i_answer = header.index("row"), header.index("answer")
    width = max(i_setting, i_person, i_row, i_answer) + 1
    known_rows = {row.id for row in edition.rows}
    codes: dict[str, int | None] = {}
    groups: dict[tuple[str, str], dict[str, int]] = {}
    settings: dict[str, None] = {}
    skipped: list[str] = []
    group: dict[str, int] = {}
    last_setting = last_row = ""
    unseen = object()
    # The hot loop: a national extract has millions of lines. Lines of one setting-row
    # usually follow one another, so the group and its checks are looked up only when
    # the setting or row changes.
    for fields in reader:
        if len(fields) < width:
            if not any(f.strip() for f in fields):
                skipped.append(f"line {reader.line_num}: empty")
                continue
            raise ReviewInputError(
                name, f"{len(fields)} fields, fewer than the header needs", line=reader.line_num
            )
        setting, row_id, person, raw = (
            fields[i_setting],
            fields[i_row],
            fields[i_person],
            fields[i_answer],
        )
        code = codes.get(raw, unseen)
        if code is unseen:
            try:
                code = codes[raw] = _code(parse_answer(raw))
            except ValueError as error:
                raise ReviewInputError(
                    name, str(error), line=reader.line_num, column="answer"
                ) from None
        if row_id != last_row or setting != last_setting:
            if row_id not in known_rows and row_id.strip() not in known_rows:
                raise ReviewInputError(
                    name,
                    f"edition {edition.id!r} has no row {row_id.strip()!r}",
                    line=reader.line_num,
                    column="row",
                )
            if not setting:
                raise ReviewInputError(
                    name, "no setting named", line=reader.line_num, column="setting"
                )
            key = (setting, row_id.strip())
            found = groups.get(key)
            if found is None:
                found = groups[key] = {}
                settings[setting] = None
            group, last_setting, last_row = found, setting, row_id
        if not person:
            raise ReviewInputError(
                name, "no participant named", line=reader.line_num, column="participant"
            )
        if code is None:
            skipped.append(f"line {reader.line_num}: no answer for row {row_id.strip()}")
            continue
        if person in group:
            raise ReviewInputError(
                name,
                f"{person!r} answers row {row_id.strip()} twice for setting {setting!r}",
                line=reader.line_num,
            )
        group[person] = code  # type: ignore[assignment]

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
            answers = tuple(sorted(members.values()))
            known = memo.get(answers)
            if known is None:
                levels = [v for v in answers if v >= 0]
                if levels:
                    level, lowest, highest, share = figures(levels)
                    spread = highest - lowest
                    needs = spread >= discuss_spread or share < discuss_share
                    known = ("suggested", level, len(levels), spread, share, needs)
                else:
                    known = not_reviewed
                memo[answers] = known
            items.append(SettingRow(setting, row_id, *known))
    return CollectionSummary(
        edition=edition.id,
        settings=tuple(settings),
        setting_rows=tuple(items),
        rows=_distributions(edition, items),
        skipped=tuple(skipped),
    )
