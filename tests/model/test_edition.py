"""The model's types (`model.edition`): lookups on editions, rows, cells and themes."""

from __future__ import annotations

import pytest

import careers_impact
from careers_impact import (
    UnknownEditionError,
    UnknownRowError,
    UnknownThemeError,
    load_edition,
)


def test_default_edition_is_schools_2026_and_cached() -> None:
    assert load_edition().id == "schools-2026"
    assert load_edition() is load_edition("schools-2026")
    assert load_edition("colleges") is load_edition("colleges")


@pytest.mark.parametrize("bad", ["schools-1999", "", "../colleges", "Colleges", "colleges.json"])
def test_unknown_edition_lists_known_ids(bad: str) -> None:
    with pytest.raises(UnknownEditionError) as raised:
        load_edition(bad)
    assert isinstance(raised.value, LookupError)
    assert raised.value.known == ("colleges", "schools-2026")
    assert "colleges, schools-2026" in str(raised.value)


def test_row_lookup_and_properties() -> None:
    edition = load_edition()
    row = edition.row("1.3")
    assert (row.id, row.title, row.theme) == ("1.3", "Strategic careers planning", 1)
    assert [cell.column for cell in row.cells] == [1, 2, 3, 4]
    assert row.cell(1).statements == ("There is a careers development plan.",)
    assert row.cell(2).text == "\n\n".join(row.cell(2).statements)
    assert row.change is not None
    assert row.change.purpose[0].startswith("To describe how strategic careers planning")


@pytest.mark.parametrize(("bad", "suggested"), [("1.33", "1.3"), ("7.1", None), ("13", "1.3")])
def test_unknown_row_suggests_close_ids(bad: str, suggested: str | None) -> None:
    with pytest.raises(UnknownRowError) as raised:
        load_edition().row(bad)
    assert isinstance(raised.value, LookupError)
    assert raised.value.row_id == bad
    if suggested:
        assert suggested in raised.value.suggestions
        assert "did you mean" in str(raised.value)


@pytest.mark.parametrize("column", [0, 5, -1])
def test_cell_outside_the_four_columns(column: int) -> None:
    with pytest.raises(ValueError, match="column must be 1, 2, 3 or 4"):
        load_edition().row("1.1").cell(column)


def test_theme_lookup() -> None:
    edition = load_edition()
    theme = edition.theme(3)
    assert theme.number == 3
    assert theme.benchmarks == (2, 7)
    assert [row.id for row in theme.rows] == [f"3.{n}" for n in range(1, 9)]
    assert theme.change is not None
    assert theme.change.summary[0].startswith("Theme 3 has been")
    with pytest.raises(UnknownThemeError, match="has no theme 7"):
        edition.theme(7)


def test_rows_in_order() -> None:
    ids = [row.id for row in load_edition().rows]
    assert ids == sorted(ids, key=lambda i: tuple(int(p) for p in i.split(".")))
    assert (ids[0], ids[-1]) == ("1.1", "6.3")


def test_rows_for_benchmark() -> None:
    edition = load_edition()
    # Benchmark 1 is served by themes 1 and 2; benchmark 3 by theme 2 only.
    assert [row.theme for row in edition.rows_for_benchmark(1)] == [1] * 7 + [2] * 7
    assert {row.theme for row in edition.rows_for_benchmark(3)} == {2}
    assert [row.id for row in edition.rows_for_benchmark(8)] == ["6.1", "6.2", "6.3"]
    for bad in (0, 9):
        with pytest.raises(ValueError, match="1 to 8"):
            edition.rows_for_benchmark(bad)


def test_rows_for_benchmark_with_no_theme_is_empty() -> None:
    # The colleges Theme 1 banner names no benchmark, so only theme 2 serves benchmark 1.
    assert {row.theme for row in load_edition("colleges").rows_for_benchmark(1)} == {2}


def test_search_is_case_insensitive_and_says_where() -> None:
    edition = load_edition()
    hits = edition.search("ENTERPRISE ADVISERS")
    assert hits
    for hit in hits:
        statement = edition.row(hit.row).cell(hit.column).statements[hit.index]
        assert statement == hit.statement
        assert "enterprise advisers" in statement.lower()
    total = sum(
        "enterprise advisers" in s.lower()
        for row in edition.rows
        for cell in row.cells
        for s in cell.statements
    )
    assert len(hits) == total
    assert edition.search("no such phrase anywhere in the model") == ()
    with pytest.raises(ValueError, match="must not be empty"):
        edition.search("  ")


def test_models_are_frozen() -> None:
    row = load_edition().row("1.1")
    with pytest.raises(ValueError, match="frozen"):
        row.title = "changed"  # type: ignore[misc]


def test_edition_schema_is_exported() -> None:
    schema = careers_impact.edition_schema()
    assert schema["title"] == "Edition"
    assert "themes" in schema["properties"]


def test_bundled_editions_built_without_validation_equal_validated_ones() -> None:
    # load_edition trusts the bundled data and skips the validator; this is the check
    # that makes the trust safe: full validation gives the same edition.
    from importlib.resources import files

    for info in careers_impact.list_editions():
        raw = files("careers_impact").joinpath("data").joinpath(f"{info.id}.json").read_bytes()
        validated = careers_impact.Edition.model_validate_json(raw)
        loaded = careers_impact.load_edition(info.id)
        assert loaded == validated
        assert loaded.model_dump() == validated.model_dump()
        assert loaded.content_hash() == loaded.expected_hash()
