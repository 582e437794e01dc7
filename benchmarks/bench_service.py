"""What a request costs a web service: the how-to's app (docs/how-to/web-service.md)
against the same work done directly.

A typical upload is six colleagues' downloads of the reflection form (the fictional
example review's answers, one long CSV each). ``service`` posts them to the app's
``/summary`` through httpx over ASGI, as a server would hand them over; ``direct``
calls `review_from_files`, `summarise` and `summary_document` on the same bytes. Each
contender is a fresh process making ``--requests`` requests after one warm-up,
alternated ``--repeats`` times; the table gives the median time a request, the
service's overhead as a ratio, and each process's peak memory.

    python benchmarks/bench_service.py [--repeats 5] [--requests 50]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_SETUP = r"""
import asyncio, datetime, io, re, sys, time, types
from pathlib import Path
import careers_impact as ci
from careers_impact.examples import demo_review

review = demo_review()
files = []
for person in review.participants:
    mine = review.model_copy(update={
        "participants": (person,),
        "reflections": tuple(r for r in review.reflections if r.participant == person.id),
    })
    text = io.StringIO()
    ci.write_reflections_long(mine, text)
    files.append((f"{person.id}.csv", text.getvalue().encode()))
N = int(sys.argv[1])
"""

_DIRECT = (
    _SETUP
    + r"""
edition = ci.load_edition()
def once():
    uploads = [ci.Upload(data, name) for name, data in files]
    found, _ = ci.review_from_files(uploads, edition, setting=ci.Setting(name="Oak"),
                                    date=datetime.date(2026, 10, 5))
    return ci.summary_document(ci.summarise(found))
"""
)

_SERVICE = (
    _SETUP
    + r"""
import httpx
how_to = Path(sys.argv[2]).read_text(encoding="utf-8")
module = types.ModuleType("service")
exec(re.search(r"```python\n(.*?)```", how_to, re.S)[1], module.__dict__)
transport = httpx.ASGITransport(app=module.app)
async def post():
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        answer = await client.post("/summary", data={"setting": "Oak", "date": "2026-10-05"},
                                   files=[("reflections", (n, d, "text/csv")) for n, d in files])
        assert answer.status_code == 200, answer.text
        return answer.json()
def once():
    return asyncio.run(post())
"""
)

_TIME = r"""
once()
start = time.perf_counter()
for _ in range(N):
    once()
took = (time.perf_counter() - start) / N
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(took, int(hwm.split()[1]) / 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    how_to = str(ROOT / "docs" / "how-to" / "web-service.md")
    code = {"direct": _DIRECT + _TIME, "service": _SERVICE + _TIME}
    times: dict[str, list[float]] = {name: [] for name in code}
    peaks: dict[str, list[float]] = {name: [] for name in code}
    for _ in range(args.repeats):
        for name, source in code.items():  # alternated, each in its own process
            argv = [sys.executable, "-c", source, str(args.requests), how_to]
            out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
            took, peak = map(float, out.split())
            times[name].append(took)
            peaks[name].append(peak)
    base = statistics.median(times["direct"])
    print(f"six colleagues' downloads, {args.requests} requests a process, {args.repeats} repeats")
    print("| contender | ms a request, median [min..max] | × direct | peak MiB |")
    print("|---|---|---|---|")
    for name in code:
        t = times[name]
        median, spread = statistics.median(t), f"[{min(t) * 1e3:.1f}..{max(t) * 1e3:.1f}]"
        peak = statistics.median(peaks[name])
        print(f"| {name} | {median * 1e3:.1f} {spread} | {median / base:.2f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
