"""The bundled example reviews: an invented school, clearly labelled fictional.

They exist so that ``careers-impact demo``, the docs and new users have a complete
review to look at. No real setting or person is described.

>>> demo_review().setting.name
'Northfield Academy (fictional example)'
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from careers_impact.reviews.review import Review

__all__ = ["demo_earlier_review", "demo_review"]


def _load(name: str) -> Review:
    raw = files("careers_impact").joinpath("data").joinpath("examples").joinpath(name)
    return Review.model_validate_json(raw.read_bytes())


@cache
def demo_review() -> Review:
    """The example review (October 2026, some rows still to agree)."""
    return _load("review.json")


@cache
def demo_earlier_review() -> Review:
    """The same invented school's review a year earlier (every row agreed)."""
    return _load("earlier-review.json")
