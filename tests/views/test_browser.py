"""The report in a real browser: Chromium driven by Playwright, audited by axe-core.

Debian's ``chromium`` is used (Playwright's own browser download is not needed); where
no browser can be had the tests skip with the reason, and ``.ci/run`` sets
CAREERS_IMPACT_REQUIRE_BROWSER=1 so that in CI they must run.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careers_impact import report_html
from careers_impact.examples import demo_earlier_review, demo_review

REQUIRE = "CAREERS_IMPACT_REQUIRE_BROWSER"
# WCAG 2.2 at levels A and AA, with the earlier versions' rules it includes.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# The closed network here refuses Chromium's background connections; these keep it quiet.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{REQUIRE}=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed (the test extra has it)")
    chromium = os.environ.get("CAREERS_IMPACT_CHROMIUM") or shutil.which("chromium")
    if chromium is None:
        _unavailable("no Chromium here (Debian's package 'chromium'; .ci/run installs it)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(report_html(demo_review(), demo_earlier_review()), encoding="utf-8")
    return path


def test_the_report_passes_an_axe_audit_at_wcag_2_2_aa(browser: Any, report: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto(report.as_uri())
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    found = [(v["id"], len(v["nodes"])) for v in results.response["violations"]]
    assert found == []
    page.close()


def test_nothing_scrolls_sideways_on_a_390_pixel_phone(browser: Any, report: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(report.as_uri())
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => e.tagName + (e.id ? '#' + e.id : ''))"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert overflowing == []
    page.close()


def test_the_first_printed_page_holds_the_whole_snapshot(
    browser: Any, report: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto(report.as_uri())
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    pages = PdfReader(pdf).pages
    first = pages[0].extract_text()
    assert "At a glance" in first
    rows = {row.id for row in demo_review_rows()}
    assert set(re.findall(r"\b\d\.\d\b", first)) >= rows
    flat = " ".join(first.split())
    # Page 1 answers a governor: the state, what is left to discuss, what moved.
    assert "In progress: 4 rows still to agree" in flat
    assert "1 row to discuss (12 discussed and agreed)" in flat
    assert "13 up, 14 held, 5 down" in flat
    assert "Earlier targets: 4 met, 0 not met" in flat
    assert "Theme 6: Personal guidance" in flat
    assert "Snapshot" not in first  # the detail starts on the next page
    assert len(pages) > 1
    assert _page_fills(pdf)[0] >= 0.5  # and page 1 is not mostly blank before it


def demo_review_rows() -> Any:
    from careers_impact import load_edition

    return load_edition(demo_review().edition).rows


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from careers_impact.views.form import reflection_form

    path = tmp_path_factory.mktemp("form") / "reflections.html"
    path.write_text(reflection_form(), encoding="utf-8")
    return path


def fill(
    page: Any,
    name: str,
    role: str,
    answers: dict[str, str],
    notes: dict[str, str],
    reasons: dict[str, str] | None = None,
) -> None:
    page.fill("#name", name)
    page.select_option("#role", role)
    for row, answer in answers.items():
        page.check(f'input[name="answer-{row}"][value="{answer}"]')
    for row, reason in (reasons or {}).items():
        page.fill(f'[id="reason-{row}"]', reason)
    for row, note in notes.items():
        page.fill(f'[id="note-{row}"]', note)


def download(page: Any, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click("#download")
    saved = folder / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


def test_two_colleagues_fill_in_the_form_and_review_reads_their_downloads(
    browser: Any, form: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from careers_impact import load_review
    from careers_impact.cli import main

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    for name, role, answers, notes in (
        ("Alex", "careers-leader", {"1.1": "3", "1.2": "not-yet", "2.1": "4"}, {"1.1": "=plan"}),
        (
            "Sam",
            "governor",
            {"1.1": "1", "1.2": "2", "3.4": "not-applicable"},
            {"3.4": "Ask the SENCo", "5.1": "A note on a row left unanswered"},
        ),
    ):
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.goto(form.as_uri())
        fill(page, name, role, answers, notes, {"3.4": "No pupils"} if name == "Sam" else {})
        download(page, downloads)
        context.close()
    out = tmp_path / "review.json"
    argv = ["review", str(downloads), "--setting", "Example", "--date", "2026-10-05"]
    assert main([*argv, "--json", str(out)]) == 0
    capsys.readouterr()
    review = load_review(out)
    assert {(p.name, p.role) for p in review.participants} == {
        ("Alex", "careers-leader"),
        ("Sam", "governor"),
    }
    assert sorted(map(str, review.answers("1.1"))) == ["1", "3"]
    assert review.answers("1.2") == ("not-yet", 2) or review.answers("1.2") == (2, "not-yet")
    alex_11 = next(r for r in review.reflections if r.participant == "Alex" and r.row == "1.1")
    assert alex_11.note == "=plan"  # formula-like text survives the round trip as text
    sam_34 = next(r for r in review.reflections if r.row == "3.4")
    assert (sam_34.answer, sam_34.reason, sam_34.note) == (
        "not-applicable",
        "No pupils",
        "Ask the SENCo",
    )
    # The note on a row Sam left unanswered is in the file, and reported as not used.
    sam = (downloads / "reflections-Sam.csv").read_text(encoding="utf-8-sig")
    assert "A note on a row left unanswered" in sam


def test_the_next_colleague_sees_nothing_of_the_last_ones_answers(browser: Any, form: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(form.as_uri())
    fill(page, "Kim", "send", {"2.2": "2"}, {"2.2": "Only for Year 11"})
    page.close()
    page = context.new_page()
    page.goto(form.as_uri())
    assert page.is_visible("#resume")
    assert page.text_content("#resume-name") == "Kim"
    assert page.input_value("#name") == ""
    assert not page.is_checked('input[name="answer-2.2"][value="2"]')
    assert page.input_value('[id="note-2.2"]') == ""
    assert "Only for Year 11" not in page.evaluate("document.body.innerText")
    page.click("#resume-no")
    fill(page, "Lee", "governor", {"1.1": "1"}, {})
    page.close()
    page = context.new_page()  # Lee's answers are offered now, and Kim's are still kept
    page.goto(form.as_uri())
    assert page.text_content("#resume-name") == "Lee"
    kept = page.evaluate(
        "Object.keys(JSON.parse(localStorage.getItem(localStorage.key(0))).people)"
    )
    assert sorted(kept) == ["kim", "lee"]
    context.close()


def test_the_form_needs_a_role_and_tells_each_colleague_what_to_do_next(
    browser: Any, form: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(form.as_uri())
    assert page.input_value("#role") == ""  # nobody is the Careers Leader by default
    page.fill("#name", "Pat")
    page.click("#download")
    assert page.text_content("#status") == "Please choose your role first."
    assert page.evaluate("document.activeElement.id") == "role"
    page.select_option("#role", "careers-leader")
    with page.expect_download():
        page.click("#download")
    said = page.text_content("#status") or ""
    assert "Send the file to your Careers Leader" not in said
    assert "careers-impact review reads them all" in said
    page.select_option("#role", "governor")
    with page.expect_download():
        page.click("#download")
    assert "Send the file to your Careers Leader" in (page.text_content("#status") or "")
    context.close()


def test_column_cards_show_their_focus_pick_their_column_and_progress_is_counted(
    browser: Any, form: Path
) -> None:
    page = browser.new_page()
    page.goto(form.as_uri())
    card = page.locator('[id="row-2.1"] .column[data-value="3"]')
    assert "routine and consistent" in (card.text_content() or "")
    card.click()
    assert page.is_checked('input[name="answer-2.1"][value="3"]')
    assert "chosen" in (card.get_attribute("class") or "")
    assert page.locator('[id="row-2.1"] .column.chosen').count() == 1
    page.check('input[name="answer-2.1"][value="1"]')
    assert page.locator('[id="row-2.1"] .column.chosen').get_attribute("data-value") == "1"
    page.check('input[name="answer-1.1"][value="unsure"]')
    assert page.text_content(".progress") == f"2 of {len(demo_review_rows())} answered"
    assert page.text_content('.theme-count[data-theme="2"]') == "1/" + str(
        sum(1 for r in demo_review_rows() if r.id.startswith("2."))
    )
    page.close()


@pytest.mark.parametrize(("first", "second"), [("Anne Smith", "Anne-Smith"), ("李明", "王芳")])
def test_two_colleagues_never_download_the_same_file_name(
    browser: Any, form: Path, tmp_path: Path, first: str, second: str
) -> None:
    names = set()
    for name in (first, second):
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.goto(form.as_uri())
        fill(page, name, "other", {"1.1": "2"}, {})
        names.add(download(page, tmp_path).name)
        context.close()
    assert len(names) == 2


def test_answers_survive_closing_the_tab(browser: Any, form: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(form.as_uri())
    fill(page, "Kim", "send", {"2.2": "2"}, {"2.2": "Only for Year 11"})
    page.close()
    again = context.new_page()
    again.goto(form.as_uri())
    again.click("#resume-yes")
    assert again.input_value("#name") == "Kim"
    assert again.input_value("#role") == "send"
    assert again.is_checked('input[name="answer-2.2"][value="2"]')
    assert again.input_value('[id="note-2.2"]') == "Only for Year 11"
    context.close()


def _audited_on_a_phone(browser: Any, path: Path) -> Any:
    """``path`` open at 390 pixels wide, after axe-core found no WCAG 2.2 AA violation
    and nothing scrolls sideways."""
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(path.as_uri())
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA}})
    assert [(v["id"], len(v["nodes"])) for v in results.response["violations"]] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    return page


@pytest.mark.parametrize("which", ["report", "form"])
def test_pages_pass_axe_and_fit_a_phone(browser: Any, report: Path, form: Path, which: str) -> None:
    path = {"report": report, "form": form}[which]
    page = _audited_on_a_phone(browser, path)
    page.close()


def test_the_discussion_pack_passes_axe_fits_a_phone_and_keeps_rows_whole_in_print(
    browser: Any, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from careers_impact.views.pack import discussion_pack

    path = tmp_path / "pack.html"
    path.write_text(discussion_pack(demo_review()), encoding="utf-8")
    page = _audited_on_a_phone(browser, path)
    pdf = tmp_path / "pack.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    # No row is split across pages: its heading and the last statement of its column 4
    # are on the same page.
    # Text as printed, a compound broken after its hyphen joined up again.
    pages = [" ".join(p.extract_text().split()).replace("- ", "-") for p in PdfReader(pdf).pages]
    # Page 1's agenda names the rows to discuss; the rows themselves follow it.
    agenda_ends = pages[0].index("Each row has a box for the group's decision.")
    pages[0] = pages[0][agenda_ends:]
    for row in demo_review_rows():
        heading = f"{row.id} {row.title[:20]}"
        last = " ".join(row.cell(4).statements[-1].split()[:4])
        where = {i for i, text in enumerate(pages) if heading in text}
        assert len(where) == 1, row.id
        assert any(last in pages[i] for i in where), row.id


# ------------------------------------------------------------------ the form in Firefox


@pytest.fixture(scope="module")
def firefox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    """Debian's firefox-esr, headless, driven over Mozilla's own Marionette protocol
    (marionette-driver), so no driver or browser is downloaded."""
    import socket
    import subprocess
    import time

    try:
        from marionette_driver.marionette import Marionette
    except ImportError:
        _unavailable("marionette-driver is not installed (the test extra has it)")
    binary = shutil.which("firefox-esr") or shutil.which("firefox")
    if binary is None:
        _unavailable("no Firefox here (Debian's package 'firefox-esr'; .ci/run installs it)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    profile = tmp_path_factory.mktemp("firefox-profile")
    downloads = tmp_path_factory.mktemp("firefox-downloads")
    prefs = {
        "browser.download.folderList": 2,
        "browser.download.dir": str(downloads),
        "browser.download.useDownloadDir": True,
        "browser.download.always_ask_before_handling_new_types": False,
        "browser.helperApps.neverAsk.saveToDisk": "text/csv",
        "marionette.port": port,
        "app.update.enabled": False,
        "datareporting.policy.dataSubmissionEnabled": False,
        "network.captive-portal-service.enabled": False,
        "browser.safebrowsing.downloads.enabled": False,
    }
    lines = [f"user_pref({name!r}, {value!r});" for name, value in prefs.items()]
    (profile / "user.js").write_text(
        "\n".join(line.replace("True", "true").replace("False", "false") for line in lines),
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [binary, "--headless", "--marionette", "--no-remote", "--profile", str(profile)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:  # wait for Firefox to listen, then connect once
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        client = Marionette(host="127.0.0.1", port=port)
        client.start_session()
        yield client, downloads
        client.delete_session()
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_form_works_in_firefox(firefox: tuple[Any, Path], form: Path, tmp_path: Path) -> None:
    import time

    from marionette_driver.by import By

    from careers_impact import read_reflections_long

    client, downloads = firefox
    client.navigate(form.as_uri())
    client.find_element(By.ID, "name").send_keys("Fran")
    client.execute_script(
        'const r = document.getElementById("role"); r.value = "pastoral";'
        'r.dispatchEvent(new Event("input", {bubbles: true}));'
    )
    for row, value in (("1.1", "3"), ("1.2", "not-yet"), ("6.3", "4"), ("3.4", "not-applicable")):
        client.find_element(By.CSS_SELECTOR, f'input[name="answer-{row}"][value="{value}"]').click()
    client.find_element(By.ID, "note-1.1").send_keys("Seen in Firefox")
    client.find_element(By.ID, "reason-3.4").send_keys("No pupils")
    client.find_element(By.ID, "note-3.4").send_keys("And a note")
    client.find_element(By.ID, "download").click()
    saved = downloads / "reflections-Fran.csv"
    deadline = time.monotonic() + 20
    while not saved.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    found = read_reflections_long(saved, load_edition_for_tests())
    answers = {r.row: (r.answer, r.reason, r.note) for r in found.reflections}
    assert answers == {
        "1.1": (3, None, "Seen in Firefox"),
        "1.2": ("not-yet", None, None),
        "3.4": ("not-applicable", "No pupils", "And a note"),
        "6.3": (4, None, None),
    }
    assert found.participants[0].role == "pastoral"
    client.navigate(form.as_uri())  # answers kept in the browser survive a reload
    client.find_element(By.ID, "resume-yes").click()
    assert client.execute_script('return document.getElementById("name").value') == "Fran"


def load_edition_for_tests() -> Any:
    from careers_impact import load_edition

    return load_edition()


def test_the_form_can_be_filled_in_with_the_keyboard_alone(browser: Any, form: Path) -> None:
    page = browser.new_page()
    page.goto(form.as_uri())
    page.keyboard.press("Tab")  # the first field is the name
    assert page.evaluate("document.activeElement.id") == "name"
    page.keyboard.type("Kay")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "role"
    page.keyboard.press("Tab")  # into row 1.1's answers: the first choice is 'not yet'
    assert page.evaluate("document.activeElement.name") == "answer-1.1"
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # arrows move along a radio group: column 1
    page.keyboard.press("ArrowRight")  # column 2
    assert page.is_checked('input[name="answer-1.1"][value="2"]')
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "note-1.1"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # where the keyboard is can be seen
    page.close()


def test_the_peer_page_passes_axe_and_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    from careers_impact import Setting, peer_html, peer_set
    from careers_impact.examples import demo_earlier_review

    other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak School")})
    path = tmp_path / "peer.html"
    path.write_text(peer_html(peer_set([demo_review(), other])), encoding="utf-8")
    page = _audited_on_a_phone(browser, path)
    page.close()


def test_the_hub_page_passes_axe_and_fits_a_phone(browser: Any, tmp_path: Path) -> None:
    from careers_impact import Setting, hub_html, summarise_hub
    from careers_impact.examples import demo_earlier_review

    other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak School")})
    path = tmp_path / "hub.html"
    hub = summarise_hub([demo_earlier_review(), demo_review(), other])
    path.write_text(hub_html(hub), encoding="utf-8")
    page = _audited_on_a_phone(browser, path)
    page.close()


# ------------------------------------------------------------------ phones and paper

# Every word, as a Range, must sit on one line. A compound breaks after its hyphen, as
# print always has; a word broken anywhere else ("Col/um/n") fails.
_BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    if (!el || el.closest('script,style,[hidden]') || !el.getClientRects().length) continue;
    if (el.getBoundingClientRect().width <= 1) continue;  // visually hidden, for screen readers
    const words = /[^\\s\\-\\u2010\\u2013]+[\\-\\u2010\\u2013]?/g;
    let m;
    while ((m = words.exec(node.data))) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0)
                                                      .map(r => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0] + ' in <' + el.tagName.toLowerCase() + '>');
    }
  }
  return broken;
}"""

# The page's own @page rule: its size and side margins, so the check uses the width
# the page is printed at.
_PRINTABLE_WIDTH_MM = """() => {
  for (const sheet of document.styleSheets) for (const rule of sheet.cssRules) {
    if (rule instanceof CSSPageRule) {
      const landscape = (rule.style.size || '').includes('landscape');
      const side = parseFloat(rule.style.marginLeft) + parseFloat(rule.style.marginRight);
      return (landscape ? 297 : 210) - side;
    }
  }
  return null;
}"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, report: Path, form: Path) -> dict[str, Path]:
    from careers_impact import Setting, hub_html, peer_html, peer_set, summarise_hub
    from careers_impact.views.pack import discussion_pack

    folder = tmp_path_factory.mktemp("pages")
    other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak School")})
    made = {
        "pack": discussion_pack(demo_review()),
        "hub": hub_html(summarise_hub([demo_earlier_review(), demo_review(), other])),
        "peer": peer_html(peer_set([demo_review(), other])),
    }
    for name, html in made.items():
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    return {"report": report, "form": form, **{n: folder / f"{n}.html" for n in made}}


PAGES = ["form", "pack", "report", "hub", "peer"]


@pytest.mark.parametrize("which", PAGES)
def test_no_word_breaks_inside_itself_on_a_390_pixel_phone(
    browser: Any, pages: dict[str, Path], which: str
) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(pages[which].as_uri())
    assert page.evaluate(_BROKEN_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


def test_the_word_check_finds_a_word_broken_inside_itself(browser: Any) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.set_content(
        '<table style="width:100%"><tr><td style="overflow-wrap:anywhere;width:1px">Column'
        "</td><td>a long cell that takes the rest of the width of the table</td></tr></table>"
    )
    assert page.evaluate(_BROKEN_WORDS) == ["Column in <td>"]
    page.close()


def _page_fills(pdf: Path) -> list[float]:
    """How far down each printed page its text reaches, as a share of the page."""
    from pypdf import PdfReader

    fills = []
    for sheet in PdfReader(pdf).pages:
        lowest: list[float] = []

        def seen(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
            if text.strip():
                lowest.append(tm[5] * cm[3] + cm[5])  # noqa: B023

        sheet.extract_text(visitor_text=seen)
        height = float(sheet.mediabox.height)
        fills.append(1 - min(lowest) / height if lowest else 0.0)
    return fills


@pytest.mark.parametrize("which", PAGES)
def test_printed_on_a4_nothing_is_cut_no_heading_is_left_and_no_page_is_mostly_blank(
    browser: Any, pages: dict[str, Path], tmp_path: Path, which: str
) -> None:
    from pypdf import PdfReader

    page = browser.new_page()
    page.goto(pages[which].as_uri())
    page.emulate_media(media="print")
    width_mm = page.evaluate(_PRINTABLE_WIDTH_MM)
    assert width_mm is not None, "every page says how it is printed"
    width = int(width_mm * 96 / 25.4)
    page.set_viewport_size({"width": width, "height": 1000})
    cut = page.evaluate(
        """(width) => [...document.querySelectorAll('body *')]
            .filter(e => { const r = e.getBoundingClientRect();
                           return r.width && r.right > width + 0.5; })
            .map(e => e.tagName + '.' + e.className)""",
        width,
    )
    assert cut == []
    headings = page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4')]"
        ".map(h => h.innerText.replace(/\\s+/g, ' ').trim()).filter(Boolean)"
    )
    landscape = width_mm > 210
    pdf = tmp_path / f"{which}.pdf"
    page.pdf(path=str(pdf), format="A4", landscape=landscape)
    page.close()
    printed = [" ".join(sheet.extract_text().split()) for sheet in PdfReader(pdf).pages]
    left = [(i + 1, h) for i, text in enumerate(printed[:-1]) for h in headings if text.endswith(h)]
    assert left == []
    # A page may end early where the next block is kept whole (a pack's row), but never
    # more than 60% blank; a page before a forced break is checked at half (page 1 of the
    # report, in its own test).
    fills = _page_fills(pdf)
    assert [(i + 1, round(f, 2)) for i, f in enumerate(fills[:-1]) if f < 0.4] == []


# ------------------------------------------------------------------ the whole journey


def test_six_colleagues_to_a_complete_report_on_one_shared_computer(
    browser: Any, form: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The careers leader's journey as one test: six colleagues fill the form in turn on
    one browser, the pack, the agreed draft edited for the flagged rows only, targets
    last year and this, the report against last year's review."""
    import csv
    from datetime import date

    from careers_impact import Target, load_review, save_review
    from careers_impact.cli import main

    review = demo_review()
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    notes = {("p4", "1.5"): "Governors asked for termly updates"}
    reasons = {("p5", "6.3"): "Personal guidance is bought in"}
    notes[("p5", "6.3")] = "Check with the adviser"
    left_blank = ("p6", "5.3")
    notes[left_blank] = "Not sure who runs this"
    context = browser.new_context(accept_downloads=True)  # one computer, one browser
    for person in review.participants:
        page = context.new_page()
        page.goto(form.as_uri())
        if page.is_visible("#resume"):
            page.click("#resume-no")
        # Nothing of the colleague before is on the page.
        assert page.input_value("#name") == ""
        assert page.locator("input[type=radio]:checked").count() == 0
        answers = {
            r.row: "not-applicable" if (person.id, r.row) in reasons else str(r.answer)
            for r in review.reflections
            if r.participant == person.id and (person.id, r.row) != left_blank
        }
        mine = {row: text for (who, row), text in notes.items() if who == person.id}
        why = {row: text for (who, row), text in reasons.items() if who == person.id}
        fill(page, person.name, person.role, answers, mine, why)
        download(page, downloads)
        if person.id == left_blank[0]:  # told at once that the note cannot be used
            assert "Row 5.3 has a note but no answer" in (page.text_content("#status") or "")
        page.close()
    context.close()
    assert len(list(downloads.iterdir())) == 6

    setting = ["--setting", review.setting.name, "--date", "2026-10-05"]
    pack = tmp_path / "pack.html"
    assert main(["pack", str(downloads), *setting[:2], "--out", str(pack)]) == 0
    pack_page = pack.read_text(encoding="utf-8")
    for where, text in [*notes.items(), *reasons.items()]:
        assert (text in pack_page) == (where != left_blank), text

    draft = tmp_path / "agreed.csv"
    assert main(["review", str(downloads), *setting, "--agreed-draft", str(draft)]) == 0
    said = capsys.readouterr().out
    assert "'Not sure who runs this' was not used" in said  # reported, not lost
    with draft.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    flagged = [line["row"] for line in lines if line["discuss"]]
    assert flagged
    for line in lines:  # the meeting changes only the flagged rows
        if line["discuss"]:
            line["column"], line["rationale"] = "2", "Agreed at the meeting"
    with draft.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(lines[0]))
        writer.writeheader()
        writer.writerows(lines)
    targets = tmp_path / "targets.csv"
    targets.write_text("row,column,by\n2.2,2,2027-07-31\n", encoding="utf-8")
    last_year = tmp_path / "last-year.json"
    missed = Target(row="6.2", column=4, by=date(2026, 7, 31))
    save_review(demo_earlier_review().model_copy(update={"targets": (missed,)}), last_year)

    saved = tmp_path / "review.json"
    argv = ["review", str(downloads), *setting, "--agreed", str(draft), "--targets", str(targets)]
    assert main([*argv, "--json", str(saved)]) == 0
    capsys.readouterr()
    kept = load_review(saved)
    p5 = next(r for r in kept.reflections if r.row == "6.3" and r.reason is not None)
    assert (p5.reason, p5.note) == ("Personal guidance is bought in", "Check with the adviser")

    report = tmp_path / "report.html"
    assert main(["report", str(saved), "--previous", str(last_year), "--out", str(report)]) == 0
    capsys.readouterr()
    page = browser.new_page()
    page.goto(report.as_uri())
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.close()
    from pypdf import PdfReader

    first = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Complete" in first
    assert f"0 rows to discuss ({len(flagged)} discussed and agreed)" in first
    assert "Earlier targets: 0 met, 1 not met" in first
    assert "Not met: 6.2" in first
    whole = report.read_text(encoding="utf-8")
    assert "31 July 2027" in whole  # one date format
    assert "2027-07-31" not in whole
