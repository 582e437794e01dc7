"""Roll-ups: agreed over suggested, not-reviewed and not-applicable kept apart, next steps."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings

from careers_impact import Review, load_edition, summarise
from careers_impact.testing import reviews


def test_agreed_positions_are_the_record_and_suggestions_fill_the_rest(
    make_review: Callable[..., Review],
) -> None:
    summary = summarise(
        make_review(
            {"1.1": [1, 1, 2], "1.2": [3, 3, 4], "1.3": ["unsure"]},
            [{"row": "1.1", "position": 3, "rationale": "Evidence seen"}],
        )
    )
    agreed, suggested, unsure = summary.row("1.1"), summary.row("1.2"), summary.row("1.3")
    assert (agreed.source, agreed.level, agreed.suggestion.level) == ("agreed", 3, 1)
    assert agreed.rationale == "Evidence seen"
    assert (suggested.source, suggested.level) == ("suggested", 3)
    assert (unsure.source, unsure.level) == ("not-reviewed", None)
    assert summary.row("6.3").source == "not-reviewed"
    assert "not reviewed yet" in summary.row("6.3").explain()
    assert "No position is agreed yet" in suggested.explain()


def test_not_reviewed_and_not_applicable_rows_stay_out_of_counts_and_medians(
    make_review: Callable[..., Review],
) -> None:
    summary = summarise(
        make_review(
            {"1.1": [1], "1.2": [4], "1.3": [4]},
            [{"row": "1.3", "position": "not-applicable"}, {"row": "1.4", "position": "not-yet"}],
        )
    )
    theme = summary.themes[0]
    assert theme.counts == (1, 1, 0, 0, 1)  # 1.4 not yet, 1.1 col 1, 1.2 col 4
    assert theme.median == 1
    assert theme.not_applicable == ("1.3",)
    assert theme.not_reviewed == ("1.5", "1.6", "1.7")
    assert theme.strongest == ("1.2",)
    assert theme.weakest == ("1.4",)
    assert summary.row("1.3").label == "Not applicable"
    assert summary.row("1.4").label == "Not yet at column 1"


def test_benchmark_rollups_gather_the_rows_of_every_theme_serving_it(
    make_review: Callable[..., Review],
) -> None:
    summary = summarise(make_review({"1.1": [2], "2.1": [3], "2.2": [1]}))
    by_number = {b.key: b for b in summary.benchmarks}
    assert by_number[1].counts == (0, 1, 1, 1, 0)  # themes 1 and 2
    assert by_number[1].median == 2
    assert by_number[3].counts == (0, 1, 0, 1, 0)  # theme 2 only
    assert by_number[3].median == 1
    assert by_number[1].title == "A stable careers programme"


def test_strengths_priorities_and_next_steps(make_review: Callable[..., Review]) -> None:
    edition = load_edition()
    summary = summarise(make_review({"1.1": [4], "1.2": [2], "1.3": ["not-yet"], "1.4": [4]}))
    assert summary.strengths == ("1.1", "1.4")
    assert summary.priorities == ("1.3",)
    assert summary.row("1.2").next_step == edition.row("1.2").cell(3).statements
    assert summary.row("1.3").next_step == edition.row("1.3").cell(1).statements
    assert summary.row("1.1").sustain is True
    assert summary.row("1.1").next_step == ()


def test_no_strengths_or_priorities_when_every_row_is_level(
    make_review: Callable[..., Review],
) -> None:
    summary = summarise(make_review({"1.1": [2], "1.2": [2]}))
    assert summary.strengths == ()
    assert summary.priorities == ()


def test_needs_discussion_lists_rows_flagged_by_their_answers(
    make_review: Callable[..., Review],
) -> None:
    summary = summarise(make_review({"1.1": [1, 3, 3], "1.2": [2, 2, 2]}))
    assert summary.needs_discussion == ("1.1",)
    assert summarise(make_review({"1.1": [1, 3, 3]}), discuss_spread=3).needs_discussion == ()


def test_summary_needs_the_review_edition(make_review: Callable[..., Review]) -> None:
    with pytest.raises(ValueError, match="not 'colleges'"):
        summarise(make_review({"1.1": [1]}), load_edition("colleges"))


@settings(max_examples=25)
@given(review=reviews())
def test_counts_add_up_for_any_review(review: Review) -> None:
    summary = summarise(review)
    edition = load_edition(review.edition)
    assert len(summary.rows) == len(edition.rows)
    for theme in summary.themes:
        placed = sum(theme.counts)
        assert placed + len(theme.not_reviewed) + len(theme.not_applicable) == len(theme.rows)
        levels = sorted(
            o.level for o in summary.rows if o.row in theme.rows and o.level is not None
        )
        assert theme.median == (levels[(len(levels) - 1) // 2] if levels else None)
    for outcome in summary.rows:
        agreed = review.agreed_position(outcome.row)
        if agreed is not None and agreed.position != "not-applicable":
            assert outcome.source == "agreed"


def test_statement_evidence_is_rolled_up_per_row(make_review: Callable[..., Review]) -> None:
    base = make_review({"1.1": [2]})
    evidence = [
        {"row": "1.1", "column": 1, "statement": 0, "status": "in-place"},
        {"row": "1.1", "column": 2, "statement": 0, "status": "in-place"},
    ]
    with_evidence = Review.model_validate({**base.model_dump(), "evidence": evidence})
    summary = summarise(with_evidence)
    fit = summary.row("1.1").evidence
    assert fit is not None
    assert fit.level == 1  # column 2 has two statements; one is in place
    assert summary.row("1.2").evidence is None


def test_group_rollups_explain_themselves(make_review: Callable[..., Review]) -> None:
    summary = summarise(
        make_review({"1.1": [1], "1.2": [4]}, [{"row": "1.3", "position": "not-applicable"}])
    )
    assert summary.themes[0].explain() == (
        "Careers leadership, vision and intent, and planning for development: 1 at Column 1, "
        "1 at Column 4 (4 not reviewed, 1 not applicable); the lower median is Column 1."
    )
    assert summary.themes[5].explain() == "Personal guidance: no row has a position yet."


def test_strengths_and_priorities_with_three_levels_and_not_yet(
    make_review: Callable[..., Review],
) -> None:
    summary = summarise(make_review({"1.1": ["not-yet"], "1.2": [1], "1.3": [1], "1.4": [3]}))
    assert summary.strengths == ("1.4",)
    assert summary.priorities == ("1.1",)  # not yet is the lowest, never a strength
    two = summarise(make_review({"1.1": ["not-yet"], "1.2": [1]}))
    assert (two.strengths, two.priorities) == (("1.2",), ("1.1",))


def test_a_summary_carries_everything_it_works_out(make_review: Callable[..., Review]) -> None:
    from careers_impact import krippendorff_alpha

    review = make_review(
        {"1.1": [1, 2, 2], "1.2": [3, 3, 4], "1.3": ["not-yet", 1, 1]},
        targets=[{"row": "1.1", "column": 3}],
    )
    review = review.model_copy(
        update={"setting": review.setting.model_copy(update={"identifier": "URN100001"})}
    )
    summary = summarise(review)
    assert summary.setting_id == "URN100001"
    assert summary.alpha == krippendorff_alpha([[1, 2, 2], [3, 3, 4], [0, 1, 1]])
    assert summary.alpha is not None
    one = summary.row("1.1")
    assert (one.level, one.next_column, one.target and one.target.column) == (2, 3, 3)
    assert one.next_step == load_edition().row("1.1").cell(3).statements
    assert summary.row("1.2").next_column == 4


def test_a_rows_gap_is_the_columns_to_go_to_its_target(make_review: Callable[..., Review]) -> None:
    review = make_review(
        agreed={"1.1": 1, "1.2": 3, "1.3": "not-yet", "1.4": 4},
        targets=[
            {"row": "1.1", "column": 3},
            {"row": "1.2", "column": 3},
            {"row": "1.3", "column": 2},
            {"row": "1.4", "column": 2},
            {"row": "1.5", "column": 2},
        ],
    )
    summary = summarise(review)
    gaps = {row: summary.row(row).gap for row in ("1.1", "1.2", "1.3", "1.4", "1.5", "1.6")}
    assert gaps == {"1.1": 2, "1.2": 0, "1.3": 2, "1.4": -2, "1.5": None, "1.6": None}


def test_the_priority_level_of_a_review_whose_lowest_is_not_yet(
    make_review: Callable[..., Review],
) -> None:
    summary = summarise(make_review(agreed={"1.1": "not-yet", "1.2": 3, "1.3": 2}))
    assert summary.priorities == ("1.1",)
    assert summary.priority_level == 0
    assert summary.strength_level == 3


def test_each_row_explains_where_it_stands_exactly(make_review: Callable[..., Review]) -> None:
    review = make_review(
        answers={"1.3": [2, 2]},
        agreed=[
            {"row": "1.1", "position": 3, "rationale": "Plan seen."},
            {"row": "1.2", "position": 2},
            {"row": "1.4", "position": "not-applicable"},
        ],
    )
    summary = summarise(review)
    assert [summary.row(r).explain() for r in ("1.1", "1.2", "1.4", "1.5")] == [
        "Row 1.1: the group agreed Column 3, noting: Plan seen.",
        "Row 1.2: the group agreed Column 2.",
        "Row 1.4: the group agreed it is not applicable; it is left out.",
        "Row 1.5: not reviewed yet; no colleague chose a column.",
    ]
    assert summary.row("1.3").explain() == (
        "Row 1.3: Column 2 is the lower median of 2 answers; 2 of 2 (100%) chose it, with a "
        "spread of 0. No position is agreed yet."
    )
    assert summary.row("1.3").suggestion.row == "1.3"


def test_an_unknown_row_of_a_summary_names_it_and_the_edition() -> None:
    from careers_impact import UnknownRowError
    from careers_impact.examples import demo_review

    with pytest.raises(UnknownRowError) as raised:
        summarise(demo_review()).row("9.9")
    assert (raised.value.row_id, raised.value.edition_id) == ("9.9", "schools-2026")
    assert "9.9" in str(raised.value)
    assert "schools-2026" in str(raised.value)


def test_status_and_the_rows_left_to_agree(make_review: Callable[..., Review]) -> None:
    everything = {row.id: 2 for row in load_edition().rows}
    done = summarise(make_review(agreed=dict(everything, **{"6.3": "not-applicable"})))
    assert (done.status, done.to_agree, done.to_discuss) == ("complete", (), ())
    flagged = make_review(answers={"1.1": [1, 4], "1.2": [1, 4]}, agreed={"1.1": 2})
    summary = summarise(flagged)
    assert summary.status == "in progress"
    assert summary.needs_discussion == ("1.1", "1.2")
    assert summary.to_discuss == ("1.2",)
    assert summary.discussed == ("1.1",)
    assert summary.to_agree[:3] == ("1.2", "1.3", "1.4")
    assert len(summary.to_agree) == 31


def test_a_theme_explains_its_spread_and_what_has_no_position(
    make_review: Callable[..., Review],
) -> None:
    review = make_review(agreed={"1.1": 2, "1.2": 3, "1.3": "not-applicable"})
    theme = summarise(review).themes[0]
    assert theme.explain() == (
        f"{theme.title}: 1 at Column 2, 1 at Column 3 (4 not reviewed, 1 not applicable); "
        "the lower median is Column 2."
    )
    every = summarise(make_review(agreed=dict.fromkeys(theme.rows, 2))).themes[0]
    assert every.explain() == f"{every.title}: 7 at Column 2; the lower median is Column 2."


def test_the_next_step_keeps_the_next_columns_lists(make_review: Callable[..., Review]) -> None:
    # Row 2.1's column 1 is a paragraph and a list: a row not yet at column 1 gets both.
    outcome = summarise(make_review(agreed={"2.1": "not-yet"})).row("2.1")
    cell = load_edition().row("2.1").cell(1)
    assert outcome.next_column == 1
    assert outcome.next_step == cell.statements
    assert outcome.next_step_list_items == cell.list_items
    assert outcome.next_step_list_items
