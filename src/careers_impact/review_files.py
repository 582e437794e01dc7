"""Review files as people really have them, read and written without loss.

* the canonical review file: JSON with a format version (`save_review`,
  `load_review`);
* reflections as a long CSV, ``participant,role,row,answer,note``
  (`read_reflections_long`, `write_reflections_long`);
* reflections as a wide CSV exported from a form tool, one line per colleague and one
  column per row whose header starts with the row id (`read_form_export`);
* agreed positions as CSV, ``row,column,rationale`` (`read_agreed`,
  `write_agreed`);
* the blank wide CSV a careers leader sends round (`write_template`).

CSV files may be UTF-8 with or without a byte order mark, with CRLF or LF line ends.
Anything that cannot be used raises `ReviewInputError` naming the file, line and
column; every input line is either used or reported in the result's ``skipped``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from os import PathLike, fspath
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from careers_impact._base import validation_problems
from careers_impact.errors import ReviewInputError
from careers_impact.model import Edition
from careers_impact.review import (
    NOT_APPLICABLE,
    NOT_YET,
    ROLE_LABELS,
    UNSURE,
    Agreed,
    AgreedPosition,
    Answer,
    Participant,
    Reflection,
    Review,
    Role,
    Setting,
)

__all__ = [
    "LONG_HEADER",
    "Reflections",
    "build_review",
    "load_review",
    "parse_agreed",
    "parse_answer",
    "parse_role",
    "read_agreed",
    "read_form_export",
    "read_reflections",
    "read_reflections_long",
    "review_from_files",
    "save_review",
    "template_header",
    "write_agreed",
    "write_reflections_long",
    "write_template",
]

#: The header of a long reflections CSV.
LONG_HEADER = ("participant", "role", "row", "answer", "note")
AGREED_HEADER = ("row", "column", "rationale")

PathLikeStr = str | PathLike[str]


class Reflections(BaseModel):
    """What a reflections file gave: the colleagues, their answers, and what was left.

    ``skipped`` says, line by line, what was read but not used and why (a line with no
    answers, a role read as "other"); ``ignored_columns`` names the columns that are not
    rows, names or roles (a form tool's timestamps, say).

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "long.csv"
    >>> _ = path.write_text("participant,row,answer\\nAlex,1.1,3\\nAlex,1.2,\\n", encoding="utf-8")
    >>> found = read_reflections(path, load_edition())
    >>> found.layout, len(found.reflections), found.skipped
    ('long', 1, ('line 3: no answer for row 1.2',))
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    path: str
    participants: tuple[Participant, ...]
    reflections: tuple[Reflection, ...]
    skipped: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    layout: Literal["long", "wide"]


# ------------------------------------------------------------------ values

# A column number, optionally after "col"/"column", optionally followed by a separator
# and the column's wording ("Column 3 - Practice is routine…"); nothing else.
_COLUMN = re.compile(r"^(?:col(?:umn)?\.?\s*)?([1-4])(?:\s*[-–—:)]\s*\D.*)?$")
_WORDS: dict[str, Answer] = {
    "not yet": NOT_YET,
    "not-yet": NOT_YET,
    "not yet at column 1": NOT_YET,
    "unsure": UNSURE,
    "not sure": UNSURE,
    "don't know": UNSURE,
    "dont know": UNSURE,
    "?": UNSURE,
    "n/a": NOT_APPLICABLE,
    "na": NOT_APPLICABLE,
    "not applicable": NOT_APPLICABLE,
    "not-applicable": NOT_APPLICABLE,
}


def parse_answer(text: str) -> Answer | None:
    """Read an answer as people write it; ``None`` for a blank.

    Columns as ``3``, ``Column 3``, ``col 3`` or ``Column 3 - routine…``; ``Not yet``,
    ``Unsure``, ``N/A`` in any case. Anything else raises ``ValueError``.

    >>> parse_answer("Column 3"), parse_answer(" col 2 "), parse_answer("N/A"), parse_answer("")
    (3, 2, 'not-applicable', None)
    """
    return _parse_answer(text)


@lru_cache(maxsize=4096)
def _parse_answer(text: str) -> Answer | None:
    # Cached: a national extract repeats the same few spellings a million times.
    key = " ".join(text.strip().casefold().split()).rstrip(".")
    result: Answer | None
    if not key:
        result = None
    elif key in _WORDS:
        result = _WORDS[key]
    elif key.startswith("not yet"):
        result = NOT_YET
    else:
        match = _COLUMN.match(key)
        if not match:
            raise ValueError(
                f"{text.strip()!r} is not an answer; write a column 1 to 4, 'Not yet', "
                "'Unsure' or 'N/A'"
            )
        result = int(match[1])
    return result


def parse_agreed(text: str) -> Agreed | None:
    """Read an agreed position: a column 1 to 4, ``Not yet`` or ``N/A``; ``None`` if blank.

    >>> parse_agreed("2"), parse_agreed("not yet")
    (2, 'not-yet')
    """
    answer = parse_answer(text)
    if answer == UNSURE:
        raise ValueError("an agreed position cannot be 'unsure'; leave it blank instead")
    return answer


_ROLE_WORDS: tuple[tuple[str, Role], ...] = (
    ("careers leader", "careers-leader"),
    ("careers team", "careers-leader"),
    ("careers adviser", "careers-adviser"),
    ("careers advisor", "careers-adviser"),
    ("senior", "senior-leader"),
    ("slt", "senior-leader"),
    ("headteacher", "senior-leader"),
    ("principal", "senior-leader"),
    ("middle", "middle-leader"),
    ("head of", "middle-leader"),
    ("governor", "governor"),
    ("trustee", "governor"),
    ("trustees", "governor"),
    ("governors", "governor"),
    ("senco", "send"),
    ("send", "send"),
    ("pastoral", "pastoral"),
    ("curriculum", "curriculum"),
    ("teacher", "curriculum"),
    ("subject", "curriculum"),
)


def parse_role(text: str) -> tuple[Role, bool]:
    """The role a form's wording names, and whether it was recognised.

    Role ids (``careers-leader``) and the guidance's wordings are recognised; anything
    else is ``other``, with ``False`` so that the caller can report it.

    >>> parse_role("Governor"), parse_role("SENCo"), parse_role("Bursar")
    (('governor', True), ('send', True), ('other', False))
    """
    key = " ".join(text.strip().casefold().split())
    if not key:
        return "other", True
    for role in ROLE_LABELS:
        if key == role or key == ROLE_LABELS[role].casefold():
            return role, True  # type: ignore[return-value]
    for word, role_id in _ROLE_WORDS:
        if re.search(rf"\b{re.escape(word)}\b", key):
            return role_id, True
    return "other", key == "other"


# ------------------------------------------------------------------ reading


def _read_text(path: PathLikeStr) -> tuple[str, str]:
    name = fspath(path)
    try:
        raw = Path(name).read_bytes()
    except OSError as error:
        raise ReviewInputError(name, f"cannot read the file: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ReviewInputError(
            name,
            f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as 'CSV UTF-8'",
            line=line,
        ) from None
    if not text.strip():
        raise ReviewInputError(name, "the file is empty")
    return name, text


def _csv_rows(name: str, text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for fields in reader:
            yield reader.line_num, fields
    except csv.Error as error:
        raise ReviewInputError(
            name, f"not readable as CSV: {error}", line=reader.line_num
        ) from None


def _header(name: str, rows: Iterator[tuple[int, list[str]]]) -> list[str]:
    for _, fields in rows:
        if any(f.strip() for f in fields):
            return [f.strip() for f in fields]
    raise ReviewInputError(name, "the file has no header line")


def read_reflections(
    path: PathLikeStr,
    edition: Edition,
    *,
    name_column: str | None = None,
) -> Reflections:
    """Read a reflections file in either layout, telling them apart by the header.

    A header with ``participant``, ``row`` and ``answer`` columns is the long layout;
    anything else is read as a form export (see `read_form_export`).

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "answers.csv"
    >>> _ = path.write_text("Name,1.1 Careers leadership\\nAlex,Not yet\\n", encoding="utf-8")
    >>> read_reflections(path, load_edition()).reflections[0].answer
    'not-yet'
    """
    name, text = _read_text(path)
    header = {h.casefold() for h in _header(name, _csv_rows(name, text))}
    if {"participant", "row", "answer"} <= header:
        return _read_long(name, text, edition)
    return _read_wide(name, text, edition, name_column)


def read_reflections_long(path: PathLikeStr, edition: Edition) -> Reflections:
    """Read a long reflections CSV: ``participant,role,row,answer,note``, one answer a line.

    ``role`` and ``note`` may be absent. A not-applicable answer's note is its reason.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "long.csv"
    >>> text = "participant,role,row,answer,note\\nAlex,Governor,1.5,3,\\n"
    >>> _ = path.write_text(text, encoding="utf-8")
    >>> found = read_reflections_long(path, load_edition())
    >>> found.participants[0].role, found.reflections[0].answer
    ('governor', 3)
    """
    name, text = _read_text(path)
    return _read_long(name, text, edition)


def _read_long(name: str, text: str, edition: Edition) -> Reflections:
    rows = _csv_rows(name, text)
    header = [h.casefold() for h in _header(name, rows)]
    for needed in ("participant", "row", "answer"):
        if needed not in header:
            raise ReviewInputError(
                name,
                f"the header has no {needed!r} column; expected {','.join(LONG_HEADER)}",
                line=1,
            )
    at = {h: i for i, h in enumerate(header)}
    ignored = tuple(h for h in header if h not in LONG_HEADER)
    known_rows = {row.id for row in edition.rows}
    people: dict[str, Participant] = {}
    reflections: list[Reflection] = []
    answered: dict[tuple[str, str], int] = {}
    skipped: list[str] = []

    def field(fields: list[str], column: str) -> str:
        index = at.get(column)
        return fields[index].strip() if index is not None and index < len(fields) else ""

    for line, fields in rows:
        if not any(f.strip() for f in fields):
            skipped.append(f"line {line}: empty")
            continue
        if len(fields) > len(header):
            raise ReviewInputError(
                name, f"{len(fields)} fields but the header has {len(header)}", line=line
            )
        person = field(fields, "participant")
        if not person:
            raise ReviewInputError(name, "no participant named", line=line, column="participant")
        row_id = field(fields, "row")
        if row_id not in known_rows:
            raise ReviewInputError(
                name, f"edition {edition.id!r} has no row {row_id!r}", line=line, column="row"
            )
        try:
            answer = parse_answer(field(fields, "answer"))
        except ValueError as error:
            raise ReviewInputError(name, str(error), line=line, column="answer") from None
        role_text = field(fields, "role")
        role, known_role = parse_role(role_text)
        if not known_role:
            skipped.append(f"line {line}: role {role_text!r} read as 'other'")
        if person in people and role_text and people[person].role != role:
            raise ReviewInputError(
                name,
                f"{person!r} has role {people[person].role!r} on an earlier line",
                line=line,
                column="role",
            )
        people.setdefault(person, Participant(id=person, name=person, role=role))
        if answer is None:
            skipped.append(f"line {line}: no answer for row {row_id}")
            continue
        if (person, row_id) in answered:
            raise ReviewInputError(
                name,
                f"{person!r} already answered row {row_id} on line {answered[(person, row_id)]}",
                line=line,
            )
        answered[(person, row_id)] = line
        note = field(fields, "note") or None
        reflections.append(
            Reflection(
                participant=person,
                row=row_id,
                answer=answer,
                reason=note if answer == NOT_APPLICABLE else None,
                note=None if answer == NOT_APPLICABLE else note,
            )
        )
    if not people:
        raise ReviewInputError(name, "the file has a header but no answers")
    return Reflections(
        path=name,
        participants=tuple(people.values()),
        reflections=tuple(reflections),
        skipped=tuple(skipped),
        ignored_columns=ignored,
        layout="long",
    )


_ROW_HEADER = re.compile(r"^\s*(?:row\s*)?(\d+\.\d+)(?=\s|$|[:.\-–])", re.IGNORECASE)
_NAME_HEADER = re.compile(
    r"\b(name|colleague|participant|respondent|pseudonym|e-?mail)\b", re.IGNORECASE
)
_ROLE_HEADER = re.compile(r"\brole\b", re.IGNORECASE)


def read_form_export(
    path: PathLikeStr, edition: Edition, *, name_column: str | None = None
) -> Reflections:
    """Read a wide CSV exported from a form tool: one line per colleague.

    Each row of the model is a column whose header starts with the row id (``1.3
    Strategic careers planning``); answers are as `parse_answer` reads them, blank
    for no answer. The colleague's column is found by its header (name, colleague,
    participant, respondent, pseudonym or email) or named with ``name_column`` when two
    could be it; a ``role`` column is used when present. Other columns, such as
    timestamps, are ignored and listed in ``ignored_columns``.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "form.csv"
    >>> text = "Timestamp,Name,1.1 Careers leadership\\n9:00,Alex,Column 2\\n"
    >>> _ = path.write_text(text, encoding="utf-8")
    >>> found = read_form_export(path, load_edition())
    >>> found.reflections[0].answer, found.ignored_columns
    (2, ('Timestamp',))
    """
    name, text = _read_text(path)
    return _read_wide(name, text, edition, name_column)


def _read_wide(name: str, text: str, edition: Edition, name_column: str | None) -> Reflections:
    rows = _csv_rows(name, text)
    header = _header(name, rows)
    known_rows = {row.id for row in edition.rows}
    row_columns: dict[int, str] = {}
    seen_rows: dict[str, str] = {}
    others: list[int] = []
    for index, title in enumerate(header):
        match = _ROW_HEADER.match(title)
        if match:
            row_id = match[1]
            if row_id not in known_rows:
                raise ReviewInputError(
                    name,
                    f"the header names row {row_id}, which edition {edition.id!r} does not have",
                    line=1,
                    column=title,
                )
            if row_id in seen_rows:
                raise ReviewInputError(
                    name,
                    f"two columns are for row {row_id}: {seen_rows[row_id]!r} and {title!r}",
                    line=1,
                    column=title,
                )
            seen_rows[row_id] = title
            row_columns[index] = row_id
        else:
            others.append(index)
    if not row_columns:
        raise ReviewInputError(
            name,
            "no column header starts with a row id such as '1.3'; is this a reflections file?",
            line=1,
        )
    if name_column is not None:
        matches = [i for i in others if header[i] == name_column]
        if not matches:
            raise ReviewInputError(
                name,
                f"there is no column {name_column!r}; the header has "
                + ", ".join(repr(header[i]) for i in others),
                line=1,
            )
        who = matches[0]
    else:
        candidates = [i for i in others if _NAME_HEADER.search(header[i])]
        if not candidates:
            raise ReviewInputError(
                name,
                "no column names the colleague (a header such as 'Name'); choose one with "
                "--name-column",
                line=1,
            )
        if len(candidates) > 1:
            raise ReviewInputError(
                name,
                "more than one column could name the colleague ("
                + ", ".join(repr(header[i]) for i in candidates)
                + "); choose one with --name-column",
                line=1,
            )
        who = candidates[0]
    role_at = next((i for i in others if i != who and _ROLE_HEADER.search(header[i])), None)
    ignored = tuple(header[i] for i in others if i not in (who, role_at))

    people: list[Participant] = []
    first_line: dict[str, int] = {}
    reflections: list[Reflection] = []
    skipped: list[str] = []
    for line, fields in rows:
        if not any(f.strip() for f in fields):
            skipped.append(f"line {line}: empty")
            continue
        if len(fields) > len(header) and any(f.strip() for f in fields[len(header) :]):
            raise ReviewInputError(
                name, f"{len(fields)} fields but the header has {len(header)}", line=line
            )
        fields = fields + [""] * (len(header) - len(fields))
        person = fields[who].strip()
        if not person:
            raise ReviewInputError(name, "no colleague named", line=line, column=header[who])
        if person in first_line:
            raise ReviewInputError(
                name,
                f"{person!r} appears twice (first on line {first_line[person]})",
                line=line,
                column=header[who],
            )
        first_line[person] = line
        role: Role = "other"
        if role_at is not None:
            role, known_role = parse_role(fields[role_at])
            if not known_role:
                skipped.append(f"line {line}: role {fields[role_at].strip()!r} read as 'other'")
        people.append(Participant(id=person, name=person, role=role))
        answers = 0
        for index, row_id in row_columns.items():
            try:
                answer = parse_answer(fields[index])
            except ValueError as error:
                raise ReviewInputError(name, str(error), line=line, column=header[index]) from None
            if answer is not None:
                answers += 1
                reflections.append(Reflection(participant=person, row=row_id, answer=answer))
        if not answers:
            skipped.append(f"line {line}: {person!r} gave no answers")
    if not people:
        raise ReviewInputError(name, "the file has a header but no colleagues' answers")
    return Reflections(
        path=name,
        participants=tuple(people),
        reflections=tuple(reflections),
        skipped=tuple(skipped),
        ignored_columns=ignored,
        layout="wide",
    )


class AgreedFile(BaseModel):
    """What an agreed-positions file gave: the positions, and the lines not used."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    path: str
    agreed: tuple[AgreedPosition, ...]
    skipped: tuple[str, ...] = ()


def read_agreed(path: PathLikeStr, edition: Edition) -> AgreedFile:
    """Read agreed positions: ``row,column,rationale``; a blank column is reported, not used.

    The column may be headed ``column`` or ``position``; values are 1 to 4, ``Not yet``
    or ``N/A``.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "agreed.csv"
    >>> _ = path.write_text("row,column,rationale\\n1.1,3,Plan seen\\n", encoding="utf-8")
    >>> read_agreed(path, load_edition()).agreed[0].position
    3
    """
    name, text = _read_text(path)
    rows = _csv_rows(name, text)
    header = [h.casefold() for h in _header(name, rows)]
    column_name = "column" if "column" in header else "position"
    for needed in ("row", column_name):
        if needed not in header:
            raise ReviewInputError(
                name,
                f"the header has no {needed!r} column; expected row,column,rationale",
                line=1,
            )
    at = {h: i for i, h in enumerate(header)}
    known_rows = {row.id for row in edition.rows}
    agreed: list[AgreedPosition] = []
    lines: dict[str, int] = {}
    skipped: list[str] = []
    for line, fields in rows:
        if not any(f.strip() for f in fields):
            skipped.append(f"line {line}: empty")
            continue
        fields = fields + [""] * (len(header) - len(fields))
        row_id = fields[at["row"]].strip()
        if row_id not in known_rows:
            raise ReviewInputError(
                name, f"edition {edition.id!r} has no row {row_id!r}", line=line, column="row"
            )
        if row_id in lines:
            raise ReviewInputError(
                name,
                f"row {row_id} is already agreed on line {lines[row_id]}",
                line=line,
                column="row",
            )
        try:
            position = parse_agreed(fields[at[column_name]])
        except ValueError as error:
            raise ReviewInputError(name, str(error), line=line, column=column_name) from None
        lines[row_id] = line
        if position is None:
            skipped.append(f"line {line}: no position for row {row_id}")
            continue
        rationale = fields[at["rationale"]].strip() if "rationale" in at else ""
        agreed.append(AgreedPosition(row=row_id, position=position, rationale=rationale or None))
    return AgreedFile(path=name, agreed=tuple(agreed), skipped=tuple(skipped))


# ------------------------------------------------------------------ writing


def _answer_text(answer: Answer | Agreed) -> str:
    return {NOT_YET: "Not yet", UNSURE: "Unsure", NOT_APPLICABLE: "N/A"}.get(
        str(answer), str(answer)
    )


def _write_csv(path: PathLikeStr, rows: Iterable[Sequence[str]]) -> None:
    # newline="" lets the csv module write its own line ends; utf-8-sig so that
    # spreadsheet software opens the file as UTF-8.
    with Path(fspath(path)).open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)


def write_reflections_long(review: Review, path: PathLikeStr) -> None:
    """Write a review's reflections as a long CSV that `read_reflections_long` reads.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "long.csv"
    >>> write_reflections_long(demo_review(), path)
    >>> read_reflections_long(path, load_edition()).reflections == demo_review().reflections
    True
    """
    roles = {p.id: p.role for p in review.participants}
    rows: list[Sequence[str]] = [LONG_HEADER]
    for r in review.reflections:
        note = r.reason if r.answer == NOT_APPLICABLE else r.note
        rows.append(
            (r.participant, roles[r.participant], r.row, _answer_text(r.answer), note or "")
        )
    _write_csv(path, rows)


def write_agreed(review: Review, path: PathLikeStr) -> None:
    """Write a review's agreed positions as CSV that `read_agreed` reads.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "agreed.csv"
    >>> write_agreed(demo_review(), path)
    >>> read_agreed(path, load_edition()).agreed == demo_review().agreed
    True
    """
    rows: list[Sequence[str]] = [AGREED_HEADER]
    rows += [(a.row, _answer_text(a.position), a.rationale or "") for a in review.agreed]
    _write_csv(path, rows)


def write_template(edition: Edition, path: PathLikeStr) -> None:
    """Write the blank wide CSV a careers leader sends round: Name, Role, one column a row.

    Colleagues fill in a column 1 to 4, ``Not yet``, ``Unsure`` or ``N/A`` per row;
    `read_form_export` reads it back.

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "form.csv"
    >>> write_template(load_edition(), path)
    >>> path.read_text(encoding="utf-8-sig").split(",")[:3]
    ['Name', 'Role', '1.1 Careers leadership and distributed leadership of careers']
    """
    _write_csv(path, [template_header(edition)])


def template_header(edition: Edition) -> list[str]:
    """The header of the blank reflections form: ``Name``, ``Role``, then one column a row.

    >>> from careers_impact import load_edition
    >>> template_header(load_edition())[:3]
    ['Name', 'Role', '1.1 Careers leadership and distributed leadership of careers']
    """
    return ["Name", "Role", *(f"{row.id} {row.title}" for row in edition.rows)]


# ------------------------------------------------------------------ canonical file


def save_review(review: Review, path: PathLikeStr) -> None:
    """Write the canonical review file (JSON, UTF-8, with its format version).

    >>> import pathlib, tempfile
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "review.json"
    >>> save_review(demo_review(), path)
    >>> path.read_text(encoding="utf-8").splitlines()[1]
    '  "format_version": 1,'
    """
    Path(fspath(path)).write_text(review.model_dump_json(indent=2) + "\n", encoding="utf-8")


def load_review(path: PathLikeStr, edition: Edition | None = None) -> Review:
    """Read a canonical review file and validate it against its edition.

    ``edition`` is needed only for a review on an edition that is not bundled.

    >>> import pathlib, tempfile
    >>> from careers_impact.examples import demo_review
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "review.json"
    >>> save_review(demo_review(), path)
    >>> load_review(path) == demo_review()
    True
    """
    name, text = _read_text(path)
    context = {"edition": edition} if edition is not None else None
    try:
        return Review.model_validate_json(text, context=context)
    except ValidationError as error:
        problems = validation_problems(error)
        where, message = problems[0]
        extra = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ReviewInputError(
            name, message + extra, column=None if where == "(top level)" else where
        ) from None


def build_review(
    edition: Edition,
    reflections: Reflections,
    *,
    setting: Setting,
    date: _dt.date,
    agreed: Iterable[AgreedPosition] = (),
) -> Review:
    """Put a review together from what the files gave."""
    return Review.model_validate(
        {
            "edition": edition.id,
            "setting": setting,
            "date": date,
            "participants": reflections.participants,
            "reflections": reflections.reflections,
            "agreed": tuple(agreed),
        },
        context={"edition": edition},
    )


def review_from_files(
    reflections_path: PathLikeStr,
    edition: Edition,
    *,
    setting: Setting,
    date: _dt.date,
    agreed_path: PathLikeStr | None = None,
    name_column: str | None = None,
) -> tuple[Review, tuple[str, ...]]:
    """Read a reflections file (either layout) and an optional agreed file into a review.

    Returns the review and every report of lines or columns not used, each prefixed
    with its file name.

    >>> import datetime, pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "form.csv"
    >>> _ = path.write_text("Name,1.1 Careers leadership\\nAlex,3\\nSam,2\\n", encoding="utf-8")
    >>> review, reports = review_from_files(
    ...     path, load_edition(), setting=Setting(name="Example"), date=datetime.date(2026, 10, 1))
    >>> review.answers("1.1"), reports
    ((3, 2), ())
    """
    found = read_reflections(reflections_path, edition, name_column=name_column)
    reports = [f"{found.path}: {item}" for item in found.skipped]
    reports += [f"{found.path}: column {c!r} ignored" for c in found.ignored_columns]
    agreed: tuple[AgreedPosition, ...] = ()
    if agreed_path is not None:
        agreed_file = read_agreed(agreed_path, edition)
        agreed = agreed_file.agreed
        reports += [f"{agreed_file.path}: {item}" for item in agreed_file.skipped]
    return build_review(edition, found, setting=setting, date=date, agreed=agreed), tuple(reports)
