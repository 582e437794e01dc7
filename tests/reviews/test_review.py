"""Review records validate against their edition, and round-trip through JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from careers_impact import (
    Reflection,
    Review,
    ReviewInputError,
    load_edition,
    load_review,
    save_review,
)
from careers_impact.errors import ModelError
from careers_impact.testing import reviews


def base(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "edition": "schools-2026",
        "setting": {"name": "Example School", "identifier": "100000"},
        "date": "2026-10-01",
        "participants": [
            {"id": "p1", "name": "Alex", "role": "careers-leader"},
            {"id": "p2", "name": "Sam", "role": "governor"},
        ],
        "reflections": [
            {"participant": "p1", "row": "1.1", "answer": 2},
            {"participant": "p2", "row": "1.1", "answer": "not-yet"},
        ],
    }
    data.update(changes)
    return data


def test_a_valid_review() -> None:
    review = Review.model_validate(base())
    assert review.answers("1.1") == (2, "not-yet")
    assert review.participant("p2").role == "governor"
    assert review.agreed_position("1.1") is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"reflections": [{"participant": "p1", "row": "9.1", "answer": 2}]},
            "reflections[0] (participant 'p1', row 9.1): edition 'schools-2026' has no row 9.1",
        ),
        (
            {"reflections": [{"participant": "p9", "row": "1.1", "answer": 2}]},
            "'p9' is not among the review's participants",
        ),
        (
            {
                "reflections": [
                    {"participant": "p1", "row": "1.1", "answer": 2},
                    {"participant": "p1", "row": "1.1", "answer": 3},
                ]
            },
            "reflections[1] (participant 'p1', row 1.1): 'p1' answers row 1.1 more than once",
        ),
        (
            {
                "participants": [{"id": "p1", "name": "A"}, {"id": "p1", "name": "B"}],
                "reflections": [],
            },
            "participants[1]: participant id 'p1' appears twice",
        ),
        (
            {"agreed": [{"row": "7.7", "position": 2}]},
            "agreed[0] (row 7.7): edition 'schools-2026' has no row 7.7",
        ),
        (
            {"agreed": [{"row": "1.1", "position": 2}, {"row": "1.1", "position": 3}]},
            "agreed[1] (row 1.1): row 1.1 has more than one agreed position",
        ),
        (
            {"evidence": [{"row": "1.1", "column": 1, "statement": 5, "status": "in-place"}]},
            "evidence[0] (row 1.1 column 1): statement 5 does not exist; that cell has 1 "
            "statement (0-based)",
        ),
        ({"edition": "schools-1999"}, "unknown edition 'schools-1999'"),
        (
            {"reflections": [{"participant": "p1", "row": "1.1", "answer": 5}]},
            "reflections[0].answer: must be at most 4 or 'not-yet', 'unsure' or 'not-applicable'",
        ),
        (
            {"reflections": [{"participant": "p1", "row": "1.1", "answer": 2, "reason": "x"}]},
            "a reason is given only with a not-applicable answer",
        ),
        (
            {"agreed": [{"row": "1.1", "position": "unsure"}]},
            "agreed[0].position: must be a whole number or 'not-yet' or 'not-applicable'",
        ),
    ],
)
def test_each_inconsistency_says_what_and_where(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(ModelError) as raised:
        Review.model_validate(base(**changes))
    text = str(raised.value)
    assert message in text


def test_checked_against_a_given_edition() -> None:
    colleges = load_edition("colleges")
    with pytest.raises(ModelError, match="checked against edition 'colleges'"):
        Review.model_validate(base(), context={"edition": colleges})
    review = Review.model_validate(base(edition="colleges"), context={"edition": colleges})
    assert review.edition == "colleges"


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(review=reviews())
def test_canonical_file_round_trip(tmp_path: Path, review: Review) -> None:
    path = tmp_path / "review.json"
    save_review(review, path)
    assert load_review(path) == review
    assert '"format_version": 1' in path.read_text(encoding="utf-8")


def test_loading_a_bad_review_file_names_file_and_field(tmp_path: Path) -> None:
    path = tmp_path / "review.json"
    path.write_text(Review.model_validate(base()).model_dump_json().replace('"p2"', '"p3"', 1))
    with pytest.raises(ReviewInputError) as raised:
        load_review(path)
    assert str(path) in str(raised.value)
    assert "not among the review's participants" in str(raised.value)
    path.write_text(
        '{"format_version": 1, "edition": "schools-2026", "setting": {"name": "x"}, "date": "soon"}'
    )
    with pytest.raises(ReviewInputError, match="column 'date'"):
        load_review(path)


def test_a_reason_only_with_not_applicable_and_a_note_beside_any_answer() -> None:
    with pytest.raises(ModelError, match="a reason is given only with a not-applicable"):
        Reflection(participant="p1", row="1.1", answer=3, reason="Because")
    kept = Reflection(
        participant="p1", row="1.1", answer="not-applicable", reason="Not for us", note="Ask Sam"
    )
    assert (kept.reason, kept.note) == ("Not for us", "Ask Sam")
