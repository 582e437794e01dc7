"""How a model reaches its views without importing them (private: may change).

Jupyter asks an object for ``_repr_html_``, and analysts ask a summary for
``to_frame()``; both are answered by the views layer, which sits above the models. So
that no lower module imports a view, every such hook is one line through `view`:

    def _repr_html_(self) -> str:
        return view("notebook", "summary_html")(self)

The view module is imported by name, on first use, so importing the model never
imports Jupyter helpers, pandas or matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["view"]


def view(module: str, function: str) -> Callable[..., Any]:
    """The function ``function`` of ``careers_impact.views.<module>``.

    >>> view("notebook", "edition_html").__name__
    'edition_html'
    """
    found: Callable[..., Any] = getattr(import_module(f"careers_impact.views.{module}"), function)
    return found
