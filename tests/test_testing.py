"""The Hypothesis strategies other projects use (`careers_impact.testing`)."""

from __future__ import annotations

from hypothesis import given, settings

from careers_impact import Edition, Review, load_edition, parse_answer, summarise
from careers_impact.reviews.vocabulary import answer_text
from careers_impact.testing import answers, editions, levels, reviews


@settings(max_examples=30)
@given(edition=editions())
def test_editions_are_valid_and_their_rows_are_numbered_by_theme(edition: Edition) -> None:
    assert Edition.model_validate(edition.model_dump()) == edition
    for theme in edition.themes:
        assert all(row.id.startswith(f"{theme.number}.") for row in theme.rows)


@settings(max_examples=30)
@given(review=reviews(load_edition("colleges")))
def test_reviews_are_valid_for_the_edition_they_are_drawn_for(review: Review) -> None:
    assert review.edition == "colleges"
    summary = summarise(review)
    assert len(summary.rows) == len(load_edition("colleges").rows)


@given(answer=answers(), level=levels())
def test_answers_read_back_and_levels_stay_on_the_scale(answer: object, level: int) -> None:
    assert parse_answer(answer_text(answer)) == answer  # type: ignore[arg-type]
    assert 0 <= level <= 4
