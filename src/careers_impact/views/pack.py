"""The discussion pack: what the review meeting needs, row by row, to agree a best fit.

Rows needing discussion first, then the rest. For each: the suggestion and why, how
many colleagues chose each answer and in which roles (names only when asked), their
notes, and the row's four columns in the model's own words. Printable on A4 with no row
split across pages.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from careers_impact._version import __version__
from careers_impact.model.edition import Edition, Row
from careers_impact.reviews.review import ROLE_LABELS, Review, edition_for
from careers_impact.reviews.rollup import RowOutcome, summarise
from careers_impact.reviews.vocabulary import (
    NOT_APPLICABLE,
    NOT_YET,
    UNSURE,
    Answer,
    answer_label,
    level_of,
    position_label,
)
from careers_impact.views._style import page_template

__all__ = ["discussion_pack"]

_ORDER: tuple[Answer, ...] = (NOT_YET, 1, 2, 3, 4, UNSURE, NOT_APPLICABLE)


@dataclass(frozen=True)
class _Item:
    row: Row
    why: str
    plain: str
    suggested: int | None  # the suggested level, 0 (not yet) to 4
    tally: list[tuple[str, int, str, bool]]  # answer, how many, who, whether suggested
    remarks: list[tuple[str, list[str]]]  # who, the note's paragraphs
    brief: str  # the suggestion and the answers' range, for the agenda on page 1


@dataclass(frozen=True)
class _Section:
    key: str
    title: str
    rows: list[_Item]


def _item(review: Review, row: Row, outcome: RowOutcome, show_names: bool) -> _Item:
    people = {p.id: p for p in review.participants}
    chose: dict[object, list[str]] = {}
    remarks = []
    for reflection in (r for r in review.reflections if r.row == row.id):
        person = people[reflection.participant]
        who = person.name if show_names else ROLE_LABELS[person.role]
        chose.setdefault(reflection.answer, []).append(who)
        # A reason for not applicable and a note are both kept, each as the colleague wrote.
        if reflection.reason:
            remarks.append((who, _paragraphs(f"Not applicable: {reflection.reason}")))
        if reflection.note:
            remarks.append((who, _paragraphs(reflection.note)))
    suggested = outcome.suggestion.level
    tally = []
    for answer in _ORDER:
        names = chose.get(answer, [])
        counted = ", ".join(f"{who} ×{n}" if n > 1 else who for who, n in Counter(names).items())
        mark = suggested is not None and level_of(answer) == suggested
        tally.append((answer_label(answer), len(names), counted or "—", mark))
    return _Item(row=row, why=outcome.suggestion.explain(), plain=_plain(outcome),
                 suggested=suggested, tally=tally, remarks=remarks,
                 brief=_brief(outcome))  # fmt: skip


def _paragraphs(text: str) -> list[str]:
    """A note's paragraphs, as its writer broke them (a blank line between)."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


def _brief(outcome: RowOutcome) -> str:
    """The suggestion and how far answers ranged, in a few words."""
    s = outcome.suggestion
    if s.level is None or s.lowest is None or s.highest is None:
        return "no column chosen"
    where = position_label(s.level).lower()
    if s.lowest == s.highest:
        return f"suggested {where}; every answer there"
    low, high = position_label(s.lowest).lower(), position_label(s.highest).lower()
    return f"suggested {where}; answers from {low} to {high}"


def _plain(outcome: RowOutcome) -> str:
    """The suggestion's figures in plain words, for colleagues who are not statisticians."""
    s = outcome.suggestion
    if s.level is None or s.lowest is None or s.highest is None:
        return "Nobody chose a column for this row."
    at = round((s.share or 0) * s.count)
    where = position_label(s.level).lower()
    if s.lowest == s.highest:
        ranged = f"All {s.count} colleagues who chose a column chose {where}."
    else:
        low, high = position_label(s.lowest).lower(), position_label(s.highest).lower()
        ranged = f"Colleagues' answers ranged from {low} to {high}."
    middle = (
        "the one answer"
        if s.count == 1
        else "the middle answer"
        if s.count % 2
        else "the lower of the two middle answers"
    )
    return f"{ranged} {at} of {s.count} chose {where}, {middle}, which is the suggestion."


def discussion_pack(
    review: Review, edition: Edition | None = None, *, show_names: bool = False
) -> str:
    """The discussion pack of a review's reflections, as one self-contained HTML page.

    Colleagues appear by role; ``show_names`` names them. Needs the ``report`` extra.

    >>> from careers_impact.examples import demo_review
    >>> page = discussion_pack(demo_review())
    >>> page.index("Rows to discuss") < page.index("The other rows")
    True
    """
    template = page_template("pack.html.j2", "the discussion pack")
    edition = edition or edition_for(review)
    summary = summarise(review, edition)
    flagged = set(summary.needs_discussion)
    items = {row.id: _item(review, row, summary.row(row.id), show_names) for row in edition.rows}
    sections = [
        _Section("discuss", "Rows to discuss", [items[r] for r in items if r in flagged]),
        _Section("others", "The other rows", [items[r] for r in items if r not in flagged]),
    ]
    return str(
        template.render(
            setting=review.setting.name,
            edition=edition,
            participants=len(review.participants),
            sections=sections,
            version=__version__,
        )
    )
