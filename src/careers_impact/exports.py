"""Deprecated path: moved to `careers_impact.views.exports`.

Import from there, or the public names from ``careers_impact``.
"""

from careers_impact._deprecated import moved

__getattr__, __dir__ = moved(__name__, "careers_impact.views.exports")
