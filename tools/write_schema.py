"""Write the JSON Schemas of the file formats (edition, review, crosswalk, summary) into the
package data.

Run after changing the models::

    python tools/write_schema.py

``tests/files/test_schemas.py`` fails while a committed schema is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from careers_impact.files.schemas import SCHEMA_KINDS, generate_schema

TARGET = Path(__file__).resolve().parent.parent / "src" / "careers_impact" / "data"


def main() -> int:
    for kind in SCHEMA_KINDS:
        path = TARGET / f"{kind}.schema.json"
        text = json.dumps(generate_schema(kind), ensure_ascii=False, indent=2) + "\n"
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
