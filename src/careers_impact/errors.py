"""The errors the package raises, each naming what was wrong and where."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "AnswerError",
    "CareersImpactError",
    "CrosswalkError",
    "EditionFileError",
    "MissingExtraError",
    "ModelError",
    "NotFoundError",
    "ParameterError",
    "ReviewInputError",
    "ReviewMismatchError",
    "UnknownEditionError",
    "UnknownRowError",
    "UnknownThemeError",
]


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(path: str) -> str:
    """A file name as messages print it: quoted where it holds control characters, so
    that a name cannot forge further lines or codes in a terminal or a log.

    >>> shown("answers.csv"), shown("a\\nb.csv")
    ('answers.csv', "'a\\\\nb.csv'")
    """
    return repr(path) if _CONTROL.search(path) else path


class CareersImpactError(Exception):
    """Base class of every error this package raises on purpose.

    >>> from careers_impact import UnknownEditionError, ReviewInputError
    >>> [issubclass(e, CareersImpactError) for e in (UnknownEditionError, ReviewInputError)]
    [True, True]
    """


class AnswerError(CareersImpactError, ValueError):
    """A cell that is not an answer; the message quotes it and says what is accepted.

    The accepted answers are worded once, in `careers_impact.reviews.vocabulary`.

    >>> print(AnswerError("3 - 4", "names more than one column", "one column 1 to 4"))
    '3 - 4' names more than one column; write one column 1 to 4
    """

    def __init__(self, cell: str, why: str, accepted: str) -> None:
        self.cell, self.why = cell, why
        super().__init__(f"{cell!r} {why}; write {accepted}")


class CrosswalkError(CareersImpactError, LookupError):
    """No crosswalk joins two editions, or a crosswalk does not fit its editions.

    >>> issubclass(CrosswalkError, LookupError)
    True
    """


class ModelError(CareersImpactError, ValueError):
    """A model built from Python with values its file format would refuse: every problem,
    each with its field path, in the package's words.

    >>> from careers_impact import Setting
    >>> Setting(name=" ")
    Traceback (most recent call last):
    careers_impact.errors.ModelError: Setting: 1 problem: name: must not be empty or ...
    """

    def __init__(self, model: str, problems: Sequence[tuple[str, str]]) -> None:
        self.model = model
        self.problems = tuple(problems)
        listed = "; ".join(f"{where}: {what}" for where, what in self.problems)
        noun = "problem" if len(self.problems) == 1 else "problems"
        super().__init__(f"{model}: {len(self.problems)} {noun}: {listed}")


class ParameterError(CareersImpactError, ValueError):
    """An argument outside what a function takes; the message says what it takes.

    >>> from careers_impact import load_edition
    >>> try:
    ...     load_edition().rows_for_benchmark(9)
    ... except ParameterError as error:
    ...     print(error)
    a Gatsby Benchmark number is 1 to 8, not 9
    """


class ReviewMismatchError(CareersImpactError, ValueError):
    """Reviews that cannot be compared or summarised together as asked (different
    settings or editions, dates out of order, one setting twice).

    >>> issubclass(ReviewMismatchError, ValueError)
    True
    """


class NotFoundError(CareersImpactError, LookupError):
    """Something asked for by name or number that is not there (a benchmark, a
    participant, a schema).

    >>> from careers_impact import benchmark
    >>> try:
    ...     benchmark(9)
    ... except NotFoundError as error:
    ...     print(error)
    there is no Gatsby Benchmark 9; they are numbered 1 to 8
    """


class MissingExtraError(CareersImpactError, ImportError):
    """A feature needs an optional extra that is not installed; the message names it.

    >>> print(MissingExtraError("the content hash", "hash"))
    the content hash needs the 'hash' extra: pip install 'careers-impact[hash]'
    """

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs the {extra!r} extra: pip install 'careers-impact[{extra}]'"
        )


class UnknownEditionError(CareersImpactError, LookupError):
    """An edition id that is not bundled with the package.

    >>> from careers_impact import load_edition
    >>> try:
    ...     load_edition("schools-1999")
    ... except UnknownEditionError as error:
    ...     print(error.known)
    ('colleges', 'schools-2026')
    """

    def __init__(self, edition_id: str, known: Sequence[str]) -> None:
        self.edition_id = edition_id
        self.known = tuple(known)
        super().__init__(f"unknown edition {edition_id!r}; known editions: {', '.join(self.known)}")


class UnknownRowError(CareersImpactError, LookupError):
    """A row id that the edition does not have; suggests close ids.

    >>> from careers_impact import load_edition
    >>> try:
    ...     load_edition().row("1.9")
    ... except UnknownRowError as error:
    ...     print(error.suggestions)
    ('1.7', '1.6', '1.5')
    """

    def __init__(self, row_id: str, edition_id: str, suggestions: Sequence[str]) -> None:
        self.row_id = row_id
        self.edition_id = edition_id
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {' or '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"edition {edition_id!r} has no row {row_id!r}{hint}")


class UnknownThemeError(CareersImpactError, LookupError):
    """A theme number that the edition does not have.

    >>> from careers_impact import load_edition
    >>> try:
    ...     load_edition().theme(9)
    ... except UnknownThemeError as error:
    ...     print(error)
    edition 'schools-2026' has no theme 9; its themes are 1, 2, 3, 4, 5, 6
    """

    def __init__(self, number: object, edition_id: str, known: Sequence[int]) -> None:
        self.number = number
        self.edition_id = edition_id
        self.known = tuple(known)
        super().__init__(
            f"edition {edition_id!r} has no theme {number!r}; "
            f"its themes are {', '.join(str(n) for n in self.known)}"
        )


class EditionFileError(CareersImpactError, ValueError):
    """An edition file that cannot be read or does not satisfy the edition format.

    ``problems`` lists each problem as ``(location, message)``; the location is a
    JSON path such as ``themes[0].rows[2].cells[1].statements`` or a line and column
    for a file that is not valid JSON.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition_file
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "draft.json"
    >>> _ = path.write_text("{", encoding="utf-8")
    >>> try:
    ...     load_edition_file(path)
    ... except EditionFileError as error:
    ...     print(error.problems)
    (('line 1 column 1', 'not valid JSON: EOF while parsing an object'),)
    """

    def __init__(self, path: str, problems: Sequence[tuple[str, str]]) -> None:
        self.path = path
        self.problems = tuple(problems)
        listed = "; ".join(f"{where}: {what}" if where else what for where, what in self.problems)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{shown(path)}: {count} {noun}: {listed}")


class ReviewInputError(CareersImpactError, ValueError):
    """A review file that cannot be used: it names the file, line and column at fault.

    >>> print(ReviewInputError("answers.csv", "'5' is not an answer", line=4, column="1.3"))
    answers.csv, line 4, column '1.3': '5' is not an answer
    >>> print(ReviewInputError("form.xlsx", "'5' is not an answer", line=4, column="1.3",
    ...                        sheet="Form1", cell="G4"))
    form.xlsx, sheet 'Form1', cell G4, column '1.3': '5' is not an answer
    """

    def __init__(
        self,
        path: str,
        message: str,
        *,
        line: int | None = None,
        column: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        self.path = path
        self.message = message
        self.line = line  # in a spreadsheet, the row's number
        self.column = column
        self.sheet = sheet
        self.cell = cell
        where = shown(path)
        if sheet is not None:
            where += f", sheet {sheet!r}"
        if cell is not None:
            where += f", cell {cell}"
        elif line is not None:
            where += f", {'row' if sheet is not None else 'line'} {line}"
        if column is not None:
            where += f", column {column!r}"
        super().__init__(f"{where}: {message}")
