"""Strict JSON and the format version (`careers_impact._jsonio`)."""

from __future__ import annotations

import pytest

from careers_impact import Review
from careers_impact._jsonio import JsonFileError, load_json


@pytest.mark.parametrize(
    ("raw", "where", "what"),
    [
        (b"[]", "(top level)", "is a JSON object"),
        (b"{}", "format_version", "missing"),
        (b'{"format_version": true}', "format_version", "whole number, not True"),
        (b'{"format_version": 1.0}', "format_version", "whole number, not 1.0"),
        (b'{"format_version": 99}', "format_version", "upgrade careers-impact"),
        (b'{"format_version": 0}', "format_version", "0 is not a review format"),
        (b"\xff{}", "byte 0", "not UTF-8"),
        (b'{"format_version": 1,\n "x": }', "line 2 column 7", "not valid JSON"),
    ],
)
def test_each_problem_is_located(raw: bytes, where: str, what: str) -> None:
    with pytest.raises(JsonFileError) as raised:
        load_json(Review, raw, what="review")
    location, message = raised.value.problems[0]
    assert location == where
    assert what in message


def test_a_bom_is_read_past() -> None:
    with pytest.raises(JsonFileError) as raised:
        load_json(Review, b'\xef\xbb\xbf{"format_version": 1}', what="review")
    assert raised.value.problems[0][0] != "byte 0"
