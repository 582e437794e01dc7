"""The long collection CSV's rules, shared by each of its readers (private: may change).

Its columns, and how the quick readers (the core's and polars') pack a setting-row's
five level counts into one 64-bit number, 12 bits a level; a setting with more
colleagues than that holds goes to the careful reader.
"""

from __future__ import annotations

from typing import Final

from careers_impact.files._table import read_cell
from careers_impact.reviews.collection import COLLECTION_HEADER
from careers_impact.reviews.vocabulary import level_of, parse_answer

__all__ = ["BITS", "COLUMNS", "DATED", "MOST_COLLEAGUES", "REQUIRED", "unpack", "weight"]

#: The optional column that dates each line's review (``YYYY-MM-DD``).
DATED: Final = "date"
#: Every column a collection may have, by the one name each is known by.
COLUMNS: Final = {name: (name,) for name in (*COLLECTION_HEADER, DATED)}
#: The columns a collection must have, in the order the readers take them.
REQUIRED: Final = ("setting", "participant", "row", "answer")

BITS: Final = 12
MOST_COLLEAGUES: Final = (1 << BITS) - 1


def weight(cell: str) -> int | None:
    """What one answer cell adds to its setting-row's packed counts, read as the core
    reads it: ``None`` for a blank, 0 for unsure or not applicable; `AnswerError` if
    it is not an answer.

    >>> weight(" Column 2 ") == 1 << 24, weight("Unsure"), weight("")
    (True, 0, None)
    """
    answer = parse_answer(read_cell(cell.strip()))
    if answer is None:
        return None
    level = level_of(answer)
    return 0 if level is None else 1 << (BITS * level)


def unpack(code: int) -> tuple[int, ...]:
    """The five level counts packed in one of the quick readers' numbers.

    >>> unpack(3 + (2 << 24))
    (3, 0, 2, 0, 0)
    """
    return tuple((code >> (BITS * level)) & MOST_COLLEAGUES for level in range(5))
