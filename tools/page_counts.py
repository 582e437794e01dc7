"""Print the fictional example's report and discussion pack on A4 in Chromium and count
their pages, as a careers leader printing them for governors would.

    python tools/page_counts.py [REPO]    # REPO: another checkout's root, to compare

Needs the test extra (Playwright, pypdf) and Debian's chromium.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path


def main() -> int:
    if len(sys.argv) > 1:
        sys.path.insert(0, str(Path(sys.argv[1]) / "src"))
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    import careers_impact as ci
    from careers_impact.examples import demo_earlier_review, demo_review
    from careers_impact.views.pack import discussion_pack

    pages = {
        "report": ci.report_html(demo_review(), demo_earlier_review()),
        "pack": discussion_pack(demo_review()),
    }
    chromium = shutil.which("chromium")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, html in pages.items():
            page_file = Path(folder) / f"{name}.html"
            page_file.write_text(html, encoding="utf-8")
            tab = browser.new_page()
            tab.goto(page_file.as_uri())
            pdf = Path(folder) / f"{name}.pdf"
            tab.pdf(path=str(pdf), format="A4")
            print(f"{name}: {len(PdfReader(pdf).pages)} A4 pages")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
