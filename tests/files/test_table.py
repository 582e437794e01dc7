"""The one CSV layer (`careers_impact.files._table`): where an unclosed quote opened."""

from __future__ import annotations

from pathlib import Path

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
            "<text>, line 2: 4 fields, but the header has 3; a field may hold a comma only "
            "inside double quotes",
        ),
    ],
)
def test_the_csv_layers_messages_word_for_word(text: object, said: str) -> None:
    from careers_impact import read_agreed

    with pytest.raises(ReviewInputError) as raised:
        read_agreed(text, load_edition())  # type: ignore[arg-type]
    assert str(raised.value) == said
