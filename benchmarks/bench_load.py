"""Cold start, each in a fresh process, against the floor of using pydantic at all.

1. ``import careers_impact; careers_impact.load_edition()`` against a process that
   imports pydantic, defines one small model and validates one instance. Target: the
   ratio of medians at most 1.05.
2. ``careers-impact --help`` and ``careers-impact editions`` (through
   ``careers_impact.cli.main``) against a process that only imports pydantic: they
   import neither pydantic nor the model, so they should cost less than it.

The processes are run alternately so that machine noise falls on all alike; the script
prints each median with its spread and the ratios, and exits 1 when a target is missed.

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
IMPORT_PYDANTIC = "import pydantic"
HELP = (
    "from careers_impact.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
)
EDITIONS = "from careers_impact.cli import main; main(['editions'])"
LOAD_TARGET = 1.05
CLI_TARGET = 1.0


def once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def spread(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:6.1f} ms "
        f"[{min(values) * 1000:.1f}..{max(values) * 1000:.1f}]"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each (at least 15)")
    args = parser.parse_args()
    runs = max(15, args.runs)
    codes = {"floor": FLOOR, "library": LIBRARY, "pydantic": IMPORT_PYDANTIC}
    codes |= {"help": HELP, "editions": EDITIONS}
    for code in codes.values():
        once(code)  # warm the file system cache and bytecode for all alike
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            times[name].append(once(code))
    median = {name: statistics.median(values) for name, values in times.items()}
    checks = [
        ("import + load_edition()", "library", "floor", LOAD_TARGET),
        ("careers-impact --help", "help", "pydantic", CLI_TARGET),
        ("careers-impact editions", "editions", "pydantic", CLI_TARGET),
    ]
    print(f"runs: {runs} each, alternating")
    for name in codes:
        print(f"  {name:<9} {spread(times[name])}")
    failed = False
    for label, mine, base, target in checks:
        ratio = median[mine] / median[base]
        ok = ratio <= target
        failed |= not ok
        verdict = "OK" if ok else "OVER TARGET"
        print(f"{label:<26} {ratio:.3f} x {base:<8} (target <= {target})  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
