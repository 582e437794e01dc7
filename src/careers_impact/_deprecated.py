"""Old module paths that moved, kept working with a DeprecationWarning (private).

The public API is what ``careers_impact`` exports; code that imported a module by its
old path (``careers_impact.report``, say) keeps working until the next major release,
and is told where the name lives now.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["moved"]


def moved(old: str, *new: str) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module's ``__getattr__`` and ``__dir__`` forwarding every name to the first of
    the ``new`` modules that has it, with a warning naming where it lives now."""

    def __getattr__(name: str) -> Any:  # noqa: N807  (a module's own hook, by its name)
        for module_name in new:
            module = import_module(module_name)
            if hasattr(module, name):
                value = getattr(module, name)
                home = getattr(value, "__module__", None) or module_name
                warnings.warn(
                    f"{old}.{name} has moved to {home}.{name} (or import it from "
                    f"careers_impact); {old} will be removed in careers-impact 1.0",
                    DeprecationWarning,
                    stacklevel=2,
                )
                return value
        raise AttributeError(f"module {old!r} has no attribute {name!r}")

    def __dir__() -> list[str]:  # noqa: N807
        return sorted({name for m in new for name in getattr(import_module(m), "__all__", ())})

    return __getattr__, __dir__
