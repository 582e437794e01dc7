"""The views' one style (`careers_impact.views._style`): wording, fills, escaping."""

from __future__ import annotations

import markdown
from hypothesis import given, strategies as st

from careers_impact import load_edition, position_label
from careers_impact.views._style import (
    LEVEL_FILLS,
    LEVEL_INKS,
    LEVEL_NAMES,
    benchmarks_phrase,
    escape,
)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_each_level_has_one_name_and_readable_ink_on_its_fill() -> None:
    assert tuple(position_label(level) for level in range(5)) == LEVEL_NAMES
    for fill, ink in zip(LEVEL_FILLS, LEVEL_INKS, strict=True):
        light, dark = sorted((_luminance(fill), _luminance(ink)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, (fill, ink)  # WCAG AA
    assert [_luminance(f) for f in LEVEL_FILLS] == sorted(
        (_luminance(f) for f in LEVEL_FILLS), reverse=True
    )


def test_benchmarks_are_phrased_as_the_headings_say() -> None:
    edition = load_edition()
    assert [benchmarks_phrase(t) for t in edition.themes[:3]] == [
        "Benchmark 1",
        "Benchmarks 1 and 3",
        "Benchmarks 2 and 7",
    ]


@given(st.text(alphabet="ab <&*_#|>-1.\n`[]\\", max_size=30))
def test_escaped_text_renders_as_itself_on_one_line(text: str) -> None:
    html = markdown.markdown(escape(text), extensions=["tables"])
    assert "\n" not in escape(text)
    shown = " ".join(text.split())
    if shown:
        assert html.startswith("<p>")
        from html import unescape

        assert unescape(html.removeprefix("<p>").removesuffix("</p>")) == shown
