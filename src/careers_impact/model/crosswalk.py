"""Crosswalks: how the rows of one edition become the rows of the next.

A new edition ships a crosswalk from the edition before it, one entry per change: a row
**kept** (same meaning, maybe new wording), **renamed**, **split** into several,
several **merged** into one, a row **added**, or a row **retired**. Comparisons across
editions go through it; a row without an entry is reported as not comparable, never
matched by its id alone.

Bundled crosswalks live in ``careers_impact/data/crosswalks/FROM--TO.json``. No
bundled edition has a predecessor yet, so none is shipped; the format and its use are
tested with a test-only edition.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, StringConstraints, model_validator

from careers_impact._base import FILE_FORMAT, Frozen, RowId
from careers_impact._files import Source, read_bytes
from careers_impact._jsonio import JsonFileError, load_json
from careers_impact.errors import CrosswalkError, ReviewInputError, shown
from careers_impact.model.edition import Edition

__all__ = [
    "Crosswalk",
    "CrosswalkEntry",
    "check_crosswalk",
    "list_crosswalks",
    "load_crosswalk",
    "load_crosswalk_file",
]

Kind = Literal["kept", "renamed", "split", "merged", "added", "retired"]

# How many rows each kind takes from the older edition and gives to the newer.
_ARITY: dict[str, tuple[str, str]] = {
    "kept": ("one", "one"),
    "renamed": ("one", "one"),
    "split": ("one", "several"),
    "merged": ("several", "one"),
    "added": ("none", "one"),
    "retired": ("one", "none"),
}


def _arity_schema(schema: dict[str, Any]) -> None:
    # The arity rule in the schema too, so that other tools refuse what the loader does.
    # "type" beside each size: a strict validator (ajv's strictTypes) needs it said.
    sizes = {
        "none": {"type": "array", "maxItems": 0},
        "one": {"type": "array", "minItems": 1, "maxItems": 1},
        "several": {"type": "array", "minItems": 2},
    }
    schema["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": kind}}},
            "then": {
                "properties": {"old": sizes[old], "new": sizes[new]},
                "required": [side for side, need in (("old", old), ("new", new)) if need != "none"],
            },
        }
        for kind, (old, new) in _ARITY.items()
    ]


class CrosswalkEntry(Frozen):
    """One change between editions: which older rows become which newer rows, and how.

    >>> CrosswalkEntry(kind="split", old=("1.2",), new=("1.2", "1.8")).kind
    'split'
    """

    model_config = ConfigDict(json_schema_extra=_arity_schema)

    kind: Kind
    old: tuple[RowId, ...] = ()
    new: tuple[RowId, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _arity(self) -> CrosswalkEntry:
        need_old, need_new = _ARITY[self.kind]
        for side, rows, need in (("old", self.old, need_old), ("new", self.new, need_new)):
            count = len(rows)
            fits = {"none": count == 0, "one": count == 1, "several": count >= 2}[need]
            if not fits:
                raise ValueError(
                    f"a {self.kind!r} entry takes {need} row(s) on the {side} side; "
                    f"it has {list(rows)}"
                )
        return self


class Crosswalk(Frozen):
    """Every change from edition ``old`` to edition ``new``.

    >>> walk = Crosswalk(old="a", new="b", entries=[CrosswalkEntry(kind="added", new=("6.4",))])
    >>> walk.for_new_row("6.4").kind, walk.for_new_row("1.1")
    ('added', None)
    """

    model_config = FILE_FORMAT

    format_version: Literal[1] = 1
    old: Annotated[str, StringConstraints(min_length=1)]
    new: Annotated[str, StringConstraints(min_length=1)]
    entries: tuple[CrosswalkEntry, ...]

    def for_new_row(self, row_id: str) -> CrosswalkEntry | None:
        """The entry that gives newer row ``row_id``, or ``None`` (not comparable)."""
        return next((e for e in self.entries if row_id in e.new), None)

    def retired(self) -> tuple[CrosswalkEntry, ...]:
        """The entries for older rows that have no successor."""
        return tuple(e for e in self.entries if e.kind == "retired")


def _problems(crosswalk: Crosswalk, old: Edition, new: Edition) -> Iterator[str]:
    if (crosswalk.old, crosswalk.new) != (old.id, new.id):
        yield (
            f"the crosswalk joins {crosswalk.old!r} to {crosswalk.new!r}, not "
            f"{old.id!r} to {new.id!r}"
        )
        return
    old_rows = {row.id for row in old.rows}
    new_rows = {row.id for row in new.rows}
    seen_old: dict[str, int] = {}
    seen_new: dict[str, int] = {}
    for index, entry in enumerate(crosswalk.entries):
        for row in entry.old:
            if row not in old_rows:
                yield f"entries[{index}]: edition {old.id!r} has no row {row}"
            if row in seen_old and entry.kind != "split":
                yield f"entries[{index}]: old row {row} is already in entries[{seen_old[row]}]"
            seen_old.setdefault(row, index)
        for row in entry.new:
            if row not in new_rows:
                yield f"entries[{index}]: edition {new.id!r} has no row {row}"
            if row in seen_new:
                yield f"entries[{index}]: new row {row} is already in entries[{seen_new[row]}]"
            seen_new.setdefault(row, index)
        if entry.note is not None and entry.note.lstrip().upper().startswith("DECIDE"):
            yield f"entries[{index}]: still to decide ({entry.note.strip()[:80]})"
    # Every row of each edition is accounted for: an older row with no entry would
    # vanish from every comparison, a newer one would read as never assessed before.
    for row in (r.id for r in old.rows if r.id not in seen_old):
        yield f"old row {row} of {old.id!r} is in no entry: keep, rename, split, merge or retire it"
    for row in (r.id for r in new.rows if r.id not in seen_new):
        yield f"new row {row} of {new.id!r} is in no entry: keep, rename, split, merge or add it"


def check_crosswalk(crosswalk: Crosswalk, old: Edition, new: Edition) -> None:
    """Check a crosswalk against its two editions: every row it names exists, no newer row
    has two sources, no entry is still marked ``DECIDE``, and every row of each edition
    is accounted for by an entry.

    Raises `CrosswalkError` listing every problem.

    >>> from careers_impact import load_edition
    >>> walk = Crosswalk(old="colleges", new="schools-2026",
    ...                  entries=[CrosswalkEntry(kind="retired", old=("9.9",))])
    >>> try:
    ...     check_crosswalk(walk, load_edition("colleges"), load_edition())
    ... except CrosswalkError as error:
    ...     print(str(error)[:94])
    entries[0]: edition 'colleges' has no row 9.9; old row 1.1 of 'colleges' is in no entry: keep,
    """
    problems = list(_problems(crosswalk, old, new))
    if problems:
        raise CrosswalkError("; ".join(problems))


def list_crosswalks() -> tuple[tuple[str, str], ...]:
    """The (older, newer) edition pairs a bundled crosswalk joins.

    >>> list_crosswalks()
    ()
    """
    folder = files("careers_impact").joinpath("data").joinpath("crosswalks")
    if not folder.is_dir():
        return ()
    pairs = []
    for item in folder.iterdir():
        if item.name.endswith(".json") and "--" in item.name:
            old, new = item.name.removesuffix(".json").split("--", 1)
            pairs.append((old, new))
    return tuple(sorted(pairs))


@cache
def load_crosswalk(old: str, new: str) -> Crosswalk:
    """The bundled crosswalk from edition ``old`` to edition ``new``.

    Raises `CrosswalkError` naming the crosswalks that are bundled when there is
    none between the two.
    """
    if (old, new) not in list_crosswalks():
        known = ", ".join(f"{a} -> {b}" for a, b in list_crosswalks()) or "none"
        raise CrosswalkError(
            f"no crosswalk from edition {old!r} to {new!r}, so their rows cannot be "
            f"compared; bundled crosswalks: {known}"
        )
    folder = files("careers_impact").joinpath("data").joinpath("crosswalks")
    return Crosswalk.model_validate_json(folder.joinpath(f"{old}--{new}.json").read_bytes())


def load_crosswalk_file(source: Source, *, name: str | None = None) -> Crosswalk:
    """Read a crosswalk file (e.g. a maintainer's draft); problems raise ``CrosswalkError``.

    Read strictly, as its JSON Schema says, with its ``format_version``; ``source`` is
    a path, the text, the bytes or an open stream.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "walk.json"
    >>> text = '{"format_version": 1, "old": "a", "new": "b", "entries": []}'
    >>> _ = path.write_text(text, encoding="utf-8")
    >>> load_crosswalk_file(path).new
    'b'
    """
    try:
        path, raw = read_bytes(source, name)
    except ReviewInputError as error:
        raise CrosswalkError(str(error)) from None
    try:
        return load_json(Crosswalk, raw, what="crosswalk")
    except JsonFileError as error:
        listed = "; ".join(f"{where}: {what}" if where else what for where, what in error.problems)
        raise CrosswalkError(f"{shown(path)}: {listed}") from None
