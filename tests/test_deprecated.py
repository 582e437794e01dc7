"""Old module paths keep working until 1.0, each with a warning naming the new home."""

from __future__ import annotations

from importlib import import_module

import pytest

MOVED = [
    ("careers_impact.report", "report_html", "careers_impact.views.report"),
    ("careers_impact.render", "edition_markdown", "careers_impact.views.markdown"),
    ("careers_impact.render", "row_text", "careers_impact.views.text"),
    ("careers_impact.notebook", "summary_html", "careers_impact.views.notebook"),
    ("careers_impact.frames", "summary_frame", "careers_impact.views.frames"),
    ("careers_impact.plots", "plot_snapshot", "careers_impact.views.plots"),
    ("careers_impact.exports", "neutralise", "careers_impact.views.exports"),
    ("careers_impact.review_files", "read_agreed", "careers_impact.files.agreed"),
    ("careers_impact.review_files", "load_review", "careers_impact.files.review_json"),
    ("careers_impact.review_files", "parse_answer", "careers_impact.vocabulary"),
    ("careers_impact.collection", "read_collection", "careers_impact.files.collection"),
]


@pytest.mark.parametrize(("old", "name", "new"), MOVED)
def test_an_old_path_still_works_and_says_where_the_name_lives(
    old: str, name: str, new: str
) -> None:
    with pytest.warns(DeprecationWarning, match=rf"has moved to {new}\.{name}"):
        value = getattr(import_module(old), name)
    assert value is getattr(import_module(new), name)


def test_an_unknown_name_on_an_old_path_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nothing'"):
        import_module("careers_impact.report").nothing  # noqa: B018
