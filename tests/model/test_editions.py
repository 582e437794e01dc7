"""``load_edition_file``: outside files are validated, and every problem says where."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from careers_impact import Edition, EditionFileError, load_edition, load_edition_file
from careers_impact.testing import editions


def bundled(edition_id: str = "schools-2026") -> dict[str, Any]:
    data: dict[str, Any] = load_edition(edition_id).model_dump(mode="json")
    return data


def write(tmp_path: Path, data: object, name: str = "draft.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("edition_id", ["schools-2026", "colleges"])
def test_a_bundled_edition_written_out_loads_back_equal(tmp_path: Path, edition_id: str) -> None:
    path = write(tmp_path, bundled(edition_id))
    assert load_edition_file(path) == load_edition(edition_id)
    assert load_edition_file(str(path)) == load_edition(edition_id)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edition=editions())
def test_any_edition_dumps_and_reloads_losslessly(tmp_path: Path, edition: Edition) -> None:
    assert Edition.model_validate_json(edition.model_dump_json()) == edition
    path = tmp_path / "edition.json"
    path.write_text(edition.model_dump_json(indent=2), encoding="utf-8")
    assert load_edition_file(path) == edition


def broken(change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(bundled())
    change(data)
    return data


def _duplicate_row(d: dict[str, Any]) -> None:
    d["themes"][0]["rows"][1]["id"] = "1.1"
    d["themes"][0]["rows"][1]["change"] = None


def _row_outside_theme(d: dict[str, Any]) -> None:
    d["themes"][0]["rows"][0]["id"] = "2.9"
    d["themes"][0]["rows"][0]["change"] = None


def _three_cells(d: dict[str, Any]) -> None:
    d["themes"][1]["rows"][0]["cells"].pop()


def _column_five(d: dict[str, Any]) -> None:
    d["themes"][1]["rows"][0]["cells"][3]["column"] = 5


def _empty_cell(d: dict[str, Any]) -> None:
    d["themes"][2]["rows"][1]["cells"][0]["statements"] = []


def _change_elsewhere(d: dict[str, Any]) -> None:
    d["themes"][0]["rows"][2]["change"]["row"] = "1.1"


def _benchmark_nine(d: dict[str, Any]) -> None:
    d["themes"][5]["benchmarks"] = [9]


def _unknown_field(d: dict[str, Any]) -> None:
    d["themes"][0]["colour"] = "red"


def _blank_statement(d: dict[str, Any]) -> None:
    d["themes"][0]["rows"][0]["cells"][0]["statements"] = [" padded "]


@pytest.mark.parametrize(
    ("change", "where", "what"),
    [
        (_duplicate_row, "(top level)", "row id 1.1 appears more than once"),
        (_row_outside_theme, "themes[0]", "row 2.9 is not inside theme 1"),
        (_three_cells, "themes[1].rows[0]", "exactly four cells"),
        (_column_five, "themes[1].rows[0].cells[3].column", "must be at most 4"),
        (_empty_cell, "themes[2].rows[1].cells[0]", "no statements and no source note"),
        (_change_elsewhere, "themes[0].rows[2]", "carries the change-log entry of row 1.1"),
        (_benchmark_nine, "themes[5].benchmarks[0]", "must be at most 8"),
        (_unknown_field, "themes[0].colour", "not a field here"),
        (_blank_statement, "themes[0].rows[0].cells[0]", "leading or trailing white space"),
    ],
)
def test_each_broken_invariant_names_the_file_and_location(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], where: str, what: str
) -> None:
    path = write(tmp_path, broken(change))
    with pytest.raises(EditionFileError) as raised:
        load_edition_file(path)
    error = raised.value
    assert error.path == str(path)
    assert str(path) in str(error)
    assert any(loc == where and what in message for loc, message in error.problems), error.problems


def test_several_problems_are_all_listed(tmp_path: Path) -> None:
    def two(d: dict[str, Any]) -> None:
        _column_five(d)
        _benchmark_nine(d)

    with pytest.raises(EditionFileError) as raised:
        load_edition_file(write(tmp_path, broken(two)))
    locations = {where for where, _ in raised.value.problems}
    assert {"themes[1].rows[0].cells[3].column", "themes[5].benchmarks[0]"} <= locations
    assert "2 problems" in str(raised.value)


def test_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "id": "x",\n  oops\n}', encoding="utf-8")
    with pytest.raises(
        EditionFileError, match=r"bad\.json: 1 problem: line 3 column 3: not valid JSON"
    ):
        load_edition_file(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"title": "caf\u00e9"}'.encode("latin-1"))
    with pytest.raises(EditionFileError, match="not UTF-8"):
        load_edition_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EditionFileError, match="cannot read the file"):
        load_edition_file(tmp_path / "absent.json")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(bundled("colleges")).encode("utf-8"))
    assert load_edition_file(path) == load_edition("colleges")


def test_error_is_a_value_error() -> None:
    assert issubclass(EditionFileError, ValueError)
