"""The Gatsby Benchmarks: reference data of their own, not facts of an edition.

Each benchmark's title in each revision of the framework (the 2014 original and the
2025 refresh schools and colleges follow from September 2025), with the public source
of each, and the other wordings in circulation as aliases. An edition says which
revision its themes follow (`careers_impact.Edition.benchmark_revision`).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Annotated, Literal

from pydantic import Field
from pydantic_core import from_json

from careers_impact._base import Frozen, Text
from careers_impact.errors import NotFoundError

__all__ = ["Benchmark", "BenchmarkNumber", "BenchmarkTitle", "Revision", "benchmark", "benchmarks"]

_DATA = files("careers_impact").joinpath("data")

BenchmarkNumber = Annotated[int, Field(ge=1, le=8)]

Revision = Literal["2014", "2025"]


class BenchmarkTitle(Frozen):
    """A Gatsby Benchmark's title in one revision of the framework, with its public source.

    ``revision`` is ``"2014"`` (the original *Good Career Guidance*) or ``"2025"`` (the
    refresh of November 2024 that schools and colleges follow from September 2025).

    >>> from careers_impact import benchmark
    >>> benchmark(3).titles[0].revision, benchmark(3).titles[0].title
    ('2025', 'Addressing the needs of each young person')
    """

    revision: Revision
    title: Text
    source: Text


class Benchmark(Frozen):
    """A Gatsby Benchmark: number, current title, its title in each framework revision,
    and the other published wordings of its title.

    Benchmark titles are reference data of their own, not part of an edition. ``title``
    is the current (2025) wording; ``titles`` lists every revision's, newest first;
    ``aliases`` are every other wording: earlier revisions' titles and wordings in
    circulation, searchable but not titles.

    >>> from careers_impact import benchmark
    >>> benchmark(3).title
    'Addressing the needs of each young person'
    >>> [(t.revision, t.title) for t in benchmark(3).titles][1]
    ('2014', 'Addressing the needs of each pupil')
    """

    number: BenchmarkNumber
    title: Text
    titles: tuple[BenchmarkTitle, ...] = ()
    aliases: tuple[Text, ...] = ()

    def title_in(self, revision: Revision) -> str:
        """The title in framework ``revision`` (``"2014"`` or ``"2025"``)."""
        for entry in self.titles:
            if entry.revision == revision:
                return entry.title
        raise NotFoundError(f"Benchmark {self.number} has no title recorded for {revision!r}")

    def matches(self, wording: str) -> bool:
        """Whether ``wording`` is this benchmark's title in any revision, or an alias
        (ignoring case and surrounding space)."""
        wanted = wording.strip().casefold()
        known = (self.title, *(t.title for t in self.titles), *self.aliases)
        return any(wanted == text.casefold() for text in known)


@cache
def benchmarks() -> tuple[Benchmark, ...]:
    """The eight Gatsby Benchmarks with their published titles and alternative wordings.

    >>> benchmarks()[7].title
    'Personal guidance'
    """
    return tuple(
        Benchmark.model_validate(item)
        for item in from_json(
            files("careers_impact").joinpath("data").joinpath("benchmarks.json").read_bytes()
        )
    )


def benchmark(number: int) -> Benchmark:
    """Gatsby Benchmark ``number`` (1 to 8); any other number raises ``LookupError``.

    >>> benchmark(5).title
    'Encounters with employers and employees'
    """
    for item in benchmarks():
        if item.number == number:
            return item
    raise NotFoundError(f"there is no Gatsby Benchmark {number!r}; they are numbered 1 to 8")
