"""Write the edition format's JSON Schema into the package data.

Run after changing the models in ``careers_impact.model``::

    python tools/write_schema.py

``tests/test_schema.py`` fails while the committed schema is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from careers_impact.editions import _generate_edition_schema

TARGET = Path(__file__).resolve().parent.parent / "src" / "careers_impact" / "data"


def main() -> int:
    path = TARGET / "edition.schema.json"
    text = json.dumps(_generate_edition_schema(), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
