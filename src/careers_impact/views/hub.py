"""A Careers Hub's page: its settings' positions, shared priorities and year-on-year moves.

One self-contained HTML page in the report's style and accessibility rules (tables with
captions and header cells, every value escaped by Jinja2's autoescaping, the report's
palette). Small numbers are withheld by default, because the page is made to be shared
(`careers_impact.reviews.hub.suppress` is the rule).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careers_impact._hooks import register_html
from careers_impact._version import __version__
from careers_impact.model.editions import load_edition
from careers_impact.reviews.hub import SUPPRESS_BELOW, Hub, suppress
from careers_impact.views._style import LEVEL_FILLS, LEVEL_INKS, LEVEL_NAMES, page_template

if TYPE_CHECKING:
    from careers_impact.model.edition import Edition
    from careers_impact.reviews.hub import HubDistribution

__all__ = ["hub_html", "lowest_shown", "withheld_tables"]


Shown = list[tuple["HubDistribution", tuple[int | None, ...]]]


def _shown(items: tuple[HubDistribution, ...], below: int) -> Shown:
    return [(item, suppress((*item.counts, item.unplaced), below)) for item in items]


def lowest_shown(lowest: int, row: tuple[int | None, ...]) -> int | None:
    """How many settings stand at a row's lowest positions, as the page may say it: only
    where the row's published counts show both of them (else the sum would narrow the
    withheld ones down).

    >>> lowest_shown(7, (3, 4, 10, 0, 0, 0)), lowest_shown(7, (None, None, 10, 9, None, None))
    (7, None)
    """
    return lowest if row[0] is not None and row[1] is not None else None


def withheld_tables(hub: Hub, *, suppress_below: int = SUPPRESS_BELOW) -> list[str]:
    """The hub page's tables (``theme``, ``benchmark``, ``row``) in which suppression
    leaves no count to show, for a one-line warning.

    >>> from careers_impact import summarise_hub
    >>> from careers_impact.examples import demo_review
    >>> withheld_tables(summarise_hub([demo_review()]))
    ['theme', 'benchmark', 'row']
    """
    return _empty(_tables(hub, suppress_below))


def _tables(hub: Hub, below: int) -> dict[str, Shown]:
    return {"theme": _shown(hub.themes, below), "benchmark": _shown(hub.benchmarks, below),
            "row": _shown(hub.rows, below)}  # fmt: skip


def _empty(tables: dict[str, Shown]) -> list[str]:
    """The tables in which suppression left no count to show."""
    return [name for name, items in tables.items()
            if items and all(all(v is None for v in shown) for _, shown in items)]  # fmt: skip


def hub_html(
    hub: Hub,
    *,
    suppress_below: int = SUPPRESS_BELOW,
    title: str | None = None,
    edition: Edition | None = None,
) -> str:
    """The hub's page (needs the ``report`` extra); counts under ``suppress_below`` withheld.

    ``suppress_below=0`` shows every count, for a page that stays inside the hub.
    ``edition`` defaults to the bundled edition the hub is on.

    >>> from careers_impact import summarise_hub
    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> page = hub_html(summarise_hub([demo_earlier_review(), demo_review()]))
    >>> "withheld" in page, "Year on year" in page
    (True, True)
    """
    template = page_template("hub.html.j2", "the hub page")
    by_key = {item.key: item for item in hub.rows}
    tables = _tables(hub, suppress_below)
    published = {item.key: shown for item, shown in tables["row"]}
    # Most settings first, as `Hub.lowest` ranks them; a row whose count is withheld is
    # left out, since its place in the ranking would tell its count against the others.
    ranked = [(by_key[key], lowest_shown(by_key[key].lowest, published[key]))
              for key in hub.lowest]  # fmt: skip
    lowest = [(item, shown) for item, shown in ranked if shown is not None]
    moves = [(m, suppress((m.advanced, m.held, m.declined), suppress_below)) for m in hub.moves]
    return str(
        template.render(
            title=title or f"Careers Hub view: {hub.settings} settings",
            hub=hub,
            edition=edition or load_edition(hub.edition),
            below=suppress_below,
            levels=list(zip(LEVEL_NAMES, LEVEL_FILLS, LEVEL_INKS, strict=True)),
            lowest=lowest,
            unranked=len(lowest) < len(ranked),
            themes=tables["theme"],
            benchmarks=tables["benchmark"],
            rows=tables["row"],
            empty=_empty(tables),
            moves=moves,
            version=__version__,
        )
    )


@register_html(Hub)
def _notebook_html(hub: Hub) -> str:
    # In the analyst's own notebook the page stays inside the hub: every count shown.
    return hub_html(hub, suppress_below=0)
