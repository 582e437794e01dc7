"""Figures: snapshot, progress and distribution."""

from __future__ import annotations

import sys

import pytest

from careers_impact import (
    compare,
    plot_distribution,
    plot_progress,
    plot_snapshot,
    summarise,
    summarise_collection,
)
from careers_impact.examples import demo_earlier_review, demo_review


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


def test_plots_need_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"careers-impact\[plot\]"):
        plot_snapshot(summarise(demo_review()))
