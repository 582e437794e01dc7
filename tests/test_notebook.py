"""HTML for Jupyter: editions, rows, summaries and comparisons."""

from __future__ import annotations

from careers_impact import (
    Review,
    compare,
    load_edition,
    summarise,
)
from careers_impact.examples import demo_earlier_review, demo_review

EVIL = "<script>alert('x')</script>"


def test_notebook_html_escapes_and_lists_rows(hostile_review: Review) -> None:
    summary = summarise(hostile_review)
    html = summary._repr_html_()
    assert EVIL not in html
    assert "&lt;script&gt;" in html
    assert html.count("<tr>") == 33  # header and 32 rows
    edition = load_edition()
    assert edition._repr_html_().count("<tr>") == len(edition.rows) + 1
    assert "Column 4" in edition.row("1.1")._repr_html_()
    comparison = compare(demo_earlier_review(), demo_review())
    assert comparison._repr_html_().count("<tr>") == 33
