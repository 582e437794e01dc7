"""The ``careers-impact`` command: output, formats and one-line errors with exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from careers_impact import Row, load_edition
from careers_impact.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_editions_lists_every_bundled_edition(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "editions")
    assert status == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["colleges", "schools-2026"]
    assert "no date stated" in lines[0]
    assert "2026-09" in lines[1]
    assert "(default)" in lines[1]


def test_show_row_5_3_prints_the_four_columns_as_the_source_has_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "show", "--row", "5.3")
    assert status == 0
    row = load_edition().row("5.3")
    printed = [line.strip() for line in out.splitlines() if line.startswith("    ")]
    assert printed == [s for cell in row.cells for s in cell.statements]
    columns = [line for line in out.splitlines() if line.startswith("Column ")]
    assert [c.split(":")[0] for c in columns] == ["Column 1", "Column 2", "Column 3", "Column 4"]
    # Each column's statements sit under its own heading.
    body = out.split("Column 2:")[0]
    assert row.cell(1).statements[1] in body
    assert row.cell(2).statements[0] not in body


def test_show_row_json_loads_back_equal(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "colleges", "--row", "2.6", "--format", "json")
    assert status == 0
    assert Row.model_validate(json.loads(out)) == load_edition("colleges").row("2.6")


def test_show_edition_json_is_the_edition(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "colleges", "--format", "json")
    assert status == 0
    assert type(load_edition("colleges")).model_validate_json(out) == load_edition("colleges")


def test_show_markdown_has_every_row_and_source_notes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "colleges", "--format", "markdown")
    assert status == 0
    for row in load_edition("colleges").rows:
        assert f"### {row.id} " in out
    assert "Editorial reading: *Learner Skills Development*" in out
    # Markdown-significant characters from the model are escaped, not interpreted.
    assert "&lt;25 with EHCP" in out
    assert "\\<" not in out  # Python-Markdown would show the backslash of "\<"


def test_show_text_has_every_statement(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show")
    assert status == 0
    edition = load_edition()
    for row in edition.rows:
        for cell in row.cells:
            for index, statement in enumerate(cell.statements):
                bullet = "• " if index in cell.list_items else ""
                assert f"    {bullet}{statement}\n" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "schools-1999"], "unknown edition 'schools-1999'; known editions:"),
        (["show", "--row", "1.33"], "has no row '1.33'; did you mean 1.3"),
        (["show", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["sho"], "invalid choice: 'sho'; did you mean 'show'?"),
        (["from"], "invalid choice: 'from'; did you mean 'form'?"),
    ],
)
def test_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("careers-impact: error: ")
    assert message in err


def test_console_script_runs_without_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "careers_impact.cli", "show", "--row", "9.9"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == "careers-impact: error: edition 'schools-2026' has no row '9.9'"


def test_output_piped_into_a_closed_reader_ends_quietly() -> None:
    reader = subprocess.Popen(
        [sys.executable, "-m", "careers_impact.cli", "show"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None
    reader.stdout.read(10)
    reader.stdout.close()
    _, err = reader.communicate()
    assert b"Traceback" not in err
    assert b"Broken pipe" not in err


def test_python_dash_m_runs_the_command() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "careers_impact", "editions"], capture_output=True, text=True
    )
    assert out.returncode == 0
    assert "schools-2026" in out.stdout


def test_bare_command_prints_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: careers-impact")
    assert "review" in out
    assert "report" in out


def test_an_edition_file_works_wherever_an_edition_id_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from careers_impact import load_edition, load_edition_file, load_review

    document = load_edition().model_dump(mode="json")
    document.update(id="schools-2099", published_hash=None, errata=[])
    edition_file = tmp_path / "schools-2099.json"
    edition_file.write_text(json.dumps(document), encoding="utf-8")
    assert main(["show", str(edition_file), "--row", "1.1"]) == 0
    assert "1.1 Careers leadership" in capsys.readouterr().out
    assert main(["form", str(edition_file), "--out", str(tmp_path / "form.html")]) == 0
    answers = tmp_path / "answers.csv"
    answers.write_text("participant,row,answer\nAlex,1.1,3\n", encoding="utf-8")
    saved = tmp_path / "review.json"
    argv = ["review", str(answers), "--edition", str(edition_file), "--setting", "Oak",
            "--date", "2026-10-05", "--json", str(saved)]  # fmt: skip
    assert main(argv) == 0
    capsys.readouterr()
    assert load_review(saved, load_edition_file(edition_file)).edition == "schools-2099"
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["show", str(bad)]) == 2
    assert "bad.json" in capsys.readouterr().err
