"""The peer page and Markdown (`careers_impact.views.peer`): setting names stay text."""

from __future__ import annotations

from careers_impact import Review, Setting, peer_html, peer_markdown, peer_set
from careers_impact.examples import demo_earlier_review, demo_review

EVIL = "<script>alert('x')</script>"


def _named(review: Review, name: str) -> Review:
    return review.model_copy(update={"setting": Setting(name=name)})


def test_setting_names_are_text_in_the_page_and_the_markdown() -> None:
    peers = peer_set([_named(demo_review(), EVIL), _named(demo_earlier_review(), "# Oak | *x*")])
    page = peer_html(peers)
    assert EVIL not in page
    assert "&lt;script&gt;" in page
    markdown = peer_markdown(peers)
    assert "<script>" not in markdown
    assert "\\# Oak \\| \\*x\\*" in markdown
    table = [line for line in markdown.splitlines() if line.startswith("| 1.1 ")]
    assert table[0].count(" | ") == 3  # the row, two settings, how far apart: no extra cell
