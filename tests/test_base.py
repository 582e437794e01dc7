"""The frozen base model and shared helpers (`careers_impact._base`)."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest
from hypothesis import given, strategies as st

from careers_impact import AgreedPosition, Reflection, Setting, Target, load_edition
from careers_impact._base import REPR_LIMIT, clip, short_repr
from careers_impact.errors import ModelError


@given(st.text(max_size=80), st.integers(1, 60))
def test_clip_keeps_short_text_and_marks_what_it_cuts(text: str, width: int) -> None:
    cut = clip(text, width)
    assert len(cut) <= width
    if len(text) <= width:
        assert cut == text
    else:
        assert cut == text[: width - 1] + "…"


def test_reprs_stay_under_the_limit_and_say_how_big() -> None:
    edition = load_edition()
    shown = repr(edition)
    assert len(shown) < REPR_LIMIT
    assert "rows=<32 items>" in shown
    assert short_repr(Setting(name="x" * 500), ("name",)).endswith("…')")


def test_models_are_frozen_and_refuse_unknown_fields() -> None:
    setting = Setting(name="Oak")
    with pytest.raises(ModelError, match="name: cannot be changed"):
        setting.name = "Elm"  # type: ignore[misc]
    with pytest.raises(ModelError, match="nickname: not a field here"):
        Setting(name="Oak", nickname="O")  # type: ignore[call-arg]


# ------------------------------------------------------------------ one verdict


def _json_values() -> Any:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-3, 9)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.sampled_from(["1.1", "2026-07-31", "2026-7-31", "not-yet", "governor", " ", "\x1f"])
        | st.text(max_size=5)
    )
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=2), max_leaves=4)


@pytest.mark.parametrize(
    "model",
    ["Setting", "Participant", "Reflection", "AgreedPosition", "Target", "Evidence"],
)
def test_python_and_json_give_one_verdict(model: str) -> None:
    """A model built from Python accepts exactly what its JSON file's loader accepts."""
    import json

    from hypothesis import settings

    import careers_impact
    from careers_impact import CareersImpactError

    cls = getattr(careers_impact, model)
    fields = st.sampled_from([*cls.model_fields, "extra"])

    @settings(max_examples=150, deadline=None)
    @given(st.dictionaries(fields, _json_values(), max_size=5))
    def check(data: dict[str, Any]) -> None:
        try:
            built = cls(**data)
        except CareersImpactError:
            built = None
        try:
            loaded = cls.model_validate_json(json.dumps(data), strict=True)
        except pydantic.ValidationError:
            loaded = None
        assert built == loaded

    check()


@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (lambda: Setting(name="\u00a0"), "name: must not be empty or only white space"),
        (lambda: Reflection(participant="p", row="1.1", answer=True), "answer: must be"),
        (lambda: AgreedPosition(row="1.1", position=True), "position: must be"),
        (lambda: Target(row="1.1", column=True), "column: must be a whole number"),
        (lambda: Target(row="1.1", column=2, by=0), "by: must be a date written YYYY-MM-DD"),
    ],
)
def test_python_construction_is_strict_and_speaks_the_packages_words(
    build: Any, problem: str
) -> None:
    from careers_impact import CareersImpactError

    with pytest.raises(CareersImpactError) as raised:
        build()
    assert isinstance(raised.value, ValueError)
    assert problem in str(raised.value)
    assert "Input should" not in str(raised.value)


def test_every_problem_is_listed_with_its_path() -> None:
    from careers_impact import Review

    with pytest.raises(ModelError) as raised:
        Review(
            edition="schools-2026",
            setting={"name": " "},
            date=20261005,
            reflections=[{"participant": "p", "row": "1.x", "answer": 5}],
        )
    assert [where for where, _ in raised.value.problems] == [
        "setting.name",
        "date",
        "reflections[0].row",
        "reflections[0].answer",
    ]
    assert "constrained-int" not in str(raised.value)


def test_names_and_notes_are_stripped_by_the_one_white_space_rule() -> None:
    from careers_impact._base import WHITE_SPACE

    assert Setting(name="\x1e Oak\u3000School \x1f\n").name == "Oak\u3000School"
    assert set(WHITE_SPACE) >= {"\x1c", "\x1d", "\x1e", "\x1f", "\u00a0", "\u3000", "\x85"}
    assert "\ufeff" not in WHITE_SPACE


def test_a_lower_bound_is_said_in_words() -> None:
    from careers_impact import Evidence

    with pytest.raises(ModelError) as raised:
        Evidence(row="1.1", column=0, statement=-1, status="partly")
    assert raised.value.problems == (
        ("column", "must be at least 1"),
        ("statement", "must be at least 0"),
    )
