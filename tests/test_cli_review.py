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


# ------------------------------------------------------------ a command people can guess

SUBCOMMANDS = [
    ["editions"], ["show"], ["template"], ["form"], ["pack"], ["review"], ["demo"], ["report"],
    ["edition"], ["edition", "validate"], ["edition", "diff"], ["edition", "new"],
]  # fmt: skip


@pytest.mark.parametrize("argv", SUBCOMMANDS, ids=" ".join)
def test_every_subcommand_says_what_it_is_for_with_an_example(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "\nexample:\n  careers-impact " in out
    assert len(out.split("\n\n")[1]) > 40  # a description, not just the usage line


def test_review_says_which_defaults_it_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers-2026.csv"
    path.write_text("participant,row,answer\nAlex,1.1,3\n", encoding="utf-8")
    assert main(["review", str(path)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2
    assert "used the default setting 'answers-2026' (the file's name; give --setting)" in err[0]
    assert err[1].startswith("Next: 'careers-impact review … --agreed-draft agreed.csv'")
    assert "(today; give --date)" in err[0]
    assert main(["review", str(path), "--setting", "X", "--date", "2026-10-05"]) == 0
    assert "used the default" not in capsys.readouterr().err


def test_review_asks_for_setting_and_date_at_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins
    import sys

    path = tmp_path / "answers.csv"
    path.write_text("participant,row,answer\nAlex,1.1,3\n", encoding="utf-8")
    answers = iter(["Northfield Academy", "5 October", "2026-10-05"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda prompt: next(answers))
    out = tmp_path / "review.json"
    assert main(["review", str(path), "--json", str(out)]) == 0
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert (saved["setting"]["name"], saved["date"]) == ("Northfield Academy", "2026-10-05")
    assert "'5 October' is not a date" in capsys.readouterr().err


def test_targets_come_from_a_csv(tmp_path: Path) -> None:
    reflections = tmp_path / "answers.csv"
    reflections.write_text("participant,row,answer\nAlex,1.1,2\nAlex,2.2,1\n", encoding="utf-8")
    targets = tmp_path / "targets.csv"
    targets.write_text(
        "row,column,by,note\n1.1,Column 3,2027-07-31,Plan agreed with governors\n2.2,2\n",
        encoding="utf-8",
    )
    out = tmp_path / "review.json"
    argv = ["review", str(reflections), "--setting", "X", "--date", "2026-10-05"]
    assert main([*argv, "--targets", str(targets), "--json", str(out)]) == 0
    saved = json.loads(out.read_text(encoding="utf-8"))["targets"]
    assert saved == [
        {"row": "1.1", "column": 3, "by": "2027-07-31", "note": "Plan agreed with governors"},
        {"row": "2.2", "column": 2, "by": None, "note": None},
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("row,column,by\n1.1,unsure,\n", encoding="utf-8")
    assert main([*argv, "--targets", str(bad)]) == 2


def test_report_compares_different_settings_only_when_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from careers_impact import save_review
    from careers_impact.examples import demo_earlier_review, demo_review

    now, before = tmp_path / "now.json", tmp_path / "before.json"
    save_review(demo_review(), now)
    other = demo_earlier_review()
    save_review(other.model_copy(update={"setting": other.setting.model_copy(
        update={"name": "Another School", "identifier": "EXAMPLE-0002"})}), before)  # fmt: skip
    argv = ["report", str(now), "--previous", str(before), "--format", "markdown", "--out", "-"]
    assert main(argv) == 2
    assert "--allow-different-settings" in capsys.readouterr().err
    assert main([*argv, "--allow-different-settings"]) == 0
    assert "## What moved since" in capsys.readouterr().out


def test_pack_puts_the_rows_to_discuss_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text(
        "participant,role,row,answer,note\n"
        "Alex,Governor,1.1,1,Not seen at board\nSam,SENCo,1.1,4,\nKim,SENCo,1.1,4,\n"
        "Alex,Governor,1.2,2,\nSam,SENCo,1.2,2,\n",
        encoding="utf-8",
    )
    out = tmp_path / "pack.html"
    assert main(["pack", str(answers), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.index("1.1 Careers leadership") < page.index("The other rows")
    assert page.index("The other rows") < page.index("1.2 Leaders")
    assert "SEND colleague ×2" in page
    assert "Governor or trustee:</strong><p>Not seen at board</p>" in page
    assert "Alex" not in page
    assert main(["pack", str(answers), "--out", str(out), "--force", "--names"]) == 0
    assert "Alex:</strong><p>Not seen at board</p>" in out.read_text(encoding="utf-8")
    capsys.readouterr()


def test_the_review_journey_from_reflections_to_a_complete_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Six colleagues reflect; the draft holds every suggestion; the group changes only
    # the flagged rows; the report, against last year with a missed target, says the
    # review is complete, that nothing is left to discuss, and that the target was missed.

    from datetime import date

    from careers_impact import Target, save_review
    from careers_impact.examples import demo_earlier_review, demo_review

    review = demo_review()
    reflections = tmp_path / "reflections.csv"
    people = {p.id: p for p in review.participants}
    with reflections.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["participant", "role", "row", "answer", "note"])
        for r in review.reflections:
            answer = {"not-yet": "Not yet", "unsure": "Unsure", "not-applicable": "N/A"}.get(
                str(r.answer), str(r.answer)
            )
            writer.writerow([people[r.participant].name, people[r.participant].role, r.row,
                             answer, r.note or r.reason or ""])  # fmt: skip
    target = Target(row="6.2", column=4, by=date(2026, 7, 31))
    earlier = demo_earlier_review().model_copy(update={"targets": (target,)})
    last_year = tmp_path / "last-year.json"
    save_review(earlier, last_year)

    draft = tmp_path / "agreed.csv"
    argv = ["review", str(reflections), "--setting", review.setting.name, "--date", "2026-10-05"]
    assert main([*argv, "--agreed-draft", str(draft)]) == 0
    said = capsys.readouterr().out
    assert f"Agreed positions for the meeting written to {draft}" in said
    with draft.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    flagged = [line["row"] for line in lines if line["discuss"] == "discuss"]
    assert flagged
    assert [line["row"] for line in lines[: len(flagged)]] == flagged
    assert len(lines) == 32
    for line in lines:  # the meeting agrees column 2 for each flagged row, with a reason
        if line["discuss"]:
            line["column"], line["rationale"] = "2", "Agreed at the meeting"
    with draft.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(lines[0]))
        writer.writeheader()
        writer.writerows(lines)

    saved = tmp_path / "review.json"
    assert main([*argv, "--agreed", str(draft), "--json", str(saved)]) == 0
    said = capsys.readouterr().out
    assert "ignored" not in said
    assert "no position" not in said
    report = tmp_path / "report.html"
    assert main(["report", str(saved), "--previous", str(last_year), "--out", str(report)]) == 0
    page = report.read_text(encoding="utf-8")
    glance = page[page.index('id="glance"') : page.index('id="snapshot"')]
    assert "Complete: every row has an agreed position" in page
    assert "<strong>0</strong> rows to discuss" in glance
    assert f"({len(flagged)} discussed and agreed)" in glance
    assert "<strong>1</strong> not met" in glance
    assert "Not met: 6.2 (column 4 by 31 July 2026" in glance
    assert page.count("Discussed and agreed: Column 2") == len(flagged)


def test_a_blank_column_in_the_agreed_file_stays_a_suggestion_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reflections = tmp_path / "answers.csv"
    reflections.write_text("participant,row,answer\nAlex,1.1,2\nAlex,1.2,3\n", encoding="utf-8")
    agreed = tmp_path / "agreed.csv"
    agreed.write_text("row,column,rationale\n1.1,2,\n1.2,,\n1.3,,\n", encoding="utf-8")
    argv = ["review", str(reflections), "--setting", "X", "--date", "2026-10-05"]
    assert main([*argv, "--agreed", str(agreed)]) == 0
    out = capsys.readouterr().out
    assert f"{agreed}: 2 rows left blank, still to agree: 1.2, 1.3" in out
    assert "no position for row" not in out


def test_a_folder_is_never_taken_for_the_settings_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "reflections-Alex.csv").write_text(
        "participant,row,answer\nAlex,1.1,3\n", encoding="utf-8"
    )
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    out = tmp_path / "review.json"
    argv = ["review", str(downloads), "--date", "2026-10-05", "--json", str(out)]
    assert main(argv) == 2
    assert "give the setting's name with --setting NAME" in capsys.readouterr().err
    assert not out.exists()
    assert main(["pack", str(downloads), "--out", str(tmp_path / "pack.html")]) == 2
    assert main([*argv, "--setting", "Northfield"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["setting"]["name"] == "Northfield"


def test_at_a_terminal_a_folder_offers_no_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins
    import sys

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "a.csv").write_text("participant,row,answer\nAlex,1.1,3\n", encoding="utf-8")
    prompts: list[str] = []
    answers = iter(["", "Oak School"])

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", answer)
    out = tmp_path / "review.json"
    assert main(["review", str(downloads), "--date", "2026-10-05", "--json", str(out)]) == 0
    assert prompts == ["Setting's name: ", "Setting's name: "]
    assert json.loads(out.read_text(encoding="utf-8"))["setting"]["name"] == "Oak School"


def test_a_folder_gives_every_csv_whatever_the_case_and_names_what_it_leaves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "reflections-Sam.csv").write_text(
        "participant,row,answer\nSam,1.1,2\n", encoding="utf-8"
    )
    (downloads / "reflections-Alex.CSV").write_text(
        "participant,row,answer\nAlex,1.1,4\n", encoding="utf-8"
    )
    (downloads / "notes.txt").write_text("minutes", encoding="utf-8")
    out = tmp_path / "review.json"
    argv = ["review", str(downloads), "--setting", "X", "--date", "2026-10-05", "--json", str(out)]
    assert main(argv) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["participants"]) == 2
    assert (
        "also holds notes.txt, not read (only .csv and .xlsx files are)" in capsys.readouterr().err
    )
