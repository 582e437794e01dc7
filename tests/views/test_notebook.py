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


def _results(review: Review) -> dict[str, object]:
    from careers_impact import Setting, summarise_collection, trajectory

    earlier = demo_earlier_review()
    summary = summarise(review)
    comparison = compare(earlier, review)
    other = earlier.model_copy(update={"setting": Setting(name="Second School")})
    return {
        "edition": load_edition(),
        "theme": load_edition().theme(1),
        "row": load_edition().row("3.1"),
        "review": review,
        "summary": summary,
        "outcome": summary.row("1.1"),
        "comparison": comparison,
        "trajectory": trajectory([earlier, review]),
        "collection": summarise_collection([review, other]),
    }


def test_every_result_has_a_short_repr_saying_what_and_how_big() -> None:
    for name, value in _results(demo_review()).items():
        text = repr(value)
        assert len(text) <= 300, (name, len(text))
        assert text.startswith(type(value).__name__ + "("), name
    edition = repr(load_edition())
    assert "rows=<32 items>" in edition
    assert "id='schools-2026'" in edition
    assert "reflections=<192 items>" in repr(demo_review())


def test_every_result_has_an_html_view_with_its_text_escaped(hostile_review: Review) -> None:
    for name, value in _results(hostile_review).items():
        html = value._repr_html_()  # type: ignore[attr-defined]
        assert "<table" in html, name
        assert "<caption>" in html, name
        assert EVIL not in html, name
    collection = _results(demo_review())["collection"]
    html = collection._repr_html_()  # type: ignore[attr-defined]
    assert "2 settings on schools-2026" in html
    assert html.count("<tr>") == 33
