"""Figures for notebooks (``pip install "careers-impact[plot]"``): matplotlib, imported here only.

Each function returns a `matplotlib.figure.Figure` built without pyplot, so no
global figure state is touched and it works without a display; show it in a notebook
as the cell's value, restyle it, or ``fig.savefig(...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careers_impact.errors import MissingExtraError
from careers_impact.review import position_label
from careers_impact.views._style import LEVEL_FILLS, LEVEL_NAMES

if TYPE_CHECKING:
    from careers_impact.collection import CollectionSummary
    from careers_impact.progression import Comparison
    from careers_impact.rollup import ReviewSummary

__all__ = ["plot_distribution", "plot_progress", "plot_snapshot"]


def _figure(**kwargs: Any) -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingExtraError("plots", "plot") from None
    return Figure(**kwargs)


def _literal(text: str) -> str:
    """Text matplotlib draws as it is: a ``$`` would otherwise start mathematics.

    >>> _literal("Costs $5 and $10")
    'Costs \\\\$5 and \\\\$10'
    """
    return text.replace("$", r"\$")


def plot_snapshot(summary: ReviewSummary) -> Any:
    """Every row's position as a horizontal bar, grouped by theme; suggested positions hatched.

    >>> from careers_impact import summarise
    >>> from careers_impact.examples import demo_review
    >>> figure = plot_snapshot(summarise(demo_review()))
    >>> len(figure.axes[0].get_yticklabels())
    32
    """
    rows = list(summary.rows)
    fig = _figure(figsize=(8, 0.25 * len(rows) + 1.2), layout="constrained")
    ax = fig.add_subplot()
    for index, outcome in enumerate(rows):
        level = outcome.level
        if level is None:
            ax.text(0.05, index, _literal(outcome.label), va="center", fontsize=7, style="italic")
            continue
        ax.barh(
            index,
            level if level else 0.15,
            color=LEVEL_FILLS[level],
            edgecolor="#333333",
            hatch="//" if outcome.source == "suggested" else None,
        )
    labels = [_literal(f"{o.row} {o.title[:38]}") for o in rows]
    ax.set_yticks(range(len(rows)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 4.2)
    ax.set_xticks(range(5), LEVEL_NAMES, fontsize=8)
    ax.set_title(_literal(f"{summary.setting}, {summary.date}"), fontsize=10)
    ax.grid(axis="x", color="#dddddd")
    ax.set_axisbelow(True)
    return fig


def plot_progress(comparison: Comparison) -> Any:
    """Each comparable row's position before and after, joined by an arrow.

    >>> from careers_impact import compare
    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> type(plot_progress(compare(demo_earlier_review(), demo_review()))).__name__
    'Figure'
    """
    moves = [m for m in comparison.rows if m.before is not None or m.after is not None]
    fig = _figure(figsize=(8, 0.25 * len(moves) + 1.2), layout="constrained")
    ax = fig.add_subplot()
    for index, move in enumerate(moves):
        if move.before is not None:
            ax.plot(move.before, index, "o", color="#999999")
        if move.after is not None:
            ax.plot(move.after, index, "o", color="#1d5a96")
        if move.before is not None and move.after is not None and move.before != move.after:
            ax.annotate(
                "",
                xy=(move.after, index),
                xytext=(move.before, index),
                arrowprops={"arrowstyle": "->", "color": "#1d5a96"},
            )
    labels = [_literal(f"{m.row or '/'.join(m.before_rows)} {m.title[:38]}") for m in moves]
    ax.set_yticks(range(len(moves)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(-0.3, 4.3)
    ax.set_xticks(range(5), LEVEL_NAMES, fontsize=8)
    ax.set_title(
        _literal(
            f"{comparison.setting}: {comparison.before_date} (grey) to "
            f"{comparison.after_date} (blue)"
        ),
        fontsize=10,
    )
    ax.grid(axis="x", color="#dddddd")
    return fig


def plot_distribution(collection: CollectionSummary) -> Any:
    """Per row, how many settings sit at each position: a stacked horizontal bar per row.

    >>> from careers_impact import summarise_collection
    >>> from careers_impact.examples import demo_review
    >>> type(plot_distribution(summarise_collection([demo_review()]))).__name__
    'Figure'
    """
    items = list(collection.rows)
    fig = _figure(figsize=(8, 0.25 * len(items) + 1.4), layout="constrained")
    ax = fig.add_subplot()
    left = [0] * len(items)
    for level in range(5):
        widths = [item.counts[level] for item in items]
        ax.barh(
            range(len(items)),
            widths,
            left=left,
            color=LEVEL_FILLS[level],
            edgecolor="#ffffff",
            label=position_label(level),
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    labels = [_literal(f"{i.row} {i.title[:38]}") for i in items]
    ax.set_yticks(range(len(items)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("settings")
    ax.legend(fontsize=7, ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    return fig
