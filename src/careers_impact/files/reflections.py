"""Colleagues' reflections as people really have them, read and written without loss.

* a long CSV, ``participant,role,row,answer,reason,note`` (`read_reflections_long`,
  `write_reflections_long`);
* a wide CSV exported from a form tool, one line per colleague and one column per row
  whose header starts with the row id (`read_form_export`), and the blank one a
  careers leader sends round (`write_template`);
* both, told apart by the header (`read_reflections`), and put together with agreed
  positions into a review (`review_from_files`).

Every reader takes a path, the file's text, its bytes or an open stream, and reads it
by the package's one set of CSV rules (see ``careers_impact.files._table`` and the
docs' "What the readers promise"). Anything that cannot be used raises
`ReviewInputError` naming the file, line and column; every input line is used, or
reported in the result's ``skipped``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import IO, Literal, cast

from careers_impact._base import Frozen
from careers_impact._files import PathLikeStr, Source
from careers_impact.errors import (
    AnswerError,
    ModelError,
    ParameterError,
    ReviewInputError,
    shown,
)
from careers_impact.files._formats import other_format
from careers_impact.files._table import CsvTable, read_table, used_width, write_csv
from careers_impact.files.agreed import read_agreed
from careers_impact.files.targets import read_targets
from careers_impact.model.edition import Edition
from careers_impact.reviews.review import (
    ROLE_LABELS,
    AgreedPosition,
    Participant,
    Reflection,
    Review,
    Role,
    Setting,
    Target,
)
from careers_impact.reviews.vocabulary import (
    NOT_APPLICABLE,
    Answer,
    answer_text,
    foreign_digit,
    parse_answer,
)

__all__ = [
    "LONG_HEADER",
    "Reflections",
    "build_review",
    "combine",
    "parse_answer",
    "parse_role",
    "read_form_export",
    "read_reflections",
    "read_reflections_long",
    "review_from_files",
    "template_header",
    "write_reflections_long",
    "write_template",
]

#: The header of a long reflections CSV. ``reason`` (why a row does not apply) came
#: after the first release; a file without it gives a not-applicable answer's note as
#: its reason, as it always did.
LONG_HEADER = ("participant", "role", "row", "answer", "reason", "note")


class Reflections(Frozen):
    """What a reflections file gave: the colleagues, their answers, and what was left.

    ``skipped`` says, line by line, what was read but not used and why (a line with no
    answers, a role read as "other"); ``ignored_columns`` names the columns that are not
    rows, names or roles (a form tool's timestamps, say); ``pseudonyms`` are the names
    the reader gave anonymous responses ("Respondent 4").

    >>> import pathlib, tempfile
    >>> from careers_impact import load_edition
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "long.csv"
    >>> _ = path.write_text("participant,row,answer\\nAlex,1.1,3\\nAlex,1.2,\\n", encoding="utf-8")
    >>> found = read_reflections(path, load_edition())
    >>> found.layout, len(found.reflections), found.skipped
    ('long', 1, ('line 3: no answer for row 1.2',))
    """

    path: str
    participants: tuple[Participant, ...]
    reflections: tuple[Reflection, ...]
    skipped: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    layout: Literal["long", "wide"]
    pseudonyms: tuple[str, ...] = ()
    #: For files put together by `combine`: each file's name and the columns it ignored.
    files: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def reports(self) -> tuple[str, ...]:
        """Every line and column read but not used, each after its file's name: what a
        service shows beside the review so that nothing is dropped without a word.

        >>> from careers_impact import Upload, load_edition
        >>> text = b"participant,row,answer,when\\nAlex,1.1,3,today\\nAlex,1.2,\\n"
        >>> read_reflections(Upload(text, "alex.csv"), load_edition()).reports()
        ('alex.csv: line 3: no answer for row 1.2', "alex.csv: column 'when' ignored")
        """
        # A combined file's lines already carry their own file's name.
        lines = self.skipped if self.files else tuple(f"{self.path}: {s}" for s in self.skipped)
        ignored = self.files or ((self.path, self.ignored_columns),)
        return (*lines, *(f"{path}: column {c!r} ignored" for path, cs in ignored for c in cs))


# ------------------------------------------------------------------ values

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
            return role, True
    for word, role_id in _ROLE_WORDS:
        if re.search(rf"\b{re.escape(word)}\b", key):
            return role_id, True
    return "other", key == "other"


# ------------------------------------------------------------------ reading

_LONG_COLUMNS = {name: (name,) for name in LONG_HEADER}
_LONG_REQUIRED = ("participant", "row", "answer")


def read_reflections(
    source: Source,
    edition: Edition,
    *,
    name_column: str | None = None,
    name: str | None = None,
) -> Reflections:
    """Read a reflections file in either layout, telling them apart by the header.

    A header with ``participant``, ``row`` and ``answer`` columns is the long layout;
    anything else is read as a form export (see `read_form_export`). ``source`` is a
    path, the file's text, its bytes or an open stream; ``name`` names it in messages.

    >>> from careers_impact import load_edition
    >>> read_reflections("Name,1.1 Careers leadership\\nAlex,Not yet\\n", load_edition()).layout
    'wide'
    """
    with read_table(source, name) as table:
        if (other := other_format(table.header, "reflections")) is not None:
            raise table.error(other)
        header = {title.casefold() for title in table.header}
        if set(_LONG_REQUIRED) <= header:
            return _read_long(table, edition)
        return _read_wide(table, edition, name_column)


def read_reflections_long(
    source: Source, edition: Edition, *, name: str | None = None
) -> Reflections:
    """Read a long reflections CSV: ``participant,role,row,answer,reason,note``, one
    answer a line.

    ``role``, ``reason`` and ``note`` may be absent, or left off the end of a line. A
    ``reason`` is given only with a not-applicable answer; in a file with no ``reason``
    column, a not-applicable answer's note is its reason.

    >>> from careers_impact import load_edition
    >>> text = "participant,role,row,answer,note\\nAlex,Governor,1.5,3,\\n"
    >>> found = read_reflections_long(text, load_edition())
    >>> found.participants[0].role, found.reflections[0].answer
    ('governor', 3)
    """
    with read_table(source, name) as table:
        return _read_long(table, edition)


def _answer(table: CsvTable, cell: str, line: int, column: str) -> Answer | None:
    try:
        return parse_answer(cell)
    except AnswerError as error:
        raise table.error(str(error), line=line, column=column) from None


def _add_participant(
    table: CsvTable, people: dict[str, Participant], person: str, role_text: str, line: int
) -> None:
    """Record a colleague on first sight; a role that is not one of ours is reported,
    and a role that differs from an earlier line's is an error."""
    role, known_role = parse_role(role_text)
    if not known_role:
        table.skipped.append(f"line {line}: role {role_text!r} read as 'other'")
    if person in people and role_text and people[person].role != role:
        raise table.error(
            f"{person!r} has role {people[person].role!r} on an earlier line",
            line=line,
            column="role",
        )
    people.setdefault(person, Participant(id=person, name=person, role=role))


def _read_long(table: CsvTable, edition: Edition) -> Reflections:
    at, ignored = table.columns(_LONG_COLUMNS, required=_LONG_REQUIRED)
    known_rows = {row.id for row in edition.rows}
    people: dict[str, Participant] = {}
    reflections: list[Reflection] = []
    answered: dict[tuple[str, str], int] = {}
    skipped = table.skipped

    def field(cells: list[str], column: str) -> str:
        return cells[at[column]] if column in at else ""

    for line, cells in table.records(required=used_width(at, _LONG_REQUIRED)):
        person = field(cells, "participant")
        if not person:
            raise table.error("no participant named", line=line, column="participant")
        row_id = field(cells, "row")
        if row_id not in known_rows:
            raise table.unknown_row(edition.id, row_id, line=line)
        answer = _answer(table, field(cells, "answer"), line, "answer")
        _add_participant(table, people, person, field(cells, "role"), line)
        note = field(cells, "note") or None
        reason = field(cells, "reason") or None
        if answer is None:
            remarks = (("reason", reason), ("note", note))
            unused = "".join(
                f"; its {what} {text!r} was not used" for what, text in remarks if text
            )
            skipped.append(f"line {line}: no answer for row {row_id}{unused}")
            continue
        if reason is not None and answer != NOT_APPLICABLE:
            given = field(cells, "answer")
            raise table.error(
                f"a reason is given only with a not-applicable answer (here {given!r}); "
                "put other remarks in the note",
                line=line,
                column="reason",
            )
        if "reason" not in at and answer == NOT_APPLICABLE:
            reason, note = note, None
        if (person, row_id) in answered:
            raise table.error(
                f"{person!r} already answered row {row_id} on line {answered[(person, row_id)]}",
                line=line,
            )
        answered[(person, row_id)] = line
        reflections.append(
            Reflection(
                participant=person,
                row=row_id,
                answer=answer,
                reason=reason,
                note=note,
            )
        )
    if not people:
        raise table.error("the file has a header but no answers")
    return Reflections(
        path=table.name,
        participants=tuple(people.values()),
        reflections=tuple(reflections),
        skipped=tuple(skipped),
        ignored_columns=ignored,
        layout="long",
    )


_ROW_HEADER = re.compile(r"^\s*(?:row\s*)?(\d+\.\d+)(?=\s|$|[:.\-–])", re.IGNORECASE)
# A colleague's column, by its header: a name first, an e-mail address only where no
# header names a name (Microsoft and Google Forms exports have both).
_NAME_HEADER = re.compile(r"\b(name|colleague|participant|respondent|pseudonym)\b", re.I)
_EMAIL_HEADER = re.compile(r"\be-?mail\b", re.I)
_RESPONSE_ID_HEADER = re.compile(r"^(id|response id|respondent id|submission id)$", re.I)
#: What an anonymous form export writes where a name would be.
_NO_NAME = {"", "anonymous"}
_ROLE_HEADER = re.compile(r"\brole\b", re.IGNORECASE)


def read_form_export(
    source: Source,
    edition: Edition,
    *,
    name_column: str | None = None,
    name: str | None = None,
) -> Reflections:
    """Read a wide CSV exported from a form tool: one line per colleague.

    Each row of the model is a column whose header starts with the row id (``1.3
    Strategic careers planning``); answers are as `parse_answer` reads them, blank
    for no answer, and answers at the end of a line may be left off. The colleague's
    column is found by its header (name, colleague, participant, respondent, pseudonym
    or email) or named with ``name_column`` when two could be it; a ``role`` column is
    used when present. Other columns, such as timestamps, are ignored and listed in
    ``ignored_columns``.

    >>> from careers_impact import load_edition
    >>> text = "Timestamp,Name,1.1 Careers leadership\\n9:00,Alex,Column 2\\n"
    >>> found = read_form_export(text, load_edition())
    >>> found.reflections[0].answer, found.ignored_columns
    (2, ('Timestamp',))
    """
    with read_table(source, name) as table:
        return _read_wide(table, edition, name_column)


def _row_columns(table: CsvTable, edition: Edition) -> dict[int, str]:
    known_rows = {row.id for row in edition.rows}
    row_columns: dict[int, str] = {}
    seen: dict[str, str] = {}
    for index, title in enumerate(table.header):
        match = _ROW_HEADER.match(title)
        if not match:
            continue
        row_id = match[1]
        if digit := foreign_digit(row_id):
            raise table.error(
                f"the header writes row {row_id} with the digit {digit!r}, which is not one "
                "of 0 to 9",
                column=title,
            )
        if row_id not in known_rows:
            raise table.error(
                f"the header names row {row_id}, which edition {edition.id!r} does not have",
                column=title,
            )
        if row_id in seen:
            raise table.error(
                f"two columns are for row {row_id}: {seen[row_id]!r} and {title!r}", column=title
            )
        seen[row_id] = title
        row_columns[index] = row_id
    if not row_columns:
        raise table.error(
            "no column header starts with a row id such as '1.3'; is this a reflections file?"
        )
    return row_columns


def _one(table: CsvTable, indices: list[int], could: str, hint: str) -> int | None:
    if len(indices) > 1:
        named = ", ".join(f"{table.header[i]!r} (column {i + 1})" for i in indices)
        raise table.error(f"more than one column could {could} ({named}); {hint}")
    return indices[0] if indices else None


def _name_column(table: CsvTable, others: list[int], name_column: str | None) -> int:
    if name_column is not None:
        matches = [i for i in others if table.header[i] == name_column.strip()]
        if not matches:
            listed = ", ".join(repr(table.header[i]) for i in others)
            raise table.error(f"there is no column {name_column!r}; the header has {listed}")
        found = _one(table, matches, "name the colleague", "rename one of them")
    else:
        names = [i for i in others if _NAME_HEADER.search(table.header[i])]
        names = [i for i in names if not _EMAIL_HEADER.search(table.header[i])]
        emails = [i for i in others if _EMAIL_HEADER.search(table.header[i])]
        found = _one(table, names or emails, "name the colleague", "choose one with --name-column")
    if found is None:
        raise table.error(
            "no column names the colleague (a header such as 'Name'); choose one with --name-column"
        )
    return found


def _read_wide(table: CsvTable, edition: Edition, name_column: str | None) -> Reflections:
    row_columns = _row_columns(table, edition)
    others = [i for i in range(len(table.header)) if i not in row_columns]
    who = _name_column(table, others, name_column)
    roles = [i for i in others if i != who and _ROLE_HEADER.search(table.header[i])]
    role_at = _one(table, roles, "give the colleague's role", "keep one")
    ignored = table.ignored([*row_columns, who, *([role_at] if role_at is not None else [])])
    response_id = next((i for i in others if _RESPONSE_ID_HEADER.match(table.header[i])), None)
    people: list[Participant] = []
    first_line: dict[str, int] = {}
    reflections: list[Reflection] = []
    skipped = table.skipped
    unnamed: list[str] = []
    for line, cells in table.records(required=who + 1):
        person = cells[who]
        if person.casefold() in _NO_NAME:
            # An anonymous response: a stable pseudonym from the form's response id, or
            # else from its line, so that the same file always gives the same names.
            key = cells[response_id] if response_id is not None else ""
            person = f"Respondent {key or line}"
            unnamed.append(person)
        if person in first_line:
            raise table.error(
                f"{person!r} appears twice (first on line {first_line[person]})",
                line=line,
                column=table.header[who],
            )
        first_line[person] = line
        role: Role = "other"
        if role_at is not None:
            role, known_role = parse_role(cells[role_at])
            if not known_role:
                skipped.append(f"line {line}: role {cells[role_at]!r} read as 'other'")
        people.append(Participant(id=person, name=person, role=role))
        answers = 0
        for index, row_id in row_columns.items():
            answer = _answer(table, cells[index], line, table.header[index])
            if answer is not None:
                answers += 1
                reflections.append(Reflection(participant=person, row=row_id, answer=answer))
        if not answers:
            skipped.append(f"line {line}: {person!r} gave no answers")
    if not people:
        raise table.error("the file has a header but no colleagues' answers")
    if unnamed:
        by = f"their {table.header[response_id]!r}" if response_id is not None else "their line"
        skipped.append(
            f"{len(unnamed)} response(s) gave no name (an anonymous form?): called "
            f"'Respondent …' by {by}: {', '.join(unnamed)}"
        )
    return Reflections(
        path=table.name,
        participants=tuple(people),
        reflections=tuple(reflections),
        skipped=tuple(skipped),
        ignored_columns=ignored,
        layout="wide",
        pseudonyms=tuple(unnamed),
    )


def combine(found: Sequence[Reflections]) -> Reflections:
    """Several reflections files as one, such as each colleague's download of the
    reflection form. A colleague in two files is an error naming both; an anonymous
    response whose made-up name another file has too is told apart by its file's name.

    >>> from careers_impact import load_edition
    >>> edition = load_edition()
    >>> a = read_reflections("participant,row,answer\\nAlex,1.1,3\\n", edition, name="a.csv")
    >>> b = read_reflections("participant,row,answer\\nSam,1.1,2\\n", edition, name="b.csv")
    >>> [p.id for p in combine([a, b]).participants]
    ['Alex', 'Sam']
    """
    if not found:
        raise ParameterError("no reflections files to combine")
    seen: dict[str, str] = {}
    kept: list[Reflections] = []
    for each in found:
        each = _apart(each, seen)
        for person in each.participants:
            if person.id in seen:
                raise ReviewInputError(
                    each.path,
                    f"{person.id!r} is also in {shown(seen[person.id])}; each colleague "
                    "reflects once",
                )
            seen[person.id] = each.path
        kept.append(each)
    return Reflections(
        path=", ".join(each.path for each in kept),
        participants=tuple(p for each in kept for p in each.participants),
        reflections=tuple(r for each in kept for r in each.reflections),
        skipped=tuple(f"{each.path}: {item}" for each in kept for item in each.skipped)
        if len(kept) > 1
        else kept[0].skipped,
        ignored_columns=tuple(dict.fromkeys(c for each in kept for c in each.ignored_columns)),
        layout=kept[0].layout if len({each.layout for each in kept}) == 1 else "long",
        pseudonyms=tuple(p for each in kept for p in each.pseudonyms),
        files=tuple((each.path, each.ignored_columns) for each in kept) if len(kept) > 1 else (),
    )


def _apart(found: Reflections, seen: dict[str, str]) -> Reflections:
    """``found`` with each made-up name that an earlier file has too followed by this
    file's name, said in ``skipped``: two forms' "Respondent 2" are two colleagues."""
    names: dict[str, str] = {}
    taken = set(seen) | set(found.pseudonyms)
    for made_up in found.pseudonyms:
        if made_up in seen:
            base = candidate = f"{made_up} ({shown(PurePath(found.path).name)})"
            n = 1
            while candidate in taken:
                n += 1
                candidate = f"{base} {n}"
            names[made_up] = candidate
            taken.add(candidate)
    if not names:
        return found
    said = [f"{old!r} is also a name in another file: called {new!r}" for old, new in names.items()]
    return found.model_copy(
        update={
            "participants": tuple(
                p.model_copy(update={"id": names[p.id], "name": names[p.id]})
                if p.id in names
                else p
                for p in found.participants
            ),
            "reflections": tuple(
                r.model_copy(update={"participant": names[r.participant]})
                if r.participant in names
                else r
                for r in found.reflections
            ),
            "pseudonyms": tuple(names.get(p, p) for p in found.pseudonyms),
            "skipped": (*found.skipped, *said),
        }
    )


# ------------------------------------------------------------------ writing


def write_reflections_long(review: Review, path: PathLikeStr | IO[str]) -> None:
    """Write a review's reflections as a long CSV that `read_reflections_long` reads.

    Every cell is safe to open in a spreadsheet and reads back equal (see
    `careers_impact.views.exports.neutralise`); a path is written atomically.

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
        answer = answer_text(r.answer)
        rows.append(
            (r.participant, roles[r.participant], r.row, answer, r.reason or "", r.note or "")
        )
    write_csv(path, rows)


def write_template(edition: Edition, path: PathLikeStr | IO[str]) -> None:
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
    write_csv(path, [template_header(edition)])


def template_header(edition: Edition) -> list[str]:
    """The header of the blank reflections form: ``Name``, ``Role``, then one column a row.

    >>> from careers_impact import load_edition
    >>> template_header(load_edition())[:3]
    ['Name', 'Role', '1.1 Careers leadership and distributed leadership of careers']
    """
    return ["Name", "Role", *(f"{row.id} {row.title}" for row in edition.rows)]


def build_review(
    edition: Edition,
    reflections: Reflections,
    *,
    setting: Setting,
    date: _dt.date,
    agreed: Iterable[AgreedPosition] = (),
    targets: Iterable[Target] = (),
) -> Review:
    """Put a review together from what the files gave; a problem that only shows once
    they are together (a review's own rules) is a `ReviewInputError` on the reflections.

    The last of the steps `review_from_files` takes (read each file, `combine` them,
    build the review), for a service that reads uploads one at a time.

    >>> import datetime
    >>> from careers_impact import Setting, Upload, load_edition
    >>> edition = load_edition()
    >>> found = combine([read_reflections(Upload(b"participant,row,answer\\nAlex,1.1,3\\n",
    ...                                           "alex.csv"), edition)])
    >>> review = build_review(edition, found, setting=Setting(name="Example"),
    ...                       date=datetime.date(2026, 10, 5))
    >>> review.answers("1.1")
    (3,)
    """
    try:
        return Review.model_validate(
            {
                "edition": edition.id,
                "setting": setting,
                "date": date,
                "participants": reflections.participants,
                "reflections": reflections.reflections,
                "agreed": tuple(agreed),
                "targets": tuple(targets),
            },
            context={"edition": edition},
        )
    except ModelError as error:
        listed = "; ".join(f"{where}: {message}" for where, message in error.problems)
        raise ReviewInputError(reflections.path, listed) from None


def review_from_files(
    reflections_path: Source | Sequence[Source],
    edition: Edition,
    *,
    setting: Setting,
    date: _dt.date,
    agreed_path: Source | None = None,
    name_column: str | None = None,
    targets_path: Source | None = None,
) -> tuple[Review, tuple[str, ...]]:
    """Read a reflections file (either layout), or several (each colleague's download of
    the reflection form, say), and optional agreed-positions and targets files, into a
    review.

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
    # Text and bytes are sequences too, but each is one file.
    given: object = reflections_path
    if isinstance(given, Sequence) and not isinstance(given, str | bytes | bytearray):
        sources = cast("list[Source]", list(given))
    else:
        sources = [cast("Source", given)]
    found = combine([read_reflections(s, edition, name_column=name_column) for s in sources])
    reports = list(found.reports())
    agreed: tuple[AgreedPosition, ...] = ()
    if agreed_path is not None:
        agreed_file = read_agreed(agreed_path, edition)
        agreed = agreed_file.agreed
        reports += [f"{agreed_file.path}: {item}" for item in agreed_file.skipped]
        reports += [
            f"{agreed_file.path}: column {c!r} ignored" for c in agreed_file.ignored_columns
        ]
        if blank := agreed_file.left_blank:
            rows = "row" if len(blank) == 1 else "rows"
            reports.append(
                f"{agreed_file.path}: {len(blank)} {rows} left blank, still to agree: "
                + ", ".join(blank)
            )
    targets = read_targets(targets_path, edition) if targets_path is not None else ()
    review = build_review(
        edition, found, setting=setting, date=date, agreed=agreed, targets=targets
    )
    return review, tuple(reports)
