"""Agreement at scale: Krippendorff's alpha and a whole review summary, many colleagues.

For 1,000, 2,000 and 100,000 colleagues answering all 32 rows of schools-2026:

1. ``careers_impact.krippendorff_alpha`` against the maintained ``krippendorff``
   package computing the same ordinal alpha from the same answers (its reliability
   matrix built outside the timing), each in a fresh process, the two alternating.
   Both figures are printed and must agree to 1e-9.
2. ``careers_impact.summarise`` of the same answers as a review (suggestions, spread,
   share, flags, roll-ups and alpha), timed in a fresh process. Targets: under 0.5 s at
   2,000 colleagues and under 10 s at 100,000.

    python benchmarks/bench_alpha.py [--runs 5] [--colleagues 1000 2000 100000]

Needs the test extra (krippendorff, numpy). Exits 1 if a target is missed or the alphas
disagree.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

SETUP = """
import json, random, sys, time
colleagues = int(sys.argv[1])
import careers_impact as ci
edition = ci.load_edition()
rows = [row.id for row in edition.rows]
rng = random.Random(7)
levels = {row: [rng.choice((0, 1, 2, 2, 3, 3, 4)) for _ in range(colleagues)] for row in rows}
"""

OURS = (
    SETUP
    + """
units = [levels[row] for row in rows]
start = time.perf_counter()
alpha = ci.krippendorff_alpha(units)
print(json.dumps({"seconds": time.perf_counter() - start, "alpha": alpha}))
"""
)

THEIRS = (
    SETUP
    + """
import numpy as np, krippendorff
data = np.array([[levels[row][c] for row in rows] for c in range(colleagues)], dtype=float)
start = time.perf_counter()
alpha = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal")
print(json.dumps({"seconds": time.perf_counter() - start, "alpha": float(alpha)}))
"""
)

SUMMARY = (
    SETUP
    + """
from careers_impact.reviews.review import Participant, Reflection, Review, Setting
answers = {0: "not-yet"}
review = Review.model_validate(
    {
        "edition": edition.id,
        "setting": Setting(name="Bench"),
        "date": "2026-10-01",
        "participants": [
            Participant(id=f"c{c}", name=f"c{c}", role="other") for c in range(colleagues)
        ],
        "reflections": [
            Reflection(participant=f"c{c}", row=row, answer=answers.get(level, level))
            for row in rows
            for c, level in enumerate(levels[row])
        ],
    },
    context={"edition": edition},
)
start = time.perf_counter()
summary = ci.summarise(review, edition)
print(json.dumps({"seconds": time.perf_counter() - start, "alpha": summary.alpha}))
"""
)

TARGETS = {2000: 0.5, 100_000: 10.0}


def measure(code: str, colleagues: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(colleagues)], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.4f} s [{min(values):.4f}..{max(values):.4f}]"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--colleagues", type=int, nargs="+", default=[1000, 2000, 100_000])
    args = parser.parse_args(argv)
    failed = False
    for colleagues in args.colleagues:
        ours: list[float] = []
        theirs: list[float] = []
        alphas: set[float] = set()
        reference = 0.0
        for _ in range(args.runs):
            mine = measure(OURS, colleagues)
            other = measure(THEIRS, colleagues)
            ours.append(mine["seconds"])
            theirs.append(other["seconds"])
            alphas.add(mine["alpha"])
            reference = other["alpha"]
        agree = all(abs(a - reference) <= 1e-9 for a in alphas)
        ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
        print(f"{colleagues:>7} colleagues x 32 rows")
        print(f"  alpha, careers_impact:  {spread(ours)}  alpha={min(alphas):.12f}")
        print(f"  alpha, krippendorff:    {spread(theirs)}  alpha={reference:.12f}")
        print(
            f"  ratio {statistics.median(ratios):.2f} [{min(ratios):.2f}..{max(ratios):.2f}]"
            f"  agree to 1e-9: {agree}"
        )
        summaries = [measure(SUMMARY, colleagues)["seconds"] for _ in range(args.runs)]
        target = TARGETS.get(colleagues)
        verdict = ""
        if target is not None:
            met = statistics.median(summaries) < target
            verdict = f"  target < {target} s: {'met' if met else 'MISSED'}"
            failed |= not met
        print(f"  summarise:              {spread(summaries)}{verdict}")
        failed |= not agree
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
