"""The Gatsby Benchmarks: titles by framework revision, aliases, and every reference resolving."""

from __future__ import annotations

from importlib.resources import files

import careers_impact
from careers_impact import benchmarks, list_editions, load_edition

DATA = files("careers_impact").joinpath("data")


def test_every_benchmark_reference_resolves() -> None:
    numbers = [item.number for item in benchmarks()]
    assert numbers == list(range(1, 9))
    for info in list_editions():
        edition = load_edition(info.id)
        for theme in edition.themes:
            for number in theme.benchmarks:
                assert careers_impact.benchmark(number).number == number
        assert [b.number for b in edition.benchmarks] == sorted(
            {n for theme in edition.themes for n in theme.benchmarks}
        )
    # The 2025 refresh retitled Benchmark 3; the 2014 wording stays findable.
    three = careers_impact.benchmark(3)
    assert three.title == "Addressing the needs of each young person"
    assert three.title_in("2014") == "Addressing the needs of each pupil"
    assert three.matches("addressing the needs of each pupil")
    assert three.aliases == ("Addressing the needs of each pupil",)
    assert careers_impact.benchmark(2).matches(
        "Learning from careers and labour market information"
    )
    assert not careers_impact.benchmark(2).matches("Personal guidance")
    for item in benchmarks():
        assert [t.revision for t in item.titles] == ["2025", "2014"]
        assert item.title == item.title_in("2025")
        assert all("https://" in t.source for t in item.titles)
    for info in list_editions():
        assert load_edition(info.id).benchmark_revision == "2025"
