"""Cold start: ``import careers_impact; careers_impact.load_edition()`` in a fresh process.

Measured against the floor cost of using pydantic at all: a fresh process that imports
pydantic, defines one small model and validates one instance. The two are run
alternately so that machine noise falls on both alike; the script prints each median
and their ratio. Target: ratio <= 1.15.

    python benchmarks/bench_load.py [--runs 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

LIBRARY = "import careers_impact; careers_impact.load_edition()"
FLOOR = (
    "import pydantic\n"
    "class Probe(pydantic.BaseModel):\n"
    "    name: str\n"
    "    level: int\n"
    "Probe.model_validate({'name': 'x', 'level': 1})\n"
)
TARGET = 1.15


def once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each (at least 15)")
    args = parser.parse_args()
    runs = max(15, args.runs)
    once(LIBRARY)  # warm the file system cache and bytecode for both
    once(FLOOR)
    library, floor = [], []
    for _ in range(runs):
        library.append(once(LIBRARY))
        floor.append(once(FLOOR))
    lib_median = statistics.median(library)
    floor_median = statistics.median(floor)
    ratio = lib_median / floor_median
    print(f"runs: {runs} each, alternating")
    print(f"pydantic floor   median {floor_median * 1000:7.1f} ms")
    print(f"careers_impact   median {lib_median * 1000:7.1f} ms  (import + load_edition())")
    print(f"ratio {ratio:.3f}  (target <= {TARGET})  {'OK' if ratio <= TARGET else 'OVER TARGET'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
