"""Markdown views, and the one escaping rule: any text renders as exactly itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import example, given, strategies as st

from careers_impact.model.edition import blocks
from careers_impact.views.markdown import block_lines, escape

markdown = pytest.importorskip("markdown", reason="Python-Markdown comes with the docs extra")


class _Blocks(HTMLParser):
    """The top-level elements of rendered HTML and their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            self.tags.append(tag)
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text += data


def render(text: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(markdown.markdown(text, extensions=["tables", "md_in_html"]))
    parser.close()
    return parser


# Characters that mean something somewhere in Markdown or HTML, to make hostile text.
MARKUP = st.text(alphabet=st.sampled_from(list("#*_`[]()<>&|\\-+=!.:;~1 \n\tab")), max_size=40)


@given(st.one_of(MARKUP, st.text(max_size=40)))
@example("learners <25 with EHCP")
@example("Our School\n# Head\n- item\n> quote\n```\ncode")
@example("| a | b |\n|---|---|\n| c | d |")
@example("1. first")
@example("<script>alert(1)</script>")
@example("&lt; is not <")
@example("0\x03")
def test_text_renders_as_itself_in_one_paragraph(text: str) -> None:
    wanted = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "\ufffd", " ".join(text.split()))
    rendered = render(escape(text))
    if not wanted:
        assert rendered.tags == []
        return
    assert rendered.tags == ["p"], (text, rendered.tags)
    assert " ".join(rendered.text.split()) == wanted


@given(
    st.lists(st.text(min_size=1, max_size=20).filter(str.strip), min_size=1, max_size=6), st.data()
)
def test_blocks_render_as_paragraphs_and_lists(texts: list[str], data: st.DataObject) -> None:
    items = tuple(sorted(data.draw(st.sets(st.integers(0, len(texts) - 1)))))
    parts = blocks(tuple(texts), items)
    rendered = render("\n".join(block_lines(parts)))
    assert rendered.tags == ["ul" if part.kind == "list" else "p" for part in parts]
