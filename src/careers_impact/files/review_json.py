"""The canonical review file: JSON with its format version, read strictly and written
atomically.

It holds everything a review records (setting, date, participants, reflections,
evidence, agreed positions, targets); its JSON Schema is ``schema("review")``.
"""

from __future__ import annotations

from os import PathLike
from typing import IO

from careers_impact._files import PathLikeStr, Source, read_bytes, write_atomic
from careers_impact._jsonio import JsonFileError, load_json
from careers_impact.errors import ReviewInputError
from careers_impact.model.edition import Edition
from careers_impact.reviews.review import Review

__all__ = ["load_review", "save_review"]


def save_review(review: Review, path: PathLikeStr | IO[str]) -> None:
    """Write the canonical review file (JSON, UTF-8, with its format version), atomically.

    >>> import pathlib, tempfile
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "review.json"
    >>> save_review(demo_review(), path)
    >>> path.read_text(encoding="utf-8").splitlines()[1]
    '  "format_version": 1,'
    """
    text = review.model_dump_json(indent=2) + "\n"
    if isinstance(path, str | PathLike):
        write_atomic(path, lambda handle: handle.write(text.encode("utf-8")))
    else:
        path.write(text)


def load_review(
    source: Source, edition: Edition | None = None, *, name: str | None = None
) -> Review:
    """Read a canonical review file and validate it against its edition.

    Types are strict, as the published JSON Schema says (``true`` is not a column, ``0``
    is not a date); the ``format_version`` must be there, and a newer one than this
    package reads is named. ``edition`` is needed only for a review on an edition that
    is not bundled. ``source`` is a path, the text, the bytes or an open stream.

    >>> import pathlib, tempfile
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "review.json"
    >>> save_review(demo_review(), path)
    >>> load_review(path) == demo_review()
    True
    """
    shown, raw = read_bytes(source, name)
    if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b"," in raw.split(b"\n", 1)[0]:
        raise ReviewInputError(
            shown,
            "this is a CSV file, not a saved review: a saved review is the JSON file the "
            "review command writes with --json",
            line=1,
        )
    context = {"edition": edition} if edition is not None else None
    try:
        return load_json(Review, raw, what="review", context=context)
    except JsonFileError as error:
        # Every problem: the first located by its column, each other named by its own.
        (where, message), *others = error.problems
        more = "".join(f"; and {at}: {why}" for at, why in others)
        raise ReviewInputError(
            shown, message + more, column=None if where == "(top level)" else where
        ) from None
