"""Deprecated path: moved to `careers_impact.files.reflections`,
`careers_impact.files.agreed`, `careers_impact.files.review_json` and
`careers_impact.vocabulary`.

Import from there, or the public names from ``careers_impact``.
"""

from careers_impact._deprecated import moved

__getattr__, __dir__ = moved(
    __name__,
    "careers_impact.files.reflections",
    "careers_impact.files.agreed",
    "careers_impact.files.review_json",
    "careers_impact.vocabulary",
)
