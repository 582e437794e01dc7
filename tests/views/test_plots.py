"""Figures: snapshot, progress and distribution."""

from __future__ import annotations

import sys

import pytest

from careers_impact import (
    Setting,
    compare,
    plot_distribution,
    plot_progress,
    plot_snapshot,
    summarise,
    summarise_collection,
)
from careers_impact.examples import demo_earlier_review, demo_review
from careers_impact.views.plots import LABEL_WIDTH


def test_plots_return_figures() -> None:
    from matplotlib.figure import Figure

    summary = summarise(demo_review())
    snapshot = plot_snapshot(summary)
    assert isinstance(snapshot, Figure)
    assert len(snapshot.axes[0].get_yticklabels()) == 32
    progress = plot_progress(compare(demo_earlier_review(), demo_review()))
    assert isinstance(progress, Figure)
    hub = plot_distribution(summarise_collection([demo_review()]))
    assert len(hub.axes[0].patches) == 5 * 32  # a bar part per row and position
    assert snapshot._repr_png_().startswith(PNG)


def test_plots_need_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"careers-impact\[plot\]"):
        plot_snapshot(summarise(demo_review()))


PNG = b"\x89PNG\r\n\x1a\n"


def test_figures_display_as_a_cell_value_without_pyplot() -> None:
    import subprocess

    # A fresh interpreter: IPython asks a cell's value for _repr_png_, and pyplot (which
    # would register Jupyter's inline formatter) is never imported.
    code = (
        "import sys, careers_impact as ci\n"
        "from careers_impact.examples import demo_review\n"
        "png = ci.plot_snapshot(ci.summarise(demo_review()))._repr_png_()\n"
        "print(png[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'matplotlib.pyplot' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]


def test_long_row_labels_end_in_an_ellipsis_and_short_ones_are_whole() -> None:
    figure = plot_snapshot(summarise(demo_review()))
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert labels[0] == "1.1 Careers leadership and distributed leadership of careers"
    clipped = [label for label in labels if label.endswith("…")]
    assert clipped
    assert all(len(label) == LABEL_WIDTH for label in clipped)
    assert (
        figure.axes[0].get_title()
        == "Northfield Academy (fictional example): positions on 2026-10-05"
    )


def test_every_encoding_has_a_legend() -> None:
    snapshot = plot_snapshot(summarise(demo_review()))
    assert [t.get_text() for t in snapshot.axes[0].get_legend().get_texts()] == [
        "Agreed by the group",
        "Suggested from answers",
    ]
    comparison = compare(demo_earlier_review(), demo_review())
    progress = plot_progress(comparison)
    kinds = {m.move for m in comparison.rows}
    words = [t.get_text() for t in progress.axes[0].get_legend().get_texts()]
    assert words[0] == str(comparison.before_date)
    assert set(words[1:]) == {k.replace("-", " ") for k in kinds if k != "not-assessed"}
    assert progress.axes[0].get_xlabel() == "Position"
    # Each kind its own mark: advanced, held and declined are told apart without colour.
    marks = {line.get_marker() for line in progress.axes[0].get_lines()}
    assert {"advanced", "held", "declined"} <= kinds  # the example has all three
    assert {"^", "D", "v"} <= marks


def test_distribution_counts_settings_in_whole_numbers_and_shows_unreviewed_rows() -> None:
    partial = demo_earlier_review()
    partial = partial.model_copy(
        update={
            "setting": Setting(name="Second School"),
            "reflections": tuple(r for r in partial.reflections if r.row != "1.1"),
            "agreed": tuple(a for a in partial.agreed if a.row != "1.1"),
        }
    )
    figure = plot_distribution(summarise_collection([demo_review(), partial]))
    ax = figure.axes[0]
    ticks = [tick for tick in ax.get_xticks() if 0 <= tick <= 2]
    assert all(float(tick).is_integer() for tick in ticks)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[-1] == "Not reviewed"
    # Every row's bar adds up to the two settings, the unreviewed one included.
    ends: dict[float, float] = {}
    for patch in ax.patches:
        y = round(patch.get_y(), 3)
        ends[y] = max(ends.get(y, 0.0), patch.get_x() + patch.get_width())
    assert set(ends.values()) == {2.0}
    assert ax.get_title() == "2 settings on schools-2026: positions per row"


def test_a_hub_draws_its_distribution_with_no_position_as_a_segment() -> None:
    from careers_impact import Setting, plot_distribution, summarise_hub
    from careers_impact.examples import demo_earlier_review, demo_review

    other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak")})
    hub = summarise_hub([demo_review(), other])
    ax = plot_distribution(hub).axes[0]
    assert ax.get_title() == "2 settings on schools-2026: positions per row"
    widths = [sum(p.get_width() for p in c.patches) for c in ax.containers]
    assert sum(widths) == 2 * len(hub.rows)  # every bar adds up to the settings
