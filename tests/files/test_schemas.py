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
from hypothesis import given, settings, strategies as st

from careers_impact import (
    CareersImpactError,
    edition_schema,
    list_editions,
    load_crosswalk_file,
    load_edition,
    load_edition_file,
)
from careers_impact.examples import demo_earlier_review, demo_review
from careers_impact.files.schemas import (
    SCHEMA_BASE,
    SCHEMA_KINDS,
    generate_schema,
    schema,
    schema_id,
)

ROOT = Path(__file__).resolve().parents[2]
KINDS = SCHEMA_KINDS
CROSSWALK_EXAMPLE = ROOT / "docs" / "schema" / "examples" / "crosswalk.json"


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_current(kind: str) -> None:
    # If this fails, the models changed: run `python tools/write_schema.py` and review.
    assert schema(kind) == generate_schema(kind)  # type: ignore[arg-type]
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
    # The hash the content must have: the newest erratum's, else the published one (the
    # rule of `Edition.expected_hash`, worked out here from the file alone).
    errata = document.get("errata") or []
    assert digest == (errata[-1]["content_hash"] if errata else document["published_hash"])
    assert digest == load_edition(edition_id).content_hash()


# ------------------------------------------------------------------ loaders = schemas


def _leaves(document: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every value in a JSON document, containers included."""
    found = [path]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _leaves(value, (*path, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _leaves(value, (*path, index))
    return found


# Values of every JSON type but the one they replace: booleans for numbers, numbers for
# dates and strings, strings for numbers, a fraction for a whole number, and so on.
# White space alone (a space, a non-breaking space, an ASCII separator) is no name to
# the loader, and must be none to the schema either.
REPLACEMENTS = [True, False, 0, 3, 2.5, "3", "2026-10-01", "x", None, [], {}, [1], {"a": 1},
                " ", "\u00a0", "\x1f", " x "]  # fmt: skip


def _kind(value: Any) -> str:
    return "bool" if isinstance(value, bool) else type(value).__name__


def _mutated(document: Any, path: tuple[Any, ...], how: Any) -> Any:
    copied = copy.deepcopy(document)
    if not path:
        return {**copied, "unexpected": 1} if how == "extra" else how
    target = copied
    for key in path[:-1]:
        target = target[key]
    if how == "delete":
        del target[path[-1]]
    elif how == "extra":
        target[path[-1]]["unexpected"] = 1
    else:
        target[path[-1]] = how
    return copied


def _loader(kind: str) -> Any:
    from careers_impact import load_review

    # Each public loader, given the document's text.
    return {"review": load_review, "edition": load_edition_file, "crosswalk": load_crosswalk_file}[
        kind
    ]


DOCUMENTS = {
    "review": lambda: demo_review().model_dump(mode="json"),
    "crosswalk": lambda: json.loads(CROSSWALK_EXAMPLE.read_text(encoding="utf-8")),
    "edition": lambda: _small_edition(),
}


def _small_edition() -> Any:
    # One theme of the colleges edition: every kind of field, quick to validate.
    document = load_edition("colleges").model_dump(mode="json")
    document["themes"] = document["themes"][:1]
    return document


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_the_loader_accepts_exactly_what_the_schema_accepts(kind: str, data: Any) -> None:
    document = DOCUMENTS[kind]()
    path = data.draw(st.sampled_from(_leaves(document)), label="path")
    current: Any = document
    for key in path:
        current = current[key]
    choices: list[Any] = [r for r in REPLACEMENTS if _kind(r) != _kind(current)]
    choices += ["delete"] if path and isinstance(path[-1], str) else []
    choices += ["extra"] if isinstance(current, dict) else []
    how = data.draw(st.sampled_from(choices), label="how")
    mutated = _mutated(document, path, how)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    by_schema = jsonschema.Draft202012Validator(schema(kind), format_checker=checker)
    schema_says = by_schema.is_valid(mutated)
    try:
        _loader(kind)(json.dumps(mutated))
        loader_says = True
    except CareersImpactError:
        loader_says = False
    if schema_says and not loader_says and kind != "crosswalk":
        # Invariants a schema cannot express (a reason only with "not applicable", rows
        # of the review's edition, ids inside their theme) may refuse more: only then.
        return
    assert schema_says == loader_says, (path, how)


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(schema(kind))  # type: ignore[arg-type]


def test_a_summary_document_satisfies_the_summary_schema() -> None:
    from careers_impact import summarise
    from careers_impact.files.summary_json import summary_document

    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    check = jsonschema.Draft202012Validator(schema("summary"), format_checker=checker)
    for review in (demo_review(), demo_earlier_review()):
        document = summary_document(summarise(review))
        assert list(check.iter_errors(document)) == []
        assert all(row["explanation"] and row["suggestion"]["explanation"]
                   for row in document["rows"])  # fmt: skip
    # What the schema says is explained is explained, and nothing else is published.
    document = summary_document(summarise(demo_review()))
    document["rows"][0].pop("explanation")
    assert not check.is_valid(document)
    document = summary_document(summarise(demo_review()))
    document["surprise"] = 1
    assert not check.is_valid(document)


def test_a_summary_with_statement_evidence_explains_its_evidence_fit() -> None:
    from careers_impact import Evidence, summarise
    from careers_impact.files.summary_json import summary_document

    review = demo_review().model_copy(
        update={"evidence": (Evidence(row="1.1", column=1, statement=0, status="in-place"),)}
    )
    document = summary_document(summarise(review))
    row = next(r for r in document["rows"] if r["row"] == "1.1")
    assert row["evidence"]["explanation"] == summarise(review).row("1.1").evidence.explain()  # type: ignore[union-attr]
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    check = jsonschema.Draft202012Validator(schema("summary"), format_checker=checker)
    assert list(check.iter_errors(document)) == []
