"""JSON Schemas of the package's file formats, for tools in any language.

Four formats are published: ``edition`` (a model edition), ``review`` (one internal
leadership review), ``crosswalk`` (how one edition's rows become the next's) and
``summary`` (a review's summary as a service returns it, `summary_document`). Each
schema is generated from the package's models, committed in the package data, tested
as current, and published on the documentation site at its ``$id``, so a validator
can fetch it by name. The package's own loaders apply the same rules plus the
invariants a schema cannot express (row ids inside their theme, reflections on rows of
the review's edition, and so on).
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any, Literal

from pydantic import BaseModel
from pydantic_core import from_json

from careers_impact.errors import NotFoundError

__all__ = ["SCHEMA_BASE", "SCHEMA_KINDS", "SchemaKind", "generate_schema", "schema", "schema_id"]

#: Where the schemas are published: the documentation site's ``schema/`` folder.
SCHEMA_BASE = "https://careers-impact.readthedocs.io/en/stable/schema/"

SchemaKind = Literal["edition", "review", "crosswalk", "summary"]
#: The published formats.
SCHEMA_KINDS: tuple[SchemaKind, ...] = ("edition", "review", "crosswalk", "summary")


def _model(kind: SchemaKind) -> type[BaseModel]:
    # Imported here: reading a committed schema needs none of the models.
    if kind == "edition":
        from careers_impact.model.edition import Edition

        return Edition
    if kind == "review":
        from careers_impact.reviews.review import Review

        return Review
    if kind == "summary":
        from careers_impact.reviews.rollup import ReviewSummary

        return ReviewSummary
    from careers_impact.model.crosswalk import Crosswalk

    return Crosswalk


def _check(kind: str) -> SchemaKind:
    # A caller from untyped code or JSON may pass any string.
    if kind not in SCHEMA_KINDS:
        raise NotFoundError(f"no schema {kind!r}; the schemas are {', '.join(SCHEMA_KINDS)}")
    return kind


def _version(kind: SchemaKind) -> int:
    if kind == "summary":
        from careers_impact.files.summary_json import SUMMARY_FORMAT_VERSION

        return SUMMARY_FORMAT_VERSION
    field = _model(kind).model_fields["format_version"]
    return int(field.default)


def schema_id(kind: SchemaKind) -> str:
    """The stable ``$id`` of a format's schema: its address on the documentation site.

    The file name carries the format version the package writes; a new version gets a
    new address, and the old one stays published.

    >>> schema_id("review")
    'https://careers-impact.readthedocs.io/en/stable/schema/review-1.json'
    """
    kind = _check(kind)
    return f"{SCHEMA_BASE}{kind}-{_version(kind)}.json"


def schema(kind: SchemaKind) -> dict[str, Any]:
    """The committed JSON Schema (draft 2020-12) of ``edition``, ``review`` or ``crosswalk``.

    >>> schema("crosswalk")["title"], schema("crosswalk")["$id"].endswith("crosswalk-1.json")
    ('Crosswalk', True)
    """
    kind = _check(kind)
    text = files("careers_impact").joinpath("data").joinpath(f"{kind}.schema.json").read_bytes()
    loaded: dict[str, Any] = from_json(text)
    return loaded


def generate_schema(kind: SchemaKind) -> dict[str, Any]:
    """The schema of ``kind`` as the models give it now; the committed one must equal it
    (``tools/write_schema.py`` writes it, and a test fails while it is stale).

    >>> generate_schema("review") == schema("review")
    True
    """
    generated = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(_check(kind)),
        **_model(kind).model_json_schema(),
    }
    # pydantic takes each model's docstring as its description; keep only the opening
    # paragraph, so that the schema says what a thing is without the Python examples.
    for definition in [generated, *generated.get("$defs", {}).values()]:
        if "description" in definition:
            definition["description"] = definition["description"].split("\n\n")[0].strip()
    if kind == "summary":
        _as_published(generated)
    return generated


def _as_published(generated: dict[str, Any]) -> None:
    """The summary schema: the model's fields and what `summary_document` adds."""
    from careers_impact.files.summary_json import EXPLAINED, SUMMARY_FORMAT_VERSION
    from careers_impact.reviews.rollup import STATUSES

    explanation = {"type": "string", "minLength": 1, "description": "Its explain() text."}
    for name in EXPLAINED:
        definition = generated["$defs"][name]
        definition["properties"]["explanation"] = explanation
        definition["required"] = [*definition.get("required", []), "explanation"]
    top = generated["properties"]
    generated["properties"] = {
        "format_version": {"const": SUMMARY_FORMAT_VERSION, "type": "integer"},
        **top,
        "status": {"enum": list(STATUSES), "type": "string"},
        "to_agree": {"items": {"type": "string"}, "type": "array"},
    }
    generated["required"] = ["format_version", *generated["required"], "status", "to_agree"]
