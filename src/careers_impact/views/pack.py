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
from careers_impact.reviews.vocabulary import NOT_APPLICABLE, NOT_YET, UNSURE, Answer, answer_label
from careers_impact.views._style import page_template

__all__ = ["discussion_pack"]

_ORDER: tuple[Answer, ...] = (NOT_YET, 1, 2, 3, 4, UNSURE, NOT_APPLICABLE)


@dataclass(frozen=True)
class _Item:
    row: Row
    why: str
    tally: list[tuple[str, int, str]]
    remarks: list[tuple[str, str]]


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
        remark = reflection.note or reflection.reason
        if remark:
            remarks.append((who, remark))
    tally = []
    for answer in _ORDER:
        names = chose.get(answer, [])
        counted = ", ".join(f"{who} ×{n}" if n > 1 else who for who, n in Counter(names).items())
        tally.append((answer_label(answer), len(names), counted or "—"))
    return _Item(row=row, why=outcome.suggestion.explain(), tally=tally, remarks=remarks)


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
