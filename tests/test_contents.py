"""Every shipped data file loads through importlib.resources and holds what it should."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest

import careers_impact
from careers_impact import Edition, list_editions, load_edition

DATA = files("careers_impact").joinpath("data")


def test_index_lists_exactly_the_edition_files() -> None:
    shipped = sorted(
        item.name.removesuffix(".json")
        for item in DATA.iterdir()
        if item.name.endswith(".json")
        and item.name not in {"editions.json", "benchmarks.json"}
        and not item.name.endswith(".schema.json")
    )
    assert [info.id for info in list_editions()] == shipped


@pytest.mark.parametrize("info", list_editions(), ids=lambda info: info.id)
def test_every_shipped_edition_loads_and_matches_its_index_entry(info: object) -> None:
    assert isinstance(info, careers_impact.EditionInfo)
    edition = load_edition(info.id)
    assert (edition.id, edition.title, edition.setting, edition.effective) == (
        info.id,
        info.title,
        info.setting,
        info.effective,
    )
    assert edition.publisher == "The Careers & Enterprise Company"


@pytest.mark.parametrize(
    ("edition_id", "themes", "rows", "per_theme"),
    [
        ("schools-2026", 6, 32, (7, 7, 8, 4, 3, 3)),
        ("colleges", 6, 33, (6, 7, 8, 6, 3, 3)),
    ],
)
def test_counts(edition_id: str, themes: int, rows: int, per_theme: tuple[int, ...]) -> None:
    edition = load_edition(edition_id)
    assert len(edition.themes) == themes
    assert len(edition.rows) == rows
    assert tuple(len(theme.rows) for theme in edition.themes) == per_theme
    assert all(len(row.cells) == 4 for row in edition.rows)


def test_schools_benchmark_mapping_from_theme_headings() -> None:
    edition = load_edition("schools-2026")
    mapping = {theme.number: theme.benchmarks for theme in edition.themes}
    assert mapping == {1: (1,), 2: (1, 3), 3: (2, 7), 4: (4,), 5: (5, 6), 6: (8,)}


def test_colleges_benchmark_mapping_and_damaged_theme_1() -> None:
    edition = load_edition("colleges")
    mapping = {theme.number: theme.benchmarks for theme in edition.themes}
    assert mapping == {1: (), 2: (1, 3), 3: (2, 7), 4: (4,), 5: (5, 6), 6: (8,)}
    theme_1 = edition.theme(1)
    assert {note.field for note in theme_1.source_notes} >= {"title", "benchmarks"}


def test_schools_change_log_is_complete() -> None:
    edition = load_edition("schools-2026")
    assert edition.change_log_title == "Change Log (changes to appear in tool September 2026)"
    assert all(theme.change is not None for theme in edition.themes)
    assert all(row.change is not None and row.change.row == row.id for row in edition.rows)
    # The change log's own row titles differ slightly for 3.1, 3.3 and 3.6 (README).
    differ = sorted(row.id for row in edition.rows if row.change and row.change.title != row.title)
    assert differ == ["3.1", "3.3", "3.6"]


def test_schools_guidance_sections() -> None:
    headings = [section.heading for section in load_edition().guidance]
    for expected in (
        "Purpose and intent",
        "Core concept: strategic and sustainable careers leadership",
        "How the Careers Impact Maturity Model is structured",
        "How to read progression across a row",
        "What an internal leadership review involves",
        "Who should be involved in a Careers Impact internal leadership review",
    ):
        assert expected in headings


def test_column_definitions() -> None:
    schools = load_edition("schools-2026")
    assert [column.label for column in schools.columns] == [
        "Column 1",
        "Column 2",
        "Column 3",
        "Column 4",
    ]
    assert all(column.focus for column in schools.columns)
    assert "occasional" in (schools.columns[0].focus or "")
    assert all(column.focus is None for column in load_edition("colleges").columns)


@pytest.mark.parametrize("edition_id", ["schools-2026", "colleges"])
def test_statements_are_clean_text(edition_id: str) -> None:
    edition = load_edition(edition_id)
    for row in edition.rows:
        for cell in row.cells:
            for statement in cell.statements:
                assert statement == statement.strip()
                assert not re.search(r"</?[A-Za-z][^>]*>", statement), (row.id, statement)
                assert not statement.startswith(("•", "- ")), (row.id, statement)
                assert "  " not in statement, (row.id, statement)


def test_empty_cells_are_exactly_the_ones_noted_missing() -> None:
    for info in list_editions():
        for row in load_edition(info.id).rows:
            for cell in row.cells:
                missing = any(note.kind == "missing" for note in cell.source_notes)
                assert missing == (not cell.statements), (info.id, row.id, cell.column)


def test_source_notes_everywhere_lists_damage_with_locations() -> None:
    found = dict.fromkeys(where for where, _ in load_edition("colleges").source_notes_everywhere())
    assert "row 2.6 column 2" in found
    assert "row 4.6" in found
    assert "theme 1" in found
    assert "glossary 'Strategic careers plan'" in found
    assert load_edition("schools-2026").source_notes_everywhere()[0][0] == "row 5.3"


def test_data_files_are_stable_json() -> None:
    # The files are written by the importer with sorted-free, indented UTF-8 JSON;
    # a reload and re-dump must reproduce them byte for byte.
    for info in list_editions():
        raw = DATA.joinpath(f"{info.id}.json").read_text(encoding="utf-8")
        dumped = json.dumps(
            load_edition(info.id).model_dump(mode="json"), ensure_ascii=False, indent=2
        )
        assert raw == dumped + "\n"


def test_package_version_and_edition_ids_are_separate_facts() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+([a-z0-9.]+)?", careers_impact.__version__)
    assert careers_impact.__version__ not in {info.id for info in list_editions()}
    assert isinstance(load_edition(), Edition)
