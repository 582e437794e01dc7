"""Maintainers' tools: diff (against a golden file), draft crosswalk, validate, new; releases."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careers_impact import Edition, list_editions, load_edition
from careers_impact.cli import main
from careers_impact.maintain import (
    EditionDiff,
    diff_editions,
    draft_crosswalk,
    new_edition,
    validate_edition_file,
    word_diff,
)

GOLDEN = Path(__file__).resolve().parent / "golden"

# The content hash of each edition as published. A change to an edition's text must
# come with a recorded erratum (whose hash then rules); changing a hash here is a
# deliberate act that a reviewer will see.
PUBLISHED = {
    "schools-2026": "cc47526fd631fe5ae975d8cfd58ccdbc5fcfba1f4707f43b109f717f2980eec2",
    "colleges": "8b874ed221afbce6e6a7b109e371074d8de5c03f6e7dbbeee7d489c7e1745548",
}
# Every recorded change since publication, pinned: a new record is a reviewed change here.
RECORDED = {
    "schools-2026": [
        ("correction", "1e2288d1bd6e22a36ba9a9ac6ca36931b32ad865d991ce48d53a3f9244c32d55"),
        ("format", "367f866d6d5a0a5151f65c254794ed92961a118dc90cf8fe81623e210c282e07"),
    ],
    "colleges": [
        ("format", "5f91de7db44f6e84c8e1066291d9ec5b0a795abc4e5e00924bca6efe7de3d45d"),
    ],
}


@pytest.fixture(scope="module")
def modified(make_edition: Callable[..., Edition]) -> Edition:
    """A test-only next edition of schools-2026 with one change of each kind."""
    return make_edition("schools-next", _one_change_of_each_kind)


def _one_change_of_each_kind(data: dict[str, Any]) -> None:
    themes = data["themes"]
    row_11, row_12, row_13 = themes[0]["rows"][:3]
    row_11["cells"][0]["statements"] = ["There is a named and trained Careers Leader."]
    row_12["cells"][1]["statements"].append("A statement added in the next edition.")
    row_13["title"] = "Strategic planning for careers"
    cell_21_3 = themes[1]["rows"][0]["cells"][2]
    cell_21_3["statements"].pop(1)
    cell_21_3["list_items"] = [i - (i > 1) for i in cell_21_3["list_items"] if i != 1]
    themes[2]["rows"] = [r for r in themes[2]["rows"] if r["id"] != "3.8"]
    themes[3]["rows"][3]["id"] = "4.5"
    themes[3]["rows"][3]["change"] = None
    themes[5]["rows"].append(dict(themes[5]["rows"][0], id="6.4", title="A new row", change=None))
    themes[5]["benchmarks"] = [3, 8]
    rows_5 = themes[4]["rows"]
    # Editorial by the rule: letter case and punctuation only; a misspelling fixed.
    rows_5[0]["cells"][0]["statements"][0] = (
        "There is occasional engagement, with a range of Employers"
    )
    rows_5[1]["cells"][0]["statements"][0] = rows_5[1]["cells"][0]["statements"][0].replace(
        "encounters", "encuonters"
    )


def test_diff_of_an_edition_with_itself_is_empty() -> None:
    for info in list_editions():
        assert diff_editions(load_edition(info.id), load_edition(info.id)).changes == ()


def test_diff_classifies_every_kind_of_change(modified: Edition) -> None:
    diff = diff_editions(load_edition(), modified)
    found = {(c.kind, c.row or c.old_row or c.where): c.substantive for c in diff.changes}
    assert found[("statement-reworded", "1.1")] is True  # a word added: substantive
    assert found[("statement-reworded", "5.1")] is False  # case and punctuation only
    assert found[("statement-reworded", "5.2")] is False  # a misspelling
    assert found[("statement-added", "1.2")] is True
    assert found[("row-retitled", "1.3")] is True  # too different to be editorial
    assert found[("statement-removed", "2.1")] is True
    assert found[("row-removed", "3.8")] is True
    assert found[("row-moved", "4.5")] is True
    assert found[("row-added", "6.4")] is True
    assert found[("theme-benchmarks", "theme 6")] is True
    assert set(diff.substantive_rows) == {"1.1", "1.2", "1.3", "2.1", "4.5", "6.4"}
    reworded = next(c for c in diff.changes if c.kind == "statement-reworded")
    assert reworded.words == "There is a named {+and trained+} Careers Leader."
    assert len(diff.changes) == 10


def test_similarity_threshold_is_a_parameter(modified: Edition) -> None:
    strict = diff_editions(load_edition(), modified, similarity=0.95)
    misspelt = next(c for c in strict.changes if c.kind == "statement-reworded" and c.row == "5.2")
    assert misspelt.substantive is True  # at 0.95 "encuonters" is another word


def test_diff_markdown_matches_the_golden_file(modified: Edition) -> None:
    text = diff_editions(load_edition(), modified).markdown()
    golden = GOLDEN / "schools-2026--schools-next.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_diff_json_loads_back(modified: Edition) -> None:
    diff = diff_editions(load_edition(), modified)
    assert EditionDiff.model_validate_json(diff.model_dump_json()) == diff


def test_draft_crosswalk_follows_the_classes(modified: Edition) -> None:
    old, new = load_edition(), modified
    crosswalk = draft_crosswalk(diff_editions(old, new), old, new)
    entries = {(e.kind, e.old, e.new): e.note for e in crosswalk.entries}
    assert entries[("kept", ("5.1",), ("5.1",))] is None  # editorial: stays comparable
    assert entries[("kept", ("1.1",), ("1.1",))].startswith("DECIDE")  # type: ignore[union-attr]
    assert entries[("kept", ("1.2",), ("1.2",))].startswith("DECIDE")  # type: ignore[union-attr]
    assert ("renamed", ("1.3",), ("1.3",)) in entries
    assert ("renamed", ("4.4",), ("4.5",)) in entries
    # 6.4 is a copy of 6.1's statements: by content, 6.1 was split in two.
    assert ("split", ("6.1",), ("6.1", "6.4")) in entries
    assert ("retired", ("3.8",), ()) in entries
    from careers_impact import CrosswalkError
    from careers_impact.model.crosswalk import check_crosswalk

    undecided = [i for i, e in enumerate(crosswalk.entries) if (e.note or "").startswith("DECIDE")]
    with pytest.raises(CrosswalkError) as raised:  # a draft is not a crosswalk yet
        check_crosswalk(crosswalk, old, new)
    assert str(raised.value).count("still to decide") == len(undecided)
    decided = crosswalk.model_copy(update={"entries": tuple(
        e.model_copy(update={"note": None}) for e in crosswalk.entries
    )})  # fmt: skip
    check_crosswalk(decided, old, new)  # every row accounted for, each it names exists


def test_word_diff() -> None:
    assert word_diff("a b c", "a x c") == ("a [-b-] {+x+} c", pytest.approx(2 / 3))
    assert word_diff("same words", "same words") == ("same words", 1.0)


def test_new_edition_starts_clean() -> None:
    draft = new_edition(load_edition("schools-2026"), "schools-2027")
    assert draft.id == "schools-2027"
    assert draft.effective is None
    assert draft.change_log_title is None
    assert all(t.change is None for t in draft.themes)
    assert all(r.change is None for r in draft.rows)
    assert [c.statements for r in draft.rows for c in r.cells] == [
        c.statements for r in load_edition().rows for c in r.cells
    ]


# ------------------------------------------------------------------ release discipline


@pytest.mark.parametrize("edition_id", sorted(PUBLISHED))
def test_published_editions_change_only_through_errata(edition_id: str) -> None:
    edition = load_edition(edition_id)
    assert edition.published_hash == PUBLISHED[edition_id]
    assert [(e.kind, e.content_hash) for e in edition.errata] == RECORDED[edition_id]
    assert all(e.reason for e in edition.errata)
    assert edition.content_hash() == edition.expected_hash()
    dates = [e.date for e in edition.errata]
    assert dates == sorted(dates)
    for erratum in edition.errata:
        for row in erratum.rows:
            edition.row(row)


def test_every_bundled_edition_is_pinned() -> None:
    assert {info.id for info in list_editions()} == set(PUBLISHED)


def test_an_unrecorded_change_is_caught(tmp_path: Path) -> None:
    data = load_edition("colleges").model_dump(mode="json")
    data["themes"][0]["rows"][0]["title"] += " (changed)"
    path = tmp_path / "colleges.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    problems = validate_edition_file(path)
    assert problems[0][0] == f"errata[{len(data['errata']) - 1}]"
    assert "changes only through a recorded erratum" in problems[0][1]
    edition = Edition.model_validate(data)
    data["errata"] = [
        *data["errata"],
        {
            "date": "2027-01-01",
            "description": "Title corrected.",
            "rows": ["1.1"],
            "content_hash": edition.content_hash(),
        },
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    assert validate_edition_file(path) == ()


# ------------------------------------------------------------------ the commands


def test_edition_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], modified: Edition
) -> None:
    draft = tmp_path / "schools-next.json"
    draft.write_text(modified.model_dump_json(indent=2), encoding="utf-8")
    assert main(["edition", "validate", str(draft)]) == 0
    assert "valid edition 'schools-next'" in capsys.readouterr().out
    crosswalk = tmp_path / "crosswalk.json"
    assert main(["edition", "diff", "schools-2026", str(draft), "--crosswalk", str(crosswalk)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Changes from schools-2026 to schools-next: 10 (8 substantive, 2 editorial)"
    )
    assert json.loads(crosswalk.read_text(encoding="utf-8"))["new"] == "schools-next"
    assert main(["edition", "diff", "schools-2026", str(draft), "--format", "markdown"]) == 0
    assert capsys.readouterr().out == (GOLDEN / "schools-2026--schools-next.md").read_text("utf-8")
    assert main(["edition", "diff", "schools-2026", str(draft), "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["changes"]) == 10
    start = tmp_path / "start.json"
    assert (
        main(["edition", "new", "--from", "colleges", "--id", "colleges-2027", "--out", str(start)])
        == 0
    )
    assert main(["edition", "validate", str(start)]) == 0
    assert main(["edition", "new", "--from", "colleges", "--id", "x", "--out", str(start)]) == 2
    capsys.readouterr()


def test_validate_lists_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = load_edition().model_dump(mode="json")
    data["themes"][0]["rows"][0]["cells"][0]["column"] = 9
    data["themes"][5]["benchmarks"] = [0]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["edition", "validate", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert out[0].startswith(f"{bad}: themes[0].rows[0].cells[0].column:")
    assert out[1].startswith(f"{bad}: themes[5].benchmarks[0]:")


def test_diff_between_the_bundled_editions_reports_each_kind() -> None:
    diff = diff_editions(load_edition("schools-2026"), load_edition("colleges"))
    kinds = {c.kind for c in diff.changes}
    assert {"theme-retitled", "theme-benchmarks", "row-retitled", "row-removed"} <= kinds
    assert {"statement-reworded", "statement-removed", "row-added"} <= kinds
    removed = {c.old_row for c in diff.changes if c.kind == "row-removed"}
    assert "1.7" in removed  # colleges theme 1 stops at 1.6
    assert all(
        c.substantive for c in diff.changes if c.kind.startswith(("row-removed", "theme-bench"))
    )


def test_similarity_outside_0_to_1_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="ratio from 0 to 1"):
        diff_editions(load_edition(), load_edition(), similarity=2)
    assert main(["edition", "diff", "schools-2026", "colleges", "--similarity", "-1"]) == 2
    assert "ratio from 0 to 1" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["", "../../x", "Schools 2027", "schools_2027"])
def test_a_bad_new_edition_id_is_one_line_never_a_traceback(
    bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from careers_impact.cli import main

    out = tmp_path / "draft.json"
    assert main(["edition", "new", "--from", "schools-2026", "--id", bad, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"the new edition's id {bad!r} must be lower-case letters and digits" in err
    assert not out.exists()


def test_edition_hash_prints_the_hash_to_stamp(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from careers_impact import load_edition
    from careers_impact.cli import main

    bundled = load_edition("colleges")
    path = tmp_path / "colleges.json"
    path.write_text(bundled.model_dump_json(), encoding="utf-8")
    assert main(["edition", "hash", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == bundled.content_hash() + "\n"
    assert err == ""
    document = json.loads(bundled.model_dump_json())
    document.update(id="colleges-2027", published_hash=None, errata=[])
    draft = tmp_path / "draft.json"
    draft.write_text(json.dumps(document), encoding="utf-8")
    assert main(["edition", "hash", str(draft)]) == 0
    out, err = capsys.readouterr()
    assert len(out.strip()) == 64
    assert "no hash recorded yet; stamp it as published_hash" in err


def test_crosswalk_check_fails_on_undecided_and_missing_rows_and_passes_when_whole(
    modified: Edition, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from careers_impact.cli import main

    old = load_edition()
    new_file = tmp_path / "schools-next.json"
    new_file.write_text(modified.model_dump_json(), encoding="utf-8")
    draft = draft_crosswalk(diff_editions(old, modified), old, modified)
    path = tmp_path / "walk.json"
    path.write_text(draft.model_dump_json(), encoding="utf-8")
    argv = ["crosswalk", "check", str(path), "--new", str(new_file)]
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert "still to decide (DECIDE" in out
    assert err.strip().endswith("problems") or err.strip().endswith("problem")
    decided = draft.model_copy(update={"entries": tuple(
        e.model_copy(update={"note": None}) for e in draft.entries if e.old != ("2.1",)
    )})  # fmt: skip
    path.write_text(decided.model_dump_json(), encoding="utf-8")
    assert main(argv) == 1
    assert "old row 2.1 of 'schools-2026' is in no entry" in capsys.readouterr().out
    whole = draft.model_copy(update={"entries": tuple(
        e.model_copy(update={"note": None}) for e in draft.entries
    )})  # fmt: skip
    path.write_text(whole.model_dump_json(), encoding="utf-8")
    assert main(argv) == 0
    assert "every row of both accounted for, none left to decide" in capsys.readouterr().out


def test_every_bundled_crosswalk_is_whole() -> None:
    from careers_impact import check_crosswalk, list_crosswalks, load_crosswalk

    for old, new in list_crosswalks():
        check_crosswalk(load_crosswalk(old, new), load_edition(old), load_edition(new))
