"""Many reviews at once: the fast CSV path agrees with review-by-review summaries."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from careers_impact import (
    Review,
    ReviewInputError,
    load_edition,
    read_collection,
    summarise,
    summarise_collection,
)
from careers_impact.examples import demo_earlier_review, demo_review
from careers_impact.reviews.vocabulary import answer_text
from careers_impact.testing import reviews

EDITION = load_edition()


def write_collection(path: Path, items: list[tuple[str, Review]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["setting", "participant", "role", "row", "answer", "note"])
        for setting, review in items:
            roles = {p.id: p.role for p in review.participants}
            for r in review.reflections:
                out.writerow(
                    [
                        setting,
                        r.participant,
                        roles[r.participant],
                        r.row,
                        answer_text(r.answer),
                        r.note or "",
                    ]
                )


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(reviews(EDITION, max_participants=4), min_size=1, max_size=4))
def test_csv_path_matches_review_by_review_suggestions(tmp_path: Path, items: list[Review]) -> None:
    # Without agreed positions, both paths give each row's suggestion.
    bare = [r.model_copy(update={"agreed": ()}) for r in items]
    named = [(f"setting {i}", r) for i, r in enumerate(bare) if r.reflections]
    if not named:
        return
    path = tmp_path / "hub.csv"
    write_collection(path, named)
    fast = read_collection(path, EDITION)
    for setting, review in named:
        summary = summarise(review)
        for outcome in summary.rows:
            item = next(
                i for i in fast.setting_rows if i.setting == setting and i.row == outcome.row
            )
            s = outcome.suggestion
            assert (item.level, item.answers, item.spread, item.needs_discussion) == (
                s.level,
                s.count,
                s.spread,
                s.needs_discussion,
            )


def test_distributions_across_settings() -> None:
    later = demo_review()
    earlier = demo_earlier_review().model_copy(
        update={"setting": later.setting.model_copy(update={"identifier": "OTHER"})}
    )
    summary = summarise_collection([later, earlier])
    assert summary.settings == ("EXAMPLE-0001", "OTHER")
    for row in EDITION.rows:
        dist = summary.distribution(row.id)
        positions = [summarise(r).row(row.id) for r in (later, earlier)]
        placed = [p.level for p in positions if p.level is not None]
        assert sum(dist.counts) == len(placed)
        for level in set(placed):
            assert dist.counts[level] == placed.count(level)
        flagged = [p.suggestion.needs_discussion for p in positions]
        assert dist.needs_discussion == sum(flagged)
    with pytest.raises(ValueError, match="two reviews of setting 'EXAMPLE-0001'"):
        summarise_collection([later, later])
    with pytest.raises(LookupError):
        summary.distribution("9.9")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("setting,participant,row\n", "no 'answer' column"),
        ("setting,participant,row,answer\nA,p1,1.1,9\n", "line 2, column 'answer'"),
        ("setting,participant,row,answer\nA,p1,0.1,2\n", "line 2, column 'row'"),
        (
            "setting,participant,row,answer\nA,p1,1.1,2\nA,p1,1.1,3\n",
            "line 3: 'p1' answers row 1.1 twice",
        ),
        ("setting,participant,row,answer\nA,p1\n", "line 2: 2 fields"),
    ],
)
def test_collection_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReviewInputError, match=message):
        read_collection(path, EDITION)


def test_blank_answers_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "hub.csv"
    path.write_text("setting,participant,row,answer\nA,p1,1.1,\nA,p1,1.2,3\n", encoding="utf-8")
    summary = read_collection(path, EDITION)
    assert summary.skipped == ("line 2: no answer for row 1.1",)
    assert summary.distribution("1.2").counts == (0, 0, 0, 1, 0)
    assert summary.distribution("1.1").not_reviewed == 1


def test_collection_file_problems(tmp_path: Path) -> None:
    with pytest.raises(ReviewInputError, match="cannot read the file"):
        read_collection(tmp_path / "absent.csv", EDITION)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ReviewInputError, match="the file is empty"):
        read_collection(empty, EDITION)
    latin = tmp_path / "latin.csv"
    latin.write_bytes(
        "setting,participant,row,answer\nA,p1,1.1,2\nRené,p1,1.1,2\n".encode("latin-1")
    )
    with pytest.raises(ReviewInputError, match="not UTF-8"):
        read_collection(latin, EDITION)


def test_lines_of_a_setting_row_need_not_be_together(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "setting,participant,row,answer\nA,p1,1.1,2\nB,p1,1.1,4\nA,p2,1.1,3\nA,p1,1.2,1\nA,p2,1.1,3\n",
        encoding="utf-8",
    )
    with pytest.raises(ReviewInputError, match=r"line 6: 'p2' answers row 1\.1 twice"):
        read_collection(path, EDITION)
    path.write_text(
        "setting,participant,row,answer\nA,p1,1.1,2\nB,p1,1.1,4\nA,p2,1.1,3\nA,p3,1.1,4\n",
        encoding="utf-8",
    )
    summary = read_collection(path, EDITION)
    a_11 = next(i for i in summary.setting_rows if (i.setting, i.row) == ("A", "1.1"))
    assert (a_11.level, a_11.answers, a_11.spread) == (3, 3, 2)
    assert summary.settings == ("A", "B")


def test_a_blank_line_between_answers_is_reported_and_both_answers_count() -> None:
    text = "setting,participant,row,answer\nA,p1,1.1,2\n\nA,p2,1.1,4\n ,  , \nA,p3,1.1,4\n"
    found = read_collection(text, EDITION)
    assert found.skipped == ("line 3: empty", "line 5: empty")
    assert found.setting_rows[0].answers == 3


def test_setting_rows_are_a_sequence_made_from_the_columns() -> None:
    summary = summarise_collection([demo_review()])
    rows = summary.setting_rows
    assert len(rows) == len(EDITION.rows) == len(list(rows))
    assert rows[-1] == rows[len(rows) - 1] == list(rows)[-1]
    assert rows[1:3] == tuple(list(rows)[1:3])
    assert rows[0].setting == summary.settings[0]
    assert rows[0].row == "1.1"
    with pytest.raises(IndexError):
        rows[len(rows)]


def test_a_national_collection_is_stored_in_a_few_bytes_a_setting_row() -> None:
    rows = [row.id for row in EDITION.rows]
    answers = ["Not yet", "1", "2", "3", "4"]
    lines = [
        f"S{s},p{p},{row},{answers[(s * 7 + p * 3 + r) % 5]}\n"
        for s in range(2000)
        for r, row in enumerate(rows)
        for p in range(3)
    ]
    text = "setting,participant,row,answer\n" + "".join(lines)
    summary = read_collection(text, EDITION, engine="python")
    assert len(summary.setting_rows) == 2000 * len(rows)
    assert summary.index.itemsize == 2
    assert len(summary.outcomes) < 100
