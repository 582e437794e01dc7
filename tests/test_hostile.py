"""Hostile and careless input: every reader gives a value or one of the package's errors.

The corpus in ``tests/hostile/`` holds one file per case, and ``cases.json`` says what
each must give: an error with its line and the words of its message, or a value with
the facts that show nothing was lost. The same files go through the command line,
which must exit 2 (1 for ``edition validate``) with one line on standard error, never
a traceback. Hypothesis then feeds arbitrary bytes and CSV-shaped text to every reader
and loader, through the API and the command line, and counts every input line.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from careers_impact import (
    CareersImpactError,
    ReviewInputError,
    load_crosswalk_file,
    load_edition,
    load_edition_file,
    load_review,
    read_agreed,
    read_collection,
    read_form_export,
    read_reflections,
    read_reflections_long,
)
from careers_impact.cli import main

CORPUS = Path(__file__).parent / "hostile"
CASES: list[dict[str, Any]] = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))
EDITION = load_edition()
READERS: dict[str, Callable[[Any], Any]] = {
    "reflections": lambda source: read_reflections(source, EDITION),
    "agreed": lambda source: read_agreed(source, EDITION),
    "collection": lambda source: read_collection(source, EDITION),
    "review": load_review,
    "edition": load_edition_file,
    "crosswalk": load_crosswalk_file,
}


def materialise(case: dict[str, Any], tmp_path: Path) -> Path:
    """The case's file; an ``EDITION:path=value`` case is the colleges edition with one
    value replaced, made here so that it follows the bundled data."""
    path = CORPUS / case["file"]
    text = path.read_bytes()
    if not text.startswith(b"EDITION:"):
        return path
    where, value = text.decode().removeprefix("EDITION:").split("=")
    document = load_edition("colleges").model_dump(mode="json")
    target: Any = document
    keys = [int(k) if k.isdigit() else k for k in where.split(".")]
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = json.loads(value)
    made = tmp_path / case["file"]
    made.write_text(json.dumps(document), encoding="utf-8")
    return made


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_each_case_gives_what_it_should(case: dict[str, Any], tmp_path: Path) -> None:
    path = materialise(case, tmp_path)
    read = READERS[case["reader"]]
    if case["expect"] == "error":
        with pytest.raises(CareersImpactError) as raised:
            read(path)
        assert case["message"] in str(raised.value)
        assert str(path.name) in str(raised.value)
        if "line" in case:
            assert isinstance(raised.value, ReviewInputError)
            assert raised.value.line == case["line"]
        return
    found = read(path)
    if "reflections" in case:
        assert len(found.reflections) == case["reflections"]
    if "ignored" in case:
        assert list(found.ignored_columns) == case["ignored"]
    if "settings" in case:
        assert list(found.settings) == case["settings"]
    if "skipped" in case:
        assert len(found.skipped) == case["skipped"]
    if "reported" in case:
        assert any(case["reported"] in item for item in found.skipped)


def test_every_source_kind_reads_the_same(tmp_path: Path) -> None:
    # A web app has the upload in memory: text, bytes, binary and text streams all read
    # as the file does, and messages use the name given.
    path = CORPUS / "formula-note.csv"
    data = path.read_bytes()
    expected = read_reflections(path, EDITION).reflections
    for source in (data, data.decode("utf-8"), io.BytesIO(data), io.StringIO(data.decode())):
        assert read_reflections(source, EDITION).reflections == expected
    with pytest.raises(ReviewInputError, match=r"^upload\.csv, line 2"):
        read_reflections((CORPUS / "range-answer.csv").read_bytes(), EDITION, name="upload.csv")


CLI_FOR = {
    "reflections": lambda path: ["review", str(path)],
    "agreed": lambda path: ["review", str(CORPUS / "bom-crlf.csv"), "--agreed", str(path)],
    "review": lambda path: ["report", str(path), "--format", "markdown", "--out", "-"],
    "edition": lambda path: ["edition", "validate", str(path)],
}


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c["reader"] in CLI_FOR],
    ids=[c["file"] for c in CASES if c["reader"] in CLI_FOR],
)
def test_each_case_through_the_command_line(
    case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = materialise(case, tmp_path)
    status = main(CLI_FOR[case["reader"]](path))
    out, err = capsys.readouterr()
    if case["expect"] == "ok":
        assert status == 0, err
        return
    if case["reader"] == "edition":
        # validate reports each problem on standard output, then a count, and exits 1.
        assert status == 1
        assert case["message"] in out
        assert err.strip().endswith("1 problem")
        return
    assert status == 2
    assert len(err.strip().splitlines()) == 1, err
    assert case["message"] in err


# ------------------------------------------------------------------ generated input

# Pieces of CSV that readers must take apart correctly: quotes, separators, line ends,
# answers spelt every way, and bytes that are not UTF-8.
PIECES = st.sampled_from(
    [",", '"', '""', "\n", "\r\n", "\r", " ", "\t", "1.1", "1.2", "9.9", "3", "Column 2",
     "3 - 4", "Not yet", "N/A", "Unsure", "Alex", "Sam", "=SUM(A1)", "'", "é", "\x00"]
)  # fmt: skip
HEADERS = st.sampled_from(
    [
        "participant,role,row,answer,note\n",
        "participant,row,answer\n",
        "Name,Role,1.1 A,1.2 B\n",
        "row,column,rationale\n",
        "setting,participant,row,answer\n",
        "",
    ]
)
CSV_TEXT = st.builds(lambda head, body: head + "".join(body), HEADERS, st.lists(PIECES))
ANY_BYTES = st.one_of(st.binary(max_size=300), CSV_TEXT.map(lambda t: t.encode("utf-8")))

TOLERANT = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)


@TOLERANT
@given(data=ANY_BYTES)
@example(data=b'participant,row,answer,note\nAlex,1.1,3,"oops\nSam,1.2,2,ok\n')
@example(data=b"\xef\xbb\xbf")
@example(data=b"[" * 5000)
def test_any_bytes_give_a_value_or_our_error(data: bytes) -> None:
    for name, read in READERS.items():
        try:
            read(data)
        except CareersImpactError:
            pass
        except Exception as error:  # pragma: no cover - what this test exists to find
            pytest.fail(f"{name}: {type(error).__name__}: {error}")


@TOLERANT
@given(text=CSV_TEXT)
def test_any_csv_text_through_the_command_line(
    text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "in.csv"
    path.write_text(text, encoding="utf-8")
    buffer_out, buffer_err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(buffer_out), contextlib.redirect_stderr(buffer_err):
        status = main(["review", str(path), "--setting", "X", "--date", "2026-10-01"])
    assert status in (0, 2)
    if status == 2:
        assert len(buffer_err.getvalue().strip().splitlines()) == 1


LONG_LINE = st.tuples(
    st.sampled_from(["Alex", "Sam", "Kim", " Alex ", "=cmd", ""]),
    st.sampled_from(["1.1", "1.2", "2.1"]),
    st.sampled_from(["1", "Column 2", "Not yet", "N/A", "Unsure", "", "4"]),
    st.sampled_from(["", "a note", "two, parts", 'a "quote"', "line\nbreak"]),
)


@TOLERANT
@given(lines=st.lists(st.one_of(LONG_LINE, st.just(None)), max_size=12))
def test_every_long_line_is_used_reported_or_refused(
    lines: list[tuple[str, str, str, str] | None],
) -> None:
    buffer = io.StringIO()
    out = csv.writer(buffer)
    out.writerow(["participant", "row", "answer", "note"])
    for line in lines:
        out.writerow(line if line is not None else [])
    text = buffer.getvalue()
    try:
        found = read_reflections_long(text, EDITION)
    except ReviewInputError as error:
        refused_at = error.line
        assert refused_at is not None  # refused, at a place
        return
    records = len(list(csv.reader(io.StringIO(text)))) - 1  # less the header
    reported = [s for s in found.skipped if re.match(r"line \d+: (empty|no answer)", s)]
    assert len(found.reflections) + len(reported) == records


@TOLERANT
@given(people=st.lists(st.sampled_from(["Alex", "Sam", "Kim", "Lee"]), unique=True, max_size=4))
def test_every_wide_line_is_used_or_reported(people: list[str]) -> None:
    text = "Name,1.1 A,1.2 B\n" + "".join(f"{p},3,\n\n" for p in people)
    try:
        found = read_form_export(text, EDITION)
    except ReviewInputError:
        assert not people
        return
    empties = [s for s in found.skipped if s.endswith(": empty")]
    assert len(found.participants) + len(empties) == 2 * len(people)


# ------------------------------------------------------------------ what we write


def hostile_review() -> Any:
    from careers_impact.examples import demo_review

    review = demo_review()
    setting = review.setting.model_copy(
        update={"name": "Our School\n- fake item\n# Heading\n| a | b |\n```\n<b>x</b> $5 and $10"}
    )
    return review.model_copy(update={"setting": setting})


def test_user_text_cannot_create_markdown_structure() -> None:
    markdown = pytest.importorskip("markdown")
    from careers_impact import report_markdown

    html = markdown.markdown(report_markdown(hostile_review()), extensions=["tables"])
    title = html.split("</h1>")[0]
    assert title.count("<h1") == 1
    assert "<b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in title
    assert "- fake item" in title
    assert "# Heading" in title
    assert html.count("<h1") == 1  # the name started no heading of its own


def test_plot_text_is_drawn_literally() -> None:
    pytest.importorskip("matplotlib")
    from careers_impact import plot_snapshot, summarise

    review = hostile_review()
    for name in ("a$^$b", "Costs $5 and $10"):
        setting = review.setting.model_copy(update={"name": name})
        figure = plot_snapshot(summarise(review.model_copy(update={"setting": setting})))
        figure.canvas.draw()  # mathtext would raise, or draw maths, here
        title = figure.axes[0].get_title()
        assert title.startswith(name.replace("$", r"\$"))


def test_a_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from careers_impact import save_review
    from careers_impact.examples import demo_review

    path = tmp_path / "review.json"
    path.write_text("the old review", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        # Fails after the new text has been written, before it reaches its name.
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        save_review(demo_review(), path)
    assert path.read_text(encoding="utf-8") == "the old review"
    assert [p.name for p in tmp_path.iterdir()] == ["review.json"]  # no temporary left


def test_formula_cells_are_neutralised_and_read_back_equal(tmp_path: Path) -> None:
    from careers_impact import write_agreed, write_reflections_long
    from careers_impact.reviews.review import (
        AgreedPosition,
        Participant,
        Reflection,
        Review,
        Setting,
    )

    review = Review(
        edition="schools-2026",
        setting=Setting(name="X"),
        date="2026-10-01",
        participants=[Participant(id="=HYPERLINK(1)", name="A", role="other")],
        reflections=[
            Reflection(participant="=HYPERLINK(1)", row="1.1", answer=3, note="+1 @x"),
            Reflection(participant="=HYPERLINK(1)", row="1.2", answer=2, note="'quoted"),
        ],
        agreed=[AgreedPosition(row="1.1", position=3, rationale="-2 is wrong")],
    )
    long_path, agreed_path = tmp_path / "long.csv", tmp_path / "agreed.csv"
    write_reflections_long(review, long_path)
    write_agreed(review, agreed_path)
    cells = [c for row in csv.reader(io.StringIO(long_path.read_text("utf-8-sig"))) for c in row]
    cells += [c for row in csv.reader(io.StringIO(agreed_path.read_text("utf-8-sig"))) for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert read_reflections_long(long_path, EDITION).reflections == review.reflections
    assert read_agreed(agreed_path, EDITION).agreed == review.agreed


def test_outputs_are_never_inputs_and_never_overwritten_unasked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from careers_impact import save_review
    from careers_impact.examples import demo_review

    review = tmp_path / "r.json"
    save_review(demo_review(), review)
    before = review.read_bytes()
    assert main(["report", str(review), "--out", str(review)]) == 2
    assert "is one of this command's inputs" in capsys.readouterr().err
    assert review.read_bytes() == before
    out = tmp_path / "r.html"
    out.write_text("keep", encoding="utf-8")
    for argv in (
        ["report", str(review), "--out", str(out)],
        ["template", "--out", str(out)],
        ["demo", "--out", str(out)],
        ["review", str(CORPUS / "bom-crlf.csv"), "--json", str(out)],
        ["edition", "new", "--from", "colleges", "--id", "c2", "--out", str(out)],
        ["edition", "diff", "colleges", "colleges", "--crosswalk", str(out)],
    ):
        assert main(argv) == 2, argv
        assert "pass --force" in capsys.readouterr().err
        assert out.read_text(encoding="utf-8") == "keep"
    assert main(["report", str(review), "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_missing_extra_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from careers_impact import save_review
    from careers_impact.examples import demo_review

    review = tmp_path / "r.json"
    save_review(demo_review(), review)
    monkeypatch.setitem(sys.modules, "jinja2", None)  # as if the extra were not installed
    assert main(["report", str(review), "--out", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err == (
        "careers-impact: error: the HTML report needs the 'report' extra: "
        "pip install 'careers-impact[report]'\n"
    )


def test_file_names_with_control_characters_are_quoted(tmp_path: Path) -> None:
    path = tmp_path / "a\x1b[31mb.csv"
    path.write_text("participant,row,answer\nAlex,1.1,9\n", encoding="utf-8")
    with pytest.raises(ReviewInputError) as raised:
        read_reflections(path, EDITION)
    assert "\x1b" not in str(raised.value)
    assert "\\x1b" in str(raised.value)


@pytest.mark.parametrize("edition_id", ["c" * 10_000, "../schools-2026", "schools-2026\x00", ""])
def test_an_impossible_edition_id_is_an_unknown_edition(edition_id: str) -> None:
    from careers_impact import UnknownEditionError

    with pytest.raises(UnknownEditionError, match="known editions: colleges, schools-2026"):
        load_edition(edition_id)
