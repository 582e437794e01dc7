"""The ``careers-impact`` command: a thin layer over the library's functions.

Every error the user can cause prints one line to standard error and exits with
status 2; no traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

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
    except (_UsageError, CareersImpactError, OSError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
