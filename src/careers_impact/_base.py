"""Building blocks the package's models share (private: may change)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

__all__ = [
    "FILE_FORMAT",
    "ColumnNumber",
    "Frozen",
    "Level",
    "RowId",
    "Text",
    "validation_problems",
]

#: A row id such as "1.3": theme number, dot, row number.
RowId = Annotated[str, StringConstraints(pattern=r"^[1-9]\.[1-9][0-9]?$")]
#: Text that is not empty.
Text = Annotated[str, StringConstraints(min_length=1)]
#: A column of the model: 1 to 4.
ColumnNumber = Annotated[int, Field(ge=1, le=4)]
#: A position on the ordinal scale: 0 (not yet at column 1) to 4.
Level = Annotated[int, Field(ge=0, le=4)]


class Frozen(BaseModel):
    """An immutable model that rejects unknown fields."""

    # defer_build: a model's validator is built when first used, not at import, so
    # importing the package costs little and loading an edition builds one validator.
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def _require_format_version(schema: dict[str, Any]) -> None:
    # A file must state its format: the loaders refuse one without, so the schema does.
    required = schema.setdefault("required", [])
    if "format_version" not in required:
        required.insert(0, "format_version")


#: Configuration of a file format's top-level model: frozen, and its JSON Schema
#: requires ``format_version`` although Python code may leave it to its default.
FILE_FORMAT = ConfigDict(
    frozen=True, extra="forbid", defer_build=True, json_schema_extra=_require_format_version
)


def validation_problems(error: ValidationError) -> list[tuple[str, str]]:
    """Each problem of a pydantic error as (JSON path such as ``themes[0].rows[2]``, message)."""
    problems = []
    for item in error.errors(include_url=False):
        where = ""
        for part in item["loc"]:
            if isinstance(part, int):
                where += f"[{part}]"
            else:
                where += f".{part}" if where else str(part)
        problems.append((where or "(top level)", item["msg"].removeprefix("Value error, ")))
    return problems
