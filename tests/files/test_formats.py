"""Files that are another of the package's formats (`careers_impact.files._formats`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careers_impact import ReviewInputError, load_edition, load_review, read_agreed, save_review
from careers_impact.cli import main
from careers_impact.examples import demo_review
from careers_impact.files.targets import read_targets

EDITION = load_edition()
TARGETS = "row,column,by,note\n1.5,2,2027-07-31,\n"
AGREED = "row,column,rationale\n1.5,2,\n"
REFLECTIONS = "participant,role,row,answer,note\nAlex,Governor,1.1,3,\n"


@pytest.mark.parametrize(
    ("read", "text", "said"),
    [
        (
            read_agreed,
            TARGETS,
            "this is a targets file (row,column,by,note), not agreed "
            "positions: give it as --targets",
        ),
        (
            read_agreed,
            REFLECTIONS,
            "this is a reflections file (participant,row,answer), not agreed positions",
        ),
        (
            read_targets,
            AGREED,
            "this is an agreed-positions file (row,column,rationale), not "
            "targets: give it as --agreed",
        ),
    ],
)
def test_a_file_of_another_format_is_refused_naming_it(read: object, text: str, said: str) -> None:
    with pytest.raises(ReviewInputError) as raised:
        read(text, EDITION, name="given.csv")  # type: ignore[operator]
    assert said in str(raised.value)
    assert raised.value.line == 1


def test_targets_given_as_agreed_positions_are_not_recorded_as_agreed(tmp_path: Path) -> None:
    reflections, targets = tmp_path / "answers.csv", tmp_path / "targets.csv"
    reflections.write_text(REFLECTIONS, encoding="utf-8")
    targets.write_text(TARGETS, encoding="utf-8")
    out = tmp_path / "review.json"
    argv = ["review", str(reflections), "--setting", "X", "--date", "2026-10-05"]
    assert main([*argv, "--agreed", str(targets), "--json", str(out)]) == 2
    assert not out.exists()


def test_a_csv_given_as_a_saved_review_says_what_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.csv"
    path.write_text(REFLECTIONS, encoding="utf-8")
    with pytest.raises(ReviewInputError, match="this is a CSV file, not a saved review"):
        load_review(path)
    assert main(["report", str(path), "--out", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "not valid JSON" not in err
    assert "the JSON file the review command writes with --json" in err


def test_a_saved_review_given_as_reflections_says_where_it_goes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "review.json"
    save_review(demo_review(), path)
    argv = ["review", str(path), "--setting", "X", "--date", "2026-10-05"]
    assert main(argv) == 2
    assert "this is a saved review (JSON), not reflections: give it to the report command" in (
        capsys.readouterr().err
    )
