"""The Careers Hub page (`careers_impact.views.hub`): escaped, and withholding small counts."""

from __future__ import annotations

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
