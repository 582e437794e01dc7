"""The Careers Hub view: distributions across settings, lowest rows, moves, suppression."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from careers_impact import (
    Edition,
    ParameterError,
    Review,
    ReviewMismatchError,
    Setting,
    hub_from_collection,
    load_edition,
    read_collection,
    save_review,
    summarise,
    summarise_hub,
)
from careers_impact.cli import main
from careers_impact.examples import demo_earlier_review, demo_review
from careers_impact.reviews.hub import suppress

EVIL = "<script>alert('x')</script>"


def _as(review: Review, name: str) -> Review:
    return review.model_copy(update={"setting": Setting(name=name)})


@given(st.lists(st.integers(0, 40), min_size=1, max_size=7), st.integers(0, 10))
def test_suppression_hides_every_small_count_and_shows_only_true_ones(
    counts: list[int], below: int
) -> None:
    shown = suppress(counts, below)
    assert len(shown) == len(counts)
    for count, value in zip(counts, shown, strict=True):
        assert value is None or value == count  # shown counts are the true ones
        if 0 < count < below:
            assert value is None
    if not any(0 < c < below for c in counts):
        assert list(shown) == counts  # nothing withheld that need not be


def _compositions(total: int, parts: int) -> Iterator[tuple[int, ...]]:
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


@pytest.mark.parametrize("below", [3, 5])
@pytest.mark.parametrize("parts", [3, 6])  # moves; positions and no position
def test_an_attacker_who_knows_the_rule_and_the_total_cannot_work_out_a_withheld_count(
    parts: int, below: int
) -> None:
    """For hubs of 1 to 12 settings: every distribution there could be, grouped by what
    the page would publish for it (its shown counts, and for a row the count at the
    lowest positions where the page gives one). Within each group, each withheld count
    must take at least two values: nothing published pins it."""
    for total in range(1, 13):
        seen: dict[tuple[object, ...], list[tuple[int, ...]]] = {}
        for counts in _compositions(total, parts):
            shown = suppress(counts, below)
            published = (*shown, _lowest(counts, shown) if parts == 6 else None)
            seen.setdefault(published, []).append(counts)
        for published, possible in seen.items():
            for at, value in enumerate(published[:parts]):
                if value is None:
                    values = {counts[at] for counts in possible}
                    assert len(values) >= 2, (total, published, at, possible)


def _lowest(counts: tuple[int, ...], shown: tuple[int | None, ...]) -> int | None:
    from careers_impact.views.hub import lowest_shown

    return lowest_shown(counts[0] + counts[1], shown)


def test_suppression_below_one_shows_everything_and_negative_is_refused() -> None:
    assert suppress((1, 2, 3), 1) == (1, 2, 3)
    with pytest.raises(ParameterError):
        suppress((1,), -1)


def test_a_settings_latest_review_stands_for_it_and_pairs_give_moves() -> None:
    reviews = [demo_review(), demo_earlier_review(), _as(demo_earlier_review(), "Oak")]
    hub = summarise_hub(reviews)
    assert hub.settings == 2
    assert hub.paired == 1
    latest = summarise(demo_review())
    oak = summarise(demo_earlier_review())
    for item in hub.rows:
        expected = [0, 0, 0, 0, 0]
        unplaced = 0
        for summary in (latest, oak):
            level = summary.row(item.key).level
            if level is None:
                unplaced += 1
            else:
                expected[level] += 1
        assert (list(item.counts), item.unplaced) == (expected, unplaced), item.key
    moved = {m.row: (m.advanced, m.held, m.declined) for m in hub.moves}
    assert moved["1.2"] == (1, 0, 0)
    assert moved["1.1"] == (0, 0, 1)


def test_moves_are_between_a_settings_two_latest_reviews() -> None:
    import datetime as dt

    oldest = demo_review().model_copy(update={"date": dt.date(2024, 10, 7)})
    hub = summarise_hub([demo_review(), oldest, demo_earlier_review()])
    assert hub.paired == 1
    moved = {m.row: (m.advanced, m.held, m.declined) for m in hub.moves}
    assert moved["1.2"] == (1, 0, 0)  # 2025 to 2026, not 2024 (the same as 2026) to 2026


def test_the_order_of_the_reviews_does_not_matter() -> None:
    reviews = [demo_review(), demo_earlier_review(), _as(demo_earlier_review(), "Oak")]
    assert summarise_hub(reviews) == summarise_hub(list(reversed(reviews)))


def test_theme_positions_are_each_settings_lower_median() -> None:
    hub = summarise_hub([demo_review(), _as(demo_earlier_review(), "Oak")])
    for number, item in enumerate(hub.themes, start=1):
        medians = [
            summarise(r).themes[number - 1].median for r in (demo_review(), demo_earlier_review())
        ]
        expected = [medians.count(level) for level in range(5)]
        assert list(item.counts) == expected, number


def test_the_lowest_rows_are_ranked_by_settings_at_the_lowest_positions() -> None:
    hub = summarise_hub([demo_review(), _as(demo_earlier_review(), "Oak")])
    lowest = [next(r for r in hub.rows if r.key == key).lowest for key in hub.lowest]
    assert lowest == sorted(lowest, reverse=True)
    counts = sorted((r.lowest for r in hub.rows if r.lowest), reverse=True)
    cut = counts[min(5, len(counts)) - 1]  # the fifth most, ties kept
    assert {r.key for r in hub.rows if r.lowest >= cut} == set(hub.lowest)
    assert len(hub.lowest) >= 5


def test_reviews_must_share_an_edition_and_differ_in_date() -> None:
    with pytest.raises(ReviewMismatchError, match="same date"):
        summarise_hub([demo_review(), demo_review()])
    with pytest.raises(ParameterError):
        summarise_hub([])


def test_a_collection_csv_gives_the_same_distributions() -> None:
    text = "setting,participant,row,answer\nA,p1,1.1,1\nA,p2,1.1,3\nB,p1,1.1,not-yet\n"
    hub = hub_from_collection(read_collection(text, load_edition()), load_edition())
    assert hub.settings == 2
    assert hub.rows[0].counts == (1, 1, 0, 0, 0)
    assert hub.rows[1].unplaced == 2
    assert hub.lowest == ("1.1",)
    assert hub.paired == 0


def test_the_hub_command_reads_reviews_or_a_collection(tmp_path: Path) -> None:
    paths = []
    for i, review in enumerate([demo_review(), demo_earlier_review()]):
        path = tmp_path / f"r{i}.json"
        save_review(review, path)
        paths.append(str(path))
    out = tmp_path / "hub.html"
    assert main(["hub", *paths, "--out", str(out)]) == 0
    assert "Year on year" in out.read_text(encoding="utf-8")
    assert "withheld</td>" in out.read_text(encoding="utf-8")  # withheld unless told
    csv = tmp_path / "hub.csv"
    csv.write_text("setting,participant,row,answer\nA,p1,1.1,1\n", encoding="utf-8")
    out2 = tmp_path / "hub2.html"
    assert main(["hub", str(csv), "--out", str(out2), "--suppress-below", "0"]) == 0
    assert "No setting here has two reviews yet" in out2.read_text(encoding="utf-8")


def test_every_export_publishes_the_same_withheld_counts(tmp_path: Path) -> None:
    from careers_impact.reviews.hub import published_counts
    from careers_impact.views.exports import write_hub_csv

    hub = summarise_hub([demo_review(), demo_earlier_review(), _as(demo_review(), "Oak")])
    lines = published_counts(hub)
    assert {line[0] for line in lines} == {"theme", "benchmark", "row", "moves"}
    assert all(line[4] is None or line[4] == 0 or line[4] >= 5 for line in lines)
    frame = hub.to_frame()
    assert frame["settings"].isna().sum() == sum(line[4] is None for line in lines)
    assert str(frame["settings"].dtype) == "Int64"  # a national team's counts exceed 127
    path = tmp_path / "hub.csv"
    write_hub_csv(hub, path)
    written = path.read_text(encoding="utf-8-sig").splitlines()
    assert sum(line.endswith(",suppressed") for line in written) == frame["settings"].isna().sum()
    write_hub_csv(hub, path, suppress_below=0)
    assert "suppressed" not in path.read_text(encoding="utf-8-sig")
    assert hub.to_frame(suppress_below=0)["settings"].notna().all()


# ------------------------------------------------ figures that must be exact (mutants)

THEME_6 = ("6.1", "6.2", "6.3")


def _agreed_everywhere(level: object, *, but: dict[str, object] | None = None) -> dict[str, object]:
    positions: dict[str, object] = {row.id: level for row in load_edition().rows}
    positions.update(but or {})
    return positions


def test_a_theme_with_no_position_in_two_settings_counts_both(
    make_review: Callable[..., Review],
) -> None:
    # Two settings agree theme 6 is not applicable throughout, one does not: the
    # theme's "no position" count is 2, not 1 (a counter set rather than added to).
    blank = dict.fromkeys(THEME_6, "not-applicable")
    reviews = [
        make_review(agreed=_agreed_everywhere(2, but=blank), setting="A"),
        make_review(agreed=_agreed_everywhere(2, but=blank), setting="B"),
        make_review(agreed=_agreed_everywhere(3), setting="C"),
    ]
    hub = summarise_hub(reviews)
    theme6 = next(t for t in hub.themes if t.key == "6")
    assert (theme6.counts, theme6.unplaced) == ((0, 0, 0, 1, 0), 2)
    benchmark8 = next(b for b in hub.benchmarks if b.key == "8")
    assert (benchmark8.counts, benchmark8.unplaced) == ((0, 0, 0, 1, 0), 2)


def test_a_rows_no_position_adds_not_reviewed_and_not_applicable(
    make_review: Callable[..., Review],
) -> None:
    everywhere = _agreed_everywhere(2)
    not_applicable = make_review(agreed=dict(everywhere, **{"1.1": "not-applicable"}), setting="A")
    not_reviewed = make_review(
        agreed={k: v for k, v in everywhere.items() if k != "1.1"}, setting="B"
    )
    placed = make_review(agreed=everywhere, setting="C")
    row = next(
        r for r in summarise_hub([not_applicable, not_reviewed, placed]).rows if r.key == "1.1"
    )
    assert (row.counts, row.unplaced) == ((0, 0, 1, 0, 0), 2)


def test_moves_count_every_pair_and_tell_held_from_declined(
    make_review: Callable[..., Review],
) -> None:
    # Two settings, each reviewed twice: on 1.1 both advance, on 1.2 both hold, on 1.3
    # one declines; the counts must add over the pairs and keep the three apart.
    def pair(name: str, after_13: int) -> list[Review]:
        before = make_review(agreed=_agreed_everywhere(2), setting=name, when="2025-10-01")
        after = make_review(
            agreed=_agreed_everywhere(2, but={"1.1": 3, "1.3": after_13}),
            setting=name,
            when="2026-10-01",
        )
        return [before, after]

    hub = summarise_hub([*pair("A", 1), *pair("B", 2)])
    moves = {m.row: (m.advanced, m.held, m.declined) for m in hub.moves}
    assert hub.paired == 2
    assert moves["1.1"] == (2, 0, 0)
    assert moves["1.2"] == (0, 2, 0)
    assert moves["1.3"] == (0, 1, 1)


def test_the_lowest_rows_are_the_top_few_with_ties(make_review: Callable[..., Review]) -> None:
    # 1.1 has 3 settings at the lowest positions, 1.2 has 2, 1.3 and 1.4 have 1 each.
    def review(name: str, low: list[str]) -> Review:
        return make_review(agreed=_agreed_everywhere(3, but=dict.fromkeys(low, 1)), setting=name)

    reviews = [
        review("A", ["1.1", "1.2", "1.3"]),
        review("B", ["1.1", "1.2", "1.4"]),
        review("C", ["1.1"]),
    ]
    assert summarise_hub(reviews, top=1).lowest == ("1.1",)
    assert summarise_hub(reviews, top=2).lowest == ("1.1", "1.2")
    assert summarise_hub(reviews, top=3).lowest == ("1.1", "1.2", "1.3", "1.4")  # a tie
    assert summarise_hub(reviews).lowest == ("1.1", "1.2", "1.3", "1.4")
    for top in (0, -1, True, 1.5):
        with pytest.raises(ParameterError, match="top must be a whole number"):
            summarise_hub(reviews, top=top)  # type: ignore[arg-type]


def test_counts_of_exactly_four_are_withheld_and_five_shown_by_default() -> None:
    assert suppress((4, 20, 30)) == (None, None, None)  # one alone: the whole row
    assert suppress((5, 20, 30)) == (5, 20, 30)
    assert suppress((4, 4, 30)) == (None, None, None)  # both at 4: pinned by the total
    assert suppress((4, 3, 30)) == (None, None, 30)


def test_every_count_is_titled_as_the_page_says_it(make_review: Callable[..., Review]) -> None:
    hub = summarise_hub([make_review(agreed=_agreed_everywhere(2))])
    edition = load_edition()
    assert [r.title for r in hub.rows] == [row.title for row in edition.rows]
    assert hub.themes[0].title == f"Theme 1: {edition.theme(1).title}"
    assert hub.benchmarks[0].key == "1"
    assert hub.benchmarks[0].title.startswith("Benchmark 1: ")
    assert [m.title for m in hub.moves] == [row.title for row in edition.rows]
    assert hub.edition == "schools-2026"


def test_a_zero_beside_a_small_count_is_withheld_with_it() -> None:
    # A zero shown beside "fewer than 5" would narrow the withheld count down.
    assert suppress((3, 0, 10)) == (None, None, 10)
    assert suppress((3, 0, 0)) == (None, None, None)
    assert suppress((2, 0, 0, 0, 0)) == (None,) * 5  # the small hub


def test_a_negative_threshold_is_refused_in_words() -> None:
    with pytest.raises(ParameterError) as raised:
        suppress((1,), below=-1)
    assert str(raised.value) == "suppress_below must be 0 or more, not -1"


def test_the_default_top_is_five_rows(make_review: Callable[..., Review]) -> None:
    # Seven rows with 7, 6, … 1 settings at the lowest positions: the five with most.
    rows = [row.id for row in load_edition().rows][:7]
    reviews = [
        make_review(
            agreed=_agreed_everywhere(3, but=dict.fromkeys(rows[: 7 - n], 1)), setting=f"S{n}"
        )
        for n in range(7)
    ]
    assert summarise_hub(reviews).lowest == tuple(rows[:5])


def test_a_hub_on_an_edition_that_is_not_bundled(
    make_review: Callable[..., Review], make_edition: Callable[..., Edition]
) -> None:
    edition = make_edition("schools-test", lambda data: None)
    reviews = [
        make_review(agreed={"1.1": 2}, setting="A", edition=edition),
        make_review(agreed={"1.1": 3}, setting="B", edition=edition),
    ]
    hub = summarise_hub(reviews, edition)
    assert hub.edition == "schools-test"
    assert next(r for r in hub.rows if r.key == "1.1").counts == (0, 0, 1, 1, 0)


def test_an_empty_hub_is_refused_in_words() -> None:
    with pytest.raises(ParameterError) as raised:
        summarise_hub([])
    assert str(raised.value) == "a hub view needs at least one review"


def test_a_hub_says_what_it_is_in_a_line_and_shows_every_count_in_a_notebook() -> None:
    hub = summarise_hub([demo_review()])
    assert repr(hub) == (
        "Hub(edition='schools-2026', settings=1, rows=<32 items>, paired=0, lowest=<6 items>)"
    )
    page = hub._repr_html_()
    assert page.startswith("<!DOCTYPE html>")
    assert "withheld" not in page.split("<main")[1]  # the analyst's own notebook: all shown


def test_moves_are_published_only_where_a_setting_was_reviewed_twice() -> None:
    from careers_impact.reviews.hub import published_counts

    once = published_counts(summarise_hub([demo_review()]))
    assert {line[0] for line in once} == {"theme", "benchmark", "row"}
    assert len(once) == (6 + 8 + 32) * 6  # every group and row, six positions each
    twice = published_counts(summarise_hub([demo_earlier_review(), demo_review()]))
    moves = [line for line in twice if line[0] == "moves"]
    assert len(moves) == 32 * 3
    assert {line[3] for line in moves} == {"advanced", "held", "declined"}
