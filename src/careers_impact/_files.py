"""Where files come from and how they are written (private: may change).

A *source* is what a reader is given: a path (``os.PathLike``, or a ``str`` that is
not content), the file's text (a ``str`` with a line break, or a JSON document, which
starts with ``{`` or ``[``), its bytes, or an open binary or text stream (a web app
has the upload in memory). `lines` turns any of them into decoded lines, one at a
time, so that memory follows what the reader keeps, not the file's size; a byte that
is not UTF-8 is reported on its exact line.

Every file the package writes goes through `write_atomic`: a temporary file in the
same folder, then a rename, so a failed write leaves the old file whole.
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import IO, Any, AnyStr, TypeGuard, Union

from careers_impact.errors import ReviewInputError

__all__ = [
    "Content",
    "PathLikeStr",
    "Source",
    "Upload",
    "describe",
    "ends_lines_with_cr",
    "line_end",
    "lines",
    "path_of",
    "peek",
    "pieces",
    "read_bytes",
    "replayable",
    "same_file",
    "split_lines",
    "unwrap",
    "write_atomic",
]


@dataclass(frozen=True)
class Upload:
    """A file's content, held in memory and named for messages: what a web service hands
    a reader. Its content is never taken for a path, whatever it holds.

    ``content`` is the file's bytes, its text, or an open binary or text stream;
    ``name`` (default ``"upload"``) is what errors and reports call it.

    >>> from careers_impact import load_edition, read_reflections
    >>> found = read_reflections(Upload(b"participant,row,answer\\nAlex,1.1,3\\n", "alex.csv"),
    ...                          load_edition())
    >>> found.path, found.reflections[0].answer
    ('alex.csv', 3)
    >>> read_reflections(Upload("/etc/passwd", "x.csv"), load_edition())
    Traceback (most recent call last):
    careers_impact.errors.ReviewInputError: x.csv, line 1: no column header starts with a row id ...
    """

    content: bytes | bytearray | str | IO[bytes] | IO[str]
    name: str = "upload"


#: A source once an upload is opened: a path, the text, the bytes, or an open stream.
Content = Union[str, "PathLike[str]", bytes, bytearray, IO[str], IO[bytes]]
#: What a reader accepts: an `Upload`, a path, the text, the bytes, or an open stream.
Source = Upload | Content
#: Where a writer writes: a path.
PathLikeStr = Union[str, "PathLike[str]"]


def unwrap(source: Source, name: str | None) -> tuple[Content, str | None]:
    """An upload's content (its text as bytes, which no reader takes for a path) and
    its name; any other source as it is."""
    if not isinstance(source, Upload):
        return source, name
    content: Content = source.content
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    return content, source.name if name is None else name


def path_of(source: object) -> Path | None:
    # A str is a path unless it is content: a CSV text has a line break, and a JSON
    # document (even on one line) starts with { or [. An upload is never a path.
    if isinstance(source, Upload):
        return None
    if isinstance(source, PathLike):
        return Path(source)
    if isinstance(source, str) and not (
        "\n" in source or "\r" in source or source.lstrip().startswith(("{", "["))
    ):
        return Path(source)
    return None


def describe(source: object, name: str | None = None) -> str:
    """The name messages use for ``source``: ``name``, the path, or what it is."""
    if isinstance(source, Upload):
        source, name = unwrap(source, name)
    if name is not None:
        return name
    path = path_of(source)
    if path is not None:
        return str(path) if isinstance(source, PathLike) else str(source)
    stream_name = getattr(source, "name", None)
    if isinstance(stream_name, str):
        return stream_name
    return (
        "<text>"
        if isinstance(source, str)
        else "<bytes>"
        if isinstance(source, bytes | bytearray)
        else "<stream>"
    )


def _decoded(name: str, raw_lines: Iterable[bytes]) -> Iterator[str]:
    # Decoded line by line, so a bad byte is reported on its own line and column.
    decode = codecs.getincrementaldecoder("utf-8")("strict").decode
    for number, raw in enumerate(raw_lines, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield decode(raw)
        except UnicodeDecodeError as error:
            raise ReviewInputError(
                name,
                f"byte 0x{raw[error.start]:02x} at character {error.start + 1} is not UTF-8 "
                "text; save the file as UTF-8 (in a spreadsheet, 'CSV UTF-8')",
                line=number,
            ) from None
    try:
        decode(b"", final=True)
    except UnicodeDecodeError:  # pragma: no cover - a line always ends a whole character
        raise ReviewInputError(name, "the file ends inside a character") from None


@contextmanager
def lines(given: Source, name: str | None = None) -> Iterator[tuple[str, Iterator[str]]]:
    """``(name, decoded lines with their line ends)`` of ``source``, read as they are used.

    A line ends as the file's first line ends (`line_end`): at a line feed (with or
    without a carriage return before it), or, in a file whose first line ends in a
    lone carriage return (Excel for Mac's "CSV (Macintosh)"), at a carriage return.
    A file that cannot be opened is a `ReviewInputError` naming it.
    """
    source, name = unwrap(given, name)
    shown = describe(source, name)
    path = path_of(source)
    if path is not None:
        try:
            # Closed by the with below; opening is apart so that its error is worded here.
            handle = path.open("rb")
        except OSError as error:
            raise ReviewInputError(shown, f"cannot read the file: {error.strerror}") from None
        with handle:
            yield shown, _decoded(shown, _split(handle.read, b""))
        return
    if isinstance(source, str):
        text = source.removeprefix("\ufeff")
        yield shown, split_lines(text, line_end(text))
        return
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        yield shown, _decoded(shown, split_lines(data, line_end(data)))
        return
    assert not isinstance(source, PathLike | str)  # handled above
    if _binary(source):
        yield shown, _decoded(shown, _split(source.read, b""))
    elif _text(source):
        yield shown, _text_stream(_split(source.read, ""))


def line_end(start: AnyStr) -> AnyStr:
    """How the lines of a file beginning with ``start`` end: a line feed, or a carriage
    return where the first line ends in one alone.

    >>> line_end("a,b\\r\\nc,d\\r\\n"), line_end(b"a,b\\rc,d\\r"), line_end("a,b")
    ('\\n', b'\\r', '\\n')
    """
    cr, lf = ("\r", "\n") if isinstance(start, str) else (b"\r", b"\n")
    at = start.find(cr)
    first_lf = start.find(lf)
    lone = at >= 0 and (first_lf < 0 or at < first_lf) and start[at + 1 : at + 2] != lf
    # A carriage return that ends the text may yet be followed by a line feed.
    return cr if lone and at + 1 < len(start) else lf


def ends_lines_with_cr(given: Source) -> bool:
    """Whether a `replayable` source's lines end in a lone carriage return (see
    `line_end`), looking at its start only and leaving a stream where it was."""
    source, _ = unwrap(given, None)
    path = path_of(source)
    if path is not None:
        try:
            with path.open("rb") as handle:
                start = handle.read(PIECE)
        except OSError:
            return False  # the reader says why the file cannot be read
    elif isinstance(source, str | bytes | bytearray):
        piece = source[:PIECE]
        start = piece.encode("utf-8", "surrogatepass") if isinstance(piece, str) else bytes(piece)
    else:
        assert not isinstance(source, PathLike)
        assert _binary(source)
        at = source.tell()
        start = source.read(PIECE)
        source.seek(at)
    return line_end(start) == b"\r"


def peek(source: Content, size: int) -> tuple[bytes, Content]:
    """The first ``size`` bytes of ``source`` (none for text), and a source that still
    reads from the start: a stream that cannot seek is given them back."""
    path = path_of(source)
    if path is not None:
        try:
            with path.open("rb") as handle:
                return handle.read(size), source
        except OSError:
            return b"", source  # the reader says why the file cannot be read
    if isinstance(source, bytes | bytearray):
        return bytes(source[:size]), source
    assert not isinstance(source, PathLike)  # a path is handled above
    if isinstance(source, str) or not _binary(source):
        return b"", source
    if source.seekable():
        at = source.tell()
        head = source.read(size)
        source.seek(at)
        return head, source
    head = source.read(size)
    return head, io.BufferedReader(_Prefixed(head, source))


class _Prefixed(io.RawIOBase):
    """A stream that cannot seek, with the bytes `peek` took from it given back."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        wanted = len(buffer)
        data, self._head = self._head[:wanted], self._head[wanted:]
        if len(data) < wanted:
            data += self._rest.read(wanted - len(data))
        buffer[: len(data)] = data
        return len(data)


def _split(read: Callable[[int], AnyStr], empty: AnyStr) -> Iterator[AnyStr]:
    """The lines of a stream read in pieces, each with its line end (see `line_end`)."""
    rest = empty
    end: AnyStr | None = None
    while block := read(PIECE):
        data = rest + block
        end = end if end is not None else _decided(data)
        if end is None:  # no line end yet, or a carriage return the next piece decides
            rest = data
            continue
        cut = data.rfind(end) + 1
        yield from split_lines(data[:cut], end)
        rest = data[cut:]
    if rest:
        yield from split_lines(rest, line_end(rest) if end is None else end)


def _decided(data: AnyStr) -> AnyStr | None:
    # The line end once the first one is seen whole: a carriage return at the very end
    # may be the first half of CR LF.
    cr = data.find("\r" if isinstance(data, str) else b"\r")
    lf = data.find("\n" if isinstance(data, str) else b"\n")
    if lf < 0 and (cr < 0 or cr == len(data) - 1):
        return None
    return line_end(data)


def _binary(stream: IO[str] | IO[bytes]) -> TypeGuard[IO[bytes]]:
    return isinstance(stream.read(0), bytes)


def _text(stream: IO[str] | IO[bytes]) -> TypeGuard[IO[str]]:
    return isinstance(stream.read(0), str)


#: How much of a file `pieces` decodes at a time.
PIECE = 1 << 20


def replayable(source: object) -> bool:
    """Whether ``source`` can be read twice: a path, text, bytes, or a seekable binary
    stream (read again from where it was when first given)."""
    if isinstance(source, Upload):
        source = unwrap(source, None)[0]
    if path_of(source) is not None or isinstance(source, str | bytes | bytearray):
        return True
    seekable, read = getattr(source, "seekable", None), getattr(source, "read", None)
    return bool(seekable and seekable()) and callable(read) and isinstance(read(0), bytes)


@contextmanager
def pieces(given: Source, name: str | None = None, size: int = PIECE) -> Iterator[Iterator[str]]:
    """The text of a `replayable` source in pieces of about ``size`` that end at a line
    feed (the last may not), for readers that split lines themselves. A byte that is
    not UTF-8 raises `UnicodeDecodeError`; the line-by-line `lines` locates it. A stream
    is read from where it is and left there again when the pieces are closed, so it can
    be read a second time.
    """
    source, name = unwrap(given, name)
    path = path_of(source)
    if path is not None:
        try:
            handle = path.open("rb")
        except OSError as error:
            raise ReviewInputError(
                describe(source, name), f"cannot read the file: {error.strerror}"
            ) from None
        with handle:
            yield _pieces(handle.read, size)
        return
    if isinstance(source, str):
        text = source.removeprefix("\ufeff")
        yield _text_pieces(text, size)
        return
    if isinstance(source, bytes | bytearray):
        yield _pieces(_byte_reader(memoryview(source)), size)
        return
    assert not isinstance(source, PathLike | str)
    assert _binary(source)
    start = source.tell()
    try:
        yield _pieces(source.read, size)
    finally:
        source.seek(start)


def _byte_reader(data: memoryview) -> Callable[[int], bytes]:
    at = 0

    def read(size: int) -> bytes:
        nonlocal at
        piece = bytes(data[at : at + size])
        at += len(piece)
        return piece

    return read


def _text_pieces(text: str, size: int) -> Iterator[str]:
    start = 0
    while start < len(text):
        stop = text.find("\n", start + size)
        stop = len(text) if stop < 0 else stop + 1
        yield text[start:stop]
        start = stop


def _pieces(read: Callable[[int], bytes], size: int) -> Iterator[str]:
    rest = b""
    first = True
    while block := read(size):
        block = rest + block
        if first:
            block, first = block.removeprefix(codecs.BOM_UTF8), len(block) < 3
        cut = block.rfind(b"\n") + 1
        rest = block[cut:]
        if cut:
            yield block[:cut].decode("utf-8")
    if rest:
        yield rest.decode("utf-8")


def split_lines(text: AnyStr, end: AnyStr) -> Iterator[AnyStr]:
    # Lines end at a line feed only, as a file read in binary does: str.splitlines would
    # also break at form feeds and other separators inside a field.
    start = 0
    while start < len(text):
        stop = text.find(end, start)
        stop = len(text) if stop < 0 else stop + 1
        yield text[start:stop]
        start = stop


def _text_stream(stream: Iterable[str]) -> Iterator[str]:
    for number, line in enumerate(stream, start=1):
        yield line.removeprefix("\ufeff") if number == 1 else line


def read_bytes(given: Source, name: str | None = None) -> tuple[str, bytes]:
    """``(name, every byte of source)``, for formats read whole (JSON)."""
    source, name = unwrap(given, name)
    shown = describe(source, name)
    path = path_of(source)
    if path is not None:
        try:
            return shown, path.read_bytes()
        except OSError as error:
            raise ReviewInputError(shown, f"cannot read the file: {error.strerror}") from None
    if isinstance(source, str):
        return shown, source.encode("utf-8", "surrogatepass")
    if isinstance(source, bytes | bytearray):
        return shown, bytes(source)
    assert not isinstance(source, PathLike)  # handled above
    data = source.read()
    return shown, data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")


def same_file(a: str | PathLike[str], b: str | PathLike[str]) -> bool:
    """Whether two paths name one existing file (links and relative paths resolved)."""
    try:
        return Path(a).samefile(b)
    except OSError:
        return False


def write_atomic(path: str | PathLike[str], write: Callable[[IO[bytes]], object]) -> None:
    """Write a file all at once: ``write`` fills a temporary file in the same folder,
    which then replaces ``path``. If anything fails, ``path`` is left as it was."""
    # Imported here: secrets brings hashlib, which readers and start-up do not need.
    import secrets

    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    # os.open with 0o666 gives the file the mode a plainly created file would have.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            temporary.chmod(target.stat().st_mode & 0o7777)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
