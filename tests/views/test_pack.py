"""The discussion pack (`careers_impact.views.pack`) as HTML; in browsers: test_browser.py."""

from __future__ import annotations

from careers_impact import Participant, discussion_pack, summarise
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
