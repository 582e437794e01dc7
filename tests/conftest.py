"""Shared fixtures: where the published source texts are, and whether they must be there."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from careers_impact import Edition, Review, load_edition

SOURCES = Path(__file__).resolve().parent.parent.parent / "shared" / "sources"
REQUIRE = "CAREERS_IMPACT_REQUIRE_SOURCES"


@pytest.fixture(scope="session")
def sources() -> Path:
    """The folder of published texts, ``../shared/sources`` beside the checkout.

    A fresh clone does not have it, so tests that need it skip; ``.ci/run`` sets
    CAREERS_IMPACT_REQUIRE_SOURCES=1, which turns that skip into a failure.
    """
    if (SOURCES / "README.md").is_file():
        return SOURCES
    message = (
        f"the published source texts are not at {SOURCES}; they sit beside the checkout "
        "in CI (shared/sources), not in a fresh clone"
    )
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"{REQUIRE}=1 but {message}")
    pytest.skip(message)


# The machines here are shared and noisy: a slow example is not a failure. Generated
# reviews are large by design (every row of an edition), so size checks are relaxed.
_RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("default", deadline=None, suppress_health_check=_RELAXED)
# CI runs the same examples every time, so a red build is always reproducible; the
# failing example is printed as a blob to replay locally.
settings.register_profile(
    "ci", deadline=None, suppress_health_check=_RELAXED, derandomize=True, print_blob=True
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


# ------------------------------------------------------------------ shared factories


def _build_review(
    answers: Mapping[str, Sequence[Any]] | None = None,
    agreed: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
    *,
    when: str = "2026-10-01",
    setting: str = "Example School",
    edition: Edition | None = None,
    targets: Sequence[Mapping[str, Any]] = (),
) -> Review:
    """A review for a test: ``answers`` per row, one colleague (p1, p2, …) per answer in
    order; ``agreed`` as ``{row: position}`` or as agreed-position records."""
    edition = edition or load_edition()
    answers = answers or {}
    colleagues = max((len(given) for given in answers.values()), default=0)
    if isinstance(agreed, Mapping):
        agreed = [{"row": row, "position": position} for row, position in agreed.items()]
    return Review.model_validate(
        {
            "edition": edition.id,
            "setting": {"name": setting},
            "date": when,
            "participants": [
                {"id": f"p{i}", "name": f"Colleague {i}"} for i in range(1, max(colleagues, 1) + 1)
            ],
            "reflections": [
                {"participant": f"p{i}", "row": row, "answer": answer}
                for row, given in answers.items()
                for i, answer in enumerate(given, start=1)
            ],
            "agreed": list(agreed or ()),
            "targets": list(targets),
        },
        context={"edition": edition},
    )


@pytest.fixture
def make_review() -> Callable[..., Review]:
    """The shared review factory (see `_build_review`)."""
    return _build_review


def _build_edition(
    edition_id: str, change: Callable[[dict[str, Any]], None], *, base: str = "schools-2026"
) -> Edition:
    """A test-only edition: ``base`` under ``edition_id``, unpublished, changed by
    ``change`` (which edits the edition's JSON document in place)."""
    data: dict[str, Any] = load_edition(base).model_dump(mode="json")
    data.update(id=edition_id, published_hash=None, errata=[])
    change(data)
    return Edition.model_validate(data)


@pytest.fixture(scope="session")
def make_edition() -> Callable[..., Edition]:
    """The shared factory of test-only editions (see `_build_edition`)."""
    return _build_edition


#: Text that would run as script if any view let it through as markup.
EVIL = "<script>alert('x')</script>"


@pytest.fixture
def hostile_review() -> Review:
    """The fictional example review with script in its setting name, in the rationale of
    a priority row, and in every target's note."""
    from careers_impact import summarise
    from careers_impact.examples import demo_review

    base = demo_review()
    priority = summarise(base).priorities[0]
    agreed = [
        a.model_copy(update={"rationale": EVIL}) if a.row == priority else a for a in base.agreed
    ]
    targets = [t.model_copy(update={"note": EVIL}) for t in base.targets]
    return base.model_copy(
        update={
            "setting": base.setting.model_copy(update={"name": f"Example {EVIL}"}),
            "agreed": tuple(agreed),
            "targets": tuple(targets),
        }
    )
