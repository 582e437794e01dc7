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
