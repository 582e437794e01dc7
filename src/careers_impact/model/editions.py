"""Loading the editions bundled with the package, and edition files from elsewhere.

Bundled data is read through `importlib.resources`, so it works from a wheel,
a zip or a source checkout alike. Each edition is parsed on first use and cached.
Bundled editions are trusted data: their content is checked against its recorded hash
and validated by the test suite, so they are built without running the validator
(`careers_impact._base.construct`); an edition file from elsewhere is validated
strictly (`load_edition_file`).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Annotated, Any

from pydantic import StringConstraints
from pydantic_core import from_json

from careers_impact._base import Frozen, construct
from careers_impact._files import Source, read_bytes
from careers_impact._jsonio import JsonFileError, load_json
from careers_impact.errors import (
    EditionFileError,
    ReviewInputError,
    UnknownEditionError,
)
from careers_impact.model._index import DEFAULT_EDITION, index
from careers_impact.model.edition import YEAR_MONTH, Edition
from careers_impact.model.gatsby import benchmark, benchmarks

__all__ = [
    "DEFAULT_EDITION",
    "EditionInfo",
    "benchmark",
    "benchmarks",
    "edition_schema",
    "list_editions",
    "load_edition",
    "load_edition_file",
]


class EditionInfo(Frozen):
    """What `list_editions` says of each bundled edition, without loading it.

    >>> [info.id for info in list_editions()]
    ['colleges', 'schools-2026']
    """

    id: str
    title: str
    setting: str
    effective: Annotated[str, StringConstraints(pattern=YEAR_MONTH)] | None = None


def _read(name: str) -> bytes:
    return files("careers_impact").joinpath("data").joinpath(name).read_bytes()


@cache
def list_editions() -> tuple[EditionInfo, ...]:
    """Every edition bundled with this package: id, title, setting and effective date.

    ``effective`` is ``None`` where the source states no date.

    >>> {info.id: info.effective for info in list_editions()}
    {'colleges': None, 'schools-2026': '2026-09'}
    """
    return tuple(EditionInfo.model_validate(item) for item in index())


def load_edition(edition_id: str | None = None) -> Edition:
    """The bundled edition ``edition_id``; ``None`` gives `DEFAULT_EDITION`.

    Editions are parsed on first use and cached, so repeated calls are cheap and return
    the same object. An unknown id raises `UnknownEditionError` listing the ids
    that are bundled.

    >>> load_edition().id
    'schools-2026'
    >>> load_edition("colleges").row("4.6").source_notes[0].reading
    'Learner Skills Development'
    """
    return _load(DEFAULT_EDITION if edition_id is None else edition_id)


@cache
def _load(edition_id: str) -> Edition:
    # Only ids in the bundled index reach the file system, so "../x" or a name longer
    # than the system allows is an unknown edition, not an OSError.
    known = tuple(item["id"] for item in index())
    if not (isinstance(edition_id, str) and edition_id in known):
        raise UnknownEditionError(str(edition_id)[:80], known)
    return construct(Edition, from_json(_read(f"{edition_id}.json")))


def load_edition_file(source: Source, *, name: str | None = None) -> Edition:
    """Read and validate an edition file from anywhere, e.g. a maintainer's draft.

    The file is checked against the edition format, strictly as its JSON Schema says
    (``true`` is not a number), and every invariant (row ids unique and inside their
    theme, four cells per row, no empty cell without a source note, change-log entries
    on their own rows, benchmark numbers 1 to 8). ``source`` is a path, the text, the
    bytes or an open stream. A file that is not UTF-8 JSON, or breaks any rule, raises
    `EditionFileError` naming the file and the location of each problem.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "colleges.json"
    >>> _ = path.write_text(load_edition("colleges").model_dump_json(), encoding="utf-8")
    >>> load_edition_file(path) == load_edition("colleges")
    True
    """
    try:
        shown, raw = read_bytes(source, name)
    except ReviewInputError as error:
        raise EditionFileError(error.path, [("", error.message)]) from None
    try:
        return load_json(Edition, raw, what="edition")
    except JsonFileError as error:
        raise EditionFileError(shown, error.problems) from None


def edition_schema() -> dict[str, Any]:
    """The JSON Schema of the edition file format, as committed in the package.

    Tools in other languages can validate edition files against it; the package's own
    loader applies the same rules plus the invariants the schema cannot express. The
    same as ``careers_impact.files.schemas.schema("edition")``.

    >>> edition_schema()["title"]
    'Edition'
    """
    schema: dict[str, Any] = from_json(_read("edition.schema.json"))
    return schema
