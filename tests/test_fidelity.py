"""The bundled editions say exactly what the published sources say, both ways.

These tests read ``../shared/sources`` with a parser of their own (the standard
library's ``HTMLParser``), sharing no code with ``tools/import_sources.py``. Each
source is cut into *units*: a paragraph or a list item, with its place (row and
column, change-log field, theme summary or context, guidance section, glossary term).
The data is cut the same way, and the two must be equal place by place and in order:
so every source paragraph is in the data once, in its place, as a paragraph or a list
item as the source has it, and every piece of data comes from one source paragraph.
A stray heading, a duplicate, a lost paragraph or a paragraph in the wrong cell fails.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from careers_impact import Edition, load_edition

SCHOOLS = "000_98358aec8a90517b.txt"
COLLEGES = "001_2c54fa71708f4479.txt"

#: A unit of text: ("paragraph" or "item", the text).
Unit = tuple[str, str]
#: Units by place, e.g. ("cell", "2.1", 1) or ("theme", 6, "context").
Places = dict[tuple[object, ...], list[Unit]]


class _Cell(HTMLParser):
    """Paragraphs and list items of one source cell of light HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units: list[Unit] = []
        self.depth_li = 0
        self.text = ""

    def flush(self) -> None:
        kind = "item" if self.depth_li else "paragraph"
        text = self.text.strip()
        if self.depth_li:
            text = text.removeprefix("•").strip()
        # Two paragraphs run together with a double space in some cells.
        self.units += [(kind, part.strip()) for part in text.split("  ") if part.strip()]
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"p", "li", "ul"}:
            self.flush()
        self.depth_li += tag == "li"

    def handle_endtag(self, tag: str) -> None:
        if tag in {"p", "li", "ul"}:
            self.flush()
        self.depth_li -= tag == "li"

    def handle_data(self, data: str) -> None:
        self.text += data


def html_units(cell: str) -> list[Unit]:
    parser = _Cell()
    parser.feed(cell)
    parser.close()
    parser.flush()
    return parser.units


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).strip()


def data_units(texts: Iterable[str], list_items: Iterable[int]) -> list[Unit]:
    items = set(list_items)
    return [("item" if i in items else "paragraph", t) for i, t in enumerate(texts)]


def compare(source: Places, data: Places) -> list[str]:
    """Every place where source and data differ, with the first differing unit."""
    problems = []
    for place in sorted(set(source) | set(data), key=repr):
        mine, theirs = data.get(place), source.get(place)
        if mine == theirs:
            continue
        if mine is None or theirs is None:
            problems.append(f"{place}: only in the {'source' if mine is None else 'data'}")
            continue
        at = next(
            (i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b),
            min(len(mine), len(theirs)),
        )
        problems.append(
            f"{place}: unit {at}: data {mine[at] if at < len(mine) else None!r} "
            f"!= source {theirs[at] if at < len(theirs) else None!r}"
        )
    return problems


# ------------------------------------------------------------------ schools-2026

THEME_HEADING = re.compile(r"^#+ (?P<title>.+) \(Benchmarks? [^)]*\)$")
# The sources' README gives the paragraphs per column of the two rows that lost their
# table layout.
PLAIN_COUNTS = {"5.3": (2, 2, 3, 3), "6.3": (2, 3, 2, 3)}


@pytest.fixture(scope="module")
def schools_lines(sources: Path) -> list[str]:
    return (sources / SCHOOLS).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def schools() -> Edition:
    return load_edition("schools-2026")


def grid_lines(lines: list[str]) -> list[str]:
    first = next(i for i, line in enumerate(lines) if THEME_HEADING.match(line))
    return lines[first : lines.index("# Appendix 1")]


def row_id_and_title(field: str) -> tuple[str, str]:
    match = re.fullmatch(r"(\d\.\d+) (.+)", plain(field))
    assert match, f"no row id in {field!r}"
    return match[1], match[2]


def schools_cells(lines: list[str]) -> tuple[Places, dict[str, str]]:
    """Units of every grid cell, and every row's title, from the source."""
    places: Places = {}
    titles: dict[str, str] = {}
    grid = grid_lines(lines)
    for i, line in enumerate(grid):
        if "\t" in line:
            title, *cells = line.split("\t")
            row, titles[row_id_and_title(title)[0]] = row_id_and_title(title)
            assert len(cells) == 4, row
            for column, cell in enumerate(cells, start=1):
                places["cell", row, column] = html_units(cell)
        elif re.match(r"^## \d\.\d+ ", line):
            row, titles[row] = row_id_and_title(line.removeprefix("## "))
            paragraphs = []
            for following in grid[i + 1 :]:
                if following.startswith("#"):
                    break
                if following.strip():
                    paragraphs.append(("paragraph", following.strip()))
            at = 0
            for column, count in enumerate(PLAIN_COUNTS[row], start=1):
                places["cell", row, column] = paragraphs[at : at + count]
                at += count
            assert at == len(paragraphs), f"row {row}: the README's counts do not add up"
    return places, titles


def schools_change_log(lines: list[str]) -> tuple[Places, dict[str, str]]:
    """Units of every theme's Summary and Context and every row's change-log fields."""
    appendix = lines[lines.index("# Appendix 1") :]
    order = list(dict.fromkeys(m["title"] for m in map(THEME_HEADING.match, lines) if m))
    places: Places = {}
    titles: dict[str, str] = {}
    theme: int | None = None
    part: str | None = None
    for line in appendix:
        heading = THEME_HEADING.match(line)
        if heading:
            theme = order.index(heading["title"]) + 1
        if line.startswith(("#", "Row\t")):
            # Any heading or table header ends a Summary or Context.
            words = line.lstrip("#").strip()
            part = words.lower() if words in {"Summary", "Context"} else None
            continue
        if "\t" in line:
            title, *fields = line.split("\t")
            row, titles[row] = row_id_and_title(title)
            for name, field in zip(("purpose", "core_elements", "reason"), fields, strict=True):
                places["change", row, name] = html_units(field)
        elif part and line.strip():
            places.setdefault(("theme", theme, part), []).append(("paragraph", line.strip()))
    return places, titles


def guidance_units(lines: list[str]) -> tuple[list[tuple[str, list[Unit]]], dict[int, str]]:
    """The guidance sections (heading, units) and the columns' focus texts."""
    start = lines.index("## Purpose and intent")
    end = next(i for i, line in enumerate(lines) if THEME_HEADING.match(line))
    sections: list[tuple[str, list[Unit]]] = []
    focus: dict[int, str] = {}
    for line in lines[start:end]:
        text = line.strip()
        if not text or text == "---":
            continue
        if text.startswith("#"):
            sections.append((text.lstrip("#").strip(), []))
        elif "\t" in text:
            label, what = (plain(part) for part in text.split("\t"))
            if re.fullmatch(r"Column \d", label):
                focus[int(label[-1])] = what
        else:
            kind = "item" if text.startswith("- ") else "paragraph"
            text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text.removeprefix("- ")).replace("**", "")
            sections[-1][1].append((kind, text))
    return sections, focus


def schools_data(edition: Edition) -> Places:
    places: Places = {}
    for theme in edition.themes:
        if theme.change is not None:
            for part in ("summary", "context"):
                texts = getattr(theme.change, part)
                items = getattr(theme.change, f"{part}_list_items")
                places["theme", theme.number, part] = data_units(texts, items)
        for row in theme.rows:
            for cell in row.cells:
                places["cell", row.id, cell.column] = data_units(cell.statements, cell.list_items)
            if row.change is not None:
                for name in ("purpose", "core_elements", "reason"):
                    texts, items = (
                        getattr(row.change, name),
                        getattr(row.change, f"{name}_list_items"),
                    )
                    places["change", row.id, name] = data_units(texts, items)
    return places


def test_schools_grid_and_change_log_match_the_source_both_ways(
    schools: Edition, schools_lines: list[str]
) -> None:
    cells, _ = schools_cells(schools_lines)
    changes, _ = schools_change_log(schools_lines)
    source = {**cells, **changes}
    assert len(source) == 32 * 4 + 32 * 3 + 6 * 2
    assert compare(source, schools_data(schools)) == []


def test_schools_row_titles(schools: Edition, schools_lines: list[str]) -> None:
    _, grid = schools_cells(schools_lines)
    _, log = schools_change_log(schools_lines)
    assert {row.id: row.title for row in schools.rows} == grid
    assert {row.id: row.change.title for row in schools.rows if row.change} == log


def test_schools_guidance_and_column_focus_match_the_source_both_ways(
    schools: Edition, schools_lines: list[str]
) -> None:
    sections, focus = guidance_units(schools_lines)
    data = [(s.heading, data_units(s.statements, s.list_items)) for s in schools.guidance]
    assert data == sections
    assert {c.level: c.focus for c in schools.columns} == focus


def test_schools_theme_headings_and_benchmarks(schools: Edition, schools_lines: list[str]) -> None:
    headings = {
        line.lstrip("#").strip() for line in grid_lines(schools_lines) if THEME_HEADING.match(line)
    }
    stated = set()
    for theme in schools.themes:
        numbers = " and ".join(str(n) for n in theme.benchmarks)
        noun = "Benchmark" if len(theme.benchmarks) == 1 else "Benchmarks"
        stated.add(f"{theme.title} ({noun} {numbers})")
    assert stated == headings


@pytest.mark.parametrize("row_id", sorted(PLAIN_COUNTS))
def test_schools_rows_without_table_layout_are_flagged(schools: Edition, row_id: str) -> None:
    assert any(note.kind == "layout" for note in schools.row(row_id).source_notes)


def test_the_comparison_catches_a_stray_heading_a_duplicate_and_a_misplaced_paragraph(
    schools: Edition, schools_lines: list[str]
) -> None:
    # The test must fail on the kinds of error it exists for.
    cells, _ = schools_cells(schools_lines)
    changes, _ = schools_change_log(schools_lines)
    source = {**cells, **changes}
    good = schools_data(schools)
    stray = {
        **good,
        ("theme", 6, "context"): [*good["theme", 6, "context"], ("paragraph", "## Theme 6")],
    }
    moved = {
        **good,
        ("cell", "1.1", 1): [*good["cell", "1.1", 1], good["cell", "1.1", 2][0]],
        ("cell", "1.1", 2): good["cell", "1.1", 2][1:],
    }
    doubled = {**good, ("cell", "1.2", 1): good["cell", "1.2", 1] * 2}
    flattened = {**good, ("cell", "2.1", 1): [("paragraph", t) for _, t in good["cell", "2.1", 1]]}
    for broken in (stray, moved, doubled, flattened):
        assert compare(source, broken)


# ------------------------------------------------------------------ colleges


@pytest.fixture(scope="module")
def colleges_lines(sources: Path) -> list[str]:
    return (sources / COLLEGES).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def colleges() -> Edition:
    return load_edition("colleges")


def colleges_plain(text: str) -> str:
    # The colleges text is plain: "<25" is text, and only <u> marks a link.
    return re.sub(r"\s+", " ", re.sub(r"</?u>", "", text)).strip()


def bullet_units(text: str) -> list[Unit]:
    """A colleges cell: the text before the first bullet is a paragraph, then items."""
    first, *items = (part.strip() for part in colleges_plain(text).split("•"))
    return ([("paragraph", first)] if first else []) + [("item", i) for i in items if i]


def colleges_rows(lines: list[str]) -> Iterator[tuple[str, str, list[str]]]:
    """(row id, title, four cell texts) of every grid row; a row that runs on over a
    second source line, as 3.4 does, is joined field by field with one space."""
    glossary = next(i for i, line in enumerate(lines) if line.startswith("Glossary of Key"))
    rows: list[list[str]] = []
    for line in lines[:glossary]:
        fields = [*line.split("\t"), "", "", "", ""][:5]
        if re.match(r"^\d\.\d+ ", fields[0]):
            rows.append(fields)
        elif line.startswith("(") and rows:
            rows[-1] = [
                f"{a.strip()} {b.strip()}".strip() for a, b in zip(rows[-1], fields, strict=True)
            ]
    for title, *cells in rows:
        match = re.fullmatch(r"(\d\.\d+) (.+)", colleges_plain(title))
        assert match, title
        yield match[1], match[2], cells


DAMAGE = {"missing", "cut", "garbled"}


def test_colleges_cells_match_the_source_both_ways(
    colleges: Edition, colleges_lines: list[str]
) -> None:
    source: Places = {}
    data: Places = {}
    damaged = 0
    for row_id, _, cells in colleges_rows(colleges_lines):
        row = colleges.row(row_id)
        for cell, text in zip(row.cells, cells, strict=True):
            if any(note.kind in DAMAGE for note in cell.source_notes):
                damaged += 1
                continue
            source["cell", row_id, cell.column] = bullet_units(text)
            data["cell", row_id, cell.column] = data_units(cell.statements, cell.list_items)
    undamaged = {
        ("cell", row.id, cell.column)
        for row in colleges.rows
        for cell in row.cells
        if not any(note.kind in DAMAGE for note in cell.source_notes)
    }
    assert set(data) == undamaged
    # The README's 2.6/1, 2.6/2, 4.4/1, 4.6/1 and 6.1/1, and 2.1/2, whose bullets lost
    # their glyphs and run on as sentences.
    assert damaged == 6
    assert compare(source, data) == []


def test_colleges_titles_are_verbatim(colleges: Edition, colleges_lines: list[str]) -> None:
    assert {row.id: row.title for row in colleges.rows} == {
        row_id: title for row_id, title, _ in colleges_rows(colleges_lines)
    }


@pytest.mark.parametrize(
    ("row_id", "column", "kind"),
    [
        ("2.6", 2, "missing"),
        ("6.1", 1, "missing"),
        ("2.6", 1, "garbled"),
        ("4.4", 1, "cut"),
        ("4.6", 1, "cut"),
    ],
)
def test_colleges_damaged_cells_are_flagged(
    colleges: Edition, row_id: str, column: int, kind: str
) -> None:
    # The sources' README names these cells as empty, garbled or cut.
    kinds = {note.kind for note in colleges.row(row_id).cell(column).source_notes}
    assert kind in kinds


@pytest.mark.parametrize("row_id", ["4.4", "4.5", "4.6"])
def test_colleges_cut_titles_are_flagged(colleges: Edition, row_id: str) -> None:
    notes = colleges.row(row_id).source_notes
    assert any(note.field == "title" and note.kind in {"cut", "garbled"} for note in notes)


def test_colleges_glossary_matches_the_source_both_ways(
    colleges: Edition, colleges_lines: list[str]
) -> None:
    start = next(i for i, line in enumerate(colleges_lines) if line.startswith("Glossary of Key"))
    end = next(i for i, line in enumerate(colleges_lines) if line.startswith("About The Careers"))
    entries = [line.split("\t") for line in colleges_lines[start + 1 : end] if line.strip()]
    source = [(colleges_plain(term), bullet_units(definition)) for term, definition in entries]
    data = [(t.term, data_units(t.definition, t.list_items)) for t in colleges.glossary]
    assert data == source
    # "17 terms; 'Essential skills' appears twice in two wordings".
    assert len({term.term for term in colleges.glossary}) == 17
    strategic = next(t for t in colleges.glossary if t.term == "Strategic careers plan")
    assert any(note.kind == "cut" for note in strategic.source_notes)


def test_colleges_theme_banners(colleges: Edition, colleges_lines: list[str]) -> None:
    text = colleges_plain(" ".join(colleges_lines))
    for theme in colleges.themes:
        assert theme.title in text or any(n.field == "title" for n in theme.source_notes)
        if theme.benchmarks:
            noun = "Benchmark" if len(theme.benchmarks) == 1 else "Benchmarks"
            numbers = " and ".join(str(n) for n in theme.benchmarks)
            assert re.search(rf"{re.escape(theme.title)}:? \({noun} {numbers}\)", text), theme
        else:
            assert any(n.field == "benchmarks" for n in theme.source_notes)
