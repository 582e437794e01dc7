"""The reflection form (`careers_impact.views.form`) as HTML; in browsers: test_browser.py."""

from __future__ import annotations

import json
import re

from markupsafe import escape

from careers_impact import load_edition, reflection_form


def test_every_row_of_the_edition_is_on_its_form() -> None:
    for edition_id in ("schools-2026", "colleges"):
        edition = load_edition(edition_id)
        page = reflection_form(edition)
        for row in edition.rows:
            assert str(escape(row.title)) in page, row.id
        rows = json.loads(re.search(r'<script id="rows"[^>]*>(.*?)</script>', page, re.S)[1])  # type: ignore[index]
        assert rows == [row.id for row in edition.rows]
