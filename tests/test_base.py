"""The frozen base model and shared helpers (`careers_impact._base`)."""

from __future__ import annotations

import pydantic
import pytest
from hypothesis import given, strategies as st

from careers_impact import Setting, load_edition
from careers_impact._base import REPR_LIMIT, clip, short_repr


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
    with pytest.raises(pydantic.ValidationError):
        setting.name = "Elm"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        Setting(name="Oak", nickname="O")  # type: ignore[call-arg]
