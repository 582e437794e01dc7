"""Does the core's quick collection reader earn its lines? It against the careful reader.

`read_collection(..., engine="python")` on a file or bytes counts with the quick reader
and hands anything it must report to the careful reader; a stream that cannot be read
twice (a pipe) goes to the careful reader alone. Both give the same summary, checked
here by a checksum of every figure. Each contender is a fresh process given the same
file of the national benchmark's shape, alternating, ``--repeats`` times; the table
gives medians, and each reader's ratio to ``csv.reader`` merely reading the file
(``floor``) with its spread across repeats.

    python benchmarks/bench_engines.py [--repeats 5] [--sizes 1.28] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent

_READ = """
import io, json, sys, hashlib
import careers_impact

class Pipe(io.RawIOBase):
    # A binary stream that cannot seek, as a pipe: the careful reader alone reads it.
    def __init__(self, handle):
        self.handle = handle
    def readable(self):
        return True
    def readinto(self, buffer):
        return self.handle.readinto(buffer)

edition = careers_impact.load_edition()
if sys.argv[2] == "quick":
    summary = careers_impact.read_collection(sys.argv[1], edition, engine="python")
else:
    with open(sys.argv[1], "rb", buffering=0) as handle:
        stream = io.BufferedReader(Pipe(handle))
        summary = careers_impact.read_collection(stream, edition, engine="python")
digest = hashlib.sha256(repr([tuple(summary.settings), summary.outcomes,
                              list(summary.index)]).encode()).hexdigest()
print(json.dumps({"figures": digest}))
"""

_FLOOR = """
import csv, json, sys
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    for cells in csv.reader(handle):
        pass
print(json.dumps({"figures": None}))
"""

CONTENDERS = {
    "floor": [_FLOOR],
    "quick": [_READ, "quick"],
    "careful": [_READ, "careful"],
}


def run(path: Path, name: str) -> tuple[float, object]:
    script, *args = CONTENDERS[name]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, str(path), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, json.loads(done.stdout)["figures"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.28])
    parser.add_argument("--data", type=Path)
    args = parser.parse_args()
    folder = args.data or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    print("| answers (M) | reader | median s | × floor [min..max] |")
    print("|---|---|---|---|")
    for size in args.sizes:
        path = folder / f"engines-{size}.csv"
        if not path.exists():
            answers = str(int(size * 1_000_000))
            maker = [sys.executable, str(HERE / "bench_national.py"), "--make"]
            subprocess.run([*maker, str(path), answers, "8", "setting"], check=True)
        times: dict[str, list[float]] = {name: [] for name in CONTENDERS}
        sums = set()
        for _ in range(args.repeats):
            for name in CONTENDERS:  # alternated, each in a new process
                seconds, figures = run(path, name)
                times[name].append(seconds)
                if figures is not None:
                    sums.add(figures)
        if len(sums) != 1:
            raise SystemExit(f"the readers disagree on {path.name}")
        for name in CONTENDERS:
            ratios = [a / b for a, b in zip(times[name], times["floor"], strict=True)]
            print(
                f"| {size} | {name} | {statistics.median(times[name]):.2f} | "
                f"{statistics.median(ratios):.2f} [{min(ratios):.2f}..{max(ratios):.2f}] |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
