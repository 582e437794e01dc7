"""Transcribe the published sources in ``../shared/sources/`` into the package's edition files.

Run once per new source text, from the repository root::

    python tools/import_sources.py [--sources ../shared/sources] [--check]

The committed files in ``src/careers_impact/data/`` are the source of truth afterwards;
this script is kept so that the transcription can be redone and reviewed. It never
mends text: damage it knows of is recorded as source notes beside the text, and it
stops with an error when a source line is not what it expects, rather than guess.
``--check`` rebuilds in memory and reports whether the committed files differ.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careers_impact.model.edition import (  # noqa: E402  (the path is set just above)
    Benchmark,
    BenchmarkTitle,
    Cell,
    ColumnDefinition,
    Edition,
    GlossaryTerm,
    GuidanceSection,
    Row,
    RowChange,
    SourceNote,
    Theme,
    ThemeChange,
)

SCHOOLS = "000_98358aec8a90517b.txt"
COLLEGES = "001_2c54fa71708f4479.txt"
DATA = ROOT / "src" / "careers_impact" / "data"
PUBLISHER = "The Careers & Enterprise Company"

# The sources' README gives the paragraph counts per column for the two schools rows
# whose table layout was lost.
PLAIN_ROW_COUNTS = {"5.3": (2, 2, 3, 3), "6.3": (2, 3, 2, 3)}

# The Gatsby Benchmarks' titles by revision of the framework, with the public source
# of each. The 2025 refresh (published November 2024, followed from September 2025)
# retitled Benchmark 3 only; other wordings in circulation are aliases.
GCG_2014 = (
    "Gatsby Charitable Foundation, Good Career Guidance (2014), "
    "https://www.gatsby.org.uk/education/focus-areas/good-career-guidance"
)
GCG_2025 = (
    "Gatsby Charitable Foundation, Good Career Guidance: The Next 10 Years (November "
    "2024; schools and colleges work to it from September 2025), "
    "https://www.gatsbybenchmarks.org.uk/updated-benchmarks/"
)
_TITLES_2014 = (
    "A stable careers programme",
    "Learning from career and labour market information",
    "Addressing the needs of each pupil",
    "Linking curriculum learning to careers",
    "Encounters with employers and employees",
    "Experiences of workplaces",
    "Encounters with further and higher education",
    "Personal guidance",
)
_TITLES_2025 = {3: "Addressing the needs of each young person"}
_ALIASES = {
    # Gatsby's own list in "Gatsby Benchmarks: the key changes every college needs to
    # know" (Association of Colleges, 14 January 2025) writes "careers" here.
    2: ("Learning from careers and labour market information",),
}
BENCHMARKS = tuple(
    Benchmark(
        number=number,
        title=_TITLES_2025.get(number, old),
        titles=(
            BenchmarkTitle(revision="2025", title=_TITLES_2025.get(number, old), source=GCG_2025),
            BenchmarkTitle(revision="2014", title=old, source=GCG_2014),
        ),
        # Earlier revisions' wordings stay findable as aliases beside the others.
        aliases=(*((old,) if number in _TITLES_2025 else ()), *_ALIASES.get(number, ())),
    )
    for number, old in enumerate(_TITLES_2014, start=1)
)


class SourceError(Exception):
    """The source is not shaped the way this importer expects."""


def fail(where: str, what: str) -> SourceError:
    return SourceError(f"{where}: {what}")


# ---------------------------------------------------------------- text helpers


def strip_tags(text: str) -> str:
    return html.unescape(re.sub(r"</?[A-Za-z][^>]*>", " ", text))


def squash(text: str) -> str:
    """Collapse runs of white space to one space (for titles and headings only)."""
    return re.sub(r"\s+", " ", text).strip()


Statements = tuple[tuple[str, ...], tuple[int, ...]]


def statements_from_html(cell: str) -> Statements:
    """Paragraphs and list items of a cell, in order, bullet glyphs dropped, and the
    indices of the list items (the ``<li>`` elements).

    A double space inside a paragraph joins two paragraphs in the source, so it
    separates statements too. White space inside a statement is kept as it is.
    """
    out: list[str] = []
    items: list[int] = []
    in_item = False
    for block in re.split(r"(</?(?:p|li|ul)\b[^>]*>)", cell):
        tag = re.match(r"<(/?)(p|li|ul)\b", block)
        if tag:
            if tag[2] == "li":
                in_item = not tag[1]
            continue
        text = html.unescape(re.sub(r"</?[A-Za-z][^>]*>", "", block)).strip()
        text = re.sub(r"^[•\-]\s+", "", text)
        for part in re.split(r" {2,}", text):
            if part.strip():
                if in_item:
                    items.append(len(out))
                out.append(part.strip())
    return tuple(out), tuple(items)


def statements_from_plain(cell: str) -> Statements:
    """A plain-text cell: its text before the first bullet (a paragraph), then each
    bullet item (a list item)."""
    first, *bullets = (part.strip() for part in cell.split("•"))
    out = ([first] if first else []) + [item for item in bullets if item]
    return tuple(out), tuple(range(1 if first else 0, len(out)))


def benchmark_numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d", text))


THEME_HEADING = re.compile(r"^#+\s*(?P<title>.+?)\s*\((?P<bm>Benchmarks? [^)]*)\)\s*$")
ROW_TITLE = re.compile(r"^(?P<id>\d\.\d+)\s+(?P<title>.+)$")


# ---------------------------------------------------------------- schools-2026


def guidance_sections(lines: list[str]) -> tuple[list[GuidanceSection], list[ColumnDefinition]]:
    start = lines.index("## Purpose and intent")
    end = next(i for i in range(start, len(lines)) if THEME_HEADING.match(lines[i]))
    sections: list[GuidanceSection] = []
    columns: list[ColumnDefinition] = []
    heading: str | None = None
    body: list[str] = []
    items: list[int] = []

    def close() -> None:
        if heading is not None:
            sections.append(
                GuidanceSection(heading=heading, statements=tuple(body), list_items=tuple(items))
            )

    for number, line in enumerate(lines[start:end], start=start + 1):
        text = line.strip()
        if not text or text == "---":
            continue
        if text.startswith("#"):
            close()
            heading, body, items = text.lstrip("#").strip(), [], []
            continue
        if "\t" in text:
            label, focus = (strip_tags(part).strip() for part in text.split("\t"))
            if label == "Column focus":
                continue
            match = re.fullmatch(r"Column ([1-4])", label)
            if not match:
                raise fail(f"{SCHOOLS}:{number}", f"unexpected table line {text!r}")
            columns.append(ColumnDefinition(level=int(match[1]), label=label, focus=focus))
            continue
        if text.startswith("- "):
            items.append(len(body))
            text = text[2:]
        text = text.replace("**", "")
        text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text)
        body.append(text)
    close()
    return sections, columns


def schools_grid(lines: list[str]) -> list[dict[str, Any]]:
    """Themes with their rows, from the first theme heading to the appendix."""
    start = next(i for i, line in enumerate(lines) if THEME_HEADING.match(line))
    end = lines.index("# Appendix 1")
    themes: list[dict[str, Any]] = []
    i = start
    while i < end:
        line = lines[i].strip()
        where = f"{SCHOOLS}:{i + 1}"
        heading = THEME_HEADING.match(line)
        if heading:
            title = heading["title"]
            if not themes or themes[-1]["title"] != title:
                themes.append(
                    {
                        "number": len(themes) + 1,
                        "title": title,
                        "benchmarks": benchmark_numbers(heading["bm"]),
                        "rows": [],
                    }
                )
            i += 1
            continue
        plain = re.match(r"^## (\d\.\d+) (.+)$", line)
        if plain:
            row_id, title = plain[1], plain[2]
            paragraphs, i = collect_plain_paragraphs(lines, i + 1, end)
            counts = PLAIN_ROW_COUNTS.get(row_id)
            if counts is None or sum(counts) != len(paragraphs):
                raise fail(
                    where, f"row {row_id} has {len(paragraphs)} paragraphs, expected {counts}"
                )
            cells, at = [], 0
            for column, count in enumerate(counts, start=1):
                cells.append(Cell(column=column, statements=tuple(paragraphs[at : at + count])))
                at += count
            note = SourceNote(
                kind="layout",
                field="cells",
                detail=(
                    "The source lost this row's table layout: its paragraphs follow one "
                    "another, and are placed in columns 1 to 4 by the counts "
                    f"{' + '.join(map(str, counts))} that the sources' README gives."
                ),
            )
            themes[-1]["rows"].append(
                Row(id=row_id, title=title, cells=tuple(cells), source_notes=(note,))
            )
            continue
        if "\t" in line:
            fields = line.split("\t")
            if len(fields) != 5:
                raise fail(where, f"a grid row has {len(fields)} tab-separated fields, not 5")
            match = ROW_TITLE.match(squash(strip_tags(fields[0])))
            if not match:
                raise fail(where, f"no row id at the start of {fields[0]!r}")
            cells = tuple(
                cell_from(column, *statements_from_html(cell))
                for column, cell in enumerate(fields[1:], start=1)
            )
            themes[-1]["rows"].append(Row(id=match["id"], title=match["title"], cells=cells))
        elif line and not (line.startswith("## Theme ") or line == "Continues on next page"):
            raise fail(where, f"unexpected line in the grid: {line[:60]!r}")
        i += 1
    return themes


def cell_from(
    column: int, statements: tuple[str, ...], list_items: tuple[int, ...], **more: Any
) -> Cell:
    return Cell(column=column, statements=statements, list_items=list_items, **more)


def collect_plain_paragraphs(lines: list[str], i: int, end: int) -> tuple[list[str], int]:
    paragraphs = []
    while i < end and not lines[i].startswith("#"):
        if lines[i].strip():
            paragraphs.append(lines[i].strip())
        i += 1
    return paragraphs, i


def schools_change_log(
    lines: list[str], titles: dict[str, int]
) -> tuple[str, dict[int, ThemeChange], dict[str, RowChange]]:
    start = lines.index("# Appendix 1")
    log_title = lines[start + 2].lstrip("#").strip()
    if not log_title.startswith("Change Log"):
        raise fail(f"{SCHOOLS}:{start + 3}", f"expected the change log title, found {log_title!r}")
    theme_changes: dict[int, ThemeChange] = {}
    row_changes: dict[str, RowChange] = {}
    theme: int | None = None
    part: str | None = None
    texts: dict[str, list[str]] = {}

    def close() -> None:
        if theme is not None and texts and theme not in theme_changes:
            theme_changes[theme] = ThemeChange(
                summary=tuple(texts.get("summary", ())), context=tuple(texts.get("context", ()))
            )

    for number, raw in enumerate(lines[start + 3 :], start=start + 4):
        line = raw.strip()
        where = f"{SCHOOLS}:{number}"
        heading = THEME_HEADING.match(line)
        if heading:
            found = titles.get(heading["title"])
            if found is None:
                raise fail(where, f"change-log heading names no grid theme: {heading['title']!r}")
            if found != theme:
                close()
                theme, part, texts = found, None, {}
            continue
        if line in ("### Summary", "## Summary"):
            part = "summary"
            continue
        if line in ("### Context", "## Context"):
            part = "context"
            continue
        if line.startswith("Row\tPurpose of the row"):
            part = None
            continue
        if "\t" in line:
            fields = line.split("\t")
            if len(fields) != 4:
                raise fail(where, f"a change-log row has {len(fields)} fields, not 4")
            match = ROW_TITLE.match(squash(strip_tags(fields[0])))
            if not match:
                raise fail(where, f"no row id at the start of {fields[0]!r}")
            parts = {
                name: statements_from_html(field)
                for name, field in zip(
                    ("purpose", "core_elements", "reason"), fields[1:], strict=True
                )
            }
            row_changes[match["id"]] = RowChange(
                row=match["id"],
                title=match["title"],
                **{name: texts for name, (texts, _) in parts.items()},
                **{f"{name}_list_items": items for name, (_, items) in parts.items()},
            )
            continue
        if line.startswith("# THE CAREERS & ENTERPRISE COMPANY"):
            break
        if line.startswith("#"):
            # A page heading ("## Theme 6") repeated where the source breaks a page is
            # furniture, never a paragraph of the summary or context it interrupts.
            continue
        if part is not None and line:
            texts.setdefault(part, []).append(line)
    close()
    return log_title, theme_changes, row_changes


def build_schools(source: Path) -> Edition:
    lines = source.read_text(encoding="utf-8").splitlines()
    guidance, columns = guidance_sections(lines)
    grid = schools_grid(lines)
    titles = {theme["title"]: theme["number"] for theme in grid}
    log_title, theme_changes, row_changes = schools_change_log(lines, titles)
    themes = []
    for theme in grid:
        rows = tuple(
            row.model_copy(update={"change": row_changes.pop(row.id, None)})
            for row in theme["rows"]
        )
        themes.append(
            Theme(
                number=theme["number"],
                title=theme["title"],
                benchmarks=theme["benchmarks"],
                rows=rows,
                change=theme_changes.get(theme["number"]),
            )
        )
    if row_changes:
        raise fail(SCHOOLS, f"change-log rows with no grid row: {sorted(row_changes)}")
    return Edition(
        id="schools-2026",
        title=squash(
            lines[
                lines.index("# Careers Impact Maturity Model: Schools and Specialist Settings")
            ].lstrip("#")
        ),
        setting="Schools and Specialist Settings",
        publisher=PUBLISHER,
        effective="2026-09",
        benchmark_revision="2025",
        source=(
            "Careers Impact Maturity Model: Schools and Specialist Settings. A guide for "
            "reflection, dialogue and development, with Appendix 1: Change Log (changes to "
            "appear in tool September 2026)"
        ),
        columns=tuple(columns),
        themes=tuple(themes),
        change_log_title=log_title,
        guidance=tuple(guidance),
    )


# ---------------------------------------------------------------- colleges


def note(kind: str, field: str, detail: str, reading: str | None = None) -> SourceNote:
    return SourceNote.model_validate(
        {"kind": kind, "field": field, "detail": detail, "reading": reading}
    )


# Damage known from the sources' README and from reading the text, keyed by
# (row, column); column 0 is the row title. Each entry names the text it expects to
# find there, so that a different source text stops the import instead of mislabelling.
COLLEGES_DAMAGE: dict[tuple[str, int], tuple[str, SourceNote]] = {
    ("2.1", 2): (
        "make aspirational and informed.",
        note(
            "garbled",
            "statements",
            "The bullet points of this cell lost their glyphs and run on as sentences, "
            "and 'make aspirational and informed.' appears to have lost a word (column 1 "
            "of this row has 'make aspirational and informed decisions.').",
        ),
    ),
    ("2.6", 1): (
        "Stakeholder voice is collected to and analysed",
        note(
            "garbled",
            "statements",
            "The statement is garbled in the source ('collected to and analysed', "
            "'strategically reporting') and stops mid-sentence after 'continuous leadership'.",
        ),
    ),
    ("2.6", 2): ("", note("missing", "statements", "Column 2 of row 2.6 is empty in the source.")),
    ("4.4", 0): (
        "Establis a share definition",
        note(
            "garbled",
            "title",
            "The title is cut at the right edge of its column in the source, leaving "
            "broken words; no reading is certain enough to record.",
        ),
    ),
    ("4.4", 1): (
        "the organisation. There is a published",
        note(
            "cut",
            "statements",
            "The cell starts mid-sentence ('the organisation.') and stops mid-sentence "
            "('differentiated by curriculum or'); the rest is missing from the source.",
        ),
    ),
    ("4.5", 0): (
        "Staff CF support star",
        note(
            "garbled",
            "title",
            "The title is cut at the right edge of its column in the source, leaving "
            "broken words; no reading is certain enough to record.",
        ),
    ),
    ("4.6", 0): (
        "Learr Skills Developm",
        note(
            "cut",
            "title",
            "The title is cut at the right edge of its column in the source.",
            reading="Learner Skills Development",
        ),
    ),
    ("4.6", 1): (
        "essential skills in the organisation",
        note(
            "cut",
            "statements",
            "Only the end of the statement survives in the source; the rest is missing.",
        ),
    ),
    ("6.1", 1): ("", note("missing", "statements", "Column 1 of row 6.1 is empty in the source.")),
}

COLLEGES_THEMES = {
    # number: (tagline, title, benchmarks, notes)
    1: (
        "Sustainable, Strategic and Embedded",
        "Ca reers Leadership, Vision and Intent,",
        (),
        (
            note(
                "garbled",
                "title",
                "The Theme 1 banner is broken across table cells ('Ca' | 'reers Leadership, "
                "Vision and Intent,'), joined here with one space, and stops after "
                "'Intent,'; the rest of the title is missing from the source.",
                reading="Careers Leadership, Vision and Intent,",
            ),
            note(
                "missing",
                "benchmarks",
                "The damaged Theme 1 banner names no Gatsby Benchmark; none is invented.",
            ),
        ),
    ),
    2: (
        "Learner centred, Evidence inform",
        None,
        None,
        (
            note(
                "cut",
                "tagline",
                "The Theme 2 banner's tagline is cut at the edge of its cell.",
                reading="Learner centred, Evidence informed",
            ),
        ),
    ),
}


def colleges_rows(lines: list[str]) -> Iterator[tuple[int, list[str], bool]]:
    """(line number, [title field, four cell fields], joined?) for every grid row."""
    previous: tuple[int, list[str], bool] | None = None
    for number, line in enumerate(lines, start=1):
        if line.startswith("Glossary of Key Terms"):
            break
        fields = line.split("\t")
        if ROW_TITLE.match(fields[0]):
            if previous:
                yield previous
            if any(f.strip() for f in fields[5:]):
                raise fail(f"{COLLEGES}:{number}", "a row has more than four cells")
            previous = (number, (fields + [""] * 5)[:5], False)
        elif fields[0].startswith("(applicable") and previous:
            # Row 3.4 runs on over a second source line: join title and cells.
            more = (fields + [""] * 5)[:5]
            joined = [
                f"{a.strip()} {b.strip()}".strip() for a, b in zip(previous[1], more, strict=True)
            ]
            previous = (previous[0], joined, True)
    if previous:
        yield previous


def colleges_theme_banners(lines: list[str]) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Theme title and benchmarks from each banner that names them, keyed by the theme
    of the first row after it."""
    banners: dict[int, tuple[str, tuple[int, ...]]] = {}
    pending: tuple[str, tuple[int, ...]] | None = None
    for line in lines:
        row = ROW_TITLE.match(line.split("\t")[0])
        if row and pending:
            banners[int(row["id"].split(".")[0])] = pending
            pending = None
            continue
        text = " ".join(part.strip() for part in line.split("\t") if part.strip())
        match = re.match(r"^(?:Theme \d:\s*)?(.+?):?\s*\((Benchmarks? [^)]*)\)$", text)
        if match:
            pending = (match[1], benchmark_numbers(match[2]))
    return banners


def build_colleges(source: Path) -> Edition:
    lines = source.read_text(encoding="utf-8").splitlines()
    banners = colleges_theme_banners(lines)
    rows_by_theme: dict[int, list[Row]] = {}
    damage = dict(COLLEGES_DAMAGE)
    for number, fields, joined in colleges_rows(lines):
        match = ROW_TITLE.match(fields[0])
        if not match:
            raise fail(f"{COLLEGES}:{number}", f"no row id at the start of {fields[0]!r}")
        row_id = match["id"]
        cells = []
        for column, text in enumerate(fields[1:], start=1):
            notes: list[SourceNote] = []
            expected = damage.pop((row_id, column), None)
            if expected is not None:
                if expected[0] not in text or (not expected[0] and text.strip()):
                    raise fail(f"{COLLEGES}:{number}", f"row {row_id} column {column} changed")
                notes.append(expected[1])
            if joined:
                notes.append(JOINED_CELL)
            cells.append(cell_from(column, *statements_from_plain(text), source_notes=tuple(notes)))
        row_notes: list[SourceNote] = []
        expected = damage.pop((row_id, 0), None)
        if expected is not None:
            if expected[0] not in match["title"]:
                raise fail(f"{COLLEGES}:{number}", f"row {row_id} title changed")
            row_notes.append(expected[1])
        if joined:
            row_notes.append(JOINED_TITLE)
        row = Row(
            id=row_id,
            title=match["title"].strip(),
            cells=tuple(cells),
            source_notes=tuple(row_notes),
        )
        rows_by_theme.setdefault(row.theme, []).append(row)
    if damage:
        raise fail(COLLEGES, f"known damage not found: {sorted(damage)}")
    themes = []
    for number, rows in sorted(rows_by_theme.items()):
        tagline, title, benchmarks, notes = COLLEGES_THEMES.get(number, (None, None, None, ()))
        if number in banners:
            title, benchmarks = banners[number]
        if title is None or benchmarks is None:
            raise fail(COLLEGES, f"no banner found for theme {number}")
        themes.append(
            Theme(
                number=number,
                title=title,
                tagline=tagline,
                benchmarks=benchmarks,
                rows=tuple(rows),
                source_notes=notes,
            )
        )
    return Edition(
        id="colleges",
        title="Careers Impact System Maturity Model: Colleges",
        setting="Colleges",
        publisher=PUBLISHER,
        effective=None,
        benchmark_revision="2025",
        source=(
            "The Colleges grid of the Careers Impact System Maturity Model, with its "
            "Glossary of Key Terms"
        ),
        columns=tuple(ColumnDefinition(level=n, label=f"Column {n}") for n in (1, 2, 3, 4)),
        themes=tuple(themes),
        glossary=colleges_glossary(lines),
        source_notes=(
            note("missing", "effective", "The source states no edition date; none is invented."),
            note(
                "missing",
                "columns",
                "The colleges grid prints no column headings or focus texts.",
            ),
        ),
    )


JOINED_CELL = note(
    "joined",
    "statements",
    "The row runs on over a second source line; this cell's two parts are joined here "
    "with one space.",
)
JOINED_TITLE = note(
    "joined",
    "title",
    "The row runs on over a second source line; the title's two parts are joined here "
    "with one space.",
)

GLOSSARY_DAMAGE = {
    "Strategic careers plan": note(
        "cut",
        "definition",
        "The definition stops after 'includes:'; the list that followed is missing from "
        "the source.",
    ),
    "RONI": note(
        "garbled",
        "definition",
        "The list of risk factors after 'have/are:' lost its line breaks in the source, so "
        "its items run together as one sentence.",
    ),
}


def colleges_glossary(lines: list[str]) -> tuple[GlossaryTerm, ...]:
    start = next(i for i, line in enumerate(lines) if line.startswith("Glossary of Key Terms"))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("About The Careers"))
    entries = []
    for line in lines[start + 1 : end]:
        if not line.strip():
            continue
        term, definition = line.split("\t")
        entries.append(
            (
                term.strip(),
                statements_from_plain(html.unescape(re.sub(r"</?[A-Za-z][^>]*>", "", definition))),
            )
        )
    names = [term for term, _ in entries]
    terms = []
    for term, (definition, items) in entries:
        notes = []
        if names.count(term) > 1:
            notes.append(
                note(
                    "duplicate",
                    "term",
                    f"The glossary defines '{term}' {names.count(term)} times, in different "
                    "wordings; each is kept.",
                )
            )
        if term in GLOSSARY_DAMAGE:
            notes.append(GLOSSARY_DAMAGE[term])
        terms.append(
            GlossaryTerm(
                term=term, definition=definition, list_items=items, source_notes=tuple(notes)
            )
        )
    return tuple(terms)


# ---------------------------------------------------------------- output


def dump(model: Any) -> str:
    return json.dumps(model, ensure_ascii=False, indent=2) + "\n"


def with_records(edition: Edition) -> Edition:
    """The edition with the release records (published hash, errata) of its committed
    file; a new edition is stamped with its content hash as published.

    The records are release history, not transcription: a transcription whose content
    differs from the newest record stops here, until the change is recorded as an
    erratum, a correction or a format change in the data file.
    """
    path = DATA / f"{edition.id}.json"
    if not path.exists():
        return edition.model_copy(update={"published_hash": edition.content_hash()})
    recorded = json.loads(path.read_text(encoding="utf-8"))
    edition = Edition.model_validate(
        {
            **edition.model_dump(mode="json"),
            "published_hash": recorded["published_hash"],
            "errata": recorded.get("errata", []),
        }
    )
    if edition.content_hash() != edition.expected_hash():
        raise fail(
            path.name,
            f"the transcription's content hash {edition.content_hash()} is not the recorded "
            f"{edition.expected_hash()}: record the change in the file's errata first",
        )
    return edition


def outputs(sources: Path) -> dict[str, str]:
    editions = [build_colleges(sources / COLLEGES), build_schools(sources / SCHOOLS)]
    editions = [with_records(e) for e in editions]
    files = {
        f"{e.id}.json": dump(e.model_dump(mode="json", exclude_defaults=False)) for e in editions
    }
    files["editions.json"] = dump(
        [
            {"id": e.id, "title": e.title, "setting": e.setting, "effective": e.effective}
            for e in editions
        ]
    )
    files["benchmarks.json"] = dump([b.model_dump(mode="json") for b in BENCHMARKS])
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=ROOT.parent / "shared" / "sources")
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    args = parser.parse_args(argv)
    try:
        files = outputs(args.sources)
    except SourceError as error:
        print(f"import_sources: {error}", file=sys.stderr)
        return 2
    differ = []
    for name, text in files.items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                differ.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if differ:
        print(f"differ from the sources' transcription: {', '.join(differ)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
