"""The collection reader's polars engine (`careers_impact.files._polars`)."""

from __future__ import annotations

import pytest

from careers_impact import ReviewInputError, load_edition, read_collection
from careers_impact.files.collection import ENGINES

pytest.importorskip("polars", reason="the polars engine needs careers-impact[fast]")

EDITION = load_edition()
_PLAIN = b"setting,participant,role,row,answer,note\nA,p1,x,1.1,2,\nA,p2,x,1.1,Column 4,\n"
PLAIN = {
    "plain": _PLAIN,
    "CRLF": _PLAIN.replace(b"\n", b"\r\n"),
    "BOM": b"\xef\xbb\xbf" + _PLAIN,
    "unsure and not yet": _PLAIN + b"A,p3,x,1.1,Unsure,\nB,p1,x,1.2,Not yet,\n",
}


def test_a_plain_file_is_read_by_polars_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # With the core's readers out of action, polars must still read a plain file (so it
    # is not quietly handing every file over), and must hand over an odd one.
    from careers_impact.files import collection

    def unavailable(*args: object) -> None:
        raise AssertionError("the core reader was asked")

    monkeypatch.setattr(collection._Tally, "read", unavailable)
    monkeypatch.setattr(collection, "_answers_by_group", unavailable)
    plain = b"setting,participant,role,row,answer\nA,p1,x,1.1,2\nA,p2,x,1.1,Column 4\n"
    found = read_collection(plain, EDITION, engine="polars")
    assert found.setting_rows[0][2:5] == ("suggested", 2, 2)
    with pytest.raises(AssertionError, match="core reader"):
        read_collection(plain + b"A,p1,x,1.1,3\n", EDITION, engine="polars")  # twice
    with pytest.raises(AssertionError, match="core reader"):
        read_collection(plain.replace(b"A,p2", b'"A",p2'), EDITION, engine="polars")


@pytest.mark.parametrize("kind", ["plain", "CRLF", "BOM", "unsure and not yet"])
def test_polars_reads_plain_files_itself(kind: str) -> None:
    assert read_collection(PLAIN[kind], EDITION).read_by == "polars"
    assert read_collection(PLAIN[kind], EDITION, engine="polars").read_by == "polars"


def test_a_crlf_file_split_between_cr_and_lf_is_still_read_by_polars() -> None:
    from careers_impact._files import PIECE

    header = b"setting,participant,row,answer\r\n"
    body = b"".join(b"S%05d,p%d,1.%d,%d\r\n" % (i // 14, i % 2, 1 + (i // 2) % 7, 1 + i % 4)
                    for i in range(80_000))  # fmt: skip
    data = header + body
    # Pad the first line so that a piece of PIECE bytes ends just after a CR.
    cr = data.index(b"\r\n", PIECE - 40)
    data = header[:-2] + b" " * (PIECE - 1 - cr) + data[len(header) - 2 :]
    assert data[PIECE - 1 : PIECE + 1] == b"\r\n"
    found = read_collection(data, EDITION)
    assert found.read_by == "polars"
    assert found == read_collection(data, EDITION, engine="python")


def test_a_field_past_the_header_is_refused_by_every_engine_and_empty_ones_are_not() -> None:
    bad = b"setting,participant,row,answer,note\nA,p,1.1,2,,extra\nA,q,1.1,3,n\n"
    for engine in ("auto", "python"):
        assert engine in ENGINES
        with pytest.raises(ReviewInputError) as raised:
            read_collection(bad, EDITION, engine=engine)
        assert raised.value.line == 2
        assert "fields past it are not empty" in str(raised.value)
    fine = b"setting,participant,row,answer,note\nA,p,1.1,2,,,\nA,q,1.1,3,n,\n"
    auto, python = (read_collection(fine, EDITION, engine=e) for e in ("auto", "python"))
    assert auto == python
    assert auto.read_by == "polars"


@pytest.mark.parametrize(
    "data",
    [
        b"setting,participant,row,answer\nA,p,1.1,2\nA\x1f,q,1.1,3\n",  # one setting
        b"setting,participant,row,answer\nA,p,1.1,2\nA,p\x1f,1.1,3\n",  # p twice
        b"setting,participant,row,answer,note\nA,p,1.1,2," + b"x" * 200_000 + b"\n",
    ],
    ids=["separator-in-setting", "separator-in-participant", "field-past-csv-limit"],
)
def test_one_white_space_rule_and_one_field_size_rule_for_every_engine(data: bytes) -> None:
    found = []
    for engine in ENGINES:
        try:
            summary = read_collection(data, EDITION, engine=engine)
            found.append((summary.settings, list(summary.setting_rows)))
        except ReviewInputError as error:
            found.append((str(error), []))
    assert found[0] == found[1] == found[2]
