"""The collection CSV's shared rules (`careers_impact.files._extract`)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from careers_impact import AnswerError
from careers_impact.files._extract import BITS, MOST_COLLEAGUES, unpack, weight


@given(st.lists(st.integers(0, MOST_COLLEAGUES), min_size=5, max_size=5))
def test_counts_packed_by_weight_unpack_to_themselves(counts: list[int]) -> None:
    code = sum(n << (BITS * level) for level, n in enumerate(counts))
    assert unpack(code) == tuple(counts)


def test_each_answer_weighs_one_at_its_level_and_unsure_nothing() -> None:
    assert [weight(a) for a in ("Not yet", "1", " Column 2 ", "3", "4")] == [
        1 << (BITS * level) for level in range(5)
    ]
    assert weight("Unsure") == weight("N/A") == 0
    assert weight("") is None
    with pytest.raises(AnswerError):
        weight("2-3")


def test_unpack_reads_five_twelve_bit_counts() -> None:
    assert unpack(0) == (0, 0, 0, 0, 0)
    assert unpack(1 + (4095 << 48)) == (1, 0, 0, 0, 4095)
