"""Figures for notebooks and reports (``pip install "careers-impact[plot]"``): matplotlib.

Each function returns a `matplotlib.figure.Figure` built without pyplot, so no global
figure state is touched and it works without a display. As a notebook cell's value it
displays as an image in a fresh kernel (no ``%matplotlib`` needed); restyle it through
its axes, or ``fig.savefig(...)``. Every figure is titled from its data, has a legend
for every encoding, and uses the HTML report's palette (one hue rising in darkness with
the level, readable in greyscale and by colour-blind readers). Row labels longer than
`LABEL_WIDTH` end in "…"; the full titles are in the summary and its frames.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from careers_impact._base import clip
from careers_impact.errors import MissingExtraError
from careers_impact.reviews.hub import Hub
from careers_impact.reviews.vocabulary import position_label
from careers_impact.views._style import EDGE, LEVEL_FILLS, LEVEL_NAMES, UNPLACED_FILLS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from careers_impact.reviews.collection import CollectionSummary
    from careers_impact.reviews.progression import Comparison
    from careers_impact.reviews.rollup import ReviewSummary

__all__ = ["LABEL_WIDTH", "plot_distribution", "plot_progress", "plot_snapshot"]

#: Characters of "row id and title" a figure's row label shows before "…".
LABEL_WIDTH = 64
_BEFORE, _AFTER = "#8c8c8c", "#1d5a96"


def _figure(rows: int, extra: float = 1.6) -> Figure:
    try:
        import_module("matplotlib.figure")
        figure_class = import_module("careers_impact.views._figure").NotebookFigure
    except ImportError:
        raise MissingExtraError("plots", "plot") from None
    figure: Figure = figure_class(figsize=(10, 0.26 * rows + extra), layout="constrained")
    return figure


def _literal(text: str) -> str:
    """Text matplotlib draws as it is: a ``$`` would otherwise start mathematics.

    >>> _literal("Costs $5 and $10")
    'Costs \\\\$5 and \\\\$10'
    """
    return text.replace("$", r"\$")


def _row_axis(ax: Axes, labels: list[str]) -> None:
    ax.set_yticks(range(len(labels)), [_literal(clip(label, LABEL_WIDTH)) for label in labels])
    ax.tick_params(axis="y", labelsize=7)
    ax.invert_yaxis()


def _level_axis(ax: Axes) -> None:
    ax.set_xticks(range(5), LEVEL_NAMES, fontsize=8)
    ax.grid(axis="x", color="#dddddd")
    ax.set_axisbelow(True)


def _legend_above(ax: Axes, ncols: int = 2, **kwargs: Any) -> None:
    # Above the axes, where it never covers a bar, in the row labels' size.
    ax.legend(fontsize=7, ncols=ncols, loc="lower center", bbox_to_anchor=(0.5, 1.02), **kwargs)


def _patch(**kwargs: Any) -> Any:
    return import_module("matplotlib.patches").Patch(edgecolor=EDGE, **kwargs)


def plot_snapshot(summary: ReviewSummary) -> Figure:
    """Every row's position as a horizontal bar; suggested positions hatched.

    Rows not reviewed or not applicable are named on their line, not left out.

    >>> from careers_impact import summarise
    >>> from careers_impact.examples import demo_review
    >>> figure = plot_snapshot(summarise(demo_review()))
    >>> len(figure.axes[0].get_yticklabels())
    32
    """
    rows = list(summary.rows)
    fig = _figure(len(rows))
    ax = fig.add_subplot()
    for index, outcome in enumerate(rows):
        if outcome.level is None:
            ax.text(0.05, index, _literal(outcome.label), va="center", fontsize=7, style="italic")
            continue
        ax.barh(
            index,
            outcome.level or 0.15,
            color=LEVEL_FILLS[outcome.level],
            edgecolor=EDGE,
            hatch="//" if outcome.source == "suggested" else None,
        )
    _row_axis(ax, [f"{o.row} {o.title}" for o in rows])
    _level_axis(ax)
    ax.set_xlim(0, 4.2)
    ax.set_xlabel("Position (bar length and shade)")
    ax.set_title(_literal(f"{summary.setting}: positions on {summary.date}"), fontsize=10)
    _legend_above(
        ax,
        handles=[
            _patch(facecolor="#ffffff", label="Agreed by the group"),
            _patch(facecolor="#ffffff", hatch="//", label="Suggested from answers"),
        ],
    )
    return fig


# How each kind of move is drawn at its row: the mark where the row stands now (or stood,
# for a row no longer assessed), its colour, and its legend's words. Every kind has its
# own mark, so none is told only by colour.
_MARKS: dict[str, tuple[str, str, str]] = {
    "advanced": ("^", _AFTER, "advanced"),
    "held": ("D", _AFTER, "held"),
    "declined": ("v", "#b35900", "declined"),
    "newly-assessed": ("*", _AFTER, "newly assessed"),
    "no-longer-assessed": ("x", _BEFORE, "no longer assessed"),
    "not-comparable": ("s", _BEFORE, "not comparable"),
    "not-assessed": ("", _BEFORE, "not assessed"),  # neither time: not drawn
}


def plot_progress(comparison: Comparison) -> Figure:
    """Each row's position before (an open circle) and now, marked by how it moved.

    Advanced, held, declined, newly assessed and no longer assessed rows each have their
    own mark and legend entry; a move is an arrow from before to now.

    >>> from careers_impact import compare
    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> figure = plot_progress(compare(demo_earlier_review(), demo_review()))
    >>> figure.axes[0].get_xlabel()
    'Position'
    """
    moves = [m for m in comparison.rows if m.before is not None or m.after is not None]
    fig = _figure(len(moves))
    ax = fig.add_subplot()
    for index, move in enumerate(moves):
        marker, colour, _ = _MARKS[move.move]
        if move.before is not None and move.after is not None:
            ax.plot(move.before, index, "o", color=_BEFORE, markerfacecolor="none")
        where = move.after if move.after is not None else move.before
        if where is not None:
            ax.plot(where, index, marker, color=colour, markersize=7)
        if move.before is not None and move.after is not None and move.before != move.after:
            ax.annotate("", xy=(move.after, index), xytext=(move.before, index),
                        arrowprops={"arrowstyle": "->", "color": colour})  # fmt: skip
    _row_axis(ax, [f"{m.row or '/'.join(m.before_rows)} {m.title}" for m in moves])
    _level_axis(ax)
    ax.set_xlim(-0.3, 4.3)
    ax.set_xlabel("Position")
    ax.set_title(
        _literal(f"{comparison.setting}: {comparison.before_date} to {comparison.after_date}"),
        fontsize=10,
    )
    line = import_module("matplotlib.lines").Line2D
    handles = [line([], [], marker="o", ls="", color=_BEFORE, markerfacecolor="none",
                    label=f"{comparison.before_date}")]  # fmt: skip
    present = {m.move for m in moves}
    handles += [line([], [], marker=marker, ls="", color=colour, label=words)
                for kind, (marker, colour, words) in _MARKS.items() if kind in present]  # fmt: skip
    _legend_above(ax, ncols=3, handles=handles)
    return fig


def plot_distribution(collection: CollectionSummary | Hub) -> Figure:
    """Per row, how many settings sit at each position: a stacked horizontal bar per row.

    Settings that did not review a row, or found it not applicable, are segments of
    their own (for a `Hub`, one "no position" segment), so every bar adds up to the
    number of settings. A hub's figure is for the analyst's own notebook: every count.

    >>> from careers_impact import summarise_collection, summarise_hub
    >>> from careers_impact.examples import demo_review
    >>> figure = plot_distribution(summarise_collection([demo_review()]))
    >>> figure.axes[0].get_title()
    '1 setting on schools-2026: positions per row'
    >>> plot_distribution(summarise_hub([demo_review()])).axes[0].get_title()
    '1 setting on schools-2026: positions per row'
    """
    if isinstance(collection, Hub):
        items = [(i.key, i.title, i.counts) for i in collection.rows]
        unplaced = {"no position": [i.unplaced for i in collection.rows]}
        count = collection.settings
    else:
        items = [(i.row, i.title, i.counts) for i in collection.rows]
        unplaced = {"not reviewed": [i.not_reviewed for i in collection.rows],
                    "not applicable": [i.not_applicable for i in collection.rows]}  # fmt: skip
        count = len(collection.settings)
    fig = _figure(len(items), extra=1.9)
    ax = fig.add_subplot()
    left = [0] * len(items)
    segments: list[tuple[str, list[int], str, str | None]] = [
        (position_label(level), [i[2][level] for i in items], LEVEL_FILLS[level], None)
        for level in range(5)
    ]
    for (name, widths), pattern in zip(unplaced.items(), ("..", "xx"), strict=False):
        if any(widths):  # a legend entry for nothing would only puzzle
            segments.append((name.capitalize(), widths, UNPLACED_FILLS[name], pattern))
    for label, widths, fill, hatch in segments:
        ax.barh(
            range(len(items)),
            widths,
            left=left,
            color=fill,
            edgecolor=EDGE,
            hatch=hatch,
            linewidth=0.5,
            label=label,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    _row_axis(ax, [f"{key} {title}" for key, title, _ in items])
    ax.xaxis.set_major_locator(import_module("matplotlib.ticker").MaxNLocator(integer=True))
    ax.set_xlabel("Settings")
    noun = "setting" if count == 1 else "settings"
    ax.set_title(f"{count} {noun} on {collection.edition}: positions per row", fontsize=10)
    _legend_above(ax, ncols=4)
    return fig
