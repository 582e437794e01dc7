"""Files people really have: long and wide CSVs, agreed positions, the template."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from careers_impact import (
    Review,
    ReviewInputError,
    load_edition,
    read_agreed,
    read_form_export,
    read_reflections,
    read_reflections_long,
    write_agreed,
    write_reflections_long,
    write_template,
)
from careers_impact.files.reflections import parse_role, template_header
from careers_impact.testing import reviews

EDITION = load_edition()


def write(tmp_path: Path, text: str, name: str = "in.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_roles() -> None:
    assert parse_role("careers-leader") == ("careers-leader", True)
    assert parse_role("Careers Leader or careers team") == ("careers-leader", True)
    assert parse_role("Chair of Trustees") == ("governor", True)
    assert parse_role("Careers Advisor") == ("careers-adviser", True)
    assert parse_role("Caretaker") == ("other", False)


# ------------------------------------------------------------------ long layout


def test_long_csv_with_bom_and_crlf(tmp_path: Path) -> None:
    text = (
        "participant,role,row,answer,note\r\n"
        "Alex,Careers Leader,1.1,3,seen the plan\r\n"
        "Alex,Careers Leader,1.2,N/A,not relevant to us\r\n"
        "Sam,Governor,1.1,Not yet,\r\n"
        "Sam,Governor,1.2,,\r\n"
    )
    path = tmp_path / "long.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    found = read_reflections_long(path, EDITION)
    assert [(r.participant, r.row, r.answer) for r in found.reflections] == [
        ("Alex", "1.1", 3),
        ("Alex", "1.2", "not-applicable"),
        ("Sam", "1.1", "not-yet"),
    ]
    assert found.reflections[0].note == "seen the plan"
    assert found.reflections[1].reason == "not relevant to us"
    assert [p.role for p in found.participants] == ["careers-leader", "governor"]
    assert found.skipped == ("line 5: no answer for row 1.2",)
    assert read_reflections(path, EDITION).layout == "long"


def test_a_reason_and_a_note_are_both_kept_beside_not_applicable() -> None:
    text = (
        "participant,role,row,answer,reason,note\n"
        "Alex,Governor,1.2,N/A,No leavers yet,Ask the trust about next year\n"
        "Alex,Governor,1.3,2,,A note\n"
        "Alex,Governor,1.4,,,A note on a row left blank\n"
    )
    found = read_reflections_long(text, EDITION)
    assert [(r.row, r.reason, r.note) for r in found.reflections] == [
        ("1.2", "No leavers yet", "Ask the trust about next year"),
        ("1.3", None, "A note"),
    ]
    assert found.skipped == (
        "line 4: no answer for row 1.4; its note 'A note on a row left blank' was not used",
    )


def test_a_reason_beside_a_column_is_refused_naming_the_cell() -> None:
    text = "participant,role,row,answer,reason,note\nAlex,Governor,1.2,3,Because,\n"
    with pytest.raises(ReviewInputError) as caught:
        read_reflections_long(text, EDITION)
    assert (caught.value.line, caught.value.column) == (2, "reason")
    assert "a reason is given only with a not-applicable answer (here '3')" in str(caught.value)


@pytest.mark.parametrize(
    ("body", "line", "column", "message"),
    [
        ("Alex,,9.9,3,\n", 2, "row", "has no row '9.9'"),
        ("Alex,,1.1,seven,\n", 2, "answer", "'seven' is not an answer"),
        ("Alex,,1.1,3,\nAlex,,1.1,2,\n", 3, None, "already answered row 1.1 on line 2"),
        (",,1.1,3,\n", 2, "participant", "no participant named"),
        ("Alex,Governor,1.1,3,\nAlex,Careers Leader,1.2,3,\n", 3, "role", "has role 'governor'"),
    ],
)
def test_long_csv_errors_name_line_and_column(
    tmp_path: Path, body: str, line: int, column: str | None, message: str
) -> None:
    path = write(tmp_path, "participant,role,row,answer,note\n" + body)
    with pytest.raises(ReviewInputError) as raised:
        read_reflections_long(path, EDITION)
    error = raised.value
    assert (error.path, error.line, error.column) == (str(path), line, column)
    assert message in str(error)


def test_unknown_roles_are_reported_not_lost(tmp_path: Path) -> None:
    path = write(tmp_path, "participant,role,row,answer\nAlex,Bursar,1.1,2\n")
    found = read_reflections_long(path, EDITION)
    assert found.participants[0].role == "other"
    assert found.skipped == ("line 2: role 'Bursar' read as 'other'",)


# ------------------------------------------------------------------ wide layout

WIDE = (
    "Timestamp,Your name,Role,1.1 Careers leadership and distributed leadership of careers,"
    "1.2 Leaders' vision,Any other comments\r\n"
    "2026-09-01 10:00,Alex,Careers Leader,Column 3,col 2,fine\r\n"
    "2026-09-01 11:00,Sam,Governor,Not yet,Unsure,\r\n"
    "2026-09-02 09:00,Jo,SENCo,N/A,,\r\n"
    ",,,,,\r\n"
)


def test_form_export(tmp_path: Path) -> None:
    found = read_form_export(write(tmp_path, WIDE), EDITION)
    assert found.layout == "wide"
    assert [(p.name, p.role) for p in found.participants] == [
        ("Alex", "careers-leader"),
        ("Sam", "governor"),
        ("Jo", "send"),
    ]
    assert [(r.participant, r.row, r.answer) for r in found.reflections] == [
        ("Alex", "1.1", 3),
        ("Alex", "1.2", 2),
        ("Sam", "1.1", "not-yet"),
        ("Sam", "1.2", "unsure"),
        ("Jo", "1.1", "not-applicable"),
    ]
    assert found.ignored_columns == ("Timestamp", "Any other comments")
    assert found.skipped == ("line 5: empty",)


def test_form_export_in_utf8_with_bom_and_lf(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + WIDE.replace("\r\n", "\n").encode("utf-8"))
    assert len(read_form_export(path, EDITION).reflections) == 5


def test_a_name_column_is_preferred_to_an_email_column(tmp_path: Path) -> None:
    text = "Name,Email address,1.1 Careers leadership\nAlex,alex@example.org,2\n"
    path = write(tmp_path, text)
    assert read_form_export(path, EDITION).participants[0].id == "Alex"
    two_names = write(tmp_path, "Name,Pseudonym,1.1 A\nAlex,Fox,2\n", name="two.csv")
    with pytest.raises(ReviewInputError, match="more than one column could name the colleague"):
        read_form_export(two_names, EDITION)
    only_email = write(tmp_path, "Email,1.1 A\nalex@example.org,2\n", name="email.csv")
    assert read_form_export(only_email, EDITION).participants[0].id == "alex@example.org"
    found = read_form_export(path, EDITION, name_column="Email address")
    assert found.participants[0].id == "alex@example.org"
    assert found.ignored_columns == ("Name",)
    with pytest.raises(ReviewInputError, match="there is no column 'Who'"):
        read_form_export(path, EDITION, name_column="Who")


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("Name,9.1 Something\nAlex,2\n", 1, "9.1 Something", "names row 9.1"),
        ("Name,1.1 A\nAlex,Column 7\n", 2, "1.1 A", "'Column 7' is not a column"),
        ("Name,1.1 A\nAlex,2\nAlex,3\n", 3, "Name", "'Alex' appears twice (first on line 2)"),
        ("Name,1.1 A,1.1 B\nAlex,2,3\n", 1, "1.1 B", "two columns are for row 1.1"),
        ("Colour,1.1 A\nred,2\n", 1, None, "no column names the colleague"),
        ("Name,Comment\nAlex,hi\n", 1, None, "no column header starts with a row id"),
    ],
)
def test_form_export_errors(
    tmp_path: Path, text: str, line: int, column: str | None, message: str
) -> None:
    with pytest.raises(ReviewInputError) as raised:
        read_form_export(write(tmp_path, text), EDITION)
    assert (raised.value.line, raised.value.column) == (line, column)
    assert message in str(raised.value)


def test_wrong_encoding_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "Name,1.1 A\nAlex,2\nRené,3\n", encoding="latin-1")
    with pytest.raises(ReviewInputError) as raised:
        read_reflections(path, EDITION)
    assert raised.value.line == 3
    assert "not UTF-8" in str(raised.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "the file is empty"), ("\n \n", "the file is empty"), ("Name,1.1 A\n", "no colleagues")],
)
def test_empty_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ReviewInputError, match=message):
        read_reflections(write(tmp_path, text), EDITION)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReviewInputError, match="cannot read the file"):
        read_reflections(tmp_path / "absent.csv", EDITION)


def test_every_line_is_used_or_reported(tmp_path: Path) -> None:
    text = "Name,1.1 A,1.2 B\nAlex,2,\nSam,,\n\nJo,3,4\n"
    found = read_form_export(write(tmp_path, text), EDITION)
    used = {r.participant for r in found.reflections}
    assert used == {"Alex", "Jo"}
    assert found.skipped == ("line 3: 'Sam' gave no answers", "line 4: empty")


# ------------------------------------------------------------------ template


def test_template_is_read_back_as_a_form(tmp_path: Path) -> None:
    path = tmp_path / "template.csv"
    write_template(EDITION, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # opens as UTF-8 in spreadsheet software
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert header == template_header(EDITION)
    assert len(header) == 2 + len(EDITION.rows)
    # A colleague fills the template in; it reads back with every row.
    filled = raw.decode("utf-8-sig") + "Alex,Careers Leader," + ",".join(["2"] * 32) + "\r\n"
    path.write_text(filled, encoding="utf-8")
    found = read_form_export(path, EDITION)
    assert [r.row for r in found.reflections] == [row.id for row in EDITION.rows]
    assert found.ignored_columns == ()


# ------------------------------------------------------------------ agreed


# ------------------------------------------------------------------ round trips


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(review=reviews())
def test_long_csv_and_agreed_round_trip(tmp_path: Path, review: Review) -> None:
    assume(review.reflections)  # a file with no answers is an error to read, by design
    edition = load_edition(review.edition)
    long_path, agreed_path = tmp_path / "long.csv", tmp_path / "agreed.csv"
    write_reflections_long(review, long_path)
    write_agreed(review, agreed_path)
    found = read_reflections_long(long_path, edition)
    assert found.reflections == review.reflections
    answered = {r.participant for r in review.reflections}
    roles = {p.id: p.role for p in review.participants if p.id in answered}
    assert {p.id: p.role for p in found.participants} == roles
    assert found.skipped == ()
    assert read_agreed(agreed_path, edition).agreed == review.agreed


def test_microsoft_and_google_forms_exports_need_no_option(tmp_path: Path) -> None:
    microsoft = (
        "ID,Start time,Completion time,Email,Name,Last modified time,"
        "1.1 Careers leadership,1.2 Vision\n"
        "1,2026-09-01,2026-09-01,alex@example.org,Alex Smith,,Column 2,Column 3\n"
    )
    google = (
        "Timestamp,Email Address,Your name,Role,1.1 Careers leadership\n9:00,s@x.org,Sam,SENCo,3\n"
    )
    assert read_form_export(microsoft, EDITION).participants[0].id == "Alex Smith"
    found = read_form_export(google, EDITION)
    assert (found.participants[0].id, found.participants[0].role) == ("Sam", "send")


def test_an_anonymous_export_gets_a_stable_pseudonym_per_response() -> None:
    text = (
        "ID,Start time,Email,Name,1.1 Careers leadership\n"
        "7,9:00,anonymous,,Column 2\n"
        "9,9:05,anonymous,,Column 4\n"
    )
    found = read_form_export(text, EDITION)
    assert [p.id for p in found.participants] == ["Respondent 7", "Respondent 9"]
    assert read_form_export(text, EDITION).participants == found.participants  # stable
    (said,) = [s for s in found.skipped if "gave no name" in s]
    assert "2 response(s)" in said
    assert "'ID'" in said
    no_ids = read_form_export("Name,1.1 A\n,2\n,3\n", EDITION)
    assert [p.id for p in no_ids.participants] == ["Respondent 2", "Respondent 3"]


def test_two_anonymous_exports_are_two_sets_of_colleagues() -> None:
    from careers_impact.files.reflections import combine

    text = "Name,1.1 Careers leadership\nAnonymous,3\n,2\n"
    first = read_reflections(text, EDITION, name="forms/monday.csv")
    second = read_reflections(text, EDITION, name="forms/tuesday.csv")
    both = combine([first, second])
    assert [p.id for p in both.participants] == [
        "Respondent 2",
        "Respondent 3",
        "Respondent 2 (tuesday.csv)",
        "Respondent 3 (tuesday.csv)",
    ]
    assert sorted(r.answer for r in both.reflections) == [2, 2, 3, 3]
    assert (
        "forms/tuesday.csv: 'Respondent 2' is also a name in another file: "
        "called 'Respondent 2 (tuesday.csv)'"
    ) in both.skipped
    # Each renamed colleague keeps their own answers, and the review builds.
    import datetime

    from careers_impact import Setting, build_review

    review = build_review(
        EDITION, both, setting=Setting(name="Oak"), date=datetime.date(2026, 10, 5)
    )
    mine = {p.id: [r.answer for r in review.reflections if r.participant == p.id]
            for p in review.participants}  # fmt: skip
    assert mine == {
        "Respondent 2": [3],
        "Respondent 3": [2],
        "Respondent 2 (tuesday.csv)": [3],
        "Respondent 3 (tuesday.csv)": [2],
    }
    assert [p.name for p in review.participants] == list(mine)
    assert both.pseudonyms == tuple(mine)
    # A third file of the same name, from another folder, is told apart by a number.
    third = read_reflections(text, EDITION, name="other/tuesday.csv")
    assert [p.id for p in combine([first, second, third]).participants][4:] == [
        "Respondent 2 (tuesday.csv) 2",
        "Respondent 3 (tuesday.csv) 2",
    ]
    # A colleague who gave their name in two files is still one colleague twice.
    named = read_reflections("Name,1.1 Careers leadership\nAlex,3\n", EDITION, name="a.csv")
    with pytest.raises(ReviewInputError, match=r"'Alex' is also in a\.csv"):
        combine([named, named.model_copy(update={"path": "b.csv"})])


def test_several_named_uploads_make_one_review_with_every_report() -> None:
    import datetime

    from careers_impact import (
        Setting,
        Upload,
        build_review,
        combine,
        review_from_files,
    )

    uploads = [
        Upload(b"participant,row,answer,when\nAlex,1.1,3,9:00\nAlex,1.2,\n", "alex.csv"),
        Upload("participant,row,answer\nSam,1.1,2\n", "sam.csv"),
    ]
    when = datetime.date(2026, 10, 5)
    review, reports = review_from_files(uploads, EDITION, setting=Setting(name="Oak"), date=when)
    assert review.answers("1.1") == (3, 2)
    assert reports == (
        "alex.csv: line 3: no answer for row 1.2",
        "alex.csv: column 'when' ignored",
    )
    # The same steps, public, for a service that reads uploads one at a time.
    found = combine([read_reflections(u, EDITION) for u in uploads])
    assert found.reports() == reports
    assert build_review(EDITION, found, setting=Setting(name="Oak"), date=when) == review
    # Two downloads from the same colleague name both uploads.
    twice = [uploads[1], Upload(b"participant,row,answer\nSam,1.2,1\n", "sam (1).csv")]
    with pytest.raises(ReviewInputError, match=r"sam \(1\)\.csv: 'Sam' is also in sam\.csv"):
        review_from_files(twice, EDITION, setting=Setting(name="Oak"), date=when)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("x||;\n\x1e", "x||;"), ("é \r\x00\x1c", "é \r\x00"), ("\u00a0Alex\u3000", "Alex")],
)
def test_what_is_stored_is_what_the_long_file_reads_back(typed: str, stored: str) -> None:
    import io

    from careers_impact import Participant, Reflection, Review, Setting

    review = Review(
        edition=EDITION.id,
        setting=Setting(name="Oak"),
        date="2026-10-05",
        participants=[Participant(id=typed, name=typed, role="governor")],
        reflections=[Reflection(participant=typed, row="1.1", answer=2, note=typed)],
    )
    assert (review.participants[0].id, review.reflections[0].note) == (stored, stored)
    text = io.StringIO()
    write_reflections_long(review, text)
    found = read_reflections_long(text.getvalue(), EDITION)
    assert found.reflections == review.reflections
    assert found.participants == review.participants
