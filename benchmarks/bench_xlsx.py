"""Which library reads Microsoft Forms' .xlsx export: python-calamine or openpyxl?

A workbook shaped as Forms writes one (ID, start and completion times, email, name,
role, then one column a row of the model; ``--responses`` lines) is made once with
openpyxl. Each contender is a fresh process that reads every cell of the first sheet
into Python values, alternating, ``--repeats`` times; the table gives each one's median
time and peak memory, and openpyxl's time as a multiple of calamine's.

    python benchmarks/bench_xlsx.py [--repeats 5] [--responses 5000]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_READ = {
    "calamine": (
        "from python_calamine import CalamineWorkbook\n"
        "rows = CalamineWorkbook.from_path(PATH).get_sheet_by_index(0).to_python()\n"
    ),
    "openpyxl": (
        "import openpyxl\n"
        "book = openpyxl.load_workbook(PATH, read_only=True, data_only=True)\n"
        "rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]\n"
    ),
}
# Peak memory from the kernel's high-water mark of this process alone (ru_maxrss
# would carry the parent's over exec).
_RUN = (
    "import sys, time\nPATH = sys.argv[1]\nstart = time.perf_counter()\n{read}"
    "took = time.perf_counter() - start\n"
    "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
    "print(took, len(rows), int(hwm.split()[1]) / 1024)\n"
)


def _make(path: Path, responses: int) -> None:
    import datetime

    import openpyxl

    import careers_impact

    rows = [f"{r.id} {r.title}" for r in careers_impact.load_edition().rows]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ID", "Start time", "Completion time", "Email", "Name", "Role", *rows])
    pick = random.Random(2026).choice
    answers = ["Column 1", "Column 2", "Column 3", "Column 4", "Not yet", "Unsure"]
    when = datetime.datetime(2026, 10, 1, 9)
    for i in range(responses):
        sheet.append([i + 1, when, when, f"p{i}@example.org", f"Colleague {i}", "Governor",
                      *(pick(answers) for _ in rows)])  # fmt: skip
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--responses", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "forms.xlsx"
        _make(path, args.responses)
        times: dict[str, list[float]] = {name: [] for name in _READ}
        memory: dict[str, list[float]] = {name: [] for name in _READ}
        for _ in range(args.repeats):
            for name, read in _READ.items():  # alternated, each in its own process
                out = subprocess.run([sys.executable, "-c", _RUN.format(read=read), str(path)],
                                     capture_output=True, text=True, check=True).stdout  # fmt: skip
                seconds, count, peak = out.split()
                assert int(count) == args.responses + 1
                times[name].append(float(seconds))
                memory[name].append(float(peak))
    base = statistics.median(times["calamine"])
    print(f"{args.responses} responses, {args.repeats} repeats, medians [min..max]")
    print("| reader | time | × calamine | peak MiB |")
    print("|---|---|---|---|")
    for name in _READ:
        t, peak = times[name], statistics.median(memory[name])
        median = statistics.median(t)
        spread = f"[{min(t):.3f}..{max(t):.3f}]"
        print(f"| {name} | {median:.3f} s {spread} | {median / base:.1f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
