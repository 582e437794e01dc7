"""How a model reaches its views without importing them (private: may change).

Jupyter asks an object for ``_repr_html_``, and analysts ask a result for
``to_frame()``; both are answered by the views layer, which sits above the models. So
that no lower module imports a view, each such hook is one typed call here:

    def _repr_html_(self) -> str:
        return html(self)

`html`, `frame` and `arrow` are `functools.singledispatch` functions: each view
module registers its own implementations (``@html.register(Edition)``), importing
this module downward as any other. The views are imported on the first call that
finds nothing registered, by the one upward import of the package, which
``pyproject.toml`` declares to import-linter; so importing the model never imports
Jupyter helpers, pandas or matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import singledispatch
from typing import TYPE_CHECKING, Any

from careers_impact.errors import ParameterError

if TYPE_CHECKING:
    from pandas import DataFrame
    from pyarrow import Table

__all__ = ["arrow", "distribution_frame", "frame", "html"]


def _unregistered(kind: str) -> Callable[..., Any]:
    """The fallback of a generic view: load the views, then dispatch again."""

    def fallback(result: object, /, **options: Any) -> Any:
        # The package's one upward import, declared in pyproject.toml's contracts.
        from careers_impact.views import frames, hub, notebook  # noqa: F401

        generic = _GENERICS[kind]
        found = generic.dispatch(type(result))
        if found is generic.dispatch(object):
            raise ParameterError(f"there is no {kind} view of a {type(result).__name__}")
        return found(result, **options)

    fallback.__name__ = kind
    return fallback


_html = singledispatch(_unregistered("HTML"))
_frame = singledispatch(_unregistered("DataFrame"))
_distribution_frame = singledispatch(_unregistered("distribution DataFrame"))
_arrow = singledispatch(_unregistered("Arrow"))
_GENERICS = {
    "HTML": _html,
    "DataFrame": _frame,
    "distribution DataFrame": _distribution_frame,
    "Arrow": _arrow,
}

#: Registration decorators, for the view modules: ``@register.html(Edition)``.
register_html = _html.register
register_frame = _frame.register
register_distribution_frame = _distribution_frame.register
register_arrow = _arrow.register


def html(result: object) -> str:
    """A result as HTML for Jupyter (`careers_impact.views.notebook` and `views.hub`).

    >>> from careers_impact import load_edition
    >>> html(load_edition().row("1.1")).startswith("<")
    True
    """
    shown: str = _html(result)
    return shown


def frame(result: object, *, suppress_below: int | None = None) -> DataFrame:
    """A result as a tidy pandas DataFrame (`careers_impact.views.frames`).

    ``suppress_below`` is for a hub's published counts only.
    """
    options = {} if suppress_below is None else {"suppress_below": suppress_below}
    return _frame(result, **options)


def distribution_frame(result: object) -> DataFrame:
    """A collection's per-row distributions as a tidy DataFrame (`views.frames`)."""
    return _distribution_frame(result)


def arrow(result: object, *, suppress_below: int | None = None) -> Table:
    """A result as a pyarrow Table with its DataFrame's columns (`views.frames`).

    ``suppress_below`` is for a hub's published counts only.
    """
    options = {} if suppress_below is None else {"suppress_below": suppress_below}
    return _arrow(result, **options)
