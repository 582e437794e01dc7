"""Tidy pandas DataFrames, and pandas kept out of the core."""

from __future__ import annotations

import pandas as pd

from careers_impact import (
    load_edition,
    summarise,
    summarise_collection,
)
from careers_impact.examples import demo_review

EDITION = load_edition()


def test_frames_are_tidy() -> None:
    summary = summarise_collection([demo_review()])
    frame = summary.to_frame()
    assert len(frame) == len(EDITION.rows)
    assert list(frame.columns[:4]) == ["edition", "setting", "row", "source"]
    assert frame["level"].dtype == pd.Int8Dtype()
    dist = summary.distribution_frame()
    assert set(dist["position"]) == {
        "not-yet",
        "1",
        "2",
        "3",
        "4",
        "not-reviewed",
        "not-applicable",
    }
    assert dist["settings"].sum() == len(EDITION.rows)
    # Positions sort up the scale, then the rows with no position; not alphabetically.
    shuffled = dist.sample(frac=1, random_state=1).sort_values("position")
    assert list(dict.fromkeys(shuffled["position"])) == [
        "not-yet",
        "1",
        "2",
        "3",
        "4",
        "not-reviewed",
        "not-applicable",
    ]
    assert frame["source"].cat.ordered
    assert list(frame["source"].cat.categories) == [
        "agreed",
        "suggested",
        "not-reviewed",
        "not-applicable",
    ]
    review_frame = summarise(demo_review()).to_frame()
    assert list(review_frame["row"]) == [row.id for row in EDITION.rows]


def test_the_core_never_imports_pandas() -> None:
    import subprocess
    import sys

    code = (
        "import sys, careers_impact as ci\n"
        "from careers_impact.examples import demo_review\n"
        "ci.summarise_collection([demo_review()]); ci.summarise(demo_review())\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib', 'jinja2') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
