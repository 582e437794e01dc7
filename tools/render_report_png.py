"""Render the bundled example report to docs/img/example-report.png for the docs site.

    python tools/render_report_png.py [--chromium /usr/bin/chromium]

Needs the report extra (Jinja2) and a Chromium (Debian: apt-get install chromium). The
page is the same one ``careers-impact demo`` writes: the fictional example review
compared with its review a year earlier. The screenshot is of the top of the page
(header, snapshot grid) at A4-like width.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from careers_impact.examples import demo_earlier_review, demo_review
from careers_impact.views.report import report_html

TARGET = Path(__file__).resolve().parent.parent / "docs" / "img" / "example-report.png"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    parser.add_argument("--height", type=int, default=1500, help="pixels of the page to keep")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(report_html(demo_review(), demo_earlier_review()), encoding="utf-8")
        subprocess.run(
            [
                args.chromium,
                *FLAGS,
                f"--user-data-dir={folder}/profile",
                f"--window-size=900,{args.height}",
                f"--screenshot={TARGET}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
