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

__all__ = ["hub_html"]


def _shown(items: tuple[HubDistribution, ...], below: int) -> list[tuple[object, object]]:
    return [(item, suppress((*item.counts, item.unplaced), below)) for item in items]


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
    # Most settings first, as `Hub.lowest` ranks them.
    lowest = [(by_key[key], suppress((by_key[key].lowest,), suppress_below)[0])
              for key in hub.lowest]  # fmt: skip
    moves = [(m, suppress((m.advanced, m.held, m.declined), suppress_below)) for m in hub.moves]
    return str(
        template.render(
            title=title or f"Careers Hub view: {hub.settings} settings",
            hub=hub,
            edition=edition or load_edition(hub.edition),
            below=suppress_below,
            levels=list(zip(LEVEL_NAMES, LEVEL_FILLS, LEVEL_INKS, strict=True)),
            lowest=lowest,
            themes=_shown(hub.themes, suppress_below),
            benchmarks=_shown(hub.benchmarks, suppress_below),
            rows=_shown(hub.rows, suppress_below),
            moves=moves,
            version=__version__,
        )
    )


@register_html(Hub)
def _notebook_html(hub: Hub) -> str:
    # In the analyst's own notebook the page stays inside the hub: every count shown.
    return hub_html(hub, suppress_below=0)
