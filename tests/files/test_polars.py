"""The collection reader's polars engine (`careers_impact.files._polars`)."""

from __future__ import annotations

import pytest

from careers_impact import load_edition, read_collection

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
