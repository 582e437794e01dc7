"""The shareable report: structure, escaping, self-containment; its Markdown version."""

from __future__ import annotations

import csv
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from careers_impact import (
    Review,
    compare,
    load_edition,
    report_html,
    report_markdown,
    save_review,
    summarise,
)
from careers_impact.cli import main
from careers_impact.examples import demo_earlier_review, demo_review

EVIL = "<script>alert('x')</script>"


class Page(HTMLParser):
    """Collects what the tests check: tags, attributes, the grid's row headers, text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.grid_rows: list[str] = []
        self.ids: list[str] = []
        self._in_grid = False
        self._in_row_header = False
        self._row_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        self.attributes += [(k, v or "") for k, v in attrs]
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag == "table" and "grid" in (found.get("class") or ""):
            self._in_grid = True
        if self._in_grid and tag == "th" and found.get("scope") == "row":
            self._in_row_header, self._row_text = True, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_grid = False
        if tag == "th" and self._in_row_header:
            self._in_row_header = False
            self.grid_rows.append(self._row_text)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_row_header:
            self._row_text += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    return parser


def test_every_row_appears_once_in_the_snapshot() -> None:
    page = parse(report_html(demo_review()))
    ids = [text.split(maxsplit=1)[0] for text in page.grid_rows]
    assert ids == [row.id for row in load_edition().rows]
    assert {"snapshot", "profile", "strengths", "priorities", "discussion"} <= set(page.ids)
    assert "progress" not in page.ids


def test_positions_are_written_out_not_shown_by_colour_alone() -> None:
    text = " ".join(parse(report_html(demo_review())).text)
    summary = summarise(demo_review())
    for outcome in summary.rows:
        if outcome.source == "suggested":
            assert f"{outcome.label} (suggested)" in text
    assert text.count("● Column") >= sum(1 for o in summary.rows if o.level)


def test_user_text_is_escaped(hostile_review: Review) -> None:
    page_text = report_html(hostile_review, demo_earlier_review())
    page = parse(page_text)
    assert "script" not in page.tags
    assert "&lt;script&gt;" in page_text
    # The setting's name, a target's note and an agreed rationale all show, as text.
    assert sum(EVIL in chunk for chunk in page.text) >= 3


def test_the_page_is_self_contained() -> None:
    page = parse(report_html(demo_review(), demo_earlier_review()))
    assert not {"link", "script", "img", "iframe", "object"} & set(page.tags)
    for name, value in page.attributes:
        assert "://" not in value, (name, value)
        assert not value.startswith("//"), (name, value)
    assert "@import" not in report_html(demo_review())


def test_with_previous_shows_what_moved() -> None:
    earlier, later = demo_earlier_review(), demo_review()
    page = parse(report_html(later, earlier))
    assert "progress" in page.ids
    text = " ".join(page.text)
    counts = compare(earlier, later).overall.counts
    assert f"{counts['advanced']} rows advanced" in text
    assert "What moved since 6 October 2025" in text


def test_priority_rows_show_their_next_step_in_the_models_words() -> None:
    summary = summarise(demo_review())
    text = " ".join(parse(report_html(demo_review())).text)
    for row_id in summary.priorities:
        for statement in summary.row(row_id).next_step:
            assert statement in text


def test_markdown_report(hostile_review: Review) -> None:
    text = report_markdown(hostile_review, demo_earlier_review())
    for row in load_edition().rows:
        assert f"| {row.id} |" in text
    assert "&lt;script\\>" in text
    assert "<script" not in text
    assert "## What moved since 6 October 2025" in text
    assert "## Targets" in text


def test_report_needs_jinja2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    with pytest.raises(ImportError, match=r"careers-impact\[report\]"):
        report_html(demo_review())


def test_a_page_goes_to_a_file_never_into_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    save_review(demo_review(), tmp_path / "now.json")
    assert main(["report", "now.json"]) == 0
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == (
        "Wrote the report to report.html. Next: open it in a browser, and print it to PDF "
        "to share it with governors\n"
    )
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["report", "now.json", "--format", "markdown"]) == 0
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Careers Impact")
    capsys.readouterr()
    assert main(["report", "now.json", "--out", "report.pdf"]) == 2
    err = capsys.readouterr().err
    assert "report.pdf: an HTML page is written to a file ending .html or .htm" in err
    assert "print it to PDF" in err
    assert not (tmp_path / "report.pdf").exists()


def test_report_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    now, then = tmp_path / "now.json", tmp_path / "then.json"
    save_review(demo_review(), now)
    save_review(demo_earlier_review(), then)
    out = tmp_path / "report.html"
    assert main(["report", str(now), "--previous", str(then), "--out", str(out)]) == 0
    assert "progress" in parse(out.read_text(encoding="utf-8")).ids
    assert main(["report", str(now), "--format", "markdown", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Careers Impact internal leadership review")
    assert main(["report", str(tmp_path / "absent.json")]) == 2


def test_demo_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo.html"
    assert main(["demo", "--out", str(out)]) == 0
    assert "progress" in parse(out.read_text(encoding="utf-8")).ids
    assert str(out) in capsys.readouterr().out


def test_docs_carry_a_rendered_picture_of_the_example_report() -> None:
    picture = Path(__file__).resolve().parents[2] / "docs" / "img" / "example-report.png"
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ------------------------------------------------------------------ exports


def read_csv(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


# ------------------------------------------------------------------ notebooks


def test_report_of_two_settings_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    now, other = tmp_path / "now.json", tmp_path / "other.json"
    save_review(demo_review(), now)
    elsewhere = demo_earlier_review()
    elsewhere = elsewhere.model_copy(
        update={"setting": elsewhere.setting.model_copy(update={"identifier": "OTHER"})}
    )
    save_review(elsewhere, other)
    assert main(["report", str(now), "--previous", str(other)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "different settings" in err


def test_colleagues_notes_sit_beside_their_row_by_role_unless_names_are_asked() -> None:
    from careers_impact import summarise

    review = demo_review()
    discussed = summarise(review).needs_discussion[0]
    person = review.participants[0]
    noted = [
        r.model_copy(update={"note": "Plan seen but not shared"})
        if (r.row, r.participant) == (discussed, person.id) and r.answer != "not-applicable"
        else r
        for r in review.reflections
    ]
    review = review.model_copy(update={"reflections": tuple(noted)})
    from careers_impact.reviews.review import ROLE_LABELS

    page = report_html(review)
    assert "Plan seen but not shared" in page
    assert f"{ROLE_LABELS[person.role]}:</strong> Plan seen but not shared" in page
    assert person.name not in page.split("Plan seen but not shared")[0].rsplit("<li>", 1)[1]
    named = report_markdown(review, show_names=True)
    assert f"*{person.name}:* Plan seen but not shared" in named
