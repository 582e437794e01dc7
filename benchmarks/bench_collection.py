"""National scale and one typical review, each against a baseline measured in the same run.

1. A long CSV of 5,000 settings x 32 rows x 8 colleagues (1.28 million answers),
   summarised per setting and row (suggestion, spread, needs discussion) end to end
   from the file by ``careers_impact.read_collection``, against a plain pandas baseline
   that reads the same file and computes the same lower medians with a groupby. Each
   run is a fresh process (so peak memory is that run's alone), the two alternating.
   Targets: ratio <= 3, peak memory under 2 GiB.
2. One typical review, 12 colleagues x 32 rows, from its long CSV to its summary in a
   process where the library is already imported. Target: median under 50 ms. The
   baseline is reading the same file with the csv module alone.

    python benchmarks/bench_collection.py [--runs 5] [--settings 5000]

Needs pandas (``pip install -e ".[pandas]"``).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHAPE = ((1, 7), (2, 7), (3, 8), (4, 4), (5, 3), (6, 3))  # schools-2026: rows per theme
ROWS = [f"{theme}.{r}" for theme, n in SHAPE for r in range(1, n + 1)]
ANSWERS = ["1", "2", "3", "4", "Column 2", "Column 3", "Not yet", "Unsure"]
WEIGHTS = [20, 30, 25, 10, 5, 5, 3, 2]

LIBRARY = """
import json, resource, sys, time
import careers_impact
edition = careers_impact.load_edition()
start = time.perf_counter()
summary = careers_impact.read_collection(sys.argv[1], edition)
elapsed = time.perf_counter() - start
assert len(summary.setting_rows) == len(summary.settings) * len(edition.rows)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": elapsed, "peak": peak, "groups": len(summary.setting_rows)}))
"""

PANDAS = """
import json, resource, sys, time
import pandas as pd
LEVELS = {"1": 1, "2": 2, "3": 3, "4": 4, "Column 2": 2, "Column 3": 3, "Not yet": 0}
start = time.perf_counter()
frame = pd.read_csv(sys.argv[1], usecols=["setting", "row", "answer"], dtype=str)
frame["level"] = frame["answer"].map(LEVELS)
medians = frame.dropna(subset=["level"]).groupby(["setting", "row"])["level"].quantile(
    0.5, interpolation="lower"
)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": elapsed, "peak": peak, "groups": len(medians)}))
"""


def make_collection(path: Path, settings: int, colleagues: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    lines = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["setting", "participant", "role", "row", "answer", "note"])
        for s in range(settings):
            setting = f"URN{100000 + s}"
            for row in ROWS:
                picks = rng.choices(ANSWERS, WEIGHTS, k=colleagues)
                for c, answer in enumerate(picks):
                    out.writerow([setting, f"c{c}", "other", row, answer, ""])
                    lines += 1
    return lines


def run(code: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def national(runs: int, settings: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.csv"
        lines = make_collection(path, settings, colleagues=8)
        print(f"national: {settings} x {len(ROWS)} rows x 8 colleagues = {lines:,} answers")
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(run(LIBRARY, path))
            theirs.append(run(PANDAS, path))
    ours_median = statistics.median(r["seconds"] for r in ours)
    theirs_median = statistics.median(r["seconds"] for r in theirs)
    peak = max(r["peak"] for r in ours)
    ratio = ours_median / theirs_median
    print(f"  pandas groupby baseline  median {theirs_median:6.2f} s   ({runs} runs)")
    print(f"  careers_impact           median {ours_median:6.2f} s   ({runs} runs)")
    print(f"  ratio {ratio:.2f} (target <= 3)  {'OK' if ratio <= 3 else 'OVER TARGET'}")
    pandas_peak = max(r["peak"] for r in theirs)
    print(
        f"  peak memory {peak / 2**30:.2f} GiB (target < 2 GiB)  "
        f"{'OK' if peak < 2 * 2**30 else 'OVER TARGET'}; pandas {pandas_peak / 2**30:.2f} GiB"
    )


def typical(repeats: int) -> None:
    import careers_impact

    edition = careers_impact.load_edition()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "review.csv"
        rng = random.Random(7)
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(["participant", "role", "row", "answer", "note"])
            for c in range(12):
                for row in ROWS:
                    answer = rng.choices(ANSWERS, WEIGHTS)[0]
                    out.writerow([f"Colleague {c}", "other", row, answer, ""])
        setting = careers_impact.Setting(name="Benchmark School")
        when = __import__("datetime").date(2026, 10, 1)
        careers_impact.summarise(
            careers_impact.review_from_files(path, edition, setting=setting, date=when)[0]
        )  # warm: first use builds the validators
        library, floor = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            review, _ = careers_impact.review_from_files(path, edition, setting=setting, date=when)
            careers_impact.summarise(review, edition)
            library.append(time.perf_counter() - start)
            start = time.perf_counter()
            with path.open(encoding="utf-8", newline="") as handle:
                list(csv.reader(handle))
            floor.append(time.perf_counter() - start)
    lib, base = statistics.median(library), statistics.median(floor)
    print(f"typical review: 12 colleagues x {len(ROWS)} rows, CSV to summary ({repeats} runs)")
    print(f"  csv.reader alone   median {base * 1000:7.2f} ms")
    print(f"  careers_impact     median {lib * 1000:7.2f} ms  (ratio {lib / base:.0f}x)")
    print(f"  target < 50 ms  {'OK' if lib < 0.05 else 'OVER TARGET'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="national runs of each (default 5)")
    parser.add_argument("--settings", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=50, help="typical-review runs")
    args = parser.parse_args()
    typical(args.repeats)
    national(args.runs, args.settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
