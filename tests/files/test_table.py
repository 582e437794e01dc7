"""The one CSV layer (`careers_impact.files._table`): where an unclosed quote opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from careers_impact import ReviewInputError, load_edition, read_collection, read_reflections_long

HEADER = "participant,row,answer,note\n"


@pytest.mark.parametrize(
    ("body", "line"),
    [
        # The quote opens at a line's first field, not after a comma.
        ('"p1,1.1,2,x\n', 2),
        # After a comma on the record's first line, a line or two into the file.
        ('p1,1.1,2,ok\np2,1.1,3,"never closed\nand more\n', 3),
        # On a later line of the record, after a quoted field that spans lines closes.
        ('p1,"1.1\n",2,"opens here\nand on\n', 3),
        ('p1,1.1,"2\r\n","opens here\r\nand on\r\n', 3),
        # After a doubled quote inside a closed field, the next field's quote opens.
        ('p1,1.1,"2 ""quoted""","opens\n', 2),
        # A doubled quote inside the unclosed field does not close it.
        ('p1,1.1,2,"say ""hi"" and\nmore\n', 2),
        # A doubled quote on a later line is inside the field that opened on line 2.
        ('p1,1.1,2,"note\n""said"" and never closed\n', 2),
        # A quote after other text in a field is a character, not an opening quote.
        ('p1,1.1,2,X"y,"opens\n', 2),
        ('p1,1.1,2,ab"c,"opens\n', 2),
        # The record before the bad one spans lines: the line is counted in the file.
        ('p1,1.1,2,"one\ntwo\nthree"\np2,1.1,3,"opens\n', 5),
    ],
)
def test_the_line_named_is_where_the_unclosed_quote_opens(body: str, line: int) -> None:
    with pytest.raises(
        ReviewInputError, match="a quoted field opens here and is never closed"
    ) as raised:
        read_reflections_long(HEADER + body, load_edition())
    assert raised.value.line == line, str(raised.value)


def test_a_quote_after_text_in_a_field_is_not_an_opening_quote() -> None:
    # `x"y` keeps its quote as a character; the next field's quote is what opens.
    with pytest.raises(ReviewInputError) as raised:
        read_reflections_long(HEADER + 'p1,1.1,2,ab"c\np2,1.1,3,"opens\n', load_edition())
    assert raised.value.line == 3
    assert "never closed" in str(raised.value)


@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("A,,1.1,2", "participant", "no participant named"),
        (",p2,1.1,2", "setting", "no setting named"),
    ],
)
def test_the_careful_collection_reader_names_the_line_and_column(
    line: str, column: str, message: str
) -> None:
    data = f"setting,participant,row,answer\nA,p1,1.1,3\n\n{line}\n"
    for source in (data, data.encode()):
        with pytest.raises(ReviewInputError) as raised:
            read_collection(source, load_edition(), engine="python")
        assert (raised.value.line, raised.value.column) == (4, column)
        assert message in str(raised.value)


def test_written_csv_files_end_lines_as_rfc_4180_streams_as_text(tmp_path: Path) -> None:
    import io

    from careers_impact import read_agreed, write_agreed
    from careers_impact.examples import demo_review
    from careers_impact.reviews.review import AgreedPosition

    agreed = (AgreedPosition(row="1.1", position=2, rationale='two\r\nlines, and "quotes"'),)
    review = demo_review().model_copy(update={"agreed": agreed})
    path = tmp_path / "agreed.csv"
    write_agreed(review, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    assert raw.count(b"\r\n") == raw.count(b"\n") == 3  # header, the cell's, the record's
    assert read_agreed(path, load_edition()).agreed == agreed
    stream = io.StringIO(newline="")
    write_agreed(review, stream)
    assert stream.getvalue().count("\r\n") == 1  # the cell's own; lines end in "\n"
    assert read_agreed(stream.getvalue(), load_edition()).agreed == agreed


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (b"", "<bytes>: the file is empty: it has no header line"),
        ("row,rationale\n", "<text>, line 1: the header has no 'column' or 'position' column"),
        (
            "row,column,rationale\n1.1,2,a,b\n",
            "<text>, line 2: 4 fields, but the header has 3, and the fields past it are not "
            "empty; a field may hold a comma only inside double quotes",
        ),
    ],
)
def test_the_csv_layers_messages_word_for_word(text: object, said: str) -> None:
    from careers_impact import read_agreed

    with pytest.raises(ReviewInputError) as raised:
        read_agreed(text, load_edition())  # type: ignore[arg-type]
    assert str(raised.value) == said


# ------------------------------------------------------------------ the files people have

_LONG = 'participant,role,row,answer,note\n"Alex",Governor,1.1,3,"two\nlines"\nSam,,1.2,2,\n'


def _readers() -> dict[str, Any]:
    from careers_impact import load_edition, read_collection, read_reflections

    edition = load_edition()
    collection = "setting," + _LONG.replace("\n", "\nOak,").rstrip("Oak,")
    return {
        "reflections": (_LONG, lambda s: read_reflections(s, edition).reflections),
        "collection": (collection, lambda s: read_collection(s, edition).setting_rows[:2]),
        "collection-python": (
            collection,
            lambda s: read_collection(s, edition, engine="python").setting_rows[:2],
        ),
    }


@pytest.mark.parametrize("reader", ["reflections", "collection", "collection-python"])
@pytest.mark.parametrize("kind", ["bytes", "str", "binary stream", "upload", "path"])
def test_carriage_return_line_ends_read_as_line_feeds_do(
    reader: str, kind: str, tmp_path: Path
) -> None:
    import io

    from careers_impact import Upload

    text, read = _readers()[reader]
    # Excel for Mac's "CSV (Macintosh)": every line ends in a lone CR; a line break
    # inside a quoted field stays what it was.
    mac = text.replace('"two\nlines"', '"two\x00lines"').replace("\n", "\r").replace("\x00", "\n")

    def source(t: str) -> Any:
        data = t.encode("utf-8")
        if kind == "path":
            path = tmp_path / f"{len(t)}-{t.count(chr(13))}.csv"
            path.write_bytes(data)
            return path
        return {"bytes": data, "str": t, "binary stream": io.BytesIO(data),
                "upload": Upload(data, "mac.csv")}[kind]  # fmt: skip

    assert read(source(mac)) == read(source(text))


def test_a_carriage_return_file_numbers_its_lines_by_carriage_returns() -> None:
    from careers_impact import ReviewInputError, load_edition, read_reflections

    with pytest.raises(ReviewInputError) as raised:
        read_reflections("participant,row,answer\rA,1.1,3\rA,1.2,9\r", load_edition())
    assert (raised.value.line, raised.value.column) == (3, "answer")


def test_line_ends_are_decided_by_the_first_line_even_across_pieces() -> None:
    import io

    from careers_impact._files import PIECE, lines

    first = "x" * (PIECE - 1) + "\r"  # the first piece ends in a CR: CR LF or CR alone?
    for end in ("\r\n", "\r"):
        text = first[:-1] + end + "a,b" + end + "c,d" + end
        with lines(io.BytesIO(text.encode())) as (_, found):
            assert [line[-len(end) :] for line in found] == [end] * 3


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_semicolon_or_tab_file_reads_as_its_comma_twin(delimiter: str) -> None:
    from careers_impact import ReviewInputError, load_edition, read_collection, read_reflections

    edition = load_edition()
    lines = [
        ["participant", "role", "row", "answer", "note"],
        ["Alex", "Governor", "1.1", "3", '"a, b; c"'],
        ["Sam", "", "1.2", "2", ""],
    ]
    comma = "".join(",".join(line) + "\n" for line in lines)
    other = "".join(delimiter.join(line) + "\n" for line in lines)
    assert read_reflections(other, edition) == read_reflections(comma, edition)
    assert read_reflections(other, edition).reflections[0].note == "a, b; c"
    lines = [["setting", *lines[0]], *(["Oak", *line] for line in lines[1:])]
    comma = "".join(",".join(line) + "\n" for line in lines)
    other = "".join(delimiter.join(line) + "\n" for line in lines)
    for engine in ("auto", "python"):
        found = read_collection(other.encode(), edition, engine=engine)  # type: ignore[arg-type]
        assert list(found.setting_rows) == list(read_collection(comma, edition).setting_rows)
    named = "semicolon" if delimiter == ";" else "tab"
    with pytest.raises(ReviewInputError, match=f"a {named} only inside double quotes"):
        read_reflections(f"participant{delimiter}row{delimiter}answer\nA{delimiter}1.1"
                         f"{delimiter}3{delimiter}x\n", edition)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('participant,row,answer\rA,1.1,3\rA,1.2,"2\rA,1.3,1\r', 3),
        ('participant,row,answer\nA,1.1,"3\n', 2),
        ('participant,row,answer,note\nA,1.1,3,"a ""b"" c\nA,1.2,2,\n', 2),
        ('"participant,row,answer\nA,1.1,3\n', 1),
    ],
)
def test_an_unclosed_quote_is_located_where_it_opens(text: str, line: int) -> None:
    from careers_impact import ReviewInputError, load_edition, read_reflections

    with pytest.raises(ReviewInputError) as raised:
        read_reflections(text, load_edition())
    assert (
        str(raised.value) == f"<text>, line {line}: a quoted field opens here and is never closed"
    )


def test_an_upload_is_read_by_the_quick_readers() -> None:
    from careers_impact import Upload, load_edition, read_collection

    data = b"setting,participant,row,answer\nA,p,1.1,2\nA,q,1.1,3\n"
    assert (
        read_collection(Upload(data, "x.csv"), load_edition(), engine="python").read_by == "quick"
    )
