"""A figure that shows itself in a notebook (`careers_impact.views._figure`)."""

from __future__ import annotations

import pytest

pytest.importorskip("matplotlib", reason="figures need careers-impact[plot]")


def test_a_figure_is_its_own_png() -> None:
    from careers_impact import plot_snapshot, summarise
    from careers_impact.examples import demo_review

    figure = plot_snapshot(summarise(demo_review()))
    png = figure._repr_png_()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
