"""Shared fixtures: where the published source texts are, and whether they must be there."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

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
