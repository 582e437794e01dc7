"""What every view shares, in one place: fills, level names, wording, Markdown escaping.

Private to the package. The level fills and names serve the HTML report, the notebook
and the figures alike (one hue rising in darkness with the level, so the order
survives greyscale printing and colour-blind reading). The Markdown views write text
through `escape` and runs of statements through `block_lines`, so model text and user
text render as exactly themselves in Python-Markdown (the docs site) and CommonMark
renderers alike, and never become markup or structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from careers_impact.errors import MissingExtraError
from careers_impact.model.edition import Block, Theme
from careers_impact.reviews.vocabulary import position_label

if TYPE_CHECKING:
    from jinja2 import Environment, Template

__all__ = [
    "EDGE",
    "LEVEL_FILLS",
    "LEVEL_INKS",
    "LEVEL_MARKS",
    "LEVEL_NAMES",
    "UNPLACED_FILLS",
    "benchmarks_phrase",
    "block_lines",
    "escape",
    "page_template",
]

#: How each level 0 (not yet) to 4 reads, in the package's one wording.
LEVEL_NAMES: tuple[str, ...] = tuple(position_label(level) for level in range(5))
#: One hue, rising in darkness with the level, so the order survives greyscale printing.
LEVEL_FILLS = ("#eef1f4", "#c6dbef", "#8fbbe0", "#4a8fcb", "#1d5a96")
#: Text on each fill, at WCAG AA contrast (4.99:1 and more; white on the column 3 fill
#: was 3.45:1).
LEVEL_INKS = ("#1b1b1b", "#1b1b1b", "#1b1b1b", "#1b1b1b", "#ffffff")
#: Outlines of filled shapes in figures: the "not yet" fill is pale, so its edge shows it.
EDGE = "#333333"
#: Rows with no position are drawn, not left out: white, hatched, outlined.
UNPLACED_FILLS = {"not reviewed": "#ffffff", "not applicable": "#d9d9d9", "no position": "#ffffff"}
#: The short mark of each level on the report's at-a-glance page.
LEVEL_MARKS = ("N", "1", "2", "3", "4")


def benchmarks_phrase(theme: Theme) -> str:
    """The Gatsby Benchmarks a theme serves, as its heading says them.

    >>> from careers_impact import load_edition
    >>> benchmarks_phrase(load_edition().theme(3))
    'Benchmarks 2 and 7'
    """
    if not theme.benchmarks:
        return "no benchmark stated"
    noun = "Benchmark" if len(theme.benchmarks) == 1 else "Benchmarks"
    return f"{noun} {' and '.join(str(n) for n in theme.benchmarks)}"


# Characters that start inline markup, escaped with a backslash: each is one that both
# Python-Markdown (with its tables extension) and CommonMark honour as an escape.
_INLINE = re.compile(r"([\\`*_\[\]#|>])")
# Control characters cannot be shown, and Python-Markdown uses two of them internally.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What makes a line a list item when it starts the line. (A setext underline needs a
# line of its own, and escaped text is always one line.)
_LINE_START = re.compile(r"^(?:([+\-])|(\d+)([.)]))")


def escape(text: str) -> str:
    """``text`` as Markdown that renders as exactly this text, on one line.

    Runs of white space, line breaks included, become one space (as HTML shows them),
    so text cannot start a heading, list, quote, table or code block of its own; ``<``
    and ``&`` become entities, because Python-Markdown has no backslash escape for
    ``<``, every other markup character is backslash-escaped, and a control character,
    which no page can show, is marked with U+FFFD.

    >>> escape("learners <25 with EHCP")
    'learners &lt;25 with EHCP'
    >>> escape("Our School\\n# Not a heading")
    'Our School \\\\# Not a heading'
    >>> escape("1. A & B")
    '1\\\\. A &amp; B'
    """
    text = _CONTROL.sub("\ufffd", " ".join(text.split()))
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


def block_lines(blocks: Iterable[Block], indent: str = "") -> list[str]:
    """Markdown lines for paragraphs and bullet lists, each block followed by a blank
    line; ``indent`` nests them (four spaces inside a list item).

    >>> from careers_impact.model.edition import blocks
    >>> block_lines(blocks(("Supporting:", "planning", "review"), (1, 2)))
    ['Supporting:', '', '- planning', '- review', '']
    """
    lines: list[str] = []
    for block in blocks:
        if block.kind == "list":
            lines += [f"{indent}- {escape(text)}" for text in block.texts]
        else:
            lines += [f"{indent}{escape(text)}" for text in block.texts]
        lines.append("")
    return lines


def page_template(name: str, feature: str) -> Template:
    """The compiled Jinja2 template ``name`` of the package's HTML pages (the report, the
    reflection form, the discussion pack), autoescaping every value.

    Needs the ``report`` extra; without it, a `MissingExtraError` naming ``feature``.
    """
    try:
        import jinja2  # noqa: F401  (a dictionary look-up once imported: checked every time)
    except ImportError:
        raise MissingExtraError(feature, "report") from None
    return _compiled(name)


@cache
def _compiled(name: str) -> Template:
    # Each template compiled once per process: compiling costs far more than rendering,
    # and a hub's run makes many pages.
    return _environment().get_template(name)


@cache
def _environment() -> Environment:
    # One environment per process.
    import jinja2

    folder = files("careers_impact").joinpath("views").joinpath("templates")
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: folder.joinpath(name).read_text("utf-8")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
