"""The one way the package reads its JSON files (private: may change).

Reviews, editions and crosswalks are read by pydantic's parser in strict mode, so a
file is accepted exactly when the published JSON Schema accepts it: ``true`` is not a
number, a number is not a date, a string is not an integer. The ``format_version``
must be there and must be one this package reads; a newer one says so. Malformed JSON,
nesting too deep and numbers too long are located problems, never other exceptions.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import from_json

from careers_impact._base import validation_problems

__all__ = ["JsonFileError", "load_json"]

M = TypeVar("M", bound=BaseModel)


class JsonFileError(Exception):
    """Problems with a JSON file, as ``(location, message)``; each loader re-raises them
    as its own `careers_impact.errors.CareersImpactError`."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{where}: {what}" for where, what in problems))


def _versions(model: type[BaseModel]) -> tuple[int, ...]:
    annotation = model.model_fields["format_version"].annotation
    return tuple(getattr(annotation, "__args__", ()))


def _check_version(document: Any, model: type[BaseModel], what: str) -> None:
    if not isinstance(document, dict):
        raise JsonFileError([("(top level)", f"a {what} file is a JSON object")])
    readable = _versions(model)
    if "format_version" not in document:
        raise JsonFileError([("format_version", f"missing; a {what} file states its format")])
    version = document["format_version"]
    if type(version) is not int:  # bool is an int to Python, not to JSON
        raise JsonFileError([("format_version", f"must be a whole number, not {version!r}")])
    if version > max(readable):
        raise JsonFileError(
            [
                (
                    "format_version",
                    f"written in {what} format {version}, newer than this package reads "
                    f"(up to {max(readable)}): upgrade careers-impact",
                )
            ]
        )
    if version not in readable:
        raise JsonFileError([("format_version", f"{version} is not a {what} format")])


def load_json(model: type[M], raw: bytes, *, what: str, context: dict[str, Any] | None = None) -> M:
    """Parse and validate ``raw`` as ``model``, strictly; problems raise `JsonFileError`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JsonFileError(
            [(f"byte {error.start}", f"not UTF-8 text; a {what} file is UTF-8 JSON")]
        ) from None
    try:
        document = from_json(text)
    except ValueError as error:
        # pydantic_core says where: "... at line L column C".
        message, _, where = str(error).rpartition(" at ")
        located = bool(message) and where.startswith("line ")
        raise JsonFileError(
            [(where if located else "", f"not valid JSON: {message if located else error}")]
        ) from None
    _check_version(document, model, what)
    try:
        return model.model_validate_json(text, strict=True, context=context)
    except ValidationError as error:
        raise JsonFileError(validation_problems(error)) from None
