"""Crosswalks: entries, their arity, and the checks against two editions."""

from __future__ import annotations

import pytest

from careers_impact import Crosswalk, CrosswalkEntry, CrosswalkError, check_crosswalk, load_edition

EDITION = load_edition()


def walk(*entries: CrosswalkEntry) -> Crosswalk:
    """A crosswalk of the edition to itself: ``entries``, and every other row kept."""
    named_old = {r for e in entries for r in e.old}
    named_new = {r for e in entries for r in e.new}
    kept = [CrosswalkEntry(kind="kept", old=(r.id,), new=(r.id,)) for r in EDITION.rows
            if r.id not in named_old and r.id not in named_new]  # fmt: skip
    return Crosswalk(old=EDITION.id, new=EDITION.id, entries=(*entries, *kept))


def test_a_row_may_also_feed_a_split() -> None:
    # A row kept under its id may also be split off into others: its old id appears in
    # two entries, which is allowed for a split only.
    check_crosswalk(
        walk(
            CrosswalkEntry(kind="renamed", old=("1.1",), new=("1.1",)),
            CrosswalkEntry(kind="split", old=("1.1",), new=("1.6", "1.7")),
            # The old rows 1.6 and 1.7, whose ids the split takes, are retired.
            CrosswalkEntry(kind="retired", old=("1.6",)),
            CrosswalkEntry(kind="retired", old=("1.7",)),
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


def test_every_row_of_each_edition_must_be_accounted_for() -> None:
    whole = walk()
    check_crosswalk(whole, EDITION, EDITION)
    without = whole.model_copy(update={"entries": tuple(
        e for e in whole.entries if e.old != ("3.8",)
    )})  # fmt: skip
    with pytest.raises(CrosswalkError) as raised:
        check_crosswalk(without, EDITION, EDITION)
    assert "old row 3.8 of 'schools-2026' is in no entry" in str(raised.value)
    assert "new row 3.8 of 'schools-2026' is in no entry" in str(raised.value)


def test_an_entry_still_marked_decide_is_refused() -> None:
    undecided = walk(CrosswalkEntry(kind="kept", old=("1.1",), new=("1.1",),
                                    note="DECIDE: 2 substantive changes"))  # fmt: skip
    with pytest.raises(CrosswalkError, match=r"entries\[0\]: still to decide \(DECIDE: 2"):
        check_crosswalk(undecided, EDITION, EDITION)
