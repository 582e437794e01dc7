"""A matplotlib figure that shows itself in a notebook (private: may change).

Imported only by `careers_impact.views.plots`, and only when a figure is drawn, so
matplotlib stays an extra. The figures are built without pyplot (no global state, no
display needed), which means Jupyter's inline backend is never switched on and a bare
`~matplotlib.figure.Figure` as a cell's value shows only its repr. This subclass
answers IPython's ``_repr_png_`` itself, so a figure displays in a fresh kernel
without ``%matplotlib`` or importing pyplot; everything else is matplotlib's own.
"""

from __future__ import annotations

from io import BytesIO

from matplotlib.figure import Figure

__all__ = ["NotebookFigure"]


class NotebookFigure(Figure):
    """A `~matplotlib.figure.Figure` that a notebook displays as a PNG image."""

    def _repr_png_(self) -> bytes:
        buffer = BytesIO()
        # 110 dpi keeps 7-point row labels legible without a megabyte-sized notebook.
        self.savefig(buffer, format="png", dpi=110)
        return buffer.getvalue()
