"""The discussion pack (`careers_impact.views.pack`) as HTML; in browsers: test_browser.py."""

from __future__ import annotations

from collections.abc import Callable

from careers_impact import Participant, Review, discussion_pack, summarise
from careers_impact.examples import demo_review


def test_rows_to_discuss_come_first_in_the_order_of_the_edition() -> None:
    review = demo_review()
    page = discussion_pack(review)
    flagged = summarise(review).needs_discussion
    places = [page.index(f'<h3 id="row-{row}">') for row in flagged]
    assert places == sorted(places)
    assert page.index("Rows to discuss") < places[0]
    assert places[-1] < page.index("The other rows")
    assert f"Rows to discuss ({len(flagged)})" in page


def test_colleagues_appear_by_role_unless_names_are_asked_for() -> None:
    review = demo_review()
    named = review.model_copy(
        update={
            "participants": tuple(
                p.model_copy(update={"name": f"Zed{i} Person"})
                for i, p in enumerate(review.participants)
            )
        }
    )
    assert isinstance(named.participants[0], Participant)
    assert "Zed0 Person" not in discussion_pack(named)
    assert "Zed0 Person" in discussion_pack(named, show_names=True)


def _article(page: str, row: str) -> str:
    start = page.index(f'<h3 id="row-{row}">')
    return page[start : page.index("</article>", start)]


def test_the_suggestion_is_marked_and_said_in_plain_words(
    make_review: Callable[..., Review],
) -> None:
    review = make_review(answers={"1.1": [1, 2, 2, 3]})
    part = _article(discussion_pack(review), "1.1")
    assert (
        "Colleagues&#39; answers ranged from column 1 to column 3. 2 of 4 chose column 2, the "
        "lower of the two middle answers, which is the suggestion." in part
    )
    assert (
        '<tr class="suggested"><th scope="row">Column 2 <span class="tag">suggested</span>' in part
    )
    assert part.count("suggested</span>") == 2  # the table's line and the column's card
    assert 'class="column suggested" aria-label="Column 2, suggested"' in part
    assert "Agreed position:" in part
    assert "Rationale:" in part


def test_notes_keep_their_paragraphs_and_a_reason_sits_beside_a_note(
    make_review: Callable[..., Review],
) -> None:
    review = make_review(answers={"1.1": ["not-applicable"]})
    reflection = review.reflections[0].model_copy(
        update={"reason": "No sixth form", "note": "First point.\n\nSecond point."}
    )
    page = discussion_pack(review.model_copy(update={"reflections": (reflection,)}))
    part = _article(page, "1.1")
    assert "<p>Not applicable: No sixth form</p>" in part
    assert "<p>First point.</p><p>Second point.</p>" in part


def test_page_one_is_the_meetings_agenda_with_each_rows_suggestion(
    make_review: Callable[..., Review],
) -> None:
    review = make_review(
        answers={
            "1.1": [1, 4, 4, 1],  # spread: to discuss
            "1.2": [1, 4],  # spread: to discuss
            "1.3": ["unsure", "unsure"],  # nobody chose a column
            "2.1": [3, 3, 3],  # agreement: not on the agenda
        }
    )
    page = discussion_pack(review)
    agenda = page[page.index('<nav class="agenda"') : page.index("</nav>")]
    flagged = summarise(review).needs_discussion
    assert f"The meeting's agenda: {len(flagged)} rows to discuss" in agenda
    assert (
        '<a href="#row-1.1">1.1 Careers leadership and distributed leadership of careers</a>: '
        "suggested column 1; answers from column 1 to column 4" in agenda
    )
    assert "2.1 " not in agenda
    from careers_impact.views.pack import _brief

    assert _brief(summarise(review).row("1.3")) == "no column chosen"
    assert f"Then {32 - len(flagged)} other rows, to confirm." in agenda


def test_the_agenda_says_when_every_answer_agreed() -> None:
    from careers_impact.reviews.rollup import summarise as rollup
    from careers_impact.views.pack import _brief

    review = demo_review()
    outcomes = {o.row: o for o in rollup(review).rows}
    same = next(o for o in outcomes.values() if o.suggestion.lowest == o.suggestion.highest
                and o.suggestion.level is not None)  # fmt: skip
    where = f"column {same.suggestion.level}" if same.suggestion.level else "not yet at column 1"
    assert _brief(same) == f"suggested {where}; every answer there"
