"""A fresh hostile corpus, never seen by the test suite: generated long and wide
reflections (hostile names, notes and answers; any separator and line end; byte order
marks, wrong encodings, flipped bytes, cut files, lost quotes), fed to every reader from
every kind of source, to both collection engines, and to `careers-impact pack`. It
counts tracebacks (anything that is not a CareersImpactError), engines that disagree,
and user text that reaches a page as markup.

    python tools/try_fresh_corpus.py [SEED] [INPUTS]
"""

from __future__ import annotations

import contextlib
import io
import random
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import careers_impact as ci
from careers_impact.cli import main as cli

EDITION = ci.load_edition()
ROWS = [r.id for r in EDITION.rows]
PEOPLE = ["Alex", "Sam", '=HYPERLINK("x")', "<script>alert(1)</script>", "Zoë\u00a0", "李明",
          "\x1fX\x1e", "@cmd", "'quoted", "O'Neil, Jo", "Anonymous", ""]  # fmt: skip
ANSWERS = ["1", "2", "3", "4", "Column 3", "Not yet", "Not yet in place", "N/A", "Unsure", "",
           "col 4 - embedded", "?"] * 4 + ["３", "٣", "2.0", "5"]  # fmt: skip
NOTES = ["", "<img src=x onerror=alert(1)>", "=1+1", "line\nbreak", "cr\ronly", "\x00nul",
         "a" * 5000, '"quoted"', "-2+3"]  # fmt: skip
READERS: list[Callable[[Any], object]] = [
    lambda s: ci.read_reflections(s, EDITION),
    lambda s: ci.read_agreed(s, EDITION),
    lambda s: ci.read_collection(s, EDITION, engine="python"),
    lambda s: ci.read_collection(s, EDITION, engine="auto"),
    ci.load_review,
]


def _lines(pick: random.Random) -> list[list[str]]:
    if pick.random() < 0.5:
        head = ["Timestamp", "Name", "Role", *(f"{r} x" for r in pick.sample(ROWS, 5))]
        return [head] + [["9:00", pick.choice(PEOPLE), pick.choice(["Governor", ""]),
                          *(pick.choice(ANSWERS) for _ in range(5))]
                         for _ in range(pick.randint(0, 8))]  # fmt: skip
    head = ["setting", "participant", "role", "row", "answer", "note"]
    return [head] + [[pick.choice(["A", "A\x1f", " A", "B"]), pick.choice(PEOPLE),
                      pick.choice(["Governor", "SENCo", "Alien"]), pick.choice([*ROWS, "9.9"]),
                      pick.choice(ANSWERS), pick.choice(NOTES)]
                     for _ in range(pick.randint(0, 12))]  # fmt: skip


def _bytes(pick: random.Random, lines: list[list[str]]) -> bytes:
    separator, end = pick.choice([",", ",", ";", "\t"]), pick.choice(["\n", "\r\n", "\r"])

    def cell(text: str) -> str:
        quote = pick.random() < 0.1 or any(c in text for c in (separator, '"', "\n", "\r"))
        return '"' + text.replace('"', '""') + '"' if quote else text

    data = (end.join(separator.join(map(cell, line)) for line in lines) + end).encode()
    damage = pick.random()
    if damage < 0.08:
        return b"\xef\xbb\xbf" + data
    if damage < 0.12 and data:
        at = pick.randrange(len(data))
        return data[:at] + bytes([pick.randrange(256)]) + data[at + 1 :]
    if damage < 0.16:
        return data[: pick.randrange(len(data) + 1)]
    return data.replace(b'"', b"", 1) if damage < 0.2 else data


def _source(pick: random.Random, data: bytes) -> object:
    kind = pick.choice(["bytes", "upload", "stream", "text"])
    return {"bytes": data, "upload": ci.Upload(data, "u.csv"), "stream": io.BytesIO(data),
            "text": ci.Upload(data.decode("utf-8", "replace"), "u.csv")}[kind]  # fmt: skip


def _outcome(data: bytes, engine: str) -> object:
    try:
        return list(ci.read_collection(data, EDITION, engine=engine).setting_rows)  # type: ignore[arg-type]
    except ci.CareersImpactError as error:
        return str(error)


def main() -> int:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    pick, folder = random.Random(seed), Path(tempfile.mkdtemp())
    found: list[str] = []
    accepted = refused = injected = 0
    for number in range(count):
        data = _bytes(pick, _lines(pick))
        for read in READERS:
            try:
                read(_source(pick, data))
                accepted += 1
            except ci.CareersImpactError:
                refused += 1
            except Exception:  # the point: anything else is a bug, counted
                found.append(f"{data[:60]!r}: {traceback.format_exc().splitlines()[-1]}")
        if _outcome(data, "auto") != _outcome(data, "python"):
            found.append(f"{data[:60]!r}: the engines disagree")
        (folder / f"{number}.csv").write_bytes(data)
        page = folder / f"{number}.html"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            status = cli(["pack", str(folder / f"{number}.csv"), "--setting", "X",
                          "--out", str(page), "--force"])  # fmt: skip
        if status == 0 and (
            "<script>alert" in page.read_text() or "<img src=x" in page.read_text()
        ):
            injected += 1
    print(f"{count} inputs (seed {seed}); reader calls: {accepted} read, {refused} refused; "
          f"tracebacks or disagreements: {len(found)}; injections: {injected}")  # fmt: skip
    for line in found[:15]:
        print(" ", line)
    return 1 if found or injected else 0


if __name__ == "__main__":
    sys.exit(main())
