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
