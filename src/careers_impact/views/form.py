"""The reflection form: one offline page a colleague fills in before the review meeting.

Each row's four columns side by side (lists as lists), and a choice of not yet, a
column, unsure or not applicable (with a reason), with an optional note. Answers are
kept in the browser as they are given, so closing the tab loses nothing, and "Download
my reflections" saves a long CSV that ``careers-impact review`` reads as it is. The
page loads nothing from anywhere: no server, no network, no external assets.
"""

from __future__ import annotations

import json

from careers_impact._version import __version__
from careers_impact.model.edition import Edition
from careers_impact.model.editions import load_edition
from careers_impact.reviews.review import ROLE_LABELS
from careers_impact.reviews.vocabulary import NOT_APPLICABLE, NOT_YET, UNSURE, Answer, answer_label
from careers_impact.views._style import page_template

__all__ = ["reflection_form"]

_CHOICES: tuple[Answer, ...] = (NOT_YET, 1, 2, 3, 4, UNSURE, NOT_APPLICABLE)


def _script_json(value: object) -> str:
    # JSON inside a <script> element: "<" escaped so that no text can close the element.
    return json.dumps(value).replace("<", "\\u003c")


def reflection_form(edition: Edition | None = None) -> str:
    """The reflection form of ``edition`` (default: the bundled default edition), as one
    self-contained HTML page. Needs the ``report`` extra (Jinja2).

    >>> page = reflection_form()
    >>> page.startswith("<!DOCTYPE html>"), "Download my reflections" in page
    (True, True)
    """
    template = page_template("form.html.j2", "the reflection form")
    from markupsafe import Markup  # Jinja2's own, so present once the extra is

    edition = edition or load_edition()
    return str(
        template.render(
            edition=edition,
            roles=list(ROLE_LABELS.items()),
            choices=[(str(choice), answer_label(choice)) for choice in _CHOICES],
            rows_json=Markup(_script_json([row.id for row in edition.rows])),
            themes_json=Markup(
                _script_json({t.number: [r.id for r in t.rows] for t in edition.themes})
            ),
            focus={c.level: c.focus for c in edition.columns},
            edition_id_json=Markup(_script_json(edition.id)),
            version=__version__,
        )
    )
