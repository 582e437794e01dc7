"""The answer vocabulary: the one grammar, its inverse, labels and levels."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from careers_impact.reviews.vocabulary import (
    NOT_APPLICABLE,
    NOT_YET,
    UNSURE,
    AnswerError,
    answer_label,
    answer_text,
    level_of,
    parse_agreed,
    parse_answer,
    position_label,
)
from careers_impact.testing import answers


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("3", 3),
        ("3.", 3),
        ("Column 3", 3),
        ("column3", 3),
        ("col 3", 3),
        ("Col. 3", 3),
        ("Col. 2", 2),
        ("  column   4 ", 4),
        ("Column 1 - Practice is occasional", 1),
        ("Column 3 - routine and consistent", 3),
        ("Column 3 – Practice is routine…", 3),
        ("Col 4: embedded", 4),
        ("Not yet", NOT_YET),
        ("not-yet", NOT_YET),
        ("Not yet at column 1", NOT_YET),
        ("Not yet - nothing in place", NOT_YET),
        ("Not yet in place", NOT_YET),
        ("not yet started", NOT_YET),
        ("Unsure", UNSURE),
        ("UNSURE", UNSURE),
        ("Not sure", UNSURE),
        ("Don't know", UNSURE),
        ("Don’t know", UNSURE),
        ("dont know", UNSURE),
        ("Do not know", UNSURE),
        ("?", UNSURE),
        ("N/A", NOT_APPLICABLE),
        ("na", NOT_APPLICABLE),
        ("Not applicable", NOT_APPLICABLE),
        ("not-applicable", NOT_APPLICABLE),
        ("", None),
        ("   ", None),
    ],
)
def test_every_spelling_in_the_table(text: str, answer: object) -> None:
    assert parse_answer(text) == answer


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("0", "is not a column"),
        ("5", "is not a column"),
        ("Column 5", "is not a column"),
        ("2.5", "is not a column"),
        ("three", "is not an answer"),
        ("maybe", "is not an answer"),
        ("1 or 2", "names more than one column"),
        ("3 - 4", "names more than one column"),
        ("Column 3 - Column 4", "names more than one column"),
        ("2: 3", "names more than one column"),
        ("4 — 1", "names more than one column"),
        ("not yet 2", "is not an answer"),
        ("3)", "is not an answer"),
        ("- 3", "is not an answer"),
        ("Not yet 3", "is not an answer"),
        ("３", "writes the digit '３', which is not one of 0 to 9"),
        ("٣", "writes the digit '٣', which is not one of 0 to 9"),
        ("Column ３", "writes the digit '３', which is not one of 0 to 9"),
        ("3²", "writes the digit '²', which is not one of 0 to 9"),
    ],
)
def test_refusals_quote_the_cell(text: str, why: str) -> None:
    with pytest.raises(AnswerError, match=f"^{re.escape(repr(text))} {why}"):
        parse_answer(text)


@given(answers())
def test_what_the_package_writes_reads_back(answer: object) -> None:
    assert parse_answer(answer_text(answer)) == answer  # type: ignore[arg-type]


def test_agreed_positions_are_never_unsure() -> None:
    assert parse_agreed("Column 2") == 2
    with pytest.raises(AnswerError, match="'unsure' cannot be an agreed position; write one"):
        parse_agreed("unsure")
    with pytest.raises(AnswerError, match="or leave it blank"):
        parse_agreed("7")


def test_labels_and_levels_in_one_wording() -> None:
    assert [answer_label(a) for a in (1, NOT_YET, UNSURE, NOT_APPLICABLE)] == [
        "Column 1",
        "Not yet at column 1",
        "Unsure",
        "Not applicable",
    ]
    assert position_label(0) == answer_label(NOT_YET)
    assert [level_of(a) for a in (4, NOT_YET, UNSURE, NOT_APPLICABLE)] == [4, 0, None, None]


@given(st.text(max_size=30))
def test_any_text_is_an_answer_or_an_answer_error(text: str) -> None:
    try:
        parse_answer(text)
    except AnswerError as error:
        quoted = error.cell
        assert quoted == text.strip()


def test_the_words_for_no_position_and_the_written_answers() -> None:
    from careers_impact import AnswerError, position_label
    from careers_impact.reviews.vocabulary import answer_text, parse_agreed

    assert position_label(None) == "—"
    assert [answer_text(a) for a in ("not-yet", "unsure", "not-applicable", 2)] == [
        "Not yet",
        "Unsure",
        "N/A",
        "2",
    ]
    with pytest.raises(AnswerError) as raised:
        parse_agreed(" 2-3 ")
    assert raised.value.cell == "2-3"
