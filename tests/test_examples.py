"""The fictional example reviews (`careers_impact.examples`)."""

from __future__ import annotations

from careers_impact import compare, summarise
from careers_impact.examples import demo_earlier_review, demo_review


def test_the_examples_are_one_invented_setting_a_year_apart() -> None:
    now, then = demo_review(), demo_earlier_review()
    assert now.setting == then.setting
    assert (now.date - then.date).days in range(350, 380)
    assert now.edition == then.edition == "schools-2026"


def test_the_later_review_leaves_rows_to_agree_and_the_earlier_agrees_every_row() -> None:
    assert len(demo_earlier_review().agreed) == 32
    assert 0 < len(demo_review().agreed) < 32
    assert summarise(demo_review()).needs_discussion
    assert compare(demo_earlier_review(), demo_review()).overall.counts["advanced"] > 0
