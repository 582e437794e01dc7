"""Where files come from and how they are written (`careers_impact._files`)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from careers_impact._files import describe, path_of, replayable, split_lines, write_atomic


@given(st.text(alphabet="ab\n\r\x1c\x85\u2028", max_size=30))
def test_lines_end_at_line_feeds_only(text: str) -> None:
    parts = list(split_lines(text, "\n"))
    assert "".join(parts) == text
    assert all(part.count("\n") == (1 if part.endswith("\n") else 0) for part in parts)


def test_a_failed_write_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"before")

    def half(handle: io.BufferedWriter) -> None:
        handle.write(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomic(path, half)  # type: ignore[arg-type]
    assert path.read_bytes() == b"before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]
    write_atomic(path, lambda handle: handle.write(b"after"))
    assert path.read_bytes() == b"after"


def test_what_a_source_is_called_and_whether_it_can_be_read_twice(tmp_path: Path) -> None:
    named = io.BytesIO(b"x")
    named.name = "upload.csv"  # type: ignore[attr-defined]
    assert describe(b"x") == "<bytes>"
    assert describe("a,b\n1,2\n") == "<text>"
    assert describe(named) == "upload.csv"
    assert describe(b"x", "form.csv") == "form.csv"
    assert path_of("a,b\n") is None
    assert path_of('{"format_version": 1}') is None
    assert path_of(tmp_path / "x.csv") == tmp_path / "x.csv"
    assert replayable(b"x")
    assert replayable(io.BytesIO(b"x"))
    assert not replayable(io.StringIO("x"))


# ------------------------------------------------------------------ uploads


def test_an_upload_is_never_a_path_whatever_it_holds(tmp_path: Path) -> None:
    from careers_impact import ReviewInputError, Upload, load_edition, read_reflections

    secret = tmp_path / "secret.csv"
    secret.write_text("participant,row,answer\nSpy,1.1,4\n", encoding="utf-8")
    edition = load_edition()
    # As a plain str, a one-line text is a path (convenient in a notebook) ...
    assert read_reflections(str(secret), edition).reflections[0].participant == "Spy"
    # ... as an upload, it is the content of the file, whatever it says.
    for content in (str(secret), "/etc/shadow", "/no/such/file"):
        with pytest.raises(ReviewInputError) as raised:
            read_reflections(Upload(content, "upload.csv"), edition)
        message = str(raised.value)
        assert message.startswith("upload.csv, line 1")
        assert "No such file" not in message
        assert "cannot read" not in message


@pytest.mark.parametrize("kind", ["bytes", "str", "binary stream", "text stream"])
def test_every_kind_of_upload_reads_the_same_and_is_named(kind: str) -> None:
    import io

    from careers_impact import ReviewInputError, Upload, load_edition, read_reflections

    text = "participant,row,answer\nAlex,1.1,3\nAlex,1.2,7\n"
    content = {
        "bytes": text.encode(),
        "str": text,
        "binary stream": io.BytesIO(text.encode()),
        "text stream": io.StringIO(text),
    }[kind]
    with pytest.raises(ReviewInputError) as raised:
        read_reflections(Upload(content, "alex.csv"), load_edition())
    assert (raised.value.path, raised.value.line, raised.value.column) == ("alex.csv", 3, "answer")


def test_a_text_stream_loses_its_byte_order_mark_on_the_first_line_only() -> None:
    import io

    from careers_impact import load_edition, read_reflections

    text = "\ufeffparticipant,row,answer,note\nAlex,1.1,3,\ufeffkept\n"
    found = read_reflections(io.StringIO(text), load_edition())
    assert found.participants[0].id == "Alex"
    assert found.reflections[0].note == "\ufeffkept"
