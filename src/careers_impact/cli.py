"""The ``careers-impact`` command: a thin layer over the library's functions.

Every error the user can cause prints one line to standard error and exits with
status 2; no traceback. A file argument of ``-`` is standard input or output; no
command writes over one of its own inputs, or over an existing file without
``--force``, and every file is written atomically.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import difflib
import io
import os
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from careers_impact._files import same_file, write_atomic
from careers_impact._version import __version__
from careers_impact.errors import CareersImpactError, CrosswalkError, EditionFileError, shown
from careers_impact.model._index import DEFAULT_EDITION, index

if TYPE_CHECKING:
    from careers_impact._files import Source
    from careers_impact.model.edition import Edition
    from careers_impact.reviews.rollup import ReviewSummary

    # argparse's own type for what add_subparsers returns (of the _Parser below).
    _Commands = argparse._SubParsersAction["_Parser"]

__all__ = ["main"]

PROG = "careers-impact"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints usage plus a message; we keep to one line, and for a mistyped
        # subcommand say the nearest one.
        found = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if found:
            choices = re.findall(r"[\w-]+", found[2])
            near = difflib.get_close_matches(found[1], choices, n=1, cutoff=0.5)
            message = message.split(" (choose from")[0]
            message += f"; did you mean '{near[0]}'?" if near else f"; choose {', '.join(choices)}"
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _cmd_editions(args: argparse.Namespace) -> int:
    # The index alone, read with the standard library: listing needs no model types.
    items = index()
    width = max(len(item["id"]) for item in items)
    for item in items:
        effective = item["effective"] or "no date stated"
        default = "  (default)" if item["id"] == DEFAULT_EDITION else ""
        print(f"{item['id']:<{width}}  {item['title']}  [{effective}]{default}")
    return 0


def _load_edition(edition_id: str | None) -> Edition:
    """The edition a command was given: a bundled id, or the path of an edition file
    (checked as `load_edition_file` checks it), so that a new edition can be used before
    a release bundles it. The model is imported only when a command needs it."""
    if edition_id is not None and (Path(edition_id).is_file() or edition_id.endswith(".json")):
        from careers_impact.model.editions import load_edition_file

        return load_edition_file(edition_id)
    from careers_impact.model.editions import load_edition as load

    return load(edition_id)


def _cmd_show(args: argparse.Namespace) -> int:
    from careers_impact.views import markdown, text

    edition = _load_edition(args.edition)
    if args.row is not None:
        row = edition.row(args.row)
        if args.format == "json":
            print(row.model_dump_json(indent=2))
        elif args.format == "markdown":
            print(markdown.row_markdown(edition, row), end="")
        else:
            print(text.row_text(edition, row))
        return 0
    if args.format == "json":
        print(edition.model_dump_json(indent=2))
    elif args.format == "markdown":
        print(markdown.edition_markdown(edition), end="")
    else:
        print(text.edition_text(edition))
    return 0


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-10-05") from None


def _source(path: str) -> Source:
    """A file argument: ``-`` is standard input (its bytes), anything else a path."""
    return sys.stdin.buffer if path == "-" else Path(path)


def _check_output(out: str | None, *, force: bool, inputs: Sequence[str | None]) -> None:
    """Refuse, before any work, to write over an input, or over a file without --force."""
    if out is None or out == "-":
        return
    for given in inputs:
        if given is not None and given != "-" and same_file(out, given):
            raise _UsageError(f"{shown(out)} is one of this command's inputs; write elsewhere")
    if Path(out).exists() and not force:
        raise _UsageError(f"{shown(out)} exists; pass --force to overwrite it")


#: The file endings each kind of page may be written to.
_ENDINGS = {"html": (".html", ".htm"), "markdown": (".md", ".markdown", ".txt")}


def _page_out(
    out: str | None, kind: str, default: str, *, force: bool, inputs: Sequence[str | None]
) -> str:
    """Where a page goes: ``out``, else ``default`` (never HTML poured into a terminal),
    checked as `_check_output` checks; an ending that is not the page's kind is refused
    with what to do instead."""
    chosen = out or default
    _check_output(chosen, force=force, inputs=inputs)
    endings = _ENDINGS[kind]
    if chosen != "-" and not chosen.lower().endswith(endings):
        advice = (
            "; to share a PDF, save the page as .html, open it in a browser and print it to PDF"
            if chosen.lower().endswith(".pdf")
            else ""
        )
        page = "an HTML" if kind == "html" else "a Markdown"
        ending = " or ".join(endings)
        raise _UsageError(
            f"{shown(chosen)}: {page} page is written to a file ending {ending}{advice}"
        )
    return chosen


def _done(what: str, out: str, next_step: str) -> None:
    """The one line that says what was written, and what to do next."""
    print(f"Wrote {what} to {shown(out)}. Next: {next_step}", file=sys.stderr)


def _write(out: str | None, text: str, *, force: bool, inputs: Sequence[str | None]) -> bool:
    """Write ``text`` to ``out`` (``None`` or ``-``: standard output); True for a file.

    A file is written atomically, never over one of the command's own inputs, and
    never over an existing file without ``--force``.
    """
    _check_output(out, force=force, inputs=inputs)
    if out is None or out == "-":
        sys.stdout.write(text)
        return False
    write_atomic(out, lambda handle: handle.write(text.encode("utf-8")))
    return True


def _reflection_files(given: Sequence[str]) -> list[str]:
    """The reflections files given: a folder stands for the CSV and .xlsx files in it."""
    found: list[str] = []
    for name in given:
        if name != "-" and Path(name).is_dir():
            # Any case of ending: Excel on Windows saves "reflections-Alex.CSV".
            files = sorted(p for p in Path(name).iterdir() if p.is_file())
            inside = [str(p) for p in files if p.suffix.casefold() in (".csv", ".xlsx")]
            if not inside:
                raise _UsageError(f"{shown(name)} holds no .csv or .xlsx files")
            others = [p.name for p in files if str(p) not in inside and not p.name.startswith(".")]
            if others:
                print(f"{PROG}: {shown(name)} also holds {', '.join(others)}, not read "
                      "(only .csv and .xlsx files are)", file=sys.stderr)  # fmt: skip
            found += inside
        else:
            found.append(name)
    return found


def _file_setting(given: Sequence[str]) -> str | None:
    """The one file's name, as a setting's name by default; none for a folder, several
    files or standard input (a folder's name is never taken for a setting's)."""
    if len(given) != 1 or given[0] == "-" or Path(given[0]).is_dir():
        return None
    return Path(given[0]).stem


def _at_terminal(given: Sequence[str]) -> bool:
    return sys.stdin.isatty() and "-" not in given


def _ask_setting(given: Sequence[str]) -> str:
    """The setting's name, asked for at a terminal (the one file's name offered)."""
    default = _file_setting(given)
    if not _at_terminal(given):
        if default is None:
            raise _UsageError("give the setting's name with --setting NAME")
        return default
    offered = f" [{default}]" if default else ""
    while not (name := input(f"Setting's name{offered}: ").strip() or (default or "")):
        print("the setting needs a name", file=sys.stderr)
    return name


def _setting_and_date(args: argparse.Namespace) -> tuple[str, _dt.date, str | None]:
    """The review's setting and date: as given; else asked for at a terminal; else the
    defaults, with the one line that says so (two files of one setting must not become
    two settings unnoticed)."""
    default_name = _file_setting(args.reflections)
    name, when = args.setting, args.date
    if (name is None or when is None) and _at_terminal(args.reflections):
        if name is None:
            name = _ask_setting(args.reflections)
        while when is None:
            typed = input(f"Date of the review [{_dt.date.today()}]: ").strip()
            try:
                when = _dt.date.fromisoformat(typed) if typed else _dt.date.today()
            except ValueError:
                print(f"{typed!r} is not a date like 2026-10-05", file=sys.stderr)
    defaults = []
    if name is None:
        if default_name is None:
            raise _UsageError("give the setting's name with --setting NAME")
        name = default_name
        defaults.append(f"setting {name!r} (the file's name; give --setting)")
    if when is None:
        when = _dt.date.today()
        defaults.append(f"date {when} (today; give --date)")
    said = f"{PROG}: used the default {' and '.join(defaults)}" if defaults else None
    return name, when, said


def _cmd_review(args: argparse.Namespace) -> int:
    from careers_impact.files.reflections import review_from_files
    from careers_impact.reviews.review import Setting
    from careers_impact.reviews.rollup import summarise
    from careers_impact.views.text import summary_text

    if args.setting is not None and not args.setting.strip():
        raise _UsageError("--setting must not be blank")
    files = _reflection_files(args.reflections)
    stdin = [f for f in (*files, args.agreed, args.targets) if f == "-"]
    if len(stdin) > 1:
        raise _UsageError("only one of the files can be standard input ('-')")
    inputs = (*files, args.agreed, args.targets)
    _check_output(args.json, force=args.force, inputs=inputs)
    if args.agreed_draft == "-":
        raise _UsageError("--agreed-draft needs a file name: the summary goes to the terminal")
    _check_output(args.agreed_draft, force=args.force, inputs=inputs)
    edition = _load_edition(args.edition)
    name, when, defaults = _setting_and_date(args)
    review, reports = review_from_files(
        [_source(f) for f in files],
        edition,
        setting=Setting(name=name),
        date=when,
        agreed_path=_source(args.agreed) if args.agreed else None,
        targets_path=_source(args.targets) if args.targets else None,
        name_column=args.name_column,
    )
    if defaults:
        print(defaults, file=sys.stderr)
    summary = summarise(review, edition)
    print(summary_text(summary, reports=reports))
    if args.json:
        text = review.model_dump_json(indent=2) + "\n"
        if _write(args.json, text, force=args.force, inputs=inputs):
            print(f"\nReview saved to {shown(args.json)}")
    if args.agreed_draft:
        _write_draft(summary, args.agreed_draft)
    elif args.json and args.json != "-":
        print(f"Next: '{PROG} report {shown(args.json)}' writes the report for governors "
              "(with --previous LAST-YEAR.json, what moved)", file=sys.stderr)  # fmt: skip
    elif not args.agreed:
        print(f"Next: '{PROG} review … --agreed-draft agreed.csv' writes the agreed positions "
              "for the meeting to fill in", file=sys.stderr)  # fmt: skip
    return 0


def _write_draft(summary: ReviewSummary, out: str) -> None:
    from careers_impact.files.agreed import write_draft

    write_draft(summary, out)
    waiting = len(summary.to_discuss)
    print(
        f"\nAgreed positions for the meeting written to {shown(out)}: each row holds its "
        f"suggestion, and the {waiting} row{'s' if waiting != 1 else ''} to discuss come "
        "first. Change what the group agrees differently, then run this command again "
        f"with --agreed {shown(out)}."
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    from careers_impact.examples import demo_earlier_review, demo_review
    from careers_impact.reviews.rollup import summarise
    from careers_impact.views.text import summary_text

    print("A fictional example review, bundled with the package to show what a review gives.\n")
    print(summary_text(summarise(demo_review())))
    try:
        import jinja2  # noqa: F401  (only to know whether the report can be made)
    except ImportError:
        print(
            "\nFor the HTML report of this example, install the report extra: "
            "pip install 'careers-impact[report]'"
        )
        return 0
    from careers_impact.views.report import report_html

    page = report_html(demo_review(), demo_earlier_review())
    if _write(args.out, page, force=args.force, inputs=()):
        print(f"\nThe example's report, compared with its review a year earlier: {args.out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from careers_impact.files.review_json import load_review
    from careers_impact.views.report import report_html, report_markdown

    if args.review == "-" and args.previous == "-":
        raise _UsageError("only one of the reviews can be standard input ('-')")
    kind = "markdown" if args.format == "markdown" else "html"
    default = "report.md" if kind == "markdown" else "report.html"
    out = _page_out(args.out, kind, default, force=args.force, inputs=(args.review, args.previous))
    review = load_review(
        _source(args.review), name="standard input" if args.review == "-" else None
    )
    previous = load_review(_source(args.previous)) if args.previous else None
    make = report_markdown if args.format == "markdown" else report_html
    text = make(review, previous, allow_different_settings=args.allow_different_settings)
    if _write(out, text, force=args.force, inputs=(args.review, args.previous)):
        _done(
            "the report",
            out,
            "open it in a browser, and print it to PDF to share it with governors"
            if kind == "html"
            else "paste it into your document",
        )
    return 0


def _cmd_peer(args: argparse.Namespace) -> int:
    from careers_impact.files.review_json import load_review
    from careers_impact.reviews.peer import peer_set
    from careers_impact.views.peer import peer_html, peer_markdown

    if args.reviews.count("-") > 1:
        raise _UsageError("only one of the reviews can be standard input ('-')")
    kind = "markdown" if args.format == "markdown" else "html"
    default = "peer.md" if kind == "markdown" else "peer.html"
    out = _page_out(args.out, kind, default, force=args.force, inputs=args.reviews)
    reviews = [
        load_review(_source(path), name="standard input" if path == "-" else None)
        for path in args.reviews
    ]
    peers = peer_set(reviews)
    text = (peer_markdown if args.format == "markdown" else peer_html)(peers)
    if _write(out, text, force=args.force, inputs=args.reviews):
        _done("the peer review set", out, "share it with the settings before the peer meeting")
    return 0


def _cmd_hub(args: argparse.Namespace) -> int:
    from careers_impact.reviews.hub import hub_from_collection, summarise_hub
    from careers_impact.views.hub import hub_html, withheld_tables

    out = _page_out(args.out, "html", "hub.html", force=args.force, inputs=args.inputs)
    # Saved reviews name their edition, so for them --edition only checks it.
    edition = _load_edition(args.edition) if args.edition else None
    if len(args.inputs) == 1 and args.inputs[0].lower().endswith(".csv"):
        from careers_impact.files.collection import read_collection

        edition = edition or _load_edition(None)
        collection = read_collection(_source(args.inputs[0]), edition)
        if collection.ignored:
            names = ", ".join(repr(c) for c in collection.ignored)
            plural = "s" if len(collection.ignored) > 1 else ""
            print(f"{PROG}: {shown(args.inputs[0])}: column{plural} {names} ignored",
                  file=sys.stderr)  # fmt: skip
        hub = hub_from_collection(collection, edition)
    else:
        from careers_impact.files.review_json import load_review

        reviews = [load_review(_source(path)) for path in args.inputs]
        hub = summarise_hub(reviews, edition)
    # Left out unless given, so the one default is careers_impact.reviews.hub.SUPPRESS_BELOW.
    given = {} if args.suppress_below is None else {"suppress_below": args.suppress_below}
    page = hub_html(hub, edition=edition, title=args.title, **given)
    if empty := withheld_tables(hub, **given):
        print(f"{PROG}: with {hub.settings} setting{'s' if hub.settings != 1 else ''}, every "
              f"count by {' and '.join(empty)} is withheld: too few settings to publish them",
              file=sys.stderr)  # fmt: skip
    if _write(out, page, force=args.force, inputs=args.inputs):
        _done(
            "the hub page",
            out,
            "open it in a browser; small counts are withheld, so it can be shared",
        )
    return 0


def _cmd_pack(args: argparse.Namespace) -> int:
    from careers_impact.files.reflections import review_from_files
    from careers_impact.reviews.review import Setting
    from careers_impact.views.pack import discussion_pack

    files = _reflection_files(args.reflections)
    out = _page_out(args.out, "html", "pack.html", force=args.force, inputs=files)
    edition = _load_edition(args.edition)
    name = args.setting or _ask_setting(args.reflections)
    review, reports = review_from_files(
        [_source(f) for f in files],
        edition,
        setting=Setting(name=name),
        date=_dt.date.today(),
        name_column=args.name_column,
    )
    for report in reports:
        print(f"{PROG}: {report}", file=sys.stderr)
    page = discussion_pack(review, edition, show_names=args.names)
    if _write(out, page, force=args.force, inputs=files):
        then = f"'{PROG} review … --agreed-draft agreed.csv' writes the file to record them in"
        _done("the discussion pack", out, f"at the meeting, agree each row's position; {then}")
    return 0


def _cmd_form(args: argparse.Namespace) -> int:
    from careers_impact.views.form import reflection_form

    out = _page_out(args.out, "html", "reflections.html", force=args.force, inputs=())
    page = reflection_form(_load_edition(args.edition))
    if _write(out, page, force=args.force, inputs=()):
        _done(
            "the reflection form",
            out,
            f"send {shown(out)} to each colleague; their "
            f"downloads go in one folder for '{PROG} pack FOLDER --setting NAME'",
        )
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from careers_impact.files.reflections import write_template

    edition = _load_edition(args.edition)
    buffer = io.StringIO()
    write_template(edition, buffer)
    if _write(args.out, buffer.getvalue(), force=args.force, inputs=()):
        message = f"Wrote the blank reflections form for {edition.id} to {shown(args.out)}"
        print(message, file=sys.stderr)
    return 0


def _cmd_edition_validate(args: argparse.Namespace) -> int:
    from careers_impact.maintain import validate_edition
    from careers_impact.model.editions import load_edition_file

    name = "standard input" if args.file == "-" else shown(args.file)
    try:
        edition = load_edition_file(_source(args.file), name=name)
        problems = validate_edition(edition)
    except EditionFileError as error:
        problems = error.problems
    for where, what in problems:
        print(f"{name}: {where}: {what}" if where else f"{name}: {what}")
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    print(
        f"{name}: valid edition {edition.id!r}: {len(edition.themes)} themes, "
        f"{len(edition.rows)} rows"
    )
    return 0


def _cmd_edition_diff(args: argparse.Namespace) -> int:
    from careers_impact.maintain import diff_editions, draft_crosswalk

    old, new = _load_edition(args.old), _load_edition(args.new)
    diff = diff_editions(old, new, similarity=args.similarity)
    if args.format == "json":
        print(diff.model_dump_json(indent=2))
    elif args.format == "markdown":
        print(diff.markdown(), end="")
    else:
        print(diff.text(), end="")
    if args.crosswalk:
        text = draft_crosswalk(diff, old, new).model_dump_json(indent=2) + "\n"
        if _write(args.crosswalk, text, force=args.force, inputs=(args.old, args.new)):
            print(f"Wrote a draft crosswalk to {shown(args.crosswalk)}", file=sys.stderr)
    return 0


def _cmd_edition_hash(args: argparse.Namespace) -> int:
    from careers_impact.model.editions import load_edition_file

    name = "standard input" if args.file == "-" else shown(args.file)
    edition = load_edition_file(_source(args.file), name=name)
    digest = edition.content_hash()
    print(digest)
    recorded = edition.expected_hash()
    if recorded is None:
        print(f"{PROG}: {name}: no hash recorded yet; stamp it as published_hash", file=sys.stderr)
    elif recorded != digest:
        print(f"{PROG}: {name}: differs from the recorded {recorded}", file=sys.stderr)
    return 0


def _cmd_crosswalk_propose(args: argparse.Namespace) -> int:
    from careers_impact.propose import propose_crosswalk

    old, new = _load_edition(args.old), _load_edition(args.new)
    walk = propose_crosswalk(old, new)
    out = args.out or f"{old.id}--{new.id}.json"
    if _write(out, walk.model_dump_json(indent=2) + "\n", force=args.force,
              inputs=(args.old, args.new)):  # fmt: skip
        undecided = sum((e.note or "").startswith("DECIDE") for e in walk.entries)
        print(f"Wrote a proposed crosswalk of {len(walk.entries)} entries to {shown(out)}; "
              f"{undecided} marked DECIDE. Next: decide them, then 'careers-impact "
              f"crosswalk check {out}'", file=sys.stderr)  # fmt: skip
    return 0


def _cmd_crosswalk_check(args: argparse.Namespace) -> int:
    from careers_impact.model.crosswalk import check_crosswalk, load_crosswalk_file

    name = shown(args.file)
    crosswalk = load_crosswalk_file(_source(args.file), name=name)
    old = _load_edition(args.old or crosswalk.old)
    new = _load_edition(args.new or crosswalk.new)
    try:
        check_crosswalk(crosswalk, old, new)
    except CrosswalkError as error:
        problems = str(error).split("; ")
        for problem in problems:
            print(f"{name}: {problem}")
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    print(f"{name}: {len(crosswalk.entries)} entries from {old.id} to {new.id}; every row of "
          "both accounted for, none left to decide")  # fmt: skip
    return 0


def _cmd_edition_new(args: argparse.Namespace) -> int:
    from careers_impact.maintain import new_edition

    draft = new_edition(_load_edition(args.base), args.id)
    out = args.out or f"{args.id}.json"
    if _write(out, draft.model_dump_json(indent=2) + "\n", force=args.force, inputs=(args.base,)):
        print(f"Wrote a starting file for edition {args.id!r} to {shown(out)}")
    return 0


# What each subcommand is for, and an example: shown by its --help.
_GUIDE: dict[str, tuple[str, str]] = {
    "editions": (
        "List the editions of the model this package carries, with the default one marked.",
        "careers-impact editions",
    ),
    "show": (
        "Print an edition of the model, or one row of it, word for word: as text, "
        "Markdown or JSON.",
        "careers-impact show colleges --row 4.6 --format markdown",
    ),
    "template": (
        "Write the blank reflections form, a CSV with one column per row of the model, for "
        "colleagues to fill in before the review meeting.",
        "careers-impact template --out reflections.csv",
    ),
    "form": (
        "Write the reflection form: one page that works offline, in which a colleague reads "
        "each row's four columns and chooses the best fit, then downloads a file that "
        "'review' reads.",
        "careers-impact form --out reflections.html",
    ),
    "pack": (
        "Write the discussion pack for the review meeting: rows needing discussion first, "
        "each with its four columns, how many colleagues chose each answer and in which "
        "roles, their notes, and the suggestion and why; printable on A4.",
        "careers-impact pack downloads/ --setting 'Our School' --out pack.html",
    ),
    "review": (
        "Suggest a best fit for every row from colleagues' reflections (a long CSV or a "
        "form tool's export), show the rows to discuss, and save the review with the "
        "group's agreed positions and targets.",
        "careers-impact review reflections.csv --setting 'Our School' --date 2026-10-05 \\\n"
        "      --agreed agreed.csv --targets targets.csv --json review.json",
    ),
    "hub": (
        "Write a Careers Hub's page across its settings: per row, theme and benchmark how "
        "many settings stand at each position, the rows most often at the lowest positions, "
        "and year-on-year moves for settings reviewed more than once; small numbers withheld.",
        "careers-impact hub reviews/*.json --out hub.html   (or: hub collection.csv)",
    ),
    "peer": (
        "Lay two to eight settings' saved reviews side by side for a peer review "
        "conversation: each row's positions, where the settings differ most, and where one "
        "setting's strength meets another's priority area.",
        "careers-impact peer ours.json theirs.json third.json --out peer.html",
    ),
    "demo": (
        "Run a review on the bundled, clearly fictional example school and write its report.",
        "careers-impact demo --out example-report.html",
    ),
    "report": (
        "Write a review's report to share with colleagues and governors: one self-contained "
        "HTML page, or Markdown for documents; with an earlier review, what moved since.",
        "careers-impact report review.json --previous last-year.json --out report.html",
    ),
    "edition": (
        "Maintainers' tools for publishing an edition of the model.",
        "careers-impact edition validate schools-2027.json",
    ),
    "crosswalk": (
        "Maintainers' tools for crosswalks between editions.",
        "careers-impact crosswalk check schools-2026--schools-2027.json",
    ),
    "check": (
        "Check a crosswalk against its two editions: every row it names exists, none is "
        "still marked DECIDE, and every row of both editions is accounted for; exit 1 on "
        "any problem.",
        "careers-impact crosswalk check schools-2026--schools-2027.json --new schools-2027.json",
    ),
    "propose": (
        "Propose a crosswalk by matching rows on what they say, across all rows of both "
        "editions (kept, renamed, split, merged, added, retired), each entry with its "
        "evidence and DECIDE where the evidence is ambiguous.",
        "careers-impact crosswalk propose schools-2026 schools-2027.json",
    ),
    "hash": (
        "Print an edition file's content hash (SHA-256 of its RFC 8785 form, without "
        "published_hash and errata), to stamp as published_hash when it is released.",
        "careers-impact edition hash schools-2027.json",
    ),
    "validate": (
        "Check an edition file against the format, every invariant and its recorded hash; "
        "exit 1 if anything is wrong.",
        "careers-impact edition validate schools-2027.json",
    ),
    "diff": (
        "Every change between two editions (ids or files), each classed editorial or "
        "substantive, with a draft crosswalk.",
        "careers-impact edition diff schools-2026 schools-2027.json --crosswalk walk.json",
    ),
    "new": (
        "Write the starting file of a new edition from an existing one.",
        "careers-impact edition new --from schools-2026 --id schools-2027",
    ),
}


def _explain(choices: Mapping[str, argparse.ArgumentParser]) -> None:
    # Every subcommand's --help says what it is for and shows an example.
    for name, sub in choices.items():
        description, example = _GUIDE[name]
        sub.description = description
        sub.epilog = f"example:\n  {example}"
        sub.formatter_class = argparse.RawDescriptionHelpFormatter


def _parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="The Careers Impact Maturity Model: browse editions and run reviews.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    _model_commands(commands)
    _form_command(commands)
    _pack_command(commands)
    _review_commands(commands)
    _maintainer_commands(commands)
    _crosswalk_commands(commands)
    _explain(commands.choices)
    return parser


def _form_command(commands: _Commands) -> None:
    form = commands.add_parser(
        "form", help="write the reflection form (one offline page) to send round"
    )
    form.add_argument(
        "edition",
        nargs="?",
        default=None,
        metavar="EDITION",
        help=f"edition id or edition file (default: {DEFAULT_EDITION})",
    )
    form.add_argument(
        "--out",
        metavar="FILE.html",
        help="where to write it (default: reflections.html; '-': standard output)",
    )
    form.add_argument("--force", action="store_true", help="overwrite an existing file")
    form.set_defaults(run=_cmd_form)


def _pack_command(commands: _Commands) -> None:
    pack = commands.add_parser(
        "pack", help="write the discussion pack for the review meeting from the reflections"
    )
    pack.add_argument(
        "reflections",
        nargs="+",
        metavar="REFLECTIONS.csv",
        help="colleagues' reflections: files, or a folder of the reflection form's downloads",
    )
    pack.add_argument("--out", metavar="FILE.html", help="(default: pack.html)")
    pack.add_argument("--force", action="store_true", help="overwrite an existing file")
    pack.add_argument("--names", action="store_true", help="show colleagues' names, not roles")
    pack.add_argument("--setting", metavar="NAME", help="the setting's name, for the heading")
    pack.add_argument(
        "--edition", default=None, help=f"edition id or edition file (default: {DEFAULT_EDITION})"
    )
    pack.add_argument(
        "--name-column", metavar="HEADER", help="in a wide export, the colleague's column"
    )
    pack.set_defaults(run=_cmd_pack)


def _model_commands(commands: _Commands) -> None:
    """The model: list the editions, show one, write the blank reflections form."""
    editions = commands.add_parser("editions", help="list the bundled editions of the model")
    editions.set_defaults(run=_cmd_editions)

    show = commands.add_parser("show", help="print an edition, or one row of it")
    show.add_argument(
        "edition",
        nargs="?",
        default=None,
        metavar="EDITION",
        help=f"edition id (default: {DEFAULT_EDITION}); see 'editions'",
    )
    show.add_argument("--row", metavar="ID", help="print only this row, e.g. 5.3")
    show.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="output format (default: text)",
    )
    show.set_defaults(run=_cmd_show)

    template = commands.add_parser(
        "template", help="write the blank reflections form (wide CSV) to send round"
    )
    template.add_argument(
        "edition",
        nargs="?",
        default=None,
        metavar="EDITION",
        help=f"edition id or edition file (default: {DEFAULT_EDITION})",
    )
    template.add_argument(
        "--out", metavar="FILE.csv", help="write here (default or '-': standard output)"
    )
    template.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    template.set_defaults(run=_cmd_template)


def _review_commands(commands: _Commands) -> None:
    """A review: from reflections, the bundled example, its report, peers and hubs."""
    _review_command(commands)
    _demo_command(commands)
    _report_command(commands)
    _peer_command(commands)
    _hub_command(commands)


def _review_command(commands: _Commands) -> None:
    """`review`: a review from colleagues' reflections, agreed positions and targets."""
    review = commands.add_parser(
        "review",
        help="suggest best fits from colleagues' reflections and show the rows to discuss",
    )
    review.add_argument(
        "reflections",
        nargs="+",
        metavar="REFLECTIONS.csv",
        help="a long CSV (participant,role,row,answer,reason,note) or a form tool's wide export "
        "('-': standard input); several files, or a folder of them, such as the reflection "
        "form's downloads",
    )
    review.add_argument(
        "--agreed", metavar="AGREED.csv", help="agreed positions (row,column,rationale)"
    )
    review.add_argument(
        "--agreed-draft",
        metavar="AGREED.csv",
        help="write the agreed positions for the meeting, filled in with each row's "
        "suggestion, the rows to discuss first: edit what the group changes, then pass it "
        "as --agreed",
    )
    review.add_argument(
        "--targets", metavar="TARGETS.csv", help="the group's targets (row,column,by,note)"
    )
    review.add_argument(
        "--edition", default=None, help=f"edition id or edition file (default: {DEFAULT_EDITION})"
    )
    review.add_argument(
        "--json", metavar="OUT.json", help="also save the review as JSON ('-': standard output)"
    )
    review.add_argument("--force", action="store_true", help="overwrite an existing --json file")
    review.add_argument(
        "--setting",
        metavar="NAME",
        help="the setting's name (asked for at a terminal; else the file's name)",
    )
    review.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the review's date (asked for at a terminal; else today)",
    )
    review.add_argument(
        "--name-column",
        metavar="HEADER",
        help="in a wide export, the column that names each colleague, when two could",
    )
    review.set_defaults(run=_cmd_review)


def _demo_command(commands: _Commands) -> None:
    """`demo`: the bundled fictional example, and its report."""
    demo = commands.add_parser("demo", help="run a review on the bundled fictional example")
    demo.add_argument(
        "--out",
        default="careers-impact-demo-report.html",
        metavar="FILE.html",
        help="where to write the example's HTML report (default: %(default)s)",
    )
    demo.add_argument("--force", action="store_true", help="overwrite an existing report")
    demo.set_defaults(run=_cmd_demo)


def _report_command(commands: _Commands) -> None:
    """`report`: a saved review's shareable report."""
    report = commands.add_parser(
        "report", help="write a review's shareable report (HTML, or Markdown for documents)"
    )
    report.add_argument(
        "review", metavar="REVIEW.json", help="a review saved with --json ('-': standard input)"
    )
    report.add_argument(
        "--previous",
        metavar="EARLIER.json",
        help="an earlier review of the setting, to show what moved",
    )
    report.add_argument(
        "--out",
        metavar="FILE",
        help="write here (default: report.html, or report.md; '-': standard output)",
    )
    report.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    report.add_argument(
        "--allow-different-settings",
        action="store_true",
        help="compare with --previous even if it is another setting's review",
    )
    report.add_argument(
        "--format", choices=("html", "markdown"), default="html", help="(default: html)"
    )
    report.set_defaults(run=_cmd_report)


def _peer_command(commands: _Commands) -> None:
    """`peer`: several settings' reviews side by side."""
    peer = commands.add_parser(
        "peer", help="lay several settings' reviews side by side for peer review"
    )
    peer.add_argument(
        "reviews",
        nargs="+",
        metavar="REVIEW.json",
        help="reviews saved with --json, one per setting",
    )
    peer.add_argument(
        "--out", metavar="FILE", help="(default: peer.html, or peer.md; '-': standard output)"
    )
    peer.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    peer.add_argument(
        "--format", choices=("html", "markdown"), default="html", help="(default: html)"
    )
    peer.set_defaults(run=_cmd_peer)


def _hub_command(commands: _Commands) -> None:
    """`hub`: a Careers Hub's page across its settings."""
    hub = commands.add_parser("hub", help="write a Careers Hub's page across its settings")
    hub.add_argument(
        "inputs",
        nargs="+",
        metavar="COLLECTION.csv|REVIEW.json",
        help="one long CSV of many settings' answers, or saved reviews (several per setting "
        "for year-on-year moves)",
    )
    hub.add_argument("--out", metavar="FILE.html", help="(default: hub.html)")
    hub.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    hub.add_argument(
        "--suppress-below",
        type=int,
        metavar="N",
        help="withhold counts from 1 to N-1 (default: 5; 0 shows every count)",
    )
    hub.add_argument("--title", help="the page's heading (default: the number of settings)")
    hub.add_argument(
        "--edition", default=None, help=f"edition id or edition file (default: {DEFAULT_EDITION})"
    )
    hub.set_defaults(run=_cmd_hub)


def _crosswalk_commands(commands: _Commands) -> None:
    """Maintainers: check a crosswalk."""
    crosswalk = commands.add_parser("crosswalk", help="maintainers: check a crosswalk")
    tools = crosswalk.add_subparsers(dest="tool", metavar="TOOL", parser_class=_Parser)
    tools.required = True
    check = tools.add_parser(
        "check", help="check a crosswalk against its two editions; exit 1 on any problem"
    )
    check.add_argument("file", metavar="FILE.json", help="the crosswalk file ('-': standard input)")
    for side in ("old", "new"):
        what = f"the {side}er edition, an id or a file (default: the one the crosswalk names)"
        check.add_argument(f"--{side}", metavar="EDITION", help=what)
    check.set_defaults(run=_cmd_crosswalk_check)
    propose = tools.add_parser(
        "propose", help="propose a crosswalk from two editions' content (ids or files)"
    )
    propose.add_argument("old", metavar="OLD")
    propose.add_argument("new", metavar="NEW")
    propose.add_argument("--out", metavar="FILE.json", help="(default: OLD--NEW.json)")
    propose.add_argument("--force", action="store_true", help="overwrite an existing file")
    propose.set_defaults(run=_cmd_crosswalk_propose)
    _explain(tools.choices)


def _maintainer_commands(commands: _Commands) -> None:
    """Maintainers: validate, diff and start editions."""
    edition = commands.add_parser("edition", help="maintainers: validate, diff and start editions")
    tools = edition.add_subparsers(dest="tool", metavar="TOOL", parser_class=_Parser)
    tools.required = True
    validate = tools.add_parser("validate", help="check an edition file; exit 1 on any problem")
    validate.add_argument(
        "file", metavar="FILE.json", help="the edition file ('-': standard input)"
    )
    validate.set_defaults(run=_cmd_edition_validate)
    diff = tools.add_parser(
        "diff", help="what changed between two editions (ids or files), each change classed"
    )
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    diff.add_argument(
        "--similarity",
        type=float,
        default=0.75,
        metavar="RATIO",
        help="a word replaced by one whose letters are at least this alike (0 to 1) is a "
        "misspelling fixed, editorial (default: %(default)s)",
    )
    diff.add_argument("--crosswalk", metavar="OUT.json", help="also write a draft crosswalk")
    diff.add_argument("--force", action="store_true", help="overwrite an existing --crosswalk file")
    diff.set_defaults(run=_cmd_edition_diff)
    digest = tools.add_parser(
        "hash", help="print an edition file's content hash, to stamp as its published_hash"
    )
    digest.add_argument("file", metavar="FILE.json", help="the edition file ('-': standard input)")
    digest.set_defaults(run=_cmd_edition_hash)
    new = tools.add_parser("new", help="write a starting file for a new edition")
    new.add_argument("--from", dest="base", required=True, metavar="EXISTING")
    new.add_argument("--id", required=True, metavar="NEW_ID")
    new.add_argument("--out", metavar="FILE.json", help="(default: NEW_ID.json)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(run=_cmd_edition_new)
    _explain(tools.choices)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        if not argv:
            _parser().print_help()
            return 0
        args = _parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except BrokenPipeError:
        # The reader went away (e.g. piped into head): stop quietly, and keep Python
        # from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (_UsageError, CareersImpactError) as error:
        # Every error the package raises on purpose says what and where, for people; a
        # bug stays a visible traceback.
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        where = f"{shown(error.filename)}: " if isinstance(error.filename, str) else ""
        print(f"{PROG}: error: {where}{error.strerror or error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
