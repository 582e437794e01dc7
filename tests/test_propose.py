"""The crosswalk proposed from content (`careers_impact.propose`), on a simulated next
edition whose every kind of change is known: the proposal recovers the truth, and a
review compared through it gives the right moves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from careers_impact import Edition, Review, check_crosswalk, compare, load_edition
from careers_impact.propose import propose_crosswalk


def _cell(column: int, statements: list[str]) -> dict[str, Any]:
    return {"column": column, "statements": statements, "list_items": [], "source_notes": []}


def _next_edition(data: dict[str, Any]) -> None:
    """Reword 1.1, 5.1 and 6.1; merge 2.4 and 2.5 (2.6 and 2.7 become 2.5 and 2.6);
    split 3.6 in two (3.7 becomes 3.8; the old 3.8 is retired); add 6.4; retitle
    theme 4."""
    themes = data["themes"]
    one, two, three, _, five, six = (t["rows"] for t in themes)
    one[0]["cells"][0]["statements"] = ["There is a named and trained Careers Leader."]
    five[0]["cells"][0]["statements"][0] = five[0]["cells"][0]["statements"][0].upper()
    six[0]["cells"][1]["statements"][0] += " Leaders review it yearly."
    merged = dict(two[3], change=None, cells=[
        _cell(c, two[3]["cells"][c - 1]["statements"] + two[4]["cells"][c - 1]["statements"])
        for c in range(1, 5)
    ])  # fmt: skip
    themes[1]["rows"] = [*two[:3], merged, dict(two[5], id="2.5", change=None),
                         dict(two[6], id="2.6", change=None)]  # fmt: skip
    old_36 = three[5]["cells"]
    first = dict(three[5], change=None, cells=[
        _cell(1, old_36[0]["statements"]), _cell(2, old_36[1]["statements"]),
        _cell(3, old_36[2]["statements"][:1]), _cell(4, old_36[3]["statements"][:1]),
    ])  # fmt: skip
    second = dict(three[5], id="3.7", title="Staff understanding of routes", change=None, cells=[
        _cell(1, ["Staff know where to find route information."]),
        _cell(2, ["Staff share route information with learners."]),
        _cell(3, old_36[2]["statements"][1:]), _cell(4, old_36[3]["statements"][1:]),
    ])  # fmt: skip
    themes[2]["rows"] = [*three[:5], first, second, dict(three[6], id="3.8", change=None)]
    themes[3]["title"] = "Careers in the curriculum"
    themes[5]["rows"].append({**six[0], "id": "6.4", "title": "Alumni networks", "change": None,
        "cells": [_cell(c, [f"Alumni take part at level {c}."]) for c in range(1, 5)]})  # fmt: skip


@pytest.fixture(scope="module")
def editions(make_edition: Callable[..., Edition]) -> tuple[Edition, Edition]:
    return load_edition(), make_edition("schools-next", _next_edition)


def test_the_proposal_recovers_every_kind_of_change(editions: tuple[Edition, Edition]) -> None:
    old, new = editions
    walk = propose_crosswalk(old, new)
    found = {(e.kind, e.old, e.new) for e in walk.entries}
    assert ("merged", ("2.4", "2.5"), ("2.4",)) in found
    assert ("renamed", ("2.6",), ("2.5",)) in found
    assert ("renamed", ("2.7",), ("2.6",)) in found
    assert ("split", ("3.6",), ("3.6", "3.7")) in found
    assert ("renamed", ("3.7",), ("3.8",)) in found
    assert ("retired", ("3.8",), ()) in found
    assert ("added", (), ("6.4",)) in found
    assert ("kept", ("4.1",), ("4.1",)) in found
    notes = {(e.kind, e.old, e.new): e.note or "" for e in walk.entries}
    assert notes[("kept", ("1.1",), ("1.1",))].startswith("DECIDE")  # reworded
    assert notes[("kept", ("6.1",), ("6.1",))].startswith("DECIDE")
    assert notes[("kept", ("5.1",), ("5.1",))] == ""  # only its letter case changed
    assert "5 of 5 statements of old 2.6 in new 2.5" in notes[("renamed", ("2.6",), ("2.5",))]
    # Undecided, the crosswalk is refused; decided, it is whole.
    with pytest.raises(Exception, match="still to decide"):
        check_crosswalk(walk, old, new)
    decided = walk.model_copy(update={"entries": tuple(
        e.model_copy(update={"note": None}) for e in walk.entries
    )})  # fmt: skip
    check_crosswalk(decided, old, new)


def test_a_review_compared_through_the_proposal_gives_the_right_moves(
    editions: tuple[Edition, Edition], make_review: Callable[..., Review]
) -> None:
    old, new = editions
    walk = propose_crosswalk(old, new)
    decided = walk.model_copy(update={"entries": tuple(
        e.model_copy(update={"note": None}) for e in walk.entries
    )})  # fmt: skip
    before = make_review(agreed={"2.6": 2, "2.7": 3, "3.7": 1, "3.8": 2}, when="2026-10-01")
    after = make_review(agreed={"2.5": 3, "2.6": 3, "3.8": 1}, when="2027-10-01", edition=new)
    moves = compare(before, after, crosswalk=decided, editions={new.id: new})
    assert (moves.row("2.5").before_rows, moves.row("2.5").move) == (("2.6",), "advanced")
    assert (moves.row("2.6").before_rows, moves.row("2.6").move) == (("2.7",), "held")
    assert (moves.row("3.8").before_rows, moves.row("3.8").move) == (("3.7",), "held")
    retired = [m for m in moves.rows if m.row is None and m.before_rows == ("3.8",)]
    assert [m.move for m in retired] == ["no-longer-assessed"]


def test_an_edition_proposed_against_itself_is_kept_whole() -> None:
    edition = load_edition("colleges")
    walk = propose_crosswalk(edition, edition)
    assert {(e.kind, e.note) for e in walk.entries} == {("kept", None)}
    check_crosswalk(walk, edition, edition)


def test_crosswalk_propose_writes_what_check_then_judges(
    editions: tuple[Edition, Edition], tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from careers_impact.cli import main

    _, new = editions
    new_file = tmp_path / "schools-next.json"
    new_file.write_text(new.model_dump_json(), encoding="utf-8")
    out = tmp_path / "walk.json"
    assert main(["crosswalk", "propose", "schools-2026", str(new_file), "--out", str(out)]) == 0
    assert "marked DECIDE" in capsys.readouterr().err
    assert main(["crosswalk", "check", str(out), "--new", str(new_file)]) == 1
    assert "still to decide" in capsys.readouterr().out
