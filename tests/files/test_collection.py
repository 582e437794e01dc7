"""The collection reader's engines: the same summary and the same errors, in any order.

`read_collection` reads by polars (the ``fast`` extra), by the quick core reader, or
by the careful line-by-line reader the other two hand over to. Hypothesis writes
collection files with everything a real extract has (spellings, blanks, padding,
quotes, line ends, column orders) and a few things it should not (bad answers, unknown
rows, duplicates), and every engine must agree exactly.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st

from careers_impact import CareersImpactError, ReviewInputError, load_edition, read_collection
from careers_impact.files.collection import ENGINES
from careers_impact.reviews.collection import CollectionSummary

pytest.importorskip("polars", reason="the polars engine needs careers-impact[fast]")

EDITION = load_edition()
ROWS = [row.id for row in EDITION.rows]

# Lines as real extracts have them, and a few lines that are odd in some way: padded
# or spreadsheet-escaped names, blanks, unknown rows, answers that are not answers.
SETTINGS = st.sampled_from(["A", "B", "URN 100001"])
PEOPLE = st.sampled_from(["p1", "p2", "p3", "Sam Jones"])
ANSWERS = st.sampled_from(["1", "2", "3", "4", "Column 2", "column 3", "Not yet", "Unsure"])
NOTES = st.sampled_from(["", "ok", "seen, agreed", 'said "yes"', "two\nlines"])
LINE = st.tuples(SETTINGS, PEOPLE, st.sampled_from(ROWS), ANSWERS, st.just(""))
ODD = st.tuples(
    SETTINGS | st.sampled_from([" A", "B ", "'=C", "=C", ""]),
    PEOPLE | st.sampled_from([" p1", "p2 ", "'+p4", ""]),
    st.sampled_from(ROWS) | st.sampled_from([" 1.1", "9.9", ""]),
    ANSWERS | st.sampled_from([" 4 ", "N/A", "", "  ", "7", "2-3", "maybe"]),
    NOTES,
)
HEADER = ["setting", "participant", "role", "row", "answer", "note"]


def odd_lines(
    lines: list[tuple[str, str, str, str, str]],
    odd: list[tuple[int, tuple[str, str, str, str, str]]],
) -> list[tuple[str, str, str, str, str]]:
    for at, line in odd:
        lines = [*lines[:at], line, *lines[at:]]
    return lines


def render(
    lines: list[tuple[str, str, str, str, str]],
    order: list[int],
    crlf: bool,
    bom: bool,
    blank_at: int | None,
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
    writer.writerow([HEADER[i] for i in order])
    for number, (setting, person, row, answer, note) in enumerate(lines):
        if number == blank_at:
            out.write("\r\n" if crlf else "\n")
        cells = [setting, person, "other", row, answer, note]
        writer.writerow([cells[i] for i in order])
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode()


def outcome(source: object, engine: str) -> CollectionSummary | str:
    try:
        return read_collection(source, EDITION, engine=engine, name="extract.csv")  # type: ignore[arg-type]
    except CareersImpactError as error:
        return f"{type(error).__name__}: {error}"


def every_engine(data: bytes) -> dict[str, CollectionSummary | str]:
    found = {engine: outcome(data, engine) for engine in ENGINES}
    # A text stream cannot be read twice, so only the careful reader reads it.
    found["careful"] = outcome(io.StringIO(data.decode("utf-8-sig"), newline=""), "auto")
    return found


def figures(summary: CollectionSummary) -> dict[tuple[str, str], tuple[object, ...]]:
    return {(item.setting, item.row): tuple(item)[2:] for item in summary.setting_rows}


@settings(max_examples=400)
@given(
    lines=st.lists(LINE, max_size=40).flatmap(
        lambda lines: st.lists(st.tuples(st.integers(0, len(lines)), ODD), max_size=2).map(
            lambda odd: odd_lines(lines, odd)
        )
    ),
    order=st.permutations(range(6)),
    crlf=st.booleans(),
    bom=st.booleans(),
    blank_at=st.none() | st.integers(0, 40),
)
@example(
    lines=[("A", "p1", "1.1", "2", "")] * 2,
    order=list(range(6)),
    crlf=False,
    bom=False,
    blank_at=None,
)
def test_every_engine_gives_the_same_summary_or_error(
    lines: list[tuple[str, str, str, str, str]],
    order: list[int],
    crlf: bool,
    bom: bool,
    blank_at: int | None,
) -> None:
    found = every_engine(render(lines, order, crlf, bom, blank_at))
    assert len({repr(value) for value in found.values()}) == 1, found
    assert found["python"] == found["polars"] == found["careful"]


CLEAN = st.tuples(SETTINGS, PEOPLE, st.sampled_from(ROWS[:6]), ANSWERS, st.just(""))


@settings(max_examples=200)
@given(lines=st.lists(CLEAN, max_size=60, unique_by=lambda line: line[:3]), seed=st.integers())
def test_figures_do_not_depend_on_line_order(
    lines: list[tuple[str, str, str, str, str]], seed: int
) -> None:
    shuffled = list(lines)
    random.Random(seed).shuffle(shuffled)
    first = render(lines, list(range(6)), False, False, None)
    second = render(shuffled, list(range(6)), False, False, None)
    results = [outcome(data, engine) for data in (first, second) for engine in ENGINES]
    if not lines:
        assert all(isinstance(r, CollectionSummary) and not r.settings for r in results)
        return
    assert all(isinstance(r, CollectionSummary) for r in results), results
    assert len({repr(sorted(figures(r).items())) for r in results}) == 1  # type: ignore[arg-type]


def test_a_setting_with_more_colleagues_than_the_quick_readers_count() -> None:
    # 5,000 colleagues at one level overflow the quick readers' 12-bit counts, so they
    # hand the file to the careful reader, which counts without limit.
    body = "".join(f"A,p{n},1.1,2\n" for n in range(5000))
    data = ("setting,participant,row,answer\n" + body).encode()
    for engine in ENGINES:
        found = read_collection(data, EDITION, engine=engine)
        assert found.setting_rows[0].answers == 5000
        assert found.distribution("1.1").counts == (0, 0, 1, 0, 0)


def test_an_unknown_engine_is_refused() -> None:
    with pytest.raises(CareersImpactError, match="engine must be one of"):
        read_collection(b"setting,participant,row,answer\n", EDITION, engine="spark")  # type: ignore[arg-type]


def test_a_seekable_stream_is_read_quickly_and_left_where_it_was() -> None:
    data = b"setting,participant,row,answer\nA,p1,1.1,2\nA,p1,1.1,3\n"
    stream = io.BytesIO(b"xx" + data)
    stream.seek(2)
    error = outcome(stream, "python")
    assert error == outcome(data, "python")
    assert "answers row 1.1 twice" in str(error)


@pytest.mark.parametrize("crlf", [False, True])
def test_a_file_read_in_many_pieces_reads_as_one(tmp_path: Path, crlf: bool) -> None:
    # Over 2 MiB, so the quick readers cut it into pieces; a line ending, a multi-line
    # note and a character of several bytes fall where pieces meet somewhere in it.
    end = "\r\n" if crlf else "\n"
    lines = [
        f'S{s},p{p},{ROWS[r]},{1 + (s + p + r) % 4},"note ünïcode {s}{end}second line"{end}'
        for s in range(400)
        for r in range(len(ROWS))
        for p in range(5)
    ]
    data = ("\ufeffsetting,participant,row,answer,note" + end + "".join(lines)).encode()
    assert len(data) > 2 * 2**20
    path = tmp_path / "national.csv"
    path.write_bytes(data)
    careful = outcome(io.StringIO(data.decode("utf-8-sig"), newline=""), "auto")
    assert isinstance(careful, CollectionSummary)
    assert careful.setting_rows[0].answers == 5
    for source in (path, data, data.decode("utf-8"), io.BytesIO(data)):
        assert outcome(source, "python") == careful


def test_skipped_lines_are_numbered_where_they_start() -> None:
    # A blank answer after a note of two lines, a line of empty cells and an answer of
    # spaces: each is reported on the line it starts on, by every engine.
    data = (
        b'setting,participant,row,answer,note\nA,p1,1.1,2,"one\ntwo"\n'
        b'A,p2,1.1,,"three\nfour"\n,,,,\nA,p3,1.1,3,\nA,p4,1.1,  ,\n'
    )
    expected = ("line 4: no answer for row 1.1", "line 6: empty", "line 8: no answer for row 1.1")
    for engine in (*ENGINES, "careful"):
        source = io.StringIO(data.decode(), newline="") if engine == "careful" else data
        found = read_collection(source, EDITION, engine="auto" if engine == "careful" else engine)  # type: ignore[arg-type]
        assert found.skipped == expected, engine
        assert found.setting_rows[0].answers == 2


def test_an_answer_of_spaces_alone_is_reported_by_every_engine() -> None:
    data = b"setting,participant,row,answer\nA,p1,1.1,2\nA,p2,1.1,  \n"
    for engine in ENGINES:
        found = read_collection(data, EDITION, engine=engine)
        assert found.skipped == ("line 3: no answer for row 1.1",)


def test_a_column_named_twice_is_refused_by_every_engine() -> None:
    # The note is not used, but a column named twice is an error in every CSV the
    # package reads; polars, which reads the note not at all, must refuse it too.
    data = b"setting,participant,row,answer,note,note\nA,p1,1.1,2,,\n"
    for engine in ENGINES:
        with pytest.raises(CareersImpactError, match="columns 5 and 6 are both 'note'"):
            read_collection(data, EDITION, engine=engine)


# -------------------------------------------------------------- which reader read it

_PLAIN = b"setting,participant,role,row,answer,note\nA,p1,x,1.1,2,\nA,p2,x,1.1,Column 4,\n"
WELL_FORMED = {
    "plain": _PLAIN,
    "CRLF": _PLAIN.replace(b"\n", b"\r\n"),
    "BOM": b"\xef\xbb\xbf" + _PLAIN,
    "a quoted note": _PLAIN.replace(b"Column 4,", b'Column 4,"a, ""b""\nc"'),
    "a blank line": _PLAIN + b"\n",
    "a blank answer": _PLAIN + b"A,p3,x,1.1,,\n",
    "unsure and not yet": _PLAIN + b"A,p3,x,1.1,Unsure,\nB,p1,x,1.2,Not yet,\n",
    "optional cells left off": _PLAIN + b"B,p1,x,1.2,3\n",
}


@pytest.mark.parametrize("kind", list(WELL_FORMED))
@pytest.mark.parametrize("given", ["bytes", "str", "path", "seekable stream"])
def test_the_quick_reader_reads_every_well_formed_file(
    kind: str, given: str, tmp_path: Path
) -> None:
    # Were the quick reader to hand a good file over, the careful one would give the
    # same summary; so the test asks which reader made it.
    data = WELL_FORMED[kind]
    path = tmp_path / "extract.csv"
    path.write_bytes(data)
    source = {
        "bytes": data,
        "str": data.decode("utf-8"),
        "path": path,
        "seekable stream": io.BytesIO(data),
    }[given]
    found = read_collection(source, EDITION, engine="python")  # type: ignore[arg-type]
    assert found.read_by == "quick"
    careful = read_collection(io.StringIO(data.decode("utf-8-sig"), newline=""), EDITION)
    assert careful.read_by == "careful"
    assert found == careful


def test_a_summary_of_review_objects_was_read_by_no_reader() -> None:
    from careers_impact import summarise_collection
    from careers_impact.examples import demo_review

    assert summarise_collection([demo_review()]).read_by is None


@settings(max_examples=100)
@given(lines=st.lists(CLEAN, min_size=1, max_size=30, unique_by=lambda line: line[:3]))
def test_the_quick_reader_hands_over_no_clean_extract(
    lines: list[tuple[str, str, str, str, str]],
) -> None:
    data = render(lines, list(range(6)), crlf=False, bom=False, blank_at=None)
    assert read_collection(data, EDITION, engine="python").read_by == "quick"


# -------------------------------------------- thresholds and messages, on every reader

_SPREAD_TWO = b"setting,participant,row,answer\nA,p1,1.1,1\nA,p2,1.1,3\nA,p3,1.1,3\n"


@pytest.mark.parametrize("reader", ["polars", "quick", "careful"])
def test_every_reader_judges_by_the_thresholds_it_is_given(reader: str) -> None:
    # Spread 2, two of three at the suggestion: flagged by default, not at a spread of 3.
    def read(**thresholds: float) -> CollectionSummary:
        if reader == "careful":
            source: object = io.StringIO(_SPREAD_TWO.decode(), newline="")
        else:
            source = _SPREAD_TWO
        engine = "polars" if reader == "polars" else "python"
        found = read_collection(source, EDITION, engine=engine, **thresholds)  # type: ignore[arg-type]
        assert found.read_by == reader
        return found

    assert read().setting_rows[0].needs_discussion
    assert not read(discuss_spread=3).setting_rows[0].needs_discussion
    assert read(discuss_spread=3, discuss_share=0.7).setting_rows[0].needs_discussion


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("A,,1.1,2", "participant", "no participant named"),
        (",p2,1.1,2", "setting", "no setting named"),
        ("A,p2,9.9,2", "row", "edition 'schools-2026' has no row '9.9'"),
    ],
)
def test_the_careful_readers_messages_word_for_word(line: str, column: str, message: str) -> None:
    data = f"setting,participant,row,answer\nA,p1,1.1,3\n{line}\n"
    with pytest.raises(ReviewInputError) as raised:
        read_collection(data, EDITION, engine="python", name="extract.csv")
    assert str(raised.value) == f"extract.csv, line 3, column '{column}': {message}"


def test_an_unknown_engine_is_named_with_the_engines_there_are() -> None:
    with pytest.raises(CareersImpactError) as raised:
        read_collection(b"setting,participant,row,answer\n", EDITION, engine="spark")  # type: ignore[arg-type]
    assert str(raised.value) == "engine must be one of auto, python, polars, not 'spark'"


def test_every_column_no_figure_uses_is_listed_by_every_engine(tmp_path: Path) -> None:
    from careers_impact.cli import main

    data = (b"setting,when,participant,row,answer,note,Timestamp\n"
            b"A,2026-10-01,p,1.1,1,,9:00\nA,2027-10-01,q,1.1,4,,9:05\n")  # fmt: skip
    for engine in ENGINES:
        assert read_collection(data, EDITION, engine=engine).ignored == ("when", "Timestamp")
    path = tmp_path / "hub.csv"
    path.write_bytes(data)
    import contextlib

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["hub", str(path), "--out", str(tmp_path / "hub.html")]) == 0
    assert f"careers-impact: {path}: columns 'when', 'Timestamp' ignored" in err.getvalue()


@pytest.mark.parametrize(
    ("lines", "line", "said"),
    [
        (
            b"A,2026-10-01,p,1.1,1\nA,2027-10-01,p,1.1,4\n",
            3,
            "setting 'A' has answers dated "
            "2026-10-01 (line 2) and 2027-10-01: a collection holds one review per setting",
        ),
        (b"A,1/10/2026,p,1.1,1\n", 2, "'1/10/2026' is not a date written YYYY-MM-DD"),
        (b"A,2026-02-30,p,1.1,1\n", 2, "'2026-02-30' is not a date of the calendar"),
        ("A,２０２６-10-01,p,1.1,1\n".encode(), 2, "is not a date written YYYY-MM-DD"),
    ],
)
def test_two_years_of_a_setting_are_never_counted_as_one(
    lines: bytes, line: int, said: str
) -> None:
    data = b"setting,date,participant,row,answer\n" + lines
    for engine in ENGINES:
        with pytest.raises(ReviewInputError) as raised:
            read_collection(data, EDITION, engine=engine)
        assert (raised.value.line, raised.value.column) == (line, "date")
        assert said in str(raised.value)
    one_date = b"setting,date,participant,row,answer\nA,2026-10-01,p,1.1,1\nB,2027-10-01,p,1.1,4\n"
    assert read_collection(one_date, EDITION).settings == ("A", "B")
    assert read_collection(one_date, EDITION).ignored == ()
