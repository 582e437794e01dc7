"""Peer review sets: several settings' reviews side by side."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from careers_impact import (
    ParameterError,
    Review,
    ReviewMismatchError,
    Setting,
    peer_set,
    save_review,
    summarise,
)
from careers_impact.cli import main
from careers_impact.examples import demo_earlier_review, demo_review

EVIL = "<script>alert('x')</script>"


def _named(review: Review, name: str) -> Review:
    return review.model_copy(update={"setting": Setting(name=name)})


def _three() -> list[Review]:
    return [demo_review(), _named(demo_earlier_review(), "Oak"), _named(demo_review(), "Ash")]


def test_positions_are_each_settings_summary_in_the_sets_order() -> None:
    reviews = _three()
    peers = peer_set(reviews)
    assert peers.settings == ("Northfield Academy (fictional example)", "Oak", "Ash")
    for i, review in enumerate(reviews):
        summary = summarise(review)
        assert [r.levels[i] for r in peers.rows] == [o.level for o in summary.rows]
        assert [r.sources[i] for r in peers.rows] == [o.source for o in summary.rows]


def test_differ_most_is_every_row_at_the_widest_spread() -> None:
    peers = peer_set(_three())
    widest = max(r.spread or 0 for r in peers.rows)
    assert widest == 3
    assert peers.differ_most == tuple(r.row for r in peers.rows if r.spread == widest)
    # Settings that agree everywhere differ nowhere.
    assert peer_set([demo_review(), _named(demo_review(), "Twin")]).differ_most == ()


def _flat(level: int) -> Review:
    from careers_impact import AgreedPosition, load_edition

    # One row not yet at column 1, so the rest at ``level`` are this setting's strengths.
    agreed = tuple(
        AgreedPosition(row=r.id, position="not-yet" if r.id == "1.1" else level)
        for r in load_edition().rows
    )
    return _named(demo_review(), f"Flat {level}").model_copy(update={"agreed": agreed})


def test_a_match_is_a_strength_meeting_a_lower_priority() -> None:
    # "Flat 1" stands at column 1 on every row but one: those rows are its strengths,
    # and meet the example's priority areas at column 1 too: not matches (not higher).
    reviews = [*_three(), _flat(1)]
    peers = peer_set(reviews)
    summaries = {p: summarise(r) for p, r in zip(peers.settings, reviews, strict=True)}
    assert peers.matches
    for m in peers.matches:
        assert m.row in summaries[m.strong].strengths
        assert m.row in summaries[m.priority].priorities
        assert m.strong_level > m.priority_level
    expected = {
        (row, a, b)
        for a, sa in summaries.items()
        for b, sb in summaries.items()
        for row in sa.strengths
        if row in sb.priorities and (sa.row(row).level or 0) > (sb.row(row).level or 0)
    }
    assert {(m.row, m.strong, m.priority) for m in peers.matches} == expected


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(3)))
def test_the_order_of_the_reviews_changes_only_the_order_of_the_columns(
    order: list[int],
) -> None:
    reviews = _three()
    base = peer_set(reviews)
    shuffled = peer_set([reviews[i] for i in order])
    assert shuffled.settings == tuple(base.settings[i] for i in order)
    assert shuffled.differ_most == base.differ_most
    for a, b in zip(base.rows, shuffled.rows, strict=True):
        assert b.levels == tuple(a.levels[i] for i in order)
    key = sorted((m.row, m.strong, m.priority) for m in base.matches)
    assert sorted((m.row, m.strong, m.priority) for m in shuffled.matches) == key


def test_a_peer_set_is_two_to_eight_settings_of_one_edition() -> None:
    with pytest.raises(ParameterError, match="2 to 8"):
        peer_set([demo_review()])
    with pytest.raises(ParameterError, match="2 to 8"):
        peer_set([_named(demo_review(), f"S{i}") for i in range(9)])
    with pytest.raises(ReviewMismatchError, match="two reviews of 'Oak'"):
        peer_set([_named(demo_review(), "Oak"), _named(demo_earlier_review(), "Oak")])


def test_the_peer_command_writes_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for i, review in enumerate(_three()):
        path = tmp_path / f"r{i}.json"
        save_review(review, path)
        paths.append(str(path))
    out = tmp_path / "peer.html"
    assert main(["peer", *paths, "--out", str(out)]) == 0
    assert "Every row, side by side" in out.read_text(encoding="utf-8")
    assert main(["peer", *paths, "--format", "markdown", "--out", "-"]) == 0
    assert capsys.readouterr().out.startswith("# Peer review set: ")
    assert main(["peer", paths[0]]) != 0
    assert "2 to 8" in capsys.readouterr().err
    json.loads(Path(paths[0]).read_text(encoding="utf-8"))  # inputs untouched


def test_frames_and_notebook_view() -> None:
    peers = peer_set(_three())
    frame = peers.to_frame()
    assert len(frame) == 3 * len(peers.rows)
    assert list(frame["setting"].cat.categories) == list(peers.settings)
    assert "<table" in peers._repr_html_()
    assert len(repr(peers)) < 300


def test_settings_are_told_apart_by_identifier_as_the_hub_tells_them() -> None:
    from careers_impact import ReviewMismatchError, Setting, peer_set
    from careers_impact.examples import demo_earlier_review, demo_review

    one = demo_review().model_copy(update={"setting": Setting(name="St Mary's", identifier="1")})
    two = demo_earlier_review().model_copy(
        update={"setting": Setting(name="St Mary's", identifier="2")}
    )
    assert peer_set([one, two]).settings == ("St Mary's", "St Mary's (2)")
    renamed = two.model_copy(update={"setting": Setting(name="St Mary's CE", identifier="1")})
    with pytest.raises(ReviewMismatchError, match="two reviews of '1'"):
        peer_set([one, renamed])
