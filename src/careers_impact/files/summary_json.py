"""A review's summary as published JSON: what a service returns for a review.

Every field of `ReviewSummary`, and beside them what a person reads: the review's
``status`` and the rows still ``to_agree``, and each result's ``explanation`` (its
`explain()` text) on every row, theme, benchmark, suggestion and evidence best fit. The
``summary`` JSON Schema (`careers_impact.files.schemas.schema`) describes it, and a test
holds the two together.
"""

from __future__ import annotations

from typing import Any, Final

from careers_impact.reviews.bestfit import EvidenceFit, Suggestion
from careers_impact.reviews.rollup import GroupRollup, ReviewSummary, RowOutcome

__all__ = ["EXPLAINED", "SUMMARY_FORMAT_VERSION", "summary_document"]

#: The version of the summary document's format.
SUMMARY_FORMAT_VERSION: Final = 1
#: The results that explain themselves, by their schema's name.
EXPLAINED: Final = ("RowOutcome", "GroupRollup", "Suggestion", "EvidenceFit")


def summary_document(summary: ReviewSummary) -> dict[str, Any]:
    """``summary`` as the published summary document (a JSON-ready dict).

    >>> from careers_impact import summarise
    >>> from careers_impact.examples import demo_review
    >>> document = summary_document(summarise(demo_review()))
    >>> document["status"], document["rows"][0]["explanation"][:8]
    ('in progress', 'Row 1.1:')
    """
    document: dict[str, Any] = {"format_version": SUMMARY_FORMAT_VERSION}
    document.update(summary.model_dump(mode="json"))
    document["status"] = summary.status
    document["to_agree"] = list(summary.to_agree)
    for outcome, row in zip(summary.rows, document["rows"], strict=True):
        _explain(outcome, row)
    for kind in ("themes", "benchmarks"):
        for group, shown in zip(getattr(summary, kind), document[kind], strict=True):
            _explain(group, shown)
    return document


def _explain(result: RowOutcome | GroupRollup, shown: dict[str, Any]) -> None:
    shown["explanation"] = result.explain()
    if isinstance(result, RowOutcome):
        inner: tuple[tuple[str, Suggestion | EvidenceFit | None], ...] = (
            ("suggestion", result.suggestion),
            ("evidence", result.evidence),
        )
        for name, part in inner:
            if part is not None:
                shown[name]["explanation"] = part.explain()
