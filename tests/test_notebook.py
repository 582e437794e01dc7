"""HTML for Jupyter: editions, rows, summaries and comparisons."""

from __future__ import annotations

from html.parser import HTMLParser

from careers_impact import (
    Review,
    compare,
    load_edition,
    summarise,
)
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


def hostile_review() -> Review:
    base = demo_review()
    priority = summarise(base).priorities[0]
    agreed = [
        a.model_copy(update={"rationale": EVIL}) if a.row == priority else a for a in base.agreed
    ]
    targets = [t.model_copy(update={"note": EVIL}) for t in base.targets]
    return base.model_copy(
        update={
            "setting": base.setting.model_copy(update={"name": f"Example {EVIL}"}),
            "agreed": tuple(agreed),
            "targets": tuple(targets),
        }
    )


def test_notebook_html_escapes_and_lists_rows() -> None:
    summary = summarise(hostile_review())
    html = summary._repr_html_()
    assert EVIL not in html
    assert "&lt;script&gt;" in html
    assert html.count("<tr>") == 33  # header and 32 rows
    edition = load_edition()
    assert edition._repr_html_().count("<tr>") == len(edition.rows) + 1
    assert "Column 4" in edition.row("1.1")._repr_html_()
    comparison = compare(demo_earlier_review(), demo_review())
    assert comparison._repr_html_().count("<tr>") == 33
