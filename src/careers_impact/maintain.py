"""Maintainers' tools: validate an edition file, diff two editions, start a new one.

The diff is the draft of a new edition's change log and release note: themes and rows
added, removed, retitled or moved; per cell the statements added, removed and reworded
(with a word-level diff); change-log entries added. Each change is classed as
**editorial** (wording only: a review on the old text stays comparable) or
**substantive** (needs a crosswalk decision), and a draft crosswalk is proposed from
the classes for the maintainer to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Literal

from careers_impact._base import PATTERN_WORDS, Frozen
from careers_impact._files import Source
from careers_impact.errors import EditionFileError, ParameterError
from careers_impact.model.crosswalk import Crosswalk
from careers_impact.model.edition import EDITION_ID, Edition, Row
from careers_impact.propose import (
    EDITORIAL_SIMILARITY,
    editorial,
    propose_crosswalk,
)
from careers_impact.views._style import escape as _md

__all__ = [
    "Change",
    "EditionDiff",
    "diff_editions",
    "draft_crosswalk",
    "new_edition",
    "validate_edition",
    "validate_edition_file",
    "word_diff",
]


Kind = Literal[
    "theme-added",
    "theme-removed",
    "theme-retitled",
    "theme-benchmarks",
    "row-added",
    "row-removed",
    "row-retitled",
    "row-moved",
    "statement-added",
    "statement-removed",
    "statement-reworded",
    "change-log-added",
]


class Change(Frozen):
    """One difference between two editions, where it is, and whether it is editorial."""

    kind: Kind
    where: str
    row: str | None = None
    old_row: str | None = None
    column: int | None = None
    old: str | None = None
    new: str | None = None
    words: str | None = None
    substantive: bool

    def describe(self) -> str:
        """One line saying what changed."""
        klass = "substantive" if self.substantive else "editorial"
        if self.kind == "statement-reworded":
            return f"{self.where}: statement reworded ({klass}): {self.words}"
        if self.kind in ("row-retitled", "theme-retitled", "theme-benchmarks"):
            return f"{self.where}: {self.kind.split('-')[1]} {self.old!r} -> {self.new!r} ({klass})"
        if self.kind == "row-moved":
            return f"{self.where}: row {self.old_row} moved to {self.row} ({klass})"
        text = self.new if self.new is not None else self.old
        detail = f": {text}" if text else ""
        return f"{self.where}: {self.kind.replace('-', ' ')} ({klass}){detail}"


class EditionDiff(Frozen):
    """Every change from edition ``old`` to edition ``new``."""

    old: str
    new: str
    changes: tuple[Change, ...]
    similarity: float

    @property
    def substantive_rows(self) -> tuple[str, ...]:
        """Rows of the newer edition with a substantive change (each needs a crosswalk decision)."""
        rows = [c.row for c in self.changes if c.substantive and c.row]
        return tuple(dict.fromkeys(rows))

    def text(self) -> str:
        """The diff as plain text, one change a line."""
        head = f"Changes from {self.old} to {self.new}: {len(self.changes)}"
        counts = (
            f"({sum(c.substantive for c in self.changes)} substantive, "
            f"{sum(not c.substantive for c in self.changes)} editorial)"
        )
        return "\n".join([f"{head} {counts}", *(c.describe() for c in self.changes)]) + "\n"

    def markdown(self) -> str:
        """The diff as Markdown, grouped into substantive and editorial changes."""
        lines = [f"# Changes from `{self.old}` to `{self.new}`", ""]
        for title, flag in (("Substantive changes", True), ("Editorial changes", False)):
            chosen = [c for c in self.changes if c.substantive is flag]
            lines += [f"## {title} ({len(chosen)})", ""]
            lines += [f"- {_md(c.describe())}" for c in chosen] or ["- None."]
            lines.append("")
        return "\n".join(lines)


def word_diff(old: str, new: str) -> tuple[str, float]:
    """A word-level diff (``[-removed-]{+added+}``) and the words' similarity, 0 to 1.

    >>> word_diff("Careers is led well.", "Careers is led very well.")
    ('Careers is led {+very+} well.', 0.888...)
    """
    a, b = old.split(), new.split()
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    out: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += a[i1:i2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out), matcher.ratio()


def _cells(old: Row, new: Row, where: str, similarity: float) -> Iterator[Change]:
    for old_cell, new_cell in zip(old.cells, new.cells, strict=True):
        place = f"{where} column {new_cell.column}"
        a, b = list(old_cell.statements), list(new_cell.statements)
        for op, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(pairs):
                words, _ = word_diff(a[i1 + k], b[j1 + k])
                yield Change(
                    kind="statement-reworded",
                    where=place,
                    row=new.id,
                    column=new_cell.column,
                    old=a[i1 + k],
                    new=b[j1 + k],
                    words=words,
                    substantive=not editorial(a[i1 + k], b[j1 + k], similarity),
                )
            for text in a[i1 + pairs : i2]:
                yield Change(
                    kind="statement-removed",
                    where=place,
                    row=new.id,
                    column=new_cell.column,
                    old=text,
                    substantive=True,
                )
            for text in b[j1 + pairs : j2]:
                yield Change(
                    kind="statement-added",
                    where=place,
                    row=new.id,
                    column=new_cell.column,
                    new=text,
                    substantive=True,
                )


def _title_change(old: Row, new: Row, similarity: float) -> Iterator[Change]:
    if old.title != new.title:
        words, _ = word_diff(old.title, new.title)
        yield Change(
            kind="row-retitled",
            where=f"row {new.id}",
            row=new.id,
            old=old.title,
            new=new.title,
            words=words,
            substantive=not editorial(old.title, new.title, similarity),
        )


def _same_cells(a: Row, b: Row) -> bool:
    return [c.statements for c in a.cells] == [c.statements for c in b.cells]


def diff_editions(
    old: Edition, new: Edition, *, similarity: float = EDITORIAL_SIMILARITY
) -> EditionDiff:
    """Every change from edition ``old`` to edition ``new``, each classed.

    Rows are matched by id; a row whose id disappears while a new id appears with the
    same title or statements is reported as moved. A reworded statement or title is
    editorial only by the rule of `editorial` (punctuation, white space, letter case, or
    a misspelling fixed, ``similarity`` being how alike a fixed word's letters are);
    added or removed statements, rows and themes, moves and benchmark changes are
    substantive.
    """
    if not 0.0 <= similarity <= 1.0:
        raise ParameterError(f"similarity is a ratio from 0 to 1, not {similarity!r}")
    changes = list(_theme_changes(old, new, similarity))
    old_rows = {r.id: r for r in old.rows}
    moved, gone = _moves(old, new)
    for row in new.rows:
        before = old_rows.get(row.id) or moved.get(row.id)
        if before is None:
            changes.append(
                Change(
                    kind="row-added", where=f"row {row.id}", row=row.id, new=row.title,
                    substantive=True,
                )
            )  # fmt: skip
        else:
            changes += _row_changes(before, row, row.id in moved, similarity)
    changes += [
        Change(
            kind="row-removed", where=f"row {row.id}", old_row=row.id, old=row.title,
            substantive=True,
        )
        for row in gone
    ]  # fmt: skip
    return EditionDiff(old=old.id, new=new.id, changes=tuple(changes), similarity=similarity)


def _theme_changes(old: Edition, new: Edition, similarity: float) -> Iterator[Change]:
    old_themes = {t.number: t for t in old.themes}
    new_themes = {t.number: t for t in new.themes}
    for number, theme in new_themes.items():
        where = f"theme {number}"
        before = old_themes.get(number)
        if before is None:
            yield Change(kind="theme-added", where=where, new=theme.title, substantive=True)
            continue
        if before.title != theme.title:
            words, _ = word_diff(before.title, theme.title)
            yield Change(
                kind="theme-retitled",
                where=where,
                old=before.title,
                new=theme.title,
                words=words,
                substantive=not editorial(before.title, theme.title, similarity),
            )
        if before.benchmarks != theme.benchmarks:
            yield Change(
                kind="theme-benchmarks",
                where=where,
                old=", ".join(map(str, before.benchmarks)),
                new=", ".join(map(str, theme.benchmarks)),
                substantive=True,
            )
    for number, theme in old_themes.items():
        if number not in new_themes:
            yield Change(
                kind="theme-removed", where=f"theme {number}", old=theme.title, substantive=True
            )


def _moves(old: Edition, new: Edition) -> tuple[dict[str, Row], list[Row]]:
    """New rows that are old rows under a new id (same title or statements), and the old
    rows that are gone."""
    old_ids = {r.id for r in old.rows}
    new_ids = {r.id for r in new.rows}
    gone = [r for r in old.rows if r.id not in new_ids]
    moved: dict[str, Row] = {}
    for row in (r for r in new.rows if r.id not in old_ids):
        # Matched sources leave ``gone``, so no old row is the source of two moves.
        source = next((g for g in gone if g.title == row.title or _same_cells(g, row)), None)
        if source is not None:
            moved[row.id] = source
            gone.remove(source)
    return moved, gone


def _row_changes(before: Row, row: Row, moved: bool, similarity: float) -> list[Change]:
    where = f"row {row.id}"
    changes: list[Change] = []
    if moved:
        changes.append(
            Change(
                kind="row-moved",
                where=where,
                row=row.id,
                old_row=before.id,
                old=before.title,
                new=row.title,
                substantive=True,
            )
        )
    changes += _title_change(before, row, similarity)
    changes += _cells(before, row, where, similarity)
    if row.change is not None and before.change is None:
        changes.append(
            Change(
                kind="change-log-added",
                where=where,
                row=row.id,
                new=" ".join(row.change.purpose),
                substantive=False,
            )
        )
    return changes


def draft_crosswalk(diff: EditionDiff, old: Edition, new: Edition) -> Crosswalk:
    """The crosswalk the two editions' content shows (`propose_crosswalk`: rows matched
    by what they say, not by id), for the maintainer to decide; ``diff`` must be of the
    same two editions.
    """
    if (diff.old, diff.new) != (old.id, new.id):
        raise ParameterError(
            f"the diff is of {diff.old!r} to {diff.new!r}, not {old.id!r} to {new.id!r}"
        )
    return propose_crosswalk(old, new)


def new_edition(base: Edition, edition_id: str) -> Edition:
    """A starting point for the next edition: ``base`` under a new id.

    The text, themes, rows and source notes are kept for the maintainer to edit; the
    change log, the publication hash and the errata are cleared, because they belong to
    ``base``. The effective date is cleared until the new edition states one.

    >>> from careers_impact import load_edition
    >>> draft = new_edition(load_edition(), "schools-2027")
    >>> draft.id, draft.published_hash, draft.row("1.1").change
    ('schools-2027', None, None)
    >>> new_edition(load_edition(), "../x")
    Traceback (most recent call last):
    careers_impact.errors.ParameterError: the new edition's id '../x' must be lower-case ...
    """
    if not re.fullmatch(EDITION_ID, edition_id):
        raise ParameterError(
            f"the new edition's id {edition_id!r} must be {PATTERN_WORDS[EDITION_ID]}"
        )
    data = base.model_dump(mode="json")
    data.update(
        id=edition_id, effective=None, published_hash=None, errata=[], change_log_title=None
    )
    for theme in data["themes"]:
        theme["change"] = None
        for row in theme["rows"]:
            row["change"] = None
    return Edition.model_validate(data)


def validate_edition_file(source: Source) -> tuple[tuple[str, str], ...]:
    """Every problem with an edition file, as ``(location, message)``; empty when valid.

    Beyond `careers_impact.load_edition_file`'s format and invariants, a
    published edition's content must match its recorded hash (see ``errata``).

    >>> validate_edition_file(b'{"format_version": 2}')[0][0]
    'id'
    """
    from careers_impact.model.editions import load_edition_file

    try:
        edition = load_edition_file(source)
    except EditionFileError as error:
        return error.problems
    return validate_edition(edition)


def validate_edition(edition: Edition) -> tuple[tuple[str, str], ...]:
    """The release checks beyond the file format: a published edition's content must
    match its recorded hash (see ``errata``). Empty when it does.

    >>> from careers_impact import load_edition
    >>> validate_edition(load_edition())
    ()
    """
    expected = edition.expected_hash()
    problems = []
    if expected is not None and edition.content_hash() != expected:
        problems.append(
            (
                "published_hash" if not edition.errata else f"errata[{len(edition.errata) - 1}]",
                f"the content hash is {edition.content_hash()}, not the recorded {expected}: "
                "a published edition changes only through a recorded erratum",
            )
        )
    return tuple(problems)
