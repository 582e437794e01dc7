"""The file formats' JSON Schemas are committed, current, published, and agree with
the loaders; the content hash can be recomputed without this package."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from careers_impact import edition_schema, list_editions, load_crosswalk_file, load_edition
from careers_impact.examples import demo_earlier_review, demo_review
from careers_impact.schemas import SCHEMA_BASE, _generate, schema, schema_id

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("edition", "review", "crosswalk")
CROSSWALK_EXAMPLE = ROOT / "docs" / "schema" / "examples" / "crosswalk.json"


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_current(kind: str) -> None:
    # If this fails, the models changed: run `python tools/write_schema.py` and review.
    assert schema(kind) == _generate(kind)  # type: ignore[arg-type]
    jsonschema.Draft202012Validator.check_schema(schema(kind))  # type: ignore[arg-type]


def test_schema_ids_are_stable_addresses_on_the_docs_site() -> None:
    site_url = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)
    assert site_url, "mkdocs.yml names no site_url"
    assert site_url[1].rstrip("/") + "/schema/" == SCHEMA_BASE
    ids = {kind: schema(kind)["$id"] for kind in KINDS}  # type: ignore[arg-type]
    assert ids == {kind: schema_id(kind) for kind in KINDS}  # type: ignore[arg-type]
    assert ids["edition"].endswith("/edition-2.json")
    assert edition_schema() == schema("edition")
    with pytest.raises(LookupError, match="the schemas are edition, review, crosswalk"):
        schema("reviews")  # type: ignore[arg-type]


@pytest.mark.parametrize("edition_id", [info.id for info in list_editions()])
def test_shipped_editions_satisfy_the_schema(edition_id: str) -> None:
    validator("edition").validate(load_edition(edition_id).model_dump(mode="json"))


def test_example_reviews_and_crosswalk_satisfy_their_schemas() -> None:
    for review in (demo_review(), demo_earlier_review()):
        validator("review").validate(review.model_dump(mode="json"))
    data = json.loads(CROSSWALK_EXAMPLE.read_text(encoding="utf-8"))
    validator("crosswalk").validate(data)
    assert load_crosswalk_file(CROSSWALK_EXAMPLE).new == "schools-2027"


def test_schema_rejects_what_the_loader_rejects() -> None:
    data: dict[str, Any] = copy.deepcopy(load_edition().model_dump(mode="json"))
    data["themes"][0]["rows"][0]["cells"][0]["column"] = 7
    errors = list(validator("edition").iter_errors(data))
    assert errors
    assert list(errors[0].absolute_path) == ["themes", 0, "rows", 0, "cells", 0, "column"]
    review = demo_review().model_dump(mode="json")
    review["reflections"][0]["answer"] = 5
    assert list(validator("review").iter_errors(review))


@pytest.mark.parametrize("edition_id", [info.id for info in list_editions()])
def test_content_hash_recomputed_without_the_package(edition_id: str) -> None:
    # The documented recipe, from the file's bytes: drop published_hash and errata,
    # canonicalise (RFC 8785), SHA-256. For documents with no floating-point numbers
    # and ASCII keys, as edition files are, RFC 8785 is exactly the standard library's
    # sorted, compact, non-ASCII-escaping JSON, so this needs neither rfc8785 nor pydantic.
    raw = files("careers_impact").joinpath("data", f"{edition_id}.json").read_text("utf-8")
    document = json.loads(raw, parse_float=lambda text: pytest.fail(f"a float: {text}"))
    content = {k: v for k, v in document.items() if k not in {"published_hash", "errata"}}
    assert all(key.isascii() for key in re.findall(r'"([^"]+)":', raw))
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert digest == document["errata"][-1]["content_hash"]
    assert digest == load_edition(edition_id).content_hash()
