"""A national summary at engine speed: `read_collection` against pandas, polars and DuckDB.

Every contender is a fresh Python process given the same CSV, and does the same complete
work from it: read the setting, participant, row and answer columns; refuse the file if
a colleague answers a row twice for a setting or an answer is not one of the spellings
used; turn answers into levels (0 to 4; "Unsure" counts for nobody); and for every
setting and row give the suggestion (the lower median), the spread, the share at the
suggestion and the needs-discussion flag (spread of 2 or more, or under half at the
suggestion). Each prints a checksum of its figures, and the run stops if any two
disagree, so no contender can be quick by doing less.

The contenders:

* ``floor``: the standard library's ``csv.reader`` merely reading the file (no work);
* ``core``: ``read_collection(..., engine="python")``, the package with no extras;
* ``fast``: ``read_collection(..., engine="polars")``, with the ``fast`` extra;
* ``pandas``, ``polars``, ``duckdb``: each engine used as an analyst would, counting
  per setting-row and level in the engine.

Files: 1.28 million and 12.8 million answers (32 rows; 8 colleagues a setting, or 2, so
four times the settings), with lines in setting order, in colleague order (a form
export) and shuffled. Each contender runs ``--repeats`` times per file, the contenders
alternating, each time in a new process (files are made in one too, so the benchmark's
own process stays small); the table gives the median wall-clock time of
the whole process (start-up and imports included), its ratio to the fastest baseline
engine and to the floor with the spread of the ratio across repeats (min..max of
per-repeat ratios), and peak memory (the process's own high-water mark, ``VmHWM``).

    python benchmarks/bench_national.py [--repeats 5 3] [--sizes 1.28 12.8] [--data DIR]

Needs ``pip install -e ".[test]" duckdb`` (pandas, polars and pyarrow come with the
test extra). Files are written to ``--data`` (default: a temporary folder) and reused
there if present; 12.8 million answers take 345 MB a file.
"""

from __future__ import annotations

import argparse
import json
import os
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
LEVELS = {"1": 1, "2": 2, "3": 3, "4": 4, "Column 2": 2, "Column 3": 3, "Not yet": 0}
ORDERS = ("setting", "colleague", "shuffled")
HERE = Path(__file__)

# Each contender prints {"figures": checksum, "peak": bytes}; the checksum sums, over
# every setting-row with answers, its suggestion, spread and flag, and its share.
_REPORT = """
import json
def peak():
    # This process's own high-water mark (VmHWM starts afresh at exec; ru_maxrss would
    # count the benchmark's process it was forked from).
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024
def report(groups, median, spread, flag, share):
    figures = [int(groups), int(median), int(spread), int(flag), round(float(share), 6)]
    print(json.dumps({"figures": figures, "peak": peak()}))
"""

FLOOR = (
    _REPORT
    + """
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    for cells in csv.reader(handle):
        pass
print(json.dumps({"figures": None, "peak": peak()}))
"""
)

OURS = (
    _REPORT
    + """
import sys
from collections import Counter
import careers_impact
summary = careers_impact.read_collection(
    sys.argv[1], careers_impact.load_edition(), engine=sys.argv[2]
)
# The summary's columns: each distinct outcome once, and how many setting-rows have it.
times = Counter(summary.index)
answered = [(summary.outcomes[at], n) for at, n in times.items()]
answered = [(outcome, n) for outcome, n in answered if outcome[1] is not None]
report(
    sum(n for _, n in answered),
    sum(o[1] * n for o, n in answered),
    sum(o[3] * n for o, n in answered),
    sum(o[5] * n for o, n in answered),
    sum(o[4] * n for o, n in answered),
)
"""
)

_FIGURES_FROM_COUNTS = """
import numpy as np
def from_counts(c):
    # c: one line per setting-row, five columns of counts per level.
    cum = c.cumsum(1)
    n = cum[:, -1]
    median = (cum >= ((n - 1) // 2 + 1)[:, None]).argmax(1)
    lowest = (c > 0).argmax(1)
    highest = 4 - (c[:, ::-1] > 0).argmax(1)
    share = c[np.arange(len(c)), median] / n
    spread = highest - lowest
    flag = (spread >= 2) | (share < 0.5)
    report(len(c), median.sum(), spread.sum(), flag.sum(), share.sum())
"""

PANDAS = (
    _REPORT
    + _FIGURES_FROM_COUNTS
    + f"""
import sys
import pandas as pd
LEVELS = {dict(LEVELS, Unsure=-1)!r}
frame = pd.read_csv(
    sys.argv[1], usecols=["setting", "participant", "row", "answer"], dtype=str,
    keep_default_na=False,
)
if frame.duplicated(["setting", "row", "participant"]).any():
    raise SystemExit("a colleague answers a row twice")
level = frame["answer"].map(LEVELS)
if level.isna().any():
    raise SystemExit("an answer that is not an answer")
frame = frame.assign(level=level.astype("int8"))
frame = frame[frame["level"] >= 0]
counts = (
    frame.groupby(["setting", "row", "level"], sort=False).size()
    .unstack(fill_value=0).reindex(columns=range(5), fill_value=0)
)
from_counts(counts.to_numpy())
"""
)

POLARS = (
    _REPORT
    + f"""
import sys
import polars as pl
LEVELS = {dict(LEVELS, Unsure=-1)!r}
frame = pl.read_csv(
    sys.argv[1], columns=["setting", "participant", "row", "answer"], infer_schema=False
)
if frame.select(pl.struct("setting", "row", "participant").is_duplicated().any()).item():
    raise SystemExit("a colleague answers a row twice")
frame = frame.with_columns(
    level=pl.col("answer").replace_strict(LEVELS, return_dtype=pl.Int8)
).filter(pl.col("level") >= 0)
counts = frame.group_by("setting", "row", "level").len()
wide = counts.pivot(on="level", index=["setting", "row"], values="len").fill_null(0)
c = [pl.col(str(level)) if str(level) in wide.columns else pl.lit(0) for level in range(5)]
n = pl.sum_horizontal(c)
cum = [pl.sum_horizontal(c[: level + 1]) for level in range(5)]
middle = (n - 1) // 2
median = sum((cum[level] <= middle).cast(pl.Int64) for level in range(4))
lowest = pl.coalesce([pl.when(c[level] > 0).then(level) for level in range(5)])
highest = pl.coalesce([pl.when(c[level] > 0).then(level) for level in reversed(range(5))])
at_median = pl.coalesce([pl.when(median == level).then(c[level]) for level in range(5)])
out = wide.select(median=median, spread=highest - lowest, share=at_median / n)
out = out.with_columns(flag=(pl.col("spread") >= 2) | (pl.col("share") < 0.5))
report(out.height, out["median"].sum(), out["spread"].sum(), out["flag"].sum(), out["share"].sum())
"""
)

DUCKDB = (
    _REPORT
    + f"""
import sys
import duckdb
con = duckdb.connect()
con.execute("set enable_progress_bar = false")  # it would print to standard output
con.execute(
    "create table t as select setting, participant, row, answer "
    "from read_csv(?, all_varchar = true, header = true)", [sys.argv[1]]
)
twice = con.execute(
    "select count(*) from (select 1 from t group by setting, row, participant "
    "having count(*) > 1)"
).fetchone()[0]
if twice:
    raise SystemExit("a colleague answers a row twice")
cases = " ".join(f"when '{{a}}' then {{v}}" for a, v in {dict(LEVELS, Unsure=-1)!r}.items())
if con.execute(f"select count(*) from t where (case answer {{cases}} end) is null").fetchone()[0]:
    raise SystemExit("an answer that is not an answer")
row = con.execute(f'''
with l as (select setting, row, case answer {{cases}} end as level from t),
c as (select setting, row, level, count(*) as k from l where level >= 0
      group by setting, row, level),
w as (select setting, row, level, k,
        sum(k) over (partition by setting, row order by level) as cum,
        sum(k) over (partition by setting, row) as n,
        min(level) over (partition by setting, row) as lo,
        max(level) over (partition by setting, row) as hi
      from c),
m as (select setting, row, min(level) as median, any_value(n) as n,
        any_value(hi - lo) as spread
      from w where cum > (n - 1) // 2 group by setting, row),
s as (select m.median, m.spread, w.k / m.n as share
      from m join w using (setting, row) where w.level = m.median)
select count(*), sum(median), sum(spread),
  sum(case when spread >= 2 or share < 0.5 then 1 else 0 end), sum(share) from s
''').fetchone()
report(*row)
"""
)

CONTENDERS = {
    "floor": (FLOOR, []),
    "core": (OURS, ["python"]),
    "fast": (OURS, ["polars"]),
    "pandas": (PANDAS, []),
    "polars": (POLARS, []),
    "duckdb": (DUCKDB, []),
}
BASELINES = ("pandas", "polars", "duckdb")


def make_file(path: Path, answers: int, colleagues: int, order: str, seed: int = 1) -> None:
    """A collection of ``answers`` lines, 32 rows a setting, in ``order``."""
    rng = random.Random(seed)
    settings = answers // (len(ROWS) * colleagues)
    lines: list[str] = []
    for s in range(settings):
        setting = f"URN{100000 + s}"
        for c in range(colleagues):
            picks = rng.choices(ANSWERS, WEIGHTS, k=len(ROWS))
            lines.extend(
                f"{setting},c{c},other,{row},{answer},\n"
                for row, answer in zip(ROWS, picks, strict=True)
            )
    if order == "setting":
        # By setting, then row, then colleague: the lines of a setting-row together.
        per = len(ROWS)
        lines = [
            lines[base + c * per + r]
            for base in range(0, len(lines), per * colleagues)
            for r in range(per)
            for c in range(colleagues)
        ]
    elif order == "shuffled":
        rng.shuffle(lines)
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8", newline="") as handle:
        handle.write("setting,participant,role,row,answer,note\n")
        handle.writelines(lines)
    temporary.replace(path)


def run(name: str, path: Path) -> dict[str, object]:
    code, extra = CONTENDERS[name]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{name} failed on {path.name}:\n{done.stderr}")
    last = [line for line in done.stdout.splitlines() if line.startswith("{")][-1]
    result: dict[str, object] = json.loads(last)
    result["seconds"] = seconds
    return result


def versions() -> str:
    probe = (
        "import sys, careers_impact, pandas, polars, duckdb, pyarrow;"
        "print(f'Python {sys.version.split()[0]}, careers-impact {careers_impact.__version__}, "
        "pandas {pandas.__version__} (string storage: "
        '{pandas.Series(["a"]).dtype!r}, storage {pandas.Series(["a"]).dtype.storage}), '
        "polars {polars.__version__}, DuckDB {duckdb.__version__}, pyarrow {pyarrow.__version__}')"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    return out.stdout.strip() or out.stderr.strip()


def measure(path: Path, repeats: int) -> dict[str, list[dict[str, object]]]:
    results: dict[str, list[dict[str, object]]] = {name: [] for name in CONTENDERS}
    names = list(CONTENDERS)
    for repeat in range(repeats):
        # Alternated, and in a different order each repeat, so that no contender always
        # follows the same one (the file is in the page cache for all of them).
        for name in names[repeat % len(names) :] + names[: repeat % len(names)]:
            results[name].append(run(name, path))
    checks = {
        json.dumps(r["figures"]) for rs in results.values() for r in rs if r["figures"] is not None
    }
    if len(checks) != 1:
        raise SystemExit(f"the contenders disagree on {path.name}: {sorted(checks)}")
    return results


def table_rows(label: str, results: dict[str, list[dict[str, object]]]) -> list[str]:
    def seconds(name: str) -> list[float]:
        return [float(r["seconds"]) for r in results[name]]  # type: ignore[arg-type]

    best = min(BASELINES, key=lambda name: statistics.median(seconds(name)))
    rows = []
    for name in CONTENDERS:
        mine = seconds(name)
        vs_best = [a / b for a, b in zip(mine, seconds(best), strict=True)]
        vs_floor = [a / b for a, b in zip(mine, seconds("floor"), strict=True)]
        peak = max(int(r["peak"]) for r in results[name]) / 2**30  # type: ignore[call-overload]
        rows.append(
            f"| {label} | {name} | {statistics.median(mine):.2f} | "
            f"{statistics.median(vs_best):.2f} [{min(vs_best):.2f}..{max(vs_best):.2f}] | "
            f"{statistics.median(vs_floor):.2f} [{min(vs_floor):.2f}..{max(vs_floor):.2f}] | "
            f"{peak:.2f} |"
        )
    rows.append(f"| {label} | (fastest baseline: {best}) | | | | |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeats", type=int, nargs="+", default=[3], help="per size (the last for the rest)"
    )
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.28, 12.8])
    parser.add_argument("--colleagues", type=int, nargs="+", default=[8, 2])
    parser.add_argument("--orders", nargs="+", default=list(ORDERS), choices=ORDERS)
    parser.add_argument("--data", type=Path, help="folder for the files (kept and reused)")
    parser.add_argument("--make", nargs=4, help=argparse.SUPPRESS)  # path answers colleagues order
    args = parser.parse_args()
    if args.make:
        path, answers, colleagues, order = args.make
        make_file(Path(path), int(answers), int(colleagues), order)
        return 0
    folder = args.data or Path(tempfile.mkdtemp(prefix="bench-national-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(versions())
    padded = args.repeats + args.repeats[-1:] * len(args.sizes)
    repeats = dict(zip(args.sizes, padded, strict=False))
    print(f"{os.cpu_count()} CPUs; medians of whole processes")
    print()
    print("| file | contender | median s | ÷ fastest baseline | ÷ csv.reader floor | peak GiB |")
    print("|---|---|---|---|---|---|")
    for size in args.sizes:
        for colleagues in args.colleagues:
            for order in args.orders:
                answers = round(size * 1_000_000)
                path = folder / f"national-{answers}-{colleagues}-{order}.csv"
                if not path.exists():
                    # In its own process, so that this one stays small while measuring.
                    made = [str(path), str(answers), str(colleagues), order]
                    subprocess.run([sys.executable, str(HERE), "--make", *made], check=True)
                label = f"{size:g} M, {colleagues} colleagues, {order}, {repeats[size]} repeats"
                for line in table_rows(label, measure(path, repeats[size])):
                    print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
