"""Best fit: worked examples of every rule, and properties that any answers must satisfy."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import given, strategies as st

from careers_impact import (
    Evidence,
    consensus,
    evidence_fit,
    krippendorff_alpha,
    level_of,
    load_edition,
    suggest,
)
from careers_impact.errors import ParameterError
from careers_impact.reviews.bestfit import counted_figures, figures
from careers_impact.reviews.vocabulary import Answer
from careers_impact.testing import answers, levels

# ------------------------------------------------------------------ worked examples


@pytest.mark.parametrize(
    ("given_answers", "level", "count", "spread", "share", "discuss"),
    [
        ([3], 3, 1, 0, 1.0, False),  # a single answer is the suggestion
        ([2, 3], 2, 2, 1, 0.5, False),  # tie of two middles: the lower
        ([1, 1, 4, 4], 1, 4, 3, 0.5, True),  # lower middle; wide spread
        ([1, 2, 3], 2, 3, 2, 1 / 3, True),
        ([3, 3, 3, 2], 3, 4, 1, 0.75, False),
        (["not-yet", "not-yet", 1], 0, 3, 1, 2 / 3, False),  # not yet counts as 0
        (["not-yet", 4], 0, 2, 4, 0.5, True),
        ([1, 2, 3, 4], 2, 4, 3, 0.25, True),
        ([2, 2, 3, 3, 3], 3, 5, 1, 0.6, False),
    ],
)
def test_worked_examples(
    given_answers: list[Answer],
    level: int,
    count: int,
    spread: int,
    share: float,
    discuss: bool,
) -> None:
    result = suggest(given_answers)
    assert result.level == level
    assert result.count == count
    assert result.spread == spread
    assert result.share == pytest.approx(share)
    assert result.needs_discussion is discuss


def test_unsure_and_not_applicable_are_left_out_and_counted() -> None:
    result = suggest([2, "unsure", "not-applicable", 4, "unsure"])
    assert (result.level, result.count, result.unsure, result.not_applicable) == (2, 2, 2, 1)
    assert "2 unsure and 1 not applicable left out" in result.explain()


@pytest.mark.parametrize("only", [[], ["unsure"], ["unsure", "not-applicable"]])
def test_no_answers_no_suggestion(only: list[Answer]) -> None:
    result = suggest(only, row="2.2")
    assert result.level is None
    assert result.count == 0
    assert result.spread is None
    assert result.needs_discussion is False
    assert result.explain().startswith("Row 2.2: no suggestion, because nobody chose a column")


def test_thresholds_are_parameters() -> None:
    answers_ = [1, 2, 3]
    assert suggest(answers_).needs_discussion is True
    assert suggest(answers_, discuss_spread=3, discuss_share=0.3).needs_discussion is False
    assert suggest([2, 2, 3, 4], discuss_share=0.6).needs_discussion is True  # 50% < 60%


def test_explain_says_why() -> None:
    assert suggest([1, 2, 3], row="1.4").explain() == (
        "Row 1.4: Column 2 is the lower median of 3 answers; 1 of 3 (33%) chose it, and the "
        "answers have a spread of 2 and under 50% chose it, so it needs discussion."
    )
    assert suggest([3, 3, 2], row="1.1").explain() == (
        "Row 1.1: Column 3 is the lower median of 3 answers; 2 of 3 (67%) chose it, with a "
        "spread of 1."
    )
    assert suggest(["not-yet"]).explain().startswith("Not yet at column 1 is the lower median")


# ------------------------------------------------------------------ properties


@given(st.lists(answers(), max_size=12), st.randoms())
def test_suggestion_does_not_depend_on_order(given_answers: list[Answer], rnd: object) -> None:
    shuffled = list(given_answers)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert suggest(shuffled) == suggest(given_answers)


@given(st.lists(answers(), min_size=1, max_size=12))
def test_suggestion_lies_between_lowest_and_highest(given_answers: list[Answer]) -> None:
    result = suggest(given_answers)
    chosen = [lv for a in given_answers if (lv := level_of(a)) is not None]
    if not chosen:
        assert result.level is None
        return
    assert result.level is not None
    assert min(chosen) <= result.level <= max(chosen)
    assert result.spread == max(chosen) - min(chosen)
    assert 0 < (result.share or 0) <= 1
    assert result.share == pytest.approx(chosen.count(result.level) / len(chosen))


@given(levels(), st.integers(min_value=1, max_value=12))
def test_unanimous_answers_are_the_suggestion(level: int, n: int) -> None:
    answer: Answer = "not-yet" if level == 0 else level
    result = suggest([answer] * n)
    assert result.level == level
    assert result.spread == 0
    assert result.consensus == 1.0
    assert result.needs_discussion is False


@given(st.lists(levels(), min_size=1, max_size=12), st.data())
def test_raising_one_answer_never_lowers_the_suggestion(
    values: list[int], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(values) - 1))
    higher = list(values)
    higher[index] = data.draw(st.integers(values[index], 4))

    def as_answers(levels_: list[int]) -> list[Answer]:
        return ["not-yet" if v == 0 else v for v in levels_]

    before, after = suggest(as_answers(values)).level, suggest(as_answers(higher)).level
    assert before is not None
    assert after is not None
    assert after >= before


@given(st.lists(answers(), max_size=10), st.integers(0, 5))
def test_unsure_answers_change_nothing_but_their_count(given_answers: list[Answer], n: int) -> None:
    plain = suggest(given_answers)
    padded = suggest([*given_answers, *["unsure"] * n])
    assert padded.model_copy(update={"unsure": plain.unsure}) == plain


# ------------------------------------------------------------------ consensus


def test_consensus_worked_examples() -> None:
    assert consensus([2, 2, 2]) == 1.0
    assert consensus([0, 4]) == 0.0
    assert consensus([0, 0, 4, 4]) == 0.0
    # [1, 2]: mean 1.5, each 0.5 away on a scale of width 4: 1 + log2(1 - 0.125).
    assert consensus([1, 2]) == pytest.approx(1 + math.log2(0.875))
    assert consensus([1, 5], lowest=1, highest=5) == 0.0  # the paper's 5-point scale
    with pytest.raises(ValueError, match="at least one answer"):
        consensus([])


@given(st.lists(levels(), min_size=1, max_size=12))
def test_consensus_is_between_0_and_1_and_mirror_symmetric(values: list[int]) -> None:
    value = consensus(values)
    assert 0.0 <= value <= 1.0
    assert consensus([4 - v for v in values]) == pytest.approx(value)


@given(st.lists(levels(), min_size=2, max_size=8))
def test_consensus_is_1_only_for_agreement_and_0_only_for_an_even_split_of_the_extremes(
    values: list[int],
) -> None:
    # (This replaces a test that still passed with consensus() returning 1.0 always.)
    value = consensus(values)
    if len(set(values)) == 1:
        assert value == pytest.approx(1.0)
    else:
        assert value < 1.0
    even_split = set(values) == {0, 4} and values.count(0) == values.count(4)
    if even_split:
        assert value == pytest.approx(0.0)
    else:
        assert value > 0.0


# ------------------------------------------------------------------ Krippendorff's alpha


def test_alpha_worked_examples() -> None:
    assert krippendorff_alpha([[1, 1], [2, 2], [3, 3]]) == 1.0
    assert krippendorff_alpha([[1], [2]]) is None  # no unit has two answers
    assert krippendorff_alpha([[2, 2], [2, 2]]) is None  # nothing varies


@given(
    st.lists(
        st.lists(st.one_of(st.none(), levels()), min_size=3, max_size=3),
        min_size=2,
        max_size=10,
    )
)
def test_alpha_agrees_with_the_krippendorff_package(matrix: list[list[int | None]]) -> None:
    # units are rows of the model; each unit's list holds three colleagues' levels.
    units = [[v for v in unit if v is not None] for unit in matrix]
    ours = krippendorff_alpha(units)
    pairable = [v for unit in units if len(unit) >= 2 for v in unit]
    if ours is None:
        assert len(set(pairable)) <= 1
        return
    data = np.array(
        [[np.nan if unit[c] is None else unit[c] for unit in matrix] for c in range(3)],
        dtype=float,
    )
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal")
    assert ours == pytest.approx(theirs, abs=1e-9)


@given(
    st.integers(2, 60).flatmap(
        lambda colleagues: st.lists(
            st.lists(st.one_of(st.none(), levels()), min_size=colleagues, max_size=colleagues),
            min_size=2,
            max_size=8,
        )
    )
)
def test_alpha_agrees_with_the_package_for_many_colleagues(
    matrix: list[list[int | None]],
) -> None:
    # The value-count form must equal the pairwise definition for any number of
    # colleagues, ties and gaps included.
    units = [[v for v in unit if v is not None] for unit in matrix]
    ours = krippendorff_alpha(units)
    if ours is None:
        return
    data = np.array(
        [
            [np.nan if unit[c] is None else unit[c] for unit in matrix]
            for c in range(len(matrix[0]))
        ],
        dtype=float,
    )
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal")
    assert ours == pytest.approx(theirs, abs=1e-9)


def test_alpha_is_linear_in_colleagues() -> None:
    # 20,000 colleagues on 32 rows: the pairwise form would make 12.8 billion pairs.
    units = [[(i * 7 + row) % 5 for i in range(20_000)] for row in range(32)]
    assert krippendorff_alpha(units) is not None


# ------------------------------------------------------------------ evidence


def _in_place(row: str, column: int, count: int, status: str = "in-place") -> list[Evidence]:
    return [
        Evidence.model_validate({"row": row, "column": column, "statement": i, "status": status})
        for i in range(count)
    ]


def test_evidence_fit_is_cumulative() -> None:
    edition = load_edition()
    row = edition.row("1.1")
    n = [len(cell.statements) for cell in row.cells]
    col1, col2, col3 = (_in_place("1.1", c, n[c - 1]) for c in (1, 2, 3))
    assert evidence_fit(col1 + col2, edition, "1.1").level == 2
    assert evidence_fit(col2 + col3, edition, "1.1").level == 0  # column 1 missing blocks all
    all_four = col1 + col2 + col3 + _in_place("1.1", 4, n[3])
    fit = evidence_fit(all_four, edition, "1.1")
    assert fit.level == 4
    assert "every column is in place" in fit.explain()


def test_evidence_fit_partly_and_share() -> None:
    edition = load_edition()
    n2 = len(edition.row("1.3").cell(2).statements)
    evidence = _in_place("1.3", 1, 1) + _in_place("1.3", 2, n2, "partly")
    assert evidence_fit(evidence, edition, "1.3").level == 1
    assert evidence_fit(evidence, edition, "1.3", count_partly=True).level == 2
    half = _in_place("1.3", 1, 1) + _in_place("1.3", 2, 1)
    assert evidence_fit(half, edition, "1.3").level == 1
    assert evidence_fit(half, edition, "1.3", required_share=0.5).level == 2
    with pytest.raises(ValueError, match="required_share"):
        evidence_fit(half, edition, "1.3", required_share=0)


def test_evidence_fit_explains_the_blocking_column() -> None:
    edition = load_edition()
    fit = evidence_fit(_in_place("1.1", 1, 1), edition, "1.1")
    assert fit.explain() == (
        "Row 1.1: column 1 is in place; column 2 is not (0 of 2 statements in place), so "
        "the cumulative best fit is Column 1."
    )


def test_a_damaged_empty_cell_neither_blocks_nor_earns_a_column() -> None:
    colleges = load_edition("colleges")  # 6.1 column 1 is empty in the source
    assert evidence_fit([], colleges, "6.1").level == 0
    assert evidence_fit(_in_place("6.1", 2, 1), colleges, "6.1").level == 2
    statuses = [c.status for c in evidence_fit([], colleges, "6.1").columns]
    assert statuses[0] == "no-statements"


@given(st.lists(levels(), min_size=1, max_size=15))
def test_figures_is_statistics_median_low(values: list[int]) -> None:
    import statistics

    level, lowest, highest, share = figures(values)
    assert level == statistics.median_low(values)
    assert (lowest, highest) == (min(values), max(values))
    assert share == values.count(level) / len(values)


def test_a_suggestion_counts_and_keeps_everything_it_was_given() -> None:
    s = suggest([3, 1, "unsure", "unsure", "not-applicable", "not-applicable", "not-applicable"])
    assert (s.level, s.count, s.lowest, s.highest, s.spread) == (1, 2, 1, 3, 2)
    assert (s.unsure, s.not_applicable) == (2, 3)
    assert (s.discuss_spread, s.discuss_share) == (2, 0.5)
    none = suggest(["unsure", "not-applicable"], discuss_spread=3, discuss_share=0.25)
    assert (none.level, none.count, none.unsure, none.not_applicable) == (None, 0, 1, 1)
    assert (none.discuss_spread, none.discuss_share) == (3, 0.25)


def test_consensus_needs_a_scale_of_two_levels_or_more() -> None:
    assert consensus([1, 2], lowest=1, highest=2) == pytest.approx(0.0)
    with pytest.raises(ValueError, match="the scale needs two or more levels"):
        consensus([1], lowest=1, highest=1)
    assert consensus([4, 4, 4]) == 1.0


@given(st.lists(st.integers(0, 5000), min_size=5, max_size=5).filter(any))
def test_counted_figures_are_the_figures_of_the_answers_counted(counts: list[int]) -> None:
    import statistics

    values = [level for level, n in enumerate(counts) for _ in range(n)]
    level, lowest, highest, share = counted_figures(counts)
    assert level == statistics.median_low(values)
    assert (lowest, highest) == (min(values), max(values))
    assert share == values.count(level) / len(values)


def test_counted_figures_need_an_answer() -> None:
    with pytest.raises(ParameterError):
        counted_figures([0, 0, 0, 0, 0])


# ------------------------------------------------------------------ thresholds, once

_BAD_THRESHOLDS = [
    {"discuss_spread": 0},
    {"discuss_spread": 5},
    {"discuss_spread": True},
    {"discuss_spread": 1.5},
    {"discuss_spread": "2"},
    {"discuss_share": -0.01},
    {"discuss_share": 1.01},
    {"discuss_share": 7},
    {"discuss_share": True},
    {"discuss_share": "0.5"},
]


def _collection_text() -> str:
    return "setting,participant,row,answer\nA,p1,1.1,1\nA,p2,1.1,3\n"


def _paths() -> dict[str, object]:
    from careers_impact import read_collection, summarise, summarise_collection
    from careers_impact.examples import demo_review
    from careers_impact.reviews.bestfit import needs_discussion

    edition = load_edition()
    return {
        "suggest": lambda **k: suggest([1, 3], **k),
        "suggest with no answers": lambda **k: suggest(["unsure"], **k),
        "needs_discussion": lambda **k: needs_discussion(1, 1.0, **k),
        "summarise": lambda **k: summarise(demo_review(), **k),
        "summarise_collection": lambda **k: summarise_collection([demo_review()], **k),
        "read_collection python": lambda **k: read_collection(
            _collection_text(), edition, engine="python", **k
        ),
        "read_collection polars": lambda **k: read_collection(
            _collection_text().encode(), edition, engine="polars", **k
        ),
        "read_collection of an empty file": lambda **k: read_collection(
            "setting,participant,row,answer\n", edition, engine="python", **k
        ),
    }


@pytest.mark.parametrize("bad", _BAD_THRESHOLDS, ids=str)
@pytest.mark.parametrize("path", list(_paths()))
def test_thresholds_are_refused_alike_on_every_path(path: str, bad: dict[str, object]) -> None:
    call = _paths()[path]
    with pytest.raises(ParameterError, match=f"^{next(iter(bad))} must be"):
        call(**bad)  # type: ignore[operator]


@pytest.mark.parametrize("path", list(_paths()))
def test_the_extreme_thresholds_are_accepted(path: str) -> None:
    call = _paths()[path]
    call(discuss_spread=1, discuss_share=0.0)  # type: ignore[operator]
    call(discuss_spread=4, discuss_share=1)  # type: ignore[operator]


def test_a_suggestion_keeps_the_thresholds_it_was_judged_by() -> None:
    # A spread of 2 is not enough at discuss_spread=3, and 50% is enough at 0.5, so the
    # flag is off; explain() must not give a reason from the default thresholds.
    calm = suggest([1, 3, 3, 3], discuss_spread=3, discuss_share=0.5)
    assert (calm.discuss_spread, calm.discuss_share, calm.needs_discussion) == (3, 0.5, False)
    assert "needs discussion" not in calm.explain()
    strict = suggest([3, 3, 3, 4], discuss_spread=3, discuss_share=0.9)
    assert (strict.discuss_spread, strict.discuss_share) == (3, 0.9)
    assert strict.needs_discussion
    assert strict.explain().endswith("and under 90% chose it, so it needs discussion.")
    assert "spread of 1" not in strict.explain().split("and under")[1]


def test_summarise_passes_both_thresholds_to_every_row() -> None:
    from careers_impact import summarise
    from careers_impact.examples import demo_review

    review = demo_review()
    default = summarise(review)
    every_row = summarise(review, discuss_share=1.0)
    by_spread = summarise(review, discuss_spread=1)
    shares = [o.suggestion.share for o in default.rows if o.suggestion.share is not None]
    assert any(share < 1.0 for share in shares)
    for outcome in every_row.rows:
        assert outcome.suggestion.discuss_share == 1.0
        if outcome.suggestion.share is not None and outcome.suggestion.share < 1.0:
            assert outcome.suggestion.needs_discussion
    assert sum(o.suggestion.needs_discussion for o in every_row.rows) > sum(
        o.suggestion.needs_discussion for o in default.rows
    )
    assert all(o.suggestion.discuss_spread == 1 for o in by_spread.rows)


# ------------------------------------------------ what explain() says, word for word


def _columns_in_place(row: str, columns: dict[int, int]) -> list[Evidence]:
    return [
        Evidence(row=row, column=column, statement=i, status="in-place")
        for column, count in columns.items()
        for i in range(count)
    ]


@pytest.mark.parametrize(
    ("columns", "said"),
    [
        (
            {},
            "Row 1.3: column 1 is not (0 of 1 statements in place), so the cumulative best "
            "fit is Not yet at column 1.",
        ),
        (
            {1: 1},
            "Row 1.3: column 1 is in place; column 2 is not (0 of 2 statements in "
            "place), so the cumulative best fit is Column 1.",
        ),
        (
            {1: 1, 2: 2, 3: 1},
            "Row 1.3: columns 1, 2 are in place; column 3 is not (1 of 3 "
            "statements in place), so the cumulative best fit is Column 2.",
        ),
        (
            {1: 1, 2: 2, 3: 3, 4: 3},
            "Row 1.3: every column is in place, so the cumulative best fit is Column 4.",
        ),
    ],
)
def test_evidence_fit_explains_itself_exactly(columns: dict[int, int], said: str) -> None:
    assert evidence_fit(_columns_in_place("1.3", columns), load_edition(), "1.3").explain() == said


def test_a_column_after_the_blocker_is_not_said_to_be_columns_in_place() -> None:
    # Column 3 is in place but column 2 is not: only column 1 counts as in place.
    fit = evidence_fit(_columns_in_place("1.3", {1: 1, 3: 3}), load_edition(), "1.3")
    assert fit.level == 1
    assert fit.explain().startswith("Row 1.3: column 1 is in place; column 2 is not")


@pytest.mark.parametrize("share", [0.0, -0.5, 1.01])
def test_evidence_fit_refuses_a_share_outside_what_it_can_use(share: float) -> None:
    with pytest.raises(ParameterError, match=r"^required_share must be above 0 and at most 1"):
        evidence_fit([], load_edition(), "1.3", required_share=share)
    evidence_fit([], load_edition(), "1.3", required_share=1.0)


def test_a_suggestion_explains_itself_word_for_word() -> None:
    assert suggest([2], row="1.1").explain() == (
        "Row 1.1: Column 2 is the lower median of 1 answer; 1 of 1 (100%) chose it, with a "
        "spread of 0."
    )
    # Flagged by the spread alone: exactly half at the suggestion is not "under half".
    assert suggest([1, 1, 3, 3], row="1.1").explain() == (
        "Row 1.1: Column 1 is the lower median of 4 answers; 2 of 4 (50%) chose it, and the "
        "answers have a spread of 2, so it needs discussion."
    )


def test_the_arithmetic_refuses_nothing_to_count_in_words() -> None:
    from careers_impact.reviews.bestfit import counted_figures

    for call, said in [
        (lambda: counted_figures([0, 0, 0, 0, 0]), "figures need at least one answer"),
        (lambda: consensus([]), "consensus needs at least one answer"),
        (lambda: consensus([2], lowest=2, highest=2), "the scale needs two or more levels"),
    ]:
        with pytest.raises(ParameterError) as raised:
            call()
        assert str(raised.value) == said
