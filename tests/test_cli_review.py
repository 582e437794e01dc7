"""The review, demo and template commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from careers_impact import load_review
from careers_impact.cli import main

FORM = "Name,Role,1.1 Careers leadership,1.2 Vision\nAlex,Careers Leader,3,2\nSam,Governor,1,2\n"


def test_review_from_a_form_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = tmp_path / "answers.csv"
    form.write_text(FORM, encoding="utf-8")
    agreed = tmp_path / "agreed.csv"
    agreed.write_text("row,column,rationale\n1.2,2,We agree\n", encoding="utf-8")
    out_json = tmp_path / "review.json"
    status = main(
        [
            "review",
            str(form),
            "--agreed",
            str(agreed),
            "--json",
            str(out_json),
            "--setting",
            "Example School",
            "--date",
            "2026-10-01",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "Internal leadership review: Example School, 2026-10-01" in out
    line_11 = next(line for line in out.splitlines() if line.startswith("1.1 "))
    assert "Column 1" in line_11  # lower median of 1 and 3
    assert "suggested" in line_11
    assert "discuss" in line_11  # spread 2
    line_12 = next(line for line in out.splitlines() if line.startswith("1.2 "))
    assert "agreed" in line_12
    assert "1.1 Careers leadership and distributed leadership of careers: spread 2" in out
    review = load_review(out_json)
    assert review.setting.name == "Example School"
    assert len(review.reflections) == 4


def test_demo_runs_on_the_fictional_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # demo writes its report into the current folder
    assert main(["demo"]) == 0
    assert (tmp_path / "careers-impact-demo-report.html").is_file()
    out = capsys.readouterr().out
    assert "fictional" in out
    assert "Strengths" in out
    assert "Priority areas" in out
    assert "Rows needing discussion" in out


def test_template_to_stdout_and_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "colleges"]) == 0
    header = next(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert header[:3] == [
        "Name",
        "Role",
        "1.1 Careers leadership and distributed leadership of careers",
    ]
    assert len(header) == 35  # Name, Role and 33 rows
    target = tmp_path / "form.csv"
    assert main(["template", "--out", str(target)]) == 0
    assert target.read_text(encoding="utf-8-sig").startswith("Name,Role,1.1 ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["review", "absent.csv"], "cannot read the file"),
        (["review", "{form}", "--date", "yesterday"], "'yesterday' is not a date"),
        (["review", "{bad}"], "line 2, column '1.1 A': 'x' is not an answer"),
        (["review", "{form}", "--edition", "nope"], "unknown edition 'nope'"),
        (["review", "{form}", "--setting", " "], "--setting must not be blank"),
    ],
)
def test_review_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    form = tmp_path / "form.csv"
    form.write_text(FORM, encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,1.1 A\nAlex,x\n", encoding="utf-8")
    argv = [a.format(form=form, bad=bad) for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err


def test_review_json_is_canonical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = tmp_path / "form.csv"
    form.write_text(FORM, encoding="utf-8")
    out_json = tmp_path / "r.json"
    assert main(["review", str(form), "--json", str(out_json), "--date", "2026-01-02"]) == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    assert data["setting"]["name"] == "form"  # the file's name by default
