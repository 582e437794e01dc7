"""One typical review, from its long CSV to its summary, against reading it with ``csv``.

12 colleagues x 32 rows, in a process where the library is already imported. Target:
median under 50 ms. The baseline is reading the same file with the csv module alone.
The national extract has its own, fair benchmark: ``benchmarks/bench_national.py``.

    python benchmarks/bench_collection.py [--repeats 50]
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import tempfile
import time
from pathlib import Path

SHAPE = ((1, 7), (2, 7), (3, 8), (4, 4), (5, 3), (6, 3))  # schools-2026: rows per theme
ROWS = [f"{theme}.{r}" for theme, n in SHAPE for r in range(1, n + 1)]
ANSWERS = ["1", "2", "3", "4", "Column 2", "Column 3", "Not yet", "Unsure"]
WEIGHTS = [20, 30, 25, 10, 5, 5, 3, 2]


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
    parser.add_argument("--repeats", type=int, default=50, help="typical-review runs")
    args = parser.parse_args()
    typical(args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
