"""The polars engine of `careers_impact.read_collection` (private: may change).

polars (the ``fast`` extra) reads the CSV and counts each setting-row's answers per
level on every core. It takes only files it can read exactly as the core reader would:
no double quotes (the core's quoting rules are strict, and polars' are lenient), no
carriage return but in line ends, no NUL byte, one record a line, the header on line 1,
every used cell already stripped, and nothing to report: no blank answer or line, no
bad answer, unknown row or duplicate. Anything else returns ``None`` and the core
reader takes over, so the summary and any error are the same whichever reads.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import Any

from careers_impact._base import WHITE_SPACE
from careers_impact._files import PIECE, Source, path_of, unwrap
from careers_impact.errors import AnswerError, MissingExtraError, ReviewInputError
from careers_impact.files._extract import COLUMNS, DATED, MOST_COLLEAGUES, REQUIRED, weight
from careers_impact.files._table import CsvTable
from careers_impact.model.edition import Edition

__all__ = ["tally"]

# Any fixed seed: each line's name is checked against the one its hash's number stands
# for (`_numbered`), so a collision cannot merge two names.
_SEED = 20261125
# Lines checked at a time, so that the check holds a slice of names, not a column.
_SLICE = 1 << 20


def tally(
    source: Source, edition: Edition, *, required: bool
) -> tuple[list[str], list[int], list[int], tuple[str, ...]] | None:
    """Settings in order of first appearance, the distinct packed level counts, and
    which of them each setting-row has; or ``None`` where the core reader must read.
    ``required``: polars was asked for by name, so its absence is an error rather than
    a reason to use the core."""
    try:
        import polars as pl
    except ImportError:
        if required:
            raise MissingExtraError("reading with polars", "fast") from None
        return None
    data = _data(source)
    if data is None or len(edition.rows) > 62:
        return None
    header = _header(data)
    if header is None:
        return None
    frame = _frame(pl, data, header, edition)
    weights = None if frame is None else _weights(frame)
    if weights is None:
        return None
    # The columns one by one, each let go once it is turned into numbers, so that a
    # national extract's names are not all held alongside the numbers made from them.
    columns = frame.get_columns()
    del frame
    counted = _counts(pl, columns, len(edition.rows), weights)
    return None if counted is None else (*counted, header[2])


def _data(source: Source) -> Any:
    """What polars reads (a path or bytes), or ``None`` for a stream."""
    source = unwrap(source, None)[0]
    path = path_of(source)
    if path is not None:
        return str(path)
    if isinstance(source, str):
        return source.removeprefix("\ufeff").encode("utf-8", "surrogatepass")
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    return None


def _blocks(data: Any) -> Iterator[bytes]:
    if isinstance(data, bytes):
        yield from (data[at : at + PIECE] for at in range(0, len(data), PIECE))
        return
    with Path(data).open("rb") as handle:
        while block := handle.read(PIECE):
            yield block


def _plain(block: bytes) -> bool:
    # Each test is one fast scan: no quote or NUL, and a carriage return only before a
    # line feed. (polars reads a blank line as empty cells, which `_frame` refuses.)
    if b'"' in block or b"\0" in block:
        return False
    return b"\r" not in block or block.count(b"\r") == block.count(b"\r\n")


def _whole_lines(data: Any) -> Iterator[bytes]:
    """The file in pieces that end at a line feed (the last may not), so that no line,
    and no CR LF, is split between two pieces."""
    carry = b""
    for block in _blocks(data):
        block = carry + block
        cut = block.rfind(b"\n") + 1
        if cut:
            yield block[:cut]
        carry = block[cut:]
    if carry:
        yield carry


def _header(data: Any) -> tuple[list[int], int, tuple[str, ...]] | None:
    """The used columns' positions, the header's width and its columns no figure uses,
    if the file is plain (see
    `_plain`) with the header on its first line, and no line has a field past the
    header's width that is not empty (polars would drop it without a word)."""
    try:
        pieces = _whole_lines(data)
        head = next(pieces, b"")
        text = head.split(b"\n", 1)[0].removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
        if not text.strip(" \t\r,"):
            return None
        try:
            table = CsvTable("<header>", iter([text]))
            at, ignored = table.columns(COLUMNS, required=REQUIRED)
        except ReviewInputError:
            return None  # the core reader words it, naming the file
        if table.delimiter != "," or DATED in at:
            return None  # a semicolon or tab file, or dated lines: the core reads it
        width = len(table.header)
        # No quotes in a plain file, so a line's commas are its fields' separators.
        past = re.compile(rb"(?m)^(?:[^,\n]*,){%d}[ \t\r,]*[^ \t\r,\n]" % width)
        # A field longer than the csv module takes, which the core refuses; polars would not.
        long = re.compile(rb"[^,\n]{%d}" % (csv.field_size_limit() + 1))
        for piece in chain([head], pieces):
            if not _plain(piece) or past.search(piece) or long.search(piece):
                return None
    except OSError:
        return None  # the core reader says why the file cannot be read
    return [at[c] for c in REQUIRED], width, ignored


def _frame(
    pl: Any, data: Any, header: tuple[list[int], int, tuple[str, ...]], edition: Edition
) -> Any:
    # Every column is named by its position, as the core read the header, and the used
    # ones are taken in the order of REQUIRED.
    positions, width, _ = header
    names = [f"c{at}" for at in range(width)]
    try:
        frame = pl.read_csv(
            data,
            columns=positions,
            new_columns=names,
            infer_schema=False,
            # An Enum refuses a row the edition does not have, and numbers the rest.
            schema_overrides={names[positions[2]]: pl.Enum([row.id for row in edition.rows])},
            quote_char=None,
            truncate_ragged_lines=False,
            encoding="utf8",
        )
    except Exception:  # whatever polars refuses, the core reader words and locates
        return None
    frame = frame.rename(dict(zip(frame.columns, REQUIRED, strict=True)))
    if not frame.height or frame.null_count().sum_horizontal().item():
        return None
    return frame


def _numbered(pl: Any, values: Any) -> tuple[list[str], Any] | None:
    """The distinct names among ``values`` in order of first appearance, and each
    line's place among them; ``None`` if a name is not as the core reads it. (A blank
    name cannot reach here: polars reads an empty cell as missing, which `_frame`
    refuses.)

    Names are numbered by their hashes (polars finds numbers far faster than names),
    then every line's name is checked against the one its number stands for, so two
    names that share a hash can never be counted as one.
    """
    hashes = values.hash(_SEED)
    first = hashes.arg_unique()
    names = values.gather(first)
    places = pl.int_range(len(first), eager=True, dtype=pl.UInt32)
    at = hashes.replace_strict(hashes.gather(first), places)
    del hashes
    for start in range(0, len(values), _SLICE):
        if not (values.slice(start, _SLICE) == names.gather(at.slice(start, _SLICE))).all():
            return None
    # Names the core would change (padded, or with a spreadsheet's leading ') go to the
    # core; a few that it would keep as they are go there too, which is safe.
    # White space as the core strips it (Python's, U+001C–U+001F among it), not polars'.
    if (names.str.strip_chars(WHITE_SPACE) != names).any() or names.str.starts_with("'").any():
        return None
    return names.to_list(), at


def _weights(frame: Any) -> dict[str, int] | None:
    """Each answer spelling's weight in the packed counts, if every answer is readable
    and none is blank."""
    weights = {}
    for value in frame.get_column("answer").unique().to_list():
        try:
            found = weight(value)
        except AnswerError:
            return None
        if found is None:
            return None
        weights[value] = found
    return weights


def _counts(
    pl: Any, columns: list[Any], width: int, weights: dict[str, int]
) -> tuple[list[str], list[int], list[int]] | None:
    settings = _numbered(pl, columns.pop(0))
    people = None if settings is None else _numbered(pl, columns.pop(0))
    if settings is None or people is None:
        return None
    (names, setting), (colleagues, person) = settings, people
    del settings, people
    row = columns.pop(0).to_physical().cast(pl.UInt32)
    bits = pl.Series([1 << at for at in range(width)], dtype=pl.UInt64)
    keys = pl.DataFrame(
        {
            "pair": setting.cast(pl.UInt64) * len(colleagues) + person,
            "slot": setting.cast(pl.UInt64) * width + row,
            "bit": bits.gather(row),
            "w": columns.pop(0).replace_strict(weights, return_dtype=pl.UInt64),
        }
    )
    del row, setting, person
    # A colleague's rows, as bits, add up without a carry only if no row is answered
    # twice: then the sum has as many bits set as the colleague has answers.
    pairs = keys.group_by("pair").agg(bits=pl.col("bit").sum(), n=pl.len())
    slots = keys.group_by("slot").agg(code=pl.col("w").sum())
    del keys
    if pairs.select((pl.col("bits").bitwise_count_ones() != pl.col("n")).any()).item():
        return None
    per_setting = pairs.group_by(pl.col("pair") // len(colleagues)).len()
    if per_setting.get_column("len").max() > MOST_COLLEAGUES:
        return None
    counts = pl.zeros(len(names) * width, dtype=pl.UInt64, eager=True)
    counts = counts.scatter(slots.get_column("slot"), slots.get_column("code"))
    distinct = counts.unique(maintain_order=True)
    which = counts.replace_strict(distinct, pl.int_range(len(distinct), eager=True))
    return names, distinct.to_list(), which.to_list()
