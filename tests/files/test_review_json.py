"""The canonical review file (`careers_impact.files.review_json`): saved, loaded, equal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from careers_impact import Review, ReviewInputError, load_review, save_review
from careers_impact.examples import demo_review
from careers_impact.testing import reviews


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(review=reviews())
def test_a_saved_review_loads_back_equal(tmp_path: Path, review: Review) -> None:
    path = tmp_path / "review.json"
    save_review(review, path)
    assert load_review(path) == review


def test_the_file_carries_its_format_version_and_is_utf8(tmp_path: Path) -> None:
    path = tmp_path / "review.json"
    save_review(demo_review(), path)
    document = json.loads(path.read_bytes().decode("utf-8"))
    assert document["format_version"] == 1
    assert document["edition"] == "schools-2026"


def test_a_file_of_another_kind_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "reflections.csv"
    path.write_text("participant,row,answer\np1,1.1,2\n", encoding="utf-8")
    with pytest.raises(ReviewInputError, match=r"reflections\.csv"):
        load_review(path)


def test_every_problem_of_a_review_file_is_listed_in_our_words() -> None:
    import json

    from careers_impact import ReviewInputError, load_review
    from careers_impact.examples import demo_review

    document = demo_review().model_dump(mode="json")
    document["setting"]["name"] = "\u00a0"
    document["reflections"][0]["answer"] = True
    document["reflections"][1]["row"] = "x"
    with pytest.raises(ReviewInputError) as raised:
        load_review(json.dumps(document))
    assert raised.value.column == "setting.name"
    assert str(raised.value) == (
        "<text>, column 'setting.name': must not be empty or only white space; "
        "and reflections[0].answer: must be a whole number or 'not-yet', 'unsure' or "
        "'not-applicable'; and reflections[1].row: must be a row id such as '1.3'"
    )


def test_a_review_from_a_text_stream_or_named_bytes_reads_and_is_named() -> None:
    import io
    import json

    from careers_impact import ReviewInputError, Upload, load_review
    from careers_impact.examples import demo_review

    text = demo_review().model_dump_json()
    assert load_review(io.StringIO(text)) == demo_review()
    assert load_review(Upload(text, "saved.json")) == demo_review()
    broken = json.loads(text)
    broken["date"] = 5
    with pytest.raises(ReviewInputError, match=r"^mine\.json, column 'date'"):
        load_review(json.dumps(broken).encode(), name="mine.json")
    with pytest.raises(ReviewInputError, match=r"^up\.json, column 'date'"):
        load_review(Upload(json.dumps(broken), "up.json"))
