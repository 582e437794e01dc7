"""Type-check the developers' examples: every ``python`` block of the pages a developer
copies from, with ``mypy --strict``, as their own code would be checked.

    python tools/check_doc_examples.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("docs/getting-started/developers.md", "docs/how-to/web-service.md")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        made = []
        for page in PAGES:
            text = (ROOT / page).read_text(encoding="utf-8")
            for number, block in enumerate(re.findall(r"```python\n(.*?)```", text, re.S), 1):
                path = Path(folder) / f"{Path(page).stem.replace('-', '_')}_{number}.py"
                path.write_text(block, encoding="utf-8")
                made.append(str(path))
        print(f"checking {len(made)} examples from {', '.join(PAGES)}")
        return subprocess.run([sys.executable, "-m", "mypy", "--strict", *made]).returncode


if __name__ == "__main__":
    sys.exit(main())
