"""Which of the package's file formats a file is, told from its header (private).

Each reader checks that what it was given is not one of the package's other formats,
so a targets file given as agreed positions, or a saved review given as reflections,
is refused naming what it is and where it goes, instead of half read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

__all__ = ["Format", "other_format"]

Format = Literal["targets", "agreed", "reflections"]

# Each format: what it is called, the columns only it has, and where such a file goes.
_FORMATS: dict[Format, tuple[str, frozenset[str], str]] = {
    "targets": ("a targets file (row,column,by,note)", frozenset({"by"}), "--targets"),
    "agreed": (
        "an agreed-positions file (row,column,rationale)",
        frozenset({"rationale"}),
        "--agreed",
    ),
    "reflections": (
        "a reflections file (participant,row,answer)",
        frozenset({"participant", "answer"}),
        "the reflections of the review command",
    ),
}
_WANTED: dict[Format, str] = {
    "targets": "targets",
    "agreed": "agreed positions",
    "reflections": "reflections",
}


def other_format(header: Sequence[str], own: Format) -> str | None:
    """Why a file with ``header`` is not of format ``own`` but another of the package's,
    or ``None``. A header that opens a JSON document is a saved review's.

    >>> other_format(["row", "column", "by", "note"], "agreed")
    'this is a targets file (row,column,by,note), not agreed positions: give it as --targets'
    >>> other_format(["row", "column", "rationale"], "agreed") is None
    True
    """
    wanted = _WANTED[own]
    if header and header[0].lstrip().startswith(("{", "[")):
        return f"this is a saved review (JSON), not {wanted}: give it to the report command"
    names = {cell.strip().casefold() for cell in header}
    for kind, (what, columns, goes) in _FORMATS.items():
        if kind != own and columns <= names:
            where = goes if goes.startswith("the ") else f"as {goes}"
            return f"this is {what}, not {wanted}: give it {where}"
    return None
