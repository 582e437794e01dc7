"""The Careers Hub page (`careers_impact.views.hub`): escaped, and withholding small counts."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from pathlib import Path

from careers_impact import Review, Setting, hub_html, summarise_hub
from careers_impact.examples import demo_earlier_review, demo_review

EVIL = "<script>alert('x')</script>"


def _as(review: Review, name: str) -> Review:
    return review.model_copy(update={"setting": Setting(name=name)})


def test_the_page_withholds_small_numbers_by_default() -> None:
    hub = summarise_hub([demo_review(), _as(demo_earlier_review(), "Oak")])
    page = hub_html(hub, title=EVIL)
    assert EVIL not in page
    assert "&lt;script&gt;" in page
    assert ">1</td>" not in page
    assert ">2</td>" not in page
    assert "withheld" in page
    everything = hub_html(hub, suppress_below=0)
    assert ">2</td>" in everything
    assert "withheld</td>" not in everything


def test_a_small_hub_says_in_one_line_that_its_tables_are_withheld(tmp_path: Path) -> None:
    from careers_impact import save_review
    from careers_impact.cli import main

    paths = []
    for name in ("Oak", "Elm"):
        path = tmp_path / f"{name}.json"
        save_review(demo_earlier_review().model_copy(update={"setting": Setting(name=name)}), path)
        paths.append(str(path))
    out = tmp_path / "hub.html"
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["hub", *paths, "--out", str(out)]) == 0
    assert (
        "careers-impact: with 2 settings, every count by theme and benchmark and row is "
        "withheld: too few settings to publish them"
    ) in err.getvalue()
    page = out.read_text(encoding="utf-8")
    assert page.count('class="warning"') == 3
    assert "a withheld number of settings" not in page


def test_a_row_whose_count_is_withheld_is_not_ranked(
    make_review: Callable[..., Review],
) -> None:
    reviews = []
    for i in range(12):
        agreed = {"1.1": 1, "1.2": 1 if i < 2 else 3}
        reviews.append(_as(make_review(agreed=agreed), f"School {i}"))
    hub = summarise_hub(reviews)
    assert hub.lowest[:2] == ("1.1", "1.2")  # the analyst's own view ranks both
    page = hub_html(hub)
    ranking = page[page.index('id="lowest-title"') : page.index('id="themes-title"')]
    assert "1.1 Careers leadership and distributed leadership of careers: 12 settings" in ranking
    assert "1.2 " not in ranking
    assert "Rows whose counts are withheld are not ranked" in ranking
