"""The docs site shows the model's text exactly: built with mkdocs, read back as HTML.

Every statement of every edition must appear on its model page as a whole paragraph
or list item, lists as lists, each row's cells in their own column of the row's grid;
no page may show a backslash escape.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from careers_impact import Edition, list_editions, load_edition

ROOT = Path(__file__).resolve().parent.parent
bs4 = pytest.importorskip("bs4", reason="the test extra's beautifulsoup4 reads the built pages")
pytest.importorskip("mkdocs", reason="the docs extra (mkdocs) builds the site")

Unit = tuple[str, str]


# As .ci/run builds the site: --strict, and never --quiet, which hides the warnings
# that --strict should turn into a failed build.
BUILD = [sys.executable, "-m", "mkdocs", "build", "--strict"]


def _build(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*BUILD, "--site-dir", str(out)], cwd=root, env=env,
                          capture_output=True, text=True)  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    built = _build(ROOT, out)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    return out


def test_the_build_fails_on_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    (tmp_path / "docs" / "index.md").write_text("[gone](no-such-page.md)\n", encoding="utf-8")
    built = _build(tmp_path, tmp_path / "site")
    assert built.returncode != 0
    assert "no-such-page.md" in built.stderr


def page(site: Path, edition_id: str) -> bs4.BeautifulSoup:
    text = (site / "model" / edition_id / "index.html").read_text(encoding="utf-8")
    return bs4.BeautifulSoup(text, "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def units(element: bs4.Tag) -> list[Unit]:
    """The paragraphs and list items inside ``element``, source notes left out."""
    found = []
    for tag in element.find_all(["p", "li"]):
        if tag.find_parent("blockquote"):
            continue
        found.append(("item" if tag.name == "li" else "paragraph", words(tag.get_text())))
    return found


def data_units(texts: tuple[str, ...], list_items: tuple[int, ...]) -> list[Unit]:
    return [("item" if i in list_items else "paragraph", words(t)) for i, t in enumerate(texts)]


def row_grid(soup: bs4.BeautifulSoup, row_id: str) -> bs4.Tag:
    heading = next(h for h in soup.find_all("h3") if words(h.get_text()).startswith(f"{row_id} "))
    grid = heading.find_next_sibling("div", class_="ci-grid")
    assert grid is not None, f"row {row_id} has no grid"
    return grid


def everything(edition: Edition) -> list[Unit]:
    """Every run of the edition's text that a model page shows, as units."""
    found: list[Unit] = []
    for theme in edition.themes:
        if theme.change is not None:
            for part in ("summary", "context"):
                found += data_units(
                    getattr(theme.change, part), getattr(theme.change, f"{part}_list_items")
                )
        for row in theme.rows:
            for cell in row.cells:
                found += data_units(cell.statements, cell.list_items)
            if row.change is not None:
                for name in ("purpose", "core_elements", "reason"):
                    found += data_units(
                        getattr(row.change, name), getattr(row.change, f"{name}_list_items")
                    )
    for section in edition.guidance:
        found += data_units(section.statements, section.list_items)
    for term in edition.glossary:
        found += data_units(term.definition, term.list_items)
    return found


@pytest.mark.parametrize("edition_id", [info.id for info in list_editions()])
def test_every_cell_is_verbatim_in_its_column(site: Path, edition_id: str) -> None:
    edition = load_edition(edition_id)
    soup = page(site, edition_id)
    for row in edition.rows:
        columns = row_grid(soup, row.id).find_all("div", class_="ci-column", recursive=False)
        assert len(columns) == 4, row.id
        for cell, column in zip(row.cells, columns, strict=True):
            assert units(column) == data_units(cell.statements, cell.list_items), (
                f"row {row.id} column {cell.column}"
            )


@pytest.mark.parametrize("edition_id", [info.id for info in list_editions()])
def test_every_statement_is_on_the_page_as_often_as_in_the_data(
    site: Path, edition_id: str
) -> None:
    edition = load_edition(edition_id)
    article = page(site, edition_id).find("article")
    shown = Counter(units(article))
    wanted = Counter(everything(edition))
    missing = wanted - shown
    assert not missing, list(missing)[:5]


@pytest.mark.parametrize("edition_id", [info.id for info in list_editions()])
def test_no_page_shows_a_backslash_escape(site: Path, edition_id: str) -> None:
    soup = page(site, edition_id)
    # The model text has no backslash, so any on the page (article or contents list)
    # is an escape that Markdown did not consume.
    assert "\\" not in soup.get_text()
    assert "learners <25 with EHCP" in soup.get_text() or edition_id != "colleges"


def test_the_schemas_and_their_examples_are_published(site: Path) -> None:
    for name in ("edition-2.json", "review-1.json", "crosswalk-1.json"):
        assert (site / "schema" / name).is_file()
    for name in ("edition.json", "review.json", "crosswalk.json"):
        assert (site / "schema" / "examples" / name).is_file()


def test_the_navigation_lists_every_bundled_edition(site: Path) -> None:
    from careers_impact import list_editions

    home = bs4.BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = {a.get("href") for a in home.find_all("a")}
    for info in list_editions():
        assert f"model/{info.id}/" in links, info.id
