"""Comparing reviews over time and across editions through a crosswalk."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from careers_impact import (
    Crosswalk,
    CrosswalkError,
    Edition,
    Review,
    compare,
    load_edition,
    summarise,
    trajectory,
)
from careers_impact.model.crosswalk import check_crosswalk, list_crosswalks, load_crosswalk


def test_worked_comparison(make_review: Callable[..., Review]) -> None:
    before = make_review(
        agreed={"1.1": 1, "1.2": 3, "1.3": 2, "1.4": 2, "1.5": "not-yet"},
        when="2025-10-01",
        targets=[{"row": "1.1", "column": 2}, {"row": "1.3", "column": 4, "by": "2026-07-31"}],
    )
    after = make_review(
        agreed={"1.1": 3, "1.2": 2, "1.3": 2, "1.6": 1, "1.5": 1}, when="2026-10-01"
    )
    comparison = compare(before, after)
    moves = {m.row: (m.before, m.after, m.move, m.size) for m in comparison.rows}
    assert moves["1.1"] == (1, 3, "advanced", 2)
    assert moves["1.2"] == (3, 2, "declined", -1)
    assert moves["1.3"] == (2, 2, "held", 0)
    assert moves["1.4"] == (2, None, "no-longer-assessed", None)
    assert moves["1.6"] == (None, 1, "newly-assessed", None)
    assert moves["1.5"] == (0, 1, "advanced", 1)
    assert moves["2.1"] == (None, None, "not-assessed", None)
    theme_1 = comparison.themes[0].counts
    assert (theme_1["advanced"], theme_1["declined"], theme_1["held"]) == (2, 1, 1)
    assert (theme_1["newly-assessed"], theme_1["no-longer-assessed"]) == (1, 1)
    assert comparison.overall.counts["not-assessed"] == 32 - 6  # rows 1.1 to 1.6 only
    assert comparison.advanced_most == ("1.1",)
    assert comparison.declined_most == ("1.2",)
    assert comparison.row("1.1").target_met is True  # target 2, now 3
    assert comparison.row("1.3").target_met is False  # target 4, now 2
    assert comparison.row("1.2").target is None
    assert comparison.row("1.1").explain() == "Row 1.1 advanced 2 columns: Column 1 to Column 3."
    by_benchmark = {b.key: b.counts for b in comparison.benchmarks}
    assert by_benchmark[1]["advanced"] == 2  # theme 1 serves benchmark 1


def test_summaries_compare_like_reviews(make_review: Callable[..., Review]) -> None:
    before = make_review(agreed={"1.1": 1}, when="2025-10-01")
    after = make_review(agreed={"1.1": 2}, when="2026-10-01")
    assert compare(summarise(before), summarise(after)) == compare(before, after)


def test_different_settings_need_permission(make_review: Callable[..., Review]) -> None:
    before = make_review(agreed={"1.1": 1}, when="2025-10-01", setting="School A")
    after = make_review(agreed={"1.1": 2}, when="2026-10-01", setting="School B")
    with pytest.raises(ValueError, match="different settings"):
        compare(before, after)
    assert compare(before, after, allow_different_settings=True).row("1.1").move == "advanced"


def test_reviews_must_be_in_date_order(make_review: Callable[..., Review]) -> None:
    with pytest.raises(ValueError, match="pass them in date order"):
        compare(
            make_review(agreed={}, when="2026-10-01"), make_review(agreed={}, when="2025-10-01")
        )


def test_trajectory_orders_by_date(make_review: Callable[..., Review]) -> None:
    reviews = [
        make_review(agreed={"1.1": 3, "1.2": 2}, when="2026-10-01"),
        make_review(agreed={"1.1": 1}, when="2024-10-01"),
        make_review(agreed={"1.1": 2, "1.2": 2}, when="2025-10-01"),
    ]
    path = trajectory(reviews)
    assert path.dates == (date(2024, 10, 1), date(2025, 10, 1), date(2026, 10, 1))
    assert path.row("1.1").levels == (1, 2, 3)
    assert path.row("1.1").net == 2
    assert path.row("1.2").levels == (None, 2, 2)
    assert path.row("1.2").net == 0
    assert path.row("1.3").net is None
    with pytest.raises(ValueError, match="at least two"):
        trajectory(reviews[:1])
    colleges = make_review(agreed={"1.1": 1}, when="2027-01-01", edition=load_edition("colleges"))
    with pytest.raises(ValueError, match="a trajectory needs one edition"):
        trajectory([*reviews, colleges])


# ------------------------------------------------------------------ across editions


@pytest.fixture(scope="module")
def newer(make_edition: Callable[..., Edition]) -> Edition:
    """A test-only successor of schools-2026 (no such edition is published).

    1.2 renamed; 1.3 split into 1.3 and 1.8; 2.1 and 2.2 merged into 2.1; 3.8 retired;
    6.4 added; 4.1 changed with no crosswalk entry.
    """
    return make_edition("schools-test", _successor)


def _successor(base: dict[str, Any]) -> None:
    themes = base["themes"]
    themes[0]["rows"][1]["title"] = "A renamed row"
    split = dict(themes[0]["rows"][2], id="1.8", title="The split-off half", change=None)
    themes[0]["rows"].append(split)
    themes[1]["rows"] = [r for r in themes[1]["rows"] if r["id"] != "2.2"]
    themes[2]["rows"] = [r for r in themes[2]["rows"] if r["id"] != "3.8"]
    themes[5]["rows"].append(
        dict(themes[5]["rows"][0], id="6.4", title="An added row", change=None)
    )


@pytest.fixture(scope="module")
def crosswalk() -> Crosswalk:
    kept = [
        {"kind": "kept", "old": [r], "new": [r]}
        for r in [row.id for row in load_edition().rows]
        if r not in {"1.2", "1.3", "2.1", "2.2", "3.8"}
    ]
    return Crosswalk.model_validate(
        {
            "old": "schools-2026",
            "new": "schools-test",
            "entries": [
                *kept,
                {"kind": "renamed", "old": ["1.2"], "new": ["1.2"]},
                {"kind": "split", "old": ["1.3"], "new": ["1.3", "1.8"]},
                {"kind": "merged", "old": ["2.1", "2.2"], "new": ["2.1"]},
                {"kind": "retired", "old": ["3.8"]},
                {"kind": "added", "new": ["6.4"]},
            ],
        }
    )


def test_crosswalk_cases(
    newer: Edition, crosswalk: Crosswalk, make_review: Callable[..., Review]
) -> None:
    before = make_review(
        agreed={"1.1": 2, "1.2": 1, "1.3": 2, "2.1": 3, "2.2": 1, "3.8": 2, "4.1": 1},
        when="2026-10-01",
    )
    after = make_review(
        agreed={"1.1": 2, "1.2": 2, "1.3": 3, "1.8": 1, "2.1": 2, "6.4": 1, "4.1": 3},
        when="2027-10-01",
        edition=newer,
    )
    comparison = compare(before, after, crosswalk=crosswalk, editions={newer.id: newer})
    assert comparison.row("1.1").move == "held"
    renamed = comparison.row("1.2")
    assert (renamed.link, renamed.move, renamed.title) == ("renamed", "advanced", "A renamed row")
    assert (comparison.row("1.3").link, comparison.row("1.3").move) == ("split", "advanced")
    assert (comparison.row("1.8").before, comparison.row("1.8").move) == (2, "declined")
    merged = comparison.row("2.1")
    assert (merged.before_rows, merged.before, merged.move) == (("2.1", "2.2"), 1, "advanced")
    retired = comparison.row("3.8")
    assert (retired.row, retired.link, retired.move) == (None, "retired", "no-longer-assessed")
    added = comparison.row("6.4")
    assert (added.link, added.before, added.move) == ("added", None, "newly-assessed")
    assert comparison.row("4.1").move == "advanced"
    # A crosswalk that leaves a row out is refused, never a row vanishing from the moves.
    gap = crosswalk.model_copy(update={"entries": tuple(
        e for e in crosswalk.entries if e.old != ("4.1",)
    )})  # fmt: skip
    with pytest.raises(CrosswalkError, match=r"old row 4\.1 of 'schools-2026' is in no entry"):
        compare(before, after, crosswalk=gap, editions={newer.id: newer})


def test_no_crosswalk_between_editions_is_a_clear_error(
    newer: Edition, make_review: Callable[..., Review]
) -> None:
    before = make_review(agreed={"1.1": 2}, when="2026-10-01")
    after = make_review(agreed={"1.1": 2}, when="2027-10-01", edition=newer)
    with pytest.raises(
        CrosswalkError, match="no crosswalk from edition 'schools-2026' to 'schools-test'"
    ):
        compare(before, after, editions={newer.id: newer})
    assert isinstance(CrosswalkError("x"), LookupError)
    assert list_crosswalks() == ()  # no real successor edition is published yet
    with pytest.raises(CrosswalkError, match="bundled crosswalks: none"):
        load_crosswalk("colleges", "schools-2026")


def test_a_crosswalk_must_fit_its_editions(newer: Edition, crosswalk: Crosswalk) -> None:
    bad = crosswalk.model_copy(
        update={
            "entries": (
                *crosswalk.entries,
                crosswalk.entries[0].model_copy(update={"old": ("9.9",)}),
            )
        }
    )
    with pytest.raises(CrosswalkError) as raised:
        check_crosswalk(bad, load_edition(), newer)
    assert "edition 'schools-2026' has no row 9.9" in str(raised.value)
    assert "new row 1.1 is already in entries[0]" in str(raised.value)
    with pytest.raises(CrosswalkError, match="joins 'schools-2026' to 'schools-test', not"):
        check_crosswalk(crosswalk, load_edition("colleges"), newer)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "split", "old": ["1.1"], "new": ["1.1"]}, "takes several row"),
        ({"kind": "merged", "old": ["1.1"], "new": ["1.1"]}, "takes several row"),
        ({"kind": "added", "old": ["1.1"], "new": ["1.1"]}, "takes none row"),
        ({"kind": "retired", "old": ["1.1"], "new": ["1.1"]}, "takes none row"),
        ({"kind": "kept", "old": [], "new": ["1.1"]}, "takes one row"),
    ],
)
def test_crosswalk_entry_shapes(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Crosswalk.model_validate({"old": "a", "new": "b", "entries": [entry]})


def test_demo_reviews_compare() -> None:
    from careers_impact.examples import demo_earlier_review, demo_review

    comparison = compare(demo_earlier_review(), demo_review())
    counts = comparison.overall.counts
    assert counts["advanced"] + counts["held"] + counts["declined"] == 32
    assert comparison.before_date < comparison.after_date
    assert isinstance(comparison.before_date, date)


def test_a_target_is_met_at_exactly_its_column(make_review: Callable[..., Review]) -> None:
    before = make_review(
        agreed={"1.1": 1}, when="2025-10-01", targets=[{"row": "1.1", "column": 3}]
    )
    exactly = compare(before, make_review(agreed={"1.1": 3}, when="2026-10-01"))
    short = compare(before, make_review(agreed={"1.1": 2}, when="2026-10-01"))
    assert exactly.row("1.1").target_met is True
    assert short.row("1.1").target_met is False


def test_a_trajectory_of_two_reviews_and_of_different_settings(
    make_review: Callable[..., Review],
) -> None:
    first = make_review(agreed={"1.1": 1}, when="2025-10-01")
    second = make_review(agreed={"1.1": 3}, when="2026-10-01")
    path = trajectory([second, first])
    assert path.row("1.1").levels == (1, 3)
    assert path.row("1.1").net == 2
    with pytest.raises(ValueError, match="at least two reviews"):
        trajectory([first])
    elsewhere = make_review(agreed={"1.1": 2}, when="2027-10-01", setting="Another School")
    with pytest.raises(ValueError, match="different settings"):
        trajectory([first, second, elsewhere])
    assert len(trajectory([first, second, elsewhere], allow_different_settings=True).dates) == 3
    with pytest.raises(ValueError, match="different settings"):
        trajectory([elsewhere, second])


def test_the_rows_that_moved_most(make_review: Callable[..., Review]) -> None:
    before = make_review(agreed={"1.1": 1, "1.2": 2, "1.3": 3}, when="2025-10-01")
    one_step = compare(
        before, make_review(agreed={"1.1": 2, "1.2": 2, "1.3": 3}, when="2026-10-01")
    )
    assert (one_step.advanced_most, one_step.declined_most) == (("1.1",), ())
    held = compare(before, make_review(agreed={"1.1": 1, "1.2": 2, "1.3": 3}, when="2026-10-01"))
    assert (held.advanced_most, held.declined_most) == ((), ())
    down = compare(before, make_review(agreed={"1.1": 1, "1.2": 1, "1.3": 2}, when="2026-10-01"))
    assert down.declined_most == ("1.2", "1.3")
    assert [g.key for g in held.themes] == [t.number for t in load_edition().themes]
    assert held.overall.title == "All rows"


def test_every_earlier_target_is_judged_met_not_met_or_no_longer_assessed(
    make_review: Callable[..., Review],
) -> None:
    everything = {row.id: 1 for row in load_edition().rows}
    targets = [
        {"row": "2.2", "column": 2, "by": "2026-07-31", "note": "after the audit"},
        {"row": "1.1", "column": 2},
        {"row": "3.1", "column": 3},
        {"row": "1.2", "column": 1},
    ]
    before = make_review(agreed=everything, targets=targets, when="2025-10-06")
    later = {k: v for k, v in everything.items() if k != "3.1"}
    after = make_review(agreed=dict(later, **{"1.1": 3}), when="2026-10-05")
    comparison = compare(before, after)
    judged = {t.target.row: (t.outcome, t.before, t.after) for t in comparison.targets}
    assert judged == {
        "2.2": ("not met", 1, 1),  # held, so it appears in no move, but it is not lost
        "1.1": ("met", 1, 3),
        "3.1": ("no longer assessed", 1, None),
        "1.2": ("met", 1, 1),
    }
    assert [t.target.row for t in comparison.targets] == ["2.2", "1.1", "3.1", "1.2"]
    missed = comparison.targets[0]
    assert missed.explain() == (
        "Row 2.2: column 2 by 31 July 2026: not met, at Column 1 (then Column 1)."
    )
    assert comparison.targets[2].explain() == "Row 3.1: column 3: no longer assessed."


def test_the_report_lists_a_missed_target_on_its_first_page(
    make_review: Callable[..., Review],
) -> None:
    from careers_impact import report_html, report_markdown

    everything = {row.id: 1 for row in load_edition().rows}
    before = make_review(
        agreed=everything,
        targets=[{"row": "2.2", "column": 2, "by": "2026-07-31"}],
        when="2025-10-06",
    )
    after = make_review(agreed=dict(everything, **{"1.1": 2}), when="2026-10-05")
    page = report_html(after, before)
    glance = page[page.index('id="glance"') : page.index('id="snapshot"')]
    assert "Earlier targets: <strong>0</strong> met, <strong>1</strong> not met" in glance
    assert "Not met: 2.2 (column 2 by 31 July 2026, now Column 1)" in glance
    assert "Complete: every row has an agreed position" in page
    assert "2026-07-31" not in page  # one date format in the whole report
    text = report_markdown(after, before)
    assert "## Earlier targets" in text
    assert "- Row 2.2: column 2 by 31 July 2026: not met" in text
