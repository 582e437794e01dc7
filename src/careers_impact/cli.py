"""The ``careers-impact`` command: a thin layer over the library's functions.

Every error the user can cause prints one line to standard error and exits with
status 2; no traceback.
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from careers_impact._version import __version__
from careers_impact.editions import DEFAULT_EDITION, list_editions, load_edition
from careers_impact.errors import CareersImpactError

__all__ = ["main"]

PROG = "careers-impact"


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints usage plus a message; we keep to one line.
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _cmd_editions(args: argparse.Namespace) -> int:
    infos = list_editions()
    width = max(len(info.id) for info in infos)
    for info in infos:
        effective = info.effective or "no date stated"
        default = "  (default)" if info.id == DEFAULT_EDITION else ""
        print(f"{info.id:<{width}}  {info.title}  [{effective}]{default}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from careers_impact import render

    edition = load_edition(args.edition)
    if args.row is not None:
        row = edition.row(args.row)
        if args.format == "json":
            print(row.model_dump_json(indent=2))
        elif args.format == "markdown":
            print(render.row_markdown(edition, row), end="")
        else:
            print(render.row_text(edition, row))
        return 0
    if args.format == "json":
        print(edition.model_dump_json(indent=2))
    elif args.format == "markdown":
        print(render.edition_markdown(edition), end="")
    else:
        print(render.edition_text(edition))
    return 0


def _date(text: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-10-05") from None


def _cmd_review(args: argparse.Namespace) -> int:
    from careers_impact.render import summary_text
    from careers_impact.review import Setting
    from careers_impact.review_files import review_from_files, save_review
    from careers_impact.rollup import summarise

    if args.setting is not None and not args.setting.strip():
        raise _UsageError("--setting must not be blank")
    edition = load_edition(args.edition)
    setting = Setting(name=args.setting or Path(args.reflections).stem)
    review, reports = review_from_files(
        args.reflections,
        edition,
        setting=setting,
        date=args.date or _dt.date.today(),
        agreed_path=args.agreed,
        name_column=args.name_column,
    )
    print(summary_text(summarise(review, edition), reports=reports))
    if args.json:
        save_review(review, args.json)
        print(f"\nReview saved to {args.json}")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from careers_impact.examples import demo_earlier_review, demo_review
    from careers_impact.render import summary_text
    from careers_impact.rollup import summarise

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
    from careers_impact.report import report_html

    out = Path(args.out)
    out.write_text(report_html(demo_review(), demo_earlier_review()), encoding="utf-8")
    print(f"\nThe example's report, compared with its review a year earlier: {out}")
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from careers_impact.report import report_html, report_markdown
    from careers_impact.review_files import load_review

    review = load_review(args.review)
    previous = load_review(args.previous) if args.previous else None
    if args.format == "markdown":
        text = report_markdown(review, previous)
    else:
        text = report_html(review, previous)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"Wrote the report to {args.out}", file=sys.stderr)
    else:
        print(text, end="")
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    from careers_impact.review_files import write_template

    edition = load_edition(args.edition)
    if args.out:
        write_template(edition, args.out)
        print(f"Wrote the blank reflections form for {edition.id} to {args.out}", file=sys.stderr)
    else:
        from careers_impact.review_files import template_header

        csv.writer(sys.stdout, lineterminator="\n").writerow(template_header(edition))
    return 0


def _edition_arg(text: str) -> Any:
    """An edition given as a bundled id or as the path of an edition file."""
    if Path(text).is_file() or text.endswith(".json"):
        from careers_impact.editions import load_edition_file

        return load_edition_file(text)
    return load_edition(text)


def _cmd_edition_validate(args: argparse.Namespace) -> int:
    from careers_impact.maintain import validate_edition_file

    problems = validate_edition_file(args.file)
    for where, what in problems:
        print(f"{args.file}: {where}: {what}")
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    from careers_impact.editions import load_edition_file

    edition = load_edition_file(args.file)
    print(
        f"{args.file}: valid edition {edition.id!r}: {len(edition.themes)} themes, "
        f"{len(edition.rows)} rows"
    )
    return 0


def _cmd_edition_diff(args: argparse.Namespace) -> int:
    from careers_impact.maintain import diff_editions, draft_crosswalk

    old, new = _edition_arg(args.old), _edition_arg(args.new)
    diff = diff_editions(old, new, similarity=args.similarity)
    if args.format == "json":
        print(diff.model_dump_json(indent=2))
    elif args.format == "markdown":
        print(diff.markdown(), end="")
    else:
        print(diff.text(), end="")
    if args.crosswalk:
        crosswalk = draft_crosswalk(diff, old, new)
        Path(args.crosswalk).write_text(crosswalk.model_dump_json(indent=2) + "\n", "utf-8")
        print(f"Wrote a draft crosswalk to {args.crosswalk}", file=sys.stderr)
    return 0


def _cmd_edition_new(args: argparse.Namespace) -> int:
    from careers_impact.maintain import new_edition

    draft = new_edition(_edition_arg(args.base), args.id)
    out = Path(args.out or f"{args.id}.json")
    if out.exists() and not args.force:
        raise _UsageError(f"{out} exists; choose another --out or pass --force")
    out.write_text(draft.model_dump_json(indent=2) + "\n", encoding="utf-8")
    print(f"Wrote a starting file for edition {args.id!r} to {out}")
    return 0


def _parser() -> _Parser:
    parser = _Parser(
        prog=PROG,
        description="The Careers Impact Maturity Model: browse editions and run reviews.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

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

    review = commands.add_parser(
        "review",
        help="suggest best fits from colleagues' reflections and show the rows to discuss",
    )
    review.add_argument(
        "reflections",
        metavar="REFLECTIONS.csv",
        help="a long CSV (participant,role,row,answer,note) or a form tool's wide export",
    )
    review.add_argument(
        "--agreed", metavar="AGREED.csv", help="agreed positions (row,column,rationale)"
    )
    review.add_argument("--edition", default=None, help=f"edition id (default: {DEFAULT_EDITION})")
    review.add_argument("--json", metavar="OUT.json", help="also save the review as JSON")
    review.add_argument(
        "--setting", metavar="NAME", help="the setting's name (default: the file's name)"
    )
    review.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the review's date (default: today)"
    )
    review.add_argument(
        "--name-column",
        metavar="HEADER",
        help="in a wide export, the column that names each colleague, when two could",
    )
    review.set_defaults(run=_cmd_review)

    demo = commands.add_parser("demo", help="run a review on the bundled fictional example")
    demo.add_argument(
        "--out",
        default="careers-impact-demo-report.html",
        metavar="FILE.html",
        help="where to write the example's HTML report (default: %(default)s)",
    )
    demo.set_defaults(run=_cmd_demo)

    report = commands.add_parser(
        "report", help="write a review's shareable report (HTML, or Markdown for documents)"
    )
    report.add_argument("review", metavar="REVIEW.json", help="a review saved with --json")
    report.add_argument(
        "--previous",
        metavar="EARLIER.json",
        help="an earlier review of the setting, to show what moved",
    )
    report.add_argument("--out", metavar="FILE", help="write here (default: standard output)")
    report.add_argument(
        "--format", choices=("html", "markdown"), default="html", help="(default: html)"
    )
    report.set_defaults(run=_cmd_report)

    template = commands.add_parser(
        "template", help="write the blank reflections form (wide CSV) to send round"
    )
    template.add_argument(
        "edition",
        nargs="?",
        default=None,
        metavar="EDITION",
        help=f"edition id (default: {DEFAULT_EDITION})",
    )
    template.add_argument("--out", metavar="FILE.csv", help="write here (default: standard output)")
    template.set_defaults(run=_cmd_template)

    edition = commands.add_parser("edition", help="maintainers: validate, diff and start editions")
    tools = edition.add_subparsers(dest="tool", metavar="TOOL", parser_class=_Parser)
    tools.required = True
    validate = tools.add_parser("validate", help="check an edition file; exit 1 on any problem")
    validate.add_argument("file", metavar="FILE.json")
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
        help="rewording at least this similar (0 to 1) is editorial (default: %(default)s)",
    )
    diff.add_argument("--crosswalk", metavar="OUT.json", help="also write a draft crosswalk")
    diff.set_defaults(run=_cmd_edition_diff)
    new = tools.add_parser("new", help="write a starting file for a new edition")
    new.add_argument("--from", dest="base", required=True, metavar="EXISTING")
    new.add_argument("--id", required=True, metavar="NEW_ID")
    new.add_argument("--out", metavar="FILE.json", help="(default: NEW_ID.json)")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.set_defaults(run=_cmd_edition_new)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    try:
        args = _parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run
        return run(args)
    except BrokenPipeError:
        # The reader went away (e.g. piped into head): stop quietly, and keep Python
        # from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except ValidationError as error:
        from careers_impact._base import validation_problems

        where, message = validation_problems(error)[0]
        print(f"{PROG}: error: {where}: {message}", file=sys.stderr)
        return 2
    except (_UsageError, CareersImpactError, OSError, ValueError, LookupError) as error:
        # The library's ValueError and LookupError messages are written for people
        # (e.g. comparing reviews of two settings), so they are shown as they are.
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
