"""The review's vocabulary, in one place: answers, agreed positions, levels and labels.

A colleague's **answer** for a row is a column 1 to 4, *not yet at column 1*,
*unsure*, or *not applicable*; the group's **agreed position** is the same less
*unsure*. Ordered, they are **levels**: not yet is 0, the columns 1 to 4; unsure and
not applicable have no level. Every module reads, writes and labels them through
here, so that a file, a report and a frame always say the same thing.

How people write an answer (`parse_answer`), case and surrounding space ignored:

| they write | it means |
|---|---|
| ``3``, ``3.``, ``Column 3``, ``column3``, ``col 3``, ``Col. 3`` | column 3 |
| ``Column 3 - routine and consistent`` (see below) | column 3 |
| ``Not yet``, ``Not yet at column 1``, ``Not yet - …``, ``Not yet in place`` | not yet |
| ``Unsure``, ``Not sure``, ``Don't know``, ``Dont know``, ``Do not know``, ``?`` | unsure |
| ``N/A``, ``NA``, ``Not applicable``, ``not-applicable`` | not applicable |
| nothing (a blank cell) | no answer |

A dropdown's label may follow the number or *not yet*: a separator (``-``, ``–``,
``—``, ``:``, ``)`` or ``.``), then words with at least one letter and no digit; after
*not yet*, words with no digit may follow a space too (``Not yet in place``).

Anything else is an `AnswerError` that quotes the cell: two numbers (``3 - 4``,
``2: 3``), a number outside 1 to 4 (``0``, ``5``), a digit other than 0 to 9 (``３``,
``٣``; see `foreign_digit`), or other words. The first number found is never taken.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal

from careers_impact._base import ColumnNumber, Level
from careers_impact.errors import AnswerError

__all__ = [
    "ANSWER_WORDS",
    "NOT_APPLICABLE",
    "NOT_YET",
    "UNSURE",
    "Agreed",
    "Answer",
    "ColumnNumber",
    "Level",
    "answer_label",
    "answer_text",
    "foreign_digit",
    "level_of",
    "parse_agreed",
    "parse_answer",
    "position_label",
]

NOT_YET: Final = "not-yet"
UNSURE: Final = "unsure"
NOT_APPLICABLE: Final = "not-applicable"

#: A colleague's answer for one row: a column, not yet at column 1, unsure, or not applicable.
Answer = ColumnNumber | Literal["not-yet", "unsure", "not-applicable"]
#: The group's agreed position for one row: a column, not yet, or not applicable.
Agreed = ColumnNumber | Literal["not-yet", "not-applicable"]

#: The words each non-column answer is written with in files the package writes.
ANSWER_WORDS: Final[dict[str, str]] = {
    NOT_YET: "Not yet",
    UNSURE: "Unsure",
    NOT_APPLICABLE: "N/A",
}
_LABELS: Final[dict[str, str]] = {
    NOT_YET: "Not yet at column 1",
    UNSURE: "Unsure",
    NOT_APPLICABLE: "Not applicable",
}

_SEPARATOR = r"\s*[-–—:).]\s*"
# Words after a separator: at least one letter and no digit, so "3 - 4" is refused.
_LABEL = r"[^\d]*[^\W\d_][^\d]*"
_COLUMN = re.compile(rf"(?:col(?:umn)?\.?\s*)?(\d+)(?:{_SEPARATOR}{_LABEL})?")
# "Not yet", "Not yet at column 1", "Not yet - emerging", "Not yet in place": words
# after it, but never a digit (so "Not yet 3" is refused).
_NOT_YET = re.compile(
    rf"not[\s-]yet(?:\s+at\s+col(?:umn)?\.?\s*1|{_SEPARATOR}{_LABEL}|\s+[^\W\d_][^\d]*)?"
)
_WORDS: Final[dict[str, Answer]] = {
    "unsure": UNSURE,
    "not sure": UNSURE,
    "don't know": UNSURE,
    "don’t know": UNSURE,
    "dont know": UNSURE,
    "do not know": UNSURE,
    "?": UNSURE,
    "n/a": NOT_APPLICABLE,
    "na": NOT_APPLICABLE,
    "not applicable": NOT_APPLICABLE,
    "not-applicable": NOT_APPLICABLE,
}


_ANSWERS = "one column 1 to 4, 'Not yet', 'Unsure' or 'N/A'"
_AGREED = "one column 1 to 4, 'Not yet' or 'N/A', or leave it blank"


def foreign_digit(text: str) -> str | None:
    """The first digit in ``text`` that is not one of 0 to 9, if any.

    The one rule for digits, in answers, positions and row ids alike: ASCII only, so
    that "３" (full width) or "٣" (Arabic-Indic) is refused, saying so, never read as 3.

    >>> foreign_digit("Column ３"), foreign_digit("1.3")
    ('３', None)
    """
    return next((ch for ch in text if ch.isdigit() and not ch.isascii()), None)


def parse_answer(text: str) -> Answer | None:
    """Read an answer as people write it (see the table above); ``None`` for a blank.

    >>> parse_answer("Column 3"), parse_answer(" col 2 "), parse_answer("N/A"), parse_answer("")
    (3, 2, 'not-applicable', None)
    >>> parse_answer("Column 3 - Column 4")
    Traceback (most recent call last):
    ...
    careers_impact.errors.AnswerError: 'Column 3 - Column 4' names more than one column; ...
    """
    return _parse(text)


@lru_cache(maxsize=4096)
def _parse(text: str) -> Answer | None:
    # Cached: a national extract repeats the same few spellings a million times.
    key = " ".join(text.casefold().split()).removesuffix(".")
    if not key:
        return None
    if key in _WORDS:
        return _WORDS[key]
    cell = text.strip()
    if digit := foreign_digit(key):
        raise AnswerError(cell, f"writes the digit {digit!r}, which is not one of 0 to 9", _ANSWERS)
    if _NOT_YET.fullmatch(key):
        return NOT_YET
    if re.fullmatch(r"\d*[.,]\d+", key):
        raise AnswerError(cell, "is not a column (the columns are whole numbers 1 to 4)", _ANSWERS)
    numbers = re.findall(r"\d+", key)
    if len(numbers) > 1:
        raise AnswerError(cell, "names more than one column", _ANSWERS)
    match = _COLUMN.fullmatch(key)
    if match is None:
        raise AnswerError(cell, "is not an answer", _ANSWERS)
    column = int(match[1])
    if not 1 <= column <= 4:
        raise AnswerError(cell, "is not a column (the columns are 1 to 4)", _ANSWERS)
    return column


def parse_agreed(text: str) -> Agreed | None:
    """Read an agreed position: as `parse_answer`, but never *unsure*; ``None`` if blank.

    >>> parse_agreed("2"), parse_agreed("not yet")
    (2, 'not-yet')
    """
    try:
        answer = parse_answer(text)
    except AnswerError as error:
        raise AnswerError(error.cell, error.why, _AGREED) from None
    if answer == UNSURE:
        raise AnswerError(text.strip(), "cannot be an agreed position", _AGREED)
    return answer


def answer_text(answer: Answer | Agreed) -> str:
    """How the package writes an answer in a file; `parse_answer` reads it back.

    >>> [answer_text(a) for a in (3, "not-yet", "unsure", "not-applicable")]
    ['3', 'Not yet', 'Unsure', 'N/A']
    """
    return str(answer) if isinstance(answer, int) else ANSWER_WORDS[answer]


def answer_label(answer: Answer | Agreed) -> str:
    """How an answer reads to people, in the package's one wording.

    >>> [answer_label(a) for a in (3, "not-yet", "unsure", "not-applicable")]
    ['Column 3', 'Not yet at column 1', 'Unsure', 'Not applicable']
    """
    return f"Column {answer}" if isinstance(answer, int) else _LABELS[answer]


def level_of(answer: Answer | Agreed) -> int | None:
    """The ordinal level of an answer: columns 1 to 4, *not yet* 0, otherwise ``None``.

    >>> level_of(3), level_of("not-yet"), level_of("unsure")
    (3, 0, None)
    """
    if isinstance(answer, int):
        return answer
    return 0 if answer == NOT_YET else None


def position_label(level: int | None) -> str:
    """How a level reads to people: ``"Column 3"``, ``"Not yet at column 1"``, or ``"—"``.

    >>> position_label(0), position_label(4)
    ('Not yet at column 1', 'Column 4')
    """
    if level is None:
        return "—"
    return _LABELS[NOT_YET] if level == 0 else f"Column {level}"
