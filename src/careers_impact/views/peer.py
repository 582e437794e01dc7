"""A peer review set as a page (HTML) and as Markdown, for the peer-to-peer conversation.

The page follows the report's style and accessibility rules: one self-contained file,
every value escaped by Jinja2's autoescaping, tables with captions and header cells,
printable on A4 landscape. The Markdown writes every text through `_style.escape`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careers_impact._version import __version__
from careers_impact.model.editions import load_edition
from careers_impact.reviews.vocabulary import position_label
from careers_impact.views._style import escape, page_template

if TYPE_CHECKING:
    from careers_impact.model.edition import Edition
    from careers_impact.reviews.peer import PeerSet

__all__ = ["peer_html", "peer_markdown"]


def peer_html(peers: PeerSet, *, edition: Edition | None = None) -> str:
    """The peer set as one self-contained HTML page (needs the ``report`` extra).

    ``edition`` defaults to the bundled edition the set is on.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> from careers_impact import Setting, peer_set
    >>> other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak")})
    >>> page = peer_html(peer_set([demo_review(), other]))
    >>> page.index("differ most") < page.index("Every row, side by side")
    True
    """
    template = page_template("peer.html.j2", "the peer review page")
    return str(
        template.render(
            peers=peers,
            edition=edition or load_edition(peers.edition),
            named=list(zip(peers.settings, peers.dates, strict=True)),
            differ=[peers.row(row) for row in peers.differ_most],
            label=position_label,
            version=__version__,
        )
    )


def _position(label: str, source: str) -> str:
    return f"{label} (suggested)" if source == "suggested" else label


def peer_markdown(peers: PeerSet) -> str:
    """The peer set as Markdown: differences, matches, then every row side by side.

    >>> from careers_impact.examples import demo_earlier_review, demo_review
    >>> from careers_impact import Setting, peer_set
    >>> other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak")})
    >>> print(peer_markdown(peer_set([demo_review(), other])).splitlines()[0])
    # Peer review set: Northfield Academy (fictional example), Oak
    """
    names = ", ".join(escape(name) for name in peers.settings)
    lines = [f"# Peer review set: {names}", ""]
    lines += [f"Reviews on {peers.edition}: " + "; ".join(
        f"{escape(name)} ({date})" for name, date in zip(peers.settings, peers.dates, strict=True)
    ) + ".", ""]  # fmt: skip
    lines += ["## Where the settings differ most", ""]
    differ = [peers.row(row) for row in peers.differ_most]
    lines += [
        f"- {r.row} {escape(r.title)}: {r.spread} column{'' if r.spread == 1 else 's'} apart"
        for r in differ
    ] or ["The settings stand at the same position on every row they both placed."]
    lines += ["", "## One setting's strength, another's priority", ""]
    lines += [
        f"- {m.row} {escape(m.title)}: a strength of {escape(m.strong)} "
        f"({position_label(m.strong_level)}), a priority area of {escape(m.priority)} "
        f"({position_label(m.priority_level)})"
        for m in peers.matches
    ] or ["No row is one setting's strength and another's priority area."]
    lines += ["", "## Every row, side by side", ""]
    lines.append("| Row | " + " | ".join(escape(n) for n in peers.settings) + " | Apart |")
    lines.append("|---" * (len(peers.settings) + 2) + "|")
    for r in peers.rows:
        cells = [_position(label, src) for label, src in zip(r.labels, r.sources, strict=True)]
        spread = "—" if r.spread is None else str(r.spread)
        lines.append(f"| {r.row} {escape(r.title)} | " + " | ".join(cells) + f" | {spread} |")
    return "\n".join(lines) + "\n"
