"""The bundled editions say exactly what the published sources say.

These tests read ``../shared/sources`` with their own few lines of parsing, sharing no
code with ``tools/import_sources.py``: every statement must occur verbatim in its
source row (after HTML unescaping and white-space normalisation), in order, and every
paragraph of a source row must be in the data.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from careers_impact import Edition, Row, load_edition

SCHOOLS = "000_98358aec8a90517b.txt"
COLLEGES = "001_2c54fa71708f4479.txt"


def norm(text: str) -> str:
    text = html.unescape(re.sub(r"</?[A-Za-z][^>]*>", " ", text))
    text = text.replace("**", "").replace("•", " ")
    return re.sub(r"\s+", " ", text).strip()


def pieces(text: str) -> list[str]:
    """The paragraphs of a source cell or row: split at tags, tabs, bullets, double spaces."""
    parts = re.split(r"</?(?:p|li|ul)\b[^>]*>|\t|•| {2,}", text)
    return [norm(part) for part in parts if norm(part)]


def assert_in_order(statements: list[str], haystack: str, where: str) -> None:
    at = 0
    for statement in statements:
        found = haystack.find(norm(statement), at)
        assert found >= 0, f"{where}: not verbatim in the source, or out of order: {statement!r}"
        at = found + len(norm(statement))


def row_statements(row: Row) -> list[str]:
    return [s for cell in row.cells for s in cell.statements]


# ------------------------------------------------------------------ schools-2026


@pytest.fixture(scope="module")
def schools_lines(sources: Path) -> list[str]:
    return (sources / SCHOOLS).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def schools() -> Edition:
    return load_edition("schools-2026")


def grid_part(lines: list[str]) -> list[str]:
    return lines[: lines.index("# Appendix 1")]


def schools_row_source(lines: list[str], row_id: str) -> list[str]:
    """The source text of a grid row: one tabbed line, or a heading and its paragraphs."""
    grid = grid_part(lines)
    for i, line in enumerate(grid):
        if line.startswith(f"## {row_id} "):
            block = [line.removeprefix("## ")]
            for following in grid[i + 1 :]:
                if following.startswith("#"):
                    break
                if following.strip():
                    block.append(following)
            return block
        if "\t" in line and norm(line.split("\t")[0]).startswith(f"{row_id} "):
            return [line]
    raise AssertionError(f"row {row_id} not found in the source grid")


def test_schools_every_statement_is_verbatim_and_in_order(
    schools: Edition, schools_lines: list[str]
) -> None:
    for row in schools.rows:
        source = norm(" \t ".join(schools_row_source(schools_lines, row.id)))
        assert source.startswith(f"{row.id} {row.title}"), f"row {row.id} title"
        assert_in_order(row_statements(row), source, f"row {row.id}")


def test_schools_no_source_paragraph_is_missing(schools: Edition, schools_lines: list[str]) -> None:
    for row in schools.rows:
        block = schools_row_source(schools_lines, row.id)
        if len(block) == 1:
            paragraphs = pieces(block[0].split("\t", 1)[1])
        else:
            paragraphs = [norm(line) for line in block[1:]]
        data = " ".join(norm(s) for s in row_statements(row))
        for paragraph in paragraphs:
            assert paragraph in data, f"row {row.id}: source paragraph missing: {paragraph!r}"


@pytest.mark.parametrize(("row_id", "counts"), [("5.3", (2, 2, 3, 3)), ("6.3", (2, 3, 2, 3))])
def test_schools_rows_without_table_layout_follow_the_readme_counts(
    schools: Edition, schools_lines: list[str], row_id: str, counts: tuple[int, ...]
) -> None:
    # The sources' README gives these paragraph counts per column.
    row = schools.row(row_id)
    assert tuple(len(cell.statements) for cell in row.cells) == counts
    paragraphs = [norm(line) for line in schools_row_source(schools_lines, row_id)[1:]]
    assert [norm(s) for s in row_statements(row)] == paragraphs
    assert any(note.kind == "layout" for note in row.source_notes)


def change_log_line(lines: list[str], row_id: str) -> str:
    appendix = lines[lines.index("# Appendix 1") :]
    for line in appendix:
        if "\t" in line and norm(line.split("\t")[0]).startswith(f"{row_id} "):
            return line
    raise AssertionError(f"row {row_id} not in the change log")


def test_schools_change_log_rows_are_verbatim_and_complete(
    schools: Edition, schools_lines: list[str]
) -> None:
    for row in schools.rows:
        assert row.change is not None, f"row {row.id} has no change-log entry"
        line = change_log_line(schools_lines, row.id)
        source = norm(line)
        change = row.change
        statements = [*change.purpose, *change.core_elements, *change.reason]
        assert_in_order(statements, source, f"change log {row.id}")
        assert norm(line.split("\t")[0]) == f"{row.id} {change.title}"
        data = " ".join(norm(s) for s in statements)
        for paragraph in pieces(line.split("\t", 1)[1]):
            assert paragraph in data, f"change log {row.id}: missing {paragraph!r}"


def test_schools_change_log_themes_are_verbatim(schools: Edition, schools_lines: list[str]) -> None:
    appendix = norm(" ".join(schools_lines[schools_lines.index("# Appendix 1") :]))
    at = 0
    for theme in schools.themes:
        assert theme.change is not None
        assert theme.change.summary
        assert theme.change.context
        for statement in (*theme.change.summary, *theme.change.context):
            found = appendix.find(norm(statement), at)
            assert found >= 0, f"theme {theme.number} change log: {statement[:60]!r}"
            at = found


def test_schools_theme_headings_and_benchmarks(schools: Edition, schools_lines: list[str]) -> None:
    headings = {
        norm(line.lstrip("#"))
        for line in grid_part(schools_lines)
        if line.startswith("#") and "(Benchmark" in line
    }
    for theme in schools.themes:
        numbers = " and ".join(str(n) for n in theme.benchmarks)
        noun = "Benchmark" if len(theme.benchmarks) == 1 else "Benchmarks"
        assert f"{theme.title} ({noun} {numbers})" in headings, f"theme {theme.number}"


def test_schools_guidance_and_column_focus_are_verbatim(
    schools: Edition, schools_lines: list[str]
) -> None:
    guide = grid_part(schools_lines)
    text = norm(" ".join(re.sub(r"\[([^\]]+)\]\(#\)", r"\1", line) for line in guide))
    at = 0
    for section in schools.guidance:
        found = text.find(norm(section.heading), at)
        assert found >= 0, f"guidance heading {section.heading!r}"
        assert_in_order(list(section.statements), text[found:], f"guidance {section.heading!r}")
        at = found
    for column in schools.columns:
        assert f"Column {column.level} {column.focus}" in text


# ------------------------------------------------------------------ colleges


@pytest.fixture(scope="module")
def colleges_lines(sources: Path) -> list[str]:
    return (sources / COLLEGES).read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def colleges() -> Edition:
    return load_edition("colleges")


def colleges_row_source(lines: list[str], row_id: str) -> list[list[str]]:
    """The tab-separated fields of a colleges row, and of its run-on line if it has one."""
    for i, line in enumerate(lines):
        if line.startswith(f"{row_id} "):
            found = [line.split("\t")]
            for following in lines[i + 1 :]:
                if re.match(r"^\d\.\d+ ", following) or following.startswith("Glossary"):
                    break
                if following.startswith("("):
                    found.append(following.split("\t"))
            return found
    raise AssertionError(f"row {row_id} not found in the colleges source")


def joined_parts_found(statement: str, first: str, second: str) -> bool:
    """Whether the statement is a part of ``first`` and a part of ``second``, joined by a space."""
    words = statement.split(" ")
    return any(
        norm(" ".join(words[:k])) in first and norm(" ".join(words[k:])) in second
        for k in range(1, len(words))
    )


def test_colleges_cells_are_verbatim_and_complete(
    colleges: Edition, colleges_lines: list[str]
) -> None:
    for row in colleges.rows:
        lines = colleges_row_source(colleges_lines, row.id)
        joined = len(lines) > 1
        assert joined == any(n.kind == "joined" for n in row.source_notes), row.id
        for cell in row.cells:
            fields = [line[cell.column] if cell.column < len(line) else "" for line in lines]
            if not any(f.strip() for f in fields):
                assert not cell.statements
                assert any(n.kind == "missing" for n in cell.source_notes), (
                    f"{row.id}/{cell.column}"
                )
                continue
            where = f"row {row.id} column {cell.column}"
            if joined:
                assert any(n.kind == "joined" for n in cell.source_notes), where
                first, second = norm(fields[0]), norm(fields[1])
                for statement in cell.statements:
                    ok = norm(statement) in first + " " + second
                    assert ok, where
                    assert joined_parts_found(statement, first, second), where
                continue
            assert_in_order(list(cell.statements), norm(fields[0]), where)
            data = " ".join(norm(s) for s in cell.statements)
            for paragraph in pieces(fields[0]):
                assert paragraph in data, f"{where}: source paragraph missing: {paragraph!r}"


def test_colleges_titles_are_verbatim_or_flagged(
    colleges: Edition, colleges_lines: list[str]
) -> None:
    for row in colleges.rows:
        lines = colleges_row_source(colleges_lines, row.id)
        title = " ".join(norm(line[0]) for line in lines)
        assert title == f"{row.id} {row.title}"


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


def test_colleges_glossary_is_verbatim(colleges: Edition, colleges_lines: list[str]) -> None:
    start = next(i for i, line in enumerate(colleges_lines) if line.startswith("Glossary of Key"))
    entries = [line.split("\t") for line in colleges_lines[start + 1 :] if "\t" in line]
    assert [term.term for term in colleges.glossary] == [norm(term) for term, _ in entries]
    for term, (_, definition) in zip(colleges.glossary, entries, strict=True):
        assert_in_order(list(term.definition), norm(definition), f"glossary {term.term!r}")
        data = " ".join(norm(s) for s in term.definition)
        for paragraph in pieces(definition):
            assert paragraph in data, f"glossary {term.term!r}: missing {paragraph!r}"
    # "17 terms; 'Essential skills' appears twice in two wordings".
    assert len({term.term for term in colleges.glossary}) == 17
    strategic = next(t for t in colleges.glossary if t.term == "Strategic careers plan")
    assert any(note.kind == "cut" for note in strategic.source_notes)


def test_colleges_theme_banners(colleges: Edition, colleges_lines: list[str]) -> None:
    text = norm(" ".join(colleges_lines))
    for theme in colleges.themes:
        assert norm(theme.title) in text or any(n.field == "title" for n in theme.source_notes)
        if theme.benchmarks:
            noun = "Benchmark" if len(theme.benchmarks) == 1 else "Benchmarks"
            numbers = " and ".join(str(n) for n in theme.benchmarks)
            assert f"{norm(theme.title)}: ({noun} {numbers})" in text or (
                f"{norm(theme.title)} ({noun} {numbers})" in text
            ), f"theme {theme.number}"
        else:
            assert any(n.field == "benchmarks" for n in theme.source_notes)
