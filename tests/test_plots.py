"""Figures: snapshot, progress and distribution."""

from __future__ import annotations

import sys
from html.parser import HTMLParser

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

EVIL = "<script>alert('x')</script>"


class Page(HTMLParser):
    """Collects what the tests check: tags, attributes, the grid's row headers, text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.grid_rows: list[str] = []
        self.ids: list[str] = []
        self._in_grid = False
        self._in_row_header = False
        self._row_text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        self.attributes += [(k, v or "") for k, v in attrs]
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag == "table" and "grid" in (found.get("class") or ""):
            self._in_grid = True
        if self._in_grid and tag == "th" and found.get("scope") == "row":
            self._in_row_header, self._row_text = True, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_grid = False
        if tag == "th" and self._in_row_header:
            self._in_row_header = False
            self.grid_rows.append(self._row_text)

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_row_header:
            self._row_text += data


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
