"""The edition format's JSON Schema is a committed, tested contract."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

from careers_impact import edition_schema, list_editions, load_edition
from careers_impact.editions import _generate_edition_schema


def test_committed_schema_is_current() -> None:
    # If this fails, the models changed: run `python tools/write_schema.py` and review.
    assert edition_schema() == _generate_edition_schema()


@pytest.mark.parametrize("edition_id", [info.id for info in list_editions()])
def test_shipped_editions_satisfy_the_schema(edition_id: str) -> None:
    data = load_edition(edition_id).model_dump(mode="json")
    jsonschema.Draft202012Validator(edition_schema()).validate(data)


def test_schema_rejects_what_the_loader_rejects() -> None:
    data: dict[str, Any] = copy.deepcopy(load_edition().model_dump(mode="json"))
    data["themes"][0]["rows"][0]["cells"][0]["column"] = 7
    validator = jsonschema.Draft202012Validator(edition_schema())
    errors = list(validator.iter_errors(data))
    assert errors
    assert list(errors[0].absolute_path) == ["themes", 0, "rows", 0, "cells", 0, "column"]
