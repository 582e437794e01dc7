"""The bundled editions' index, read with the standard library alone (private).

The command line's ``--help`` and ``editions`` need only the ids, titles and dates of
the bundled editions, so they read them here without importing pydantic or the
model's types; `careers_impact.model.editions` builds on the same reading.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib.resources import files
from types import ModuleType
from typing import Any

__all__ = ["DEFAULT_EDITION", "index"]

#: The edition `careers_impact.load_edition` gives when asked for none.
DEFAULT_EDITION = "schools-2026"


@cache
def index() -> tuple[dict[str, Any], ...]:
    """Each bundled edition's id, title, setting and effective date, as in the index.

    >>> [item["id"] for item in index()]
    ['colleges', 'schools-2026']
    """
    data = files("careers_impact").joinpath("data").joinpath("editions.json").read_bytes()
    # Loading an edition has pydantic's parser in memory already, and the command line's
    # --help and editions must not load it: each uses the parser it has.
    core = sys.modules.get("pydantic_core")
    items: list[dict[str, Any]] = core.from_json(data) if core else _json().loads(data)
    return tuple(items)


def _json() -> ModuleType:
    import json

    return json
