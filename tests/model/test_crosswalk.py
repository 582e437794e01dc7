"""Crosswalks: entries, their arity, and the checks against two editions."""

from __future__ import annotations

import pytest

from careers_impact import Crosswalk, CrosswalkEntry, CrosswalkError, check_crosswalk, load_edition

EDITION = load_edition()


def walk(*entries: CrosswalkEntry) -> Crosswalk:
    return Crosswalk(old=EDITION.id, new=EDITION.id, entries=entries)


def test_a_row_may_also_feed_a_split() -> None:
    # A row kept under its id may also be split off into others: its old id appears in
    # two entries, which is allowed for a split only.
    check_crosswalk(
        walk(
            CrosswalkEntry(kind="renamed", old=("1.1",), new=("1.1",)),
            CrosswalkEntry(kind="split", old=("1.1",), new=("1.6", "1.7")),
        ),
        EDITION,
        EDITION,
    )


def test_an_old_row_in_two_entries_that_are_not_a_split_is_refused() -> None:
    bad = walk(
        CrosswalkEntry(kind="renamed", old=("1.1",), new=("1.1",)),
        CrosswalkEntry(kind="merged", old=("1.1", "1.2"), new=("1.3",)),
    )
    with pytest.raises(CrosswalkError, match=r"old row 1\.1 is already in entries\[0\]"):
        check_crosswalk(bad, EDITION, EDITION)


def test_a_new_row_with_two_sources_is_refused() -> None:
    bad = walk(
        CrosswalkEntry(kind="kept", old=("1.1",), new=("1.1",)),
        CrosswalkEntry(kind="kept", old=("1.2",), new=("1.1",)),
    )
    with pytest.raises(CrosswalkError, match=r"new row 1\.1 is already in entries\[0\]"):
        check_crosswalk(bad, EDITION, EDITION)


@pytest.mark.parametrize(
    ("kind", "old", "new"),
    [("split", ("1.1",), ("1.2",)), ("merged", ("1.1",), ("1.2",)), ("added", ("1.1",), ("1.2",))],
)
def test_each_kind_takes_its_number_of_rows(
    kind: str, old: tuple[str, ...], new: tuple[str, ...]
) -> None:
    with pytest.raises(ValueError, match=f"a {kind!r} entry takes"):
        CrosswalkEntry(kind=kind, old=old, new=new)  # type: ignore[arg-type]
