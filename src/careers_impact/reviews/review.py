"""Internal leadership reviews: who took part, what each reflected, what the group agreed.

Colleagues reflect on each row in advance, each choosing the column that best fits;
the group then agrees a best-fit position per row, "based on what is typically and
consistently in place". A `Review` records both. The agreed position is the
record: a computed suggestion never overwrites it.

Answers and positions use the column numbers 1 to 4, and the words ``"not-yet"``
(not yet at column 1), ``"unsure"`` and ``"not-applicable"``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    ValidationInfo,
    model_validator,
)

from careers_impact._base import FILE_FORMAT, Frozen, Name, RowId
from careers_impact._hooks import html
from careers_impact.errors import NotFoundError
from careers_impact.model.edition import Edition
from careers_impact.model.editions import load_edition
from careers_impact.reviews.vocabulary import (
    NOT_APPLICABLE,
    NOT_YET,
    UNSURE,
    Agreed,
    Answer,
    ColumnNumber,
)

__all__ = [
    "NOT_APPLICABLE",
    "NOT_YET",
    "ROLES",
    "ROLE_LABELS",
    "UNSURE",
    "AgreedPosition",
    "Evidence",
    "Participant",
    "Reflection",
    "Review",
    "Role",
    "Setting",
    "Target",
    "edition_for",
]

#: The roles the schools-2026 guidance lists for who takes part, plus "other".
Role = Literal[
    "careers-leader",
    "senior-leader",
    "middle-leader",
    "governor",
    "curriculum",
    "pastoral",
    "send",
    "careers-adviser",
    "other",
]
ROLE_LABELS: dict[Role, str] = {
    "careers-leader": "Careers Leader or careers team",
    "senior-leader": "Senior leader",
    "middle-leader": "Middle leader",
    "governor": "Governor or trustee",
    "curriculum": "Curriculum colleague",
    "pastoral": "Pastoral colleague",
    "send": "SEND colleague",
    "careers-adviser": "Careers Adviser",
    "other": "Other colleague linked to careers or improvement priorities",
}
ROLES: tuple[Role, ...] = tuple(ROLE_LABELS)


class Setting(Frozen):
    """The school, specialist setting or college under review.

    ``identifier`` is optional, e.g. a URN or UKPRN.

    >>> Setting(name="Example School", identifier="100000").identifier
    '100000'
    """

    name: Name
    identifier: Name | None = None

    @property
    def key(self) -> str:
        """How many settings' reviews tell this setting apart: its identifier where it
        has one, else its name.

        >>> Setting(name="Example School", identifier="100000").key
        '100000'
        """
        return self.identifier or self.name


class Participant(Frozen):
    """A colleague taking part: an id used in the files, a name or pseudonym, a role.

    >>> Participant(id="p1", name="A. Colleague", role="governor").role
    'governor'
    """

    id: Name
    name: Name
    role: Role = "other"


class Reflection(Frozen):
    """One colleague's answer for one row, made in advance of the discussion.

    ``reason`` says why a row is not applicable (only with that answer); ``note`` is
    the colleague's remark for the discussion, on any answer.

    >>> answer = Reflection(
    ...     participant="p1", row="2.4", answer="not-applicable", reason="No leavers yet"
    ... )
    >>> answer.reason
    'No leavers yet'
    """

    participant: Name
    row: RowId
    answer: Answer
    reason: Name | None = None
    note: Name | None = None

    @model_validator(mode="after")
    def _reason_only_for_not_applicable(self) -> Reflection:
        # A reason answers "why does this row not apply?", so it has no meaning beside a
        # column; a note may sit beside any answer, a not-applicable one included.
        if self.reason is not None and self.answer != NOT_APPLICABLE:
            raise ValueError(
                f"a reason is given only with a not-applicable answer (row {self.row}, "
                f"answer {self.answer!r}); put other remarks in the note"
            )
        return self


class Evidence(Frozen):
    """How far one descriptor statement is in place: ``in-place``, ``partly`` or ``not-yet``.

    ``statement`` is the 0-based index of the statement within the row's column.

    >>> Evidence(row="1.1", column=2, statement=0, status="partly").status
    'partly'
    """

    row: RowId
    column: ColumnNumber
    statement: Annotated[int, Field(ge=0)]
    status: Literal["in-place", "partly", "not-yet"]


class AgreedPosition(Frozen):
    """The position the group agreed for one row, with an optional rationale.

    >>> AgreedPosition(row="1.1", position="not-yet", rationale="No plan yet").position
    'not-yet'
    """

    row: RowId
    position: Agreed
    rationale: Name | None = None


class Target(Frozen):
    """The column the group aims for on one row, and by when.

    The guidance's "realistic and purposeful next steps": comparisons and reports show
    the gap to the target and, against a later review, whether it was met.

    >>> Target(row="2.2", column=2, by="2027-07-31").by
    datetime.date(2027, 7, 31)
    """

    row: RowId
    column: ColumnNumber
    by: _dt.date | None = None
    note: Name | None = None


class Review(Frozen):
    """One internal leadership review of one setting on one date, against one edition.

    It validates against its edition when made: the edition comes from the validation
    context (``Review.model_validate(data, context={"edition": edition})``) or else is
    the bundled edition named by ``edition``. Unknown rows, statements or participants,
    and a colleague answering the same row twice, are errors that say what and where.

    >>> review = Review(
    ...     edition="schools-2026",
    ...     setting=Setting(name="Example Academy"),
    ...     date="2026-10-01",
    ...     participants=[Participant(id="p1", name="A. Leader", role="careers-leader")],
    ...     reflections=[Reflection(participant="p1", row="1.1", answer=3)],
    ... )
    >>> review.answers("1.1")
    (3,)
    """

    _repr_fields = (
        "setting",
        "date",
        "edition",
        "participants",
        "reflections",
        "agreed",
        "evidence",
        "targets",
    )

    model_config = FILE_FORMAT

    format_version: Literal[1] = 1
    edition: Name
    setting: Setting
    date: _dt.date
    participants: tuple[Participant, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    agreed: tuple[AgreedPosition, ...] = ()
    targets: tuple[Target, ...] = ()

    @model_validator(mode="after")
    def _against_edition(self, info: ValidationInfo) -> Review:
        edition = _context_edition(info.context, self.edition)
        problems = list(_problems(self, edition))
        if problems:
            shown = "; ".join(problems[:10])
            more = f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
            raise ValueError(shown + more)
        return self

    def _repr_html_(self) -> str:
        return html(self)

    def answers(self, row_id: str) -> tuple[Answer, ...]:
        """Every colleague's answer for ``row_id``, in the order they were recorded."""
        return tuple(r.answer for r in self.reflections if r.row == row_id)

    def agreed_position(self, row_id: str) -> AgreedPosition | None:
        """The group's agreed position for ``row_id``, or ``None`` if none is recorded."""
        return next((a for a in self.agreed if a.row == row_id), None)

    def target(self, row_id: str) -> Target | None:
        """The group's target for ``row_id``, or ``None``."""
        return next((t for t in self.targets if t.row == row_id), None)

    def participant(self, participant_id: str) -> Participant:
        """The participant with ``participant_id``; ``LookupError`` if there is none."""
        for person in self.participants:
            if person.id == participant_id:
                return person
        raise NotFoundError(f"no participant {participant_id!r} in this review")


def _context_edition(context: Any, edition_id: str) -> Edition:
    edition = context.get("edition") if isinstance(context, dict) else None
    if edition is not None:
        if not isinstance(edition, Edition):
            raise TypeError("the validation context's 'edition' must be an Edition")
        if edition.id != edition_id:
            raise ValueError(
                f"the review is on edition {edition_id!r} but was checked against "
                f"edition {edition.id!r}"
            )
        return edition
    try:
        return edition_for(edition_id)
    except LookupError as error:
        # Inside validation: pydantic reports a ValueError as a located problem.
        raise ValueError(str(error)) from None


def edition_for(review: Review | str, editions: Mapping[str, Edition] | None = None) -> Edition:
    """The edition a review (or an edition id) names: from ``editions`` where it is there,
    else the bundled edition of that id. The one place this look-up lives.

    >>> from careers_impact.examples import demo_review
    >>> edition_for(demo_review()).id
    'schools-2026'
    """
    edition_id = review if isinstance(review, str) else review.edition
    if editions is not None and edition_id in editions:
        return editions[edition_id]
    return load_edition(edition_id)


def _problems(review: Review, edition: Edition) -> Iterator[str]:
    rows = {row.id: row for row in edition.rows}
    ids = [p.id for p in review.participants]
    seen_ids: set[str] = set()
    for index, person in enumerate(review.participants):
        if person.id in seen_ids:
            yield f"participants[{index}]: participant id {person.id!r} appears twice"
        seen_ids.add(person.id)
    known = set(ids)
    answered: set[tuple[str, str]] = set()
    for index, item in enumerate(review.reflections):
        where = f"reflections[{index}] (participant {item.participant!r}, row {item.row})"
        if item.participant not in known:
            yield f"{where}: {item.participant!r} is not among the review's participants"
        if item.row not in rows:
            yield f"{where}: edition {edition.id!r} has no row {item.row}"
        if (item.participant, item.row) in answered:
            yield f"{where}: {item.participant!r} answers row {item.row} more than once"
        answered.add((item.participant, item.row))
    stated: set[tuple[str, int, int]] = set()
    for index, evidence in enumerate(review.evidence):
        where = f"evidence[{index}] (row {evidence.row} column {evidence.column})"
        row = rows.get(evidence.row)
        if row is None:
            yield f"{where}: edition {edition.id!r} has no row {evidence.row}"
            continue
        count = len(row.cell(evidence.column).statements)
        if evidence.statement >= count:
            yield (
                f"{where}: statement {evidence.statement} does not exist; that cell has "
                f"{count} statement{'s' if count != 1 else ''} (0-based)"
            )
        key = (evidence.row, evidence.column, evidence.statement)
        if key in stated:
            yield f"{where}: statement {evidence.statement} has evidence twice"
        stated.add(key)
    yield from _one_per_row("agreed", review.agreed, "agreed position", rows, edition.id)
    yield from _one_per_row("targets", review.targets, "target", rows, edition.id)


def _one_per_row(
    field: str,
    items: Sequence[AgreedPosition | Target],
    noun: str,
    rows: dict[str, Any],
    edition_id: str,
) -> Iterator[str]:
    # Agreed positions and targets follow one rule: a known row, at most once each.
    seen: set[str] = set()
    for index, item in enumerate(items):
        where = f"{field}[{index}] (row {item.row})"
        if item.row not in rows:
            yield f"{where}: edition {edition_id!r} has no row {item.row}"
        if item.row in seen:
            yield f"{where}: row {item.row} has more than one {noun}"
        seen.add(item.row)
