"""careers-impact: the Careers Impact Maturity Model as typed, verified data.

The model text is The Careers & Enterprise Company's; this package carries it word
for word. Start with `load_edition`::

    >>> import careers_impact
    >>> edition = careers_impact.load_edition()
    >>> edition.row("1.3").title
    'Strategic careers planning'
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from careers_impact._version import __version__
from careers_impact.errors import (
    CareersImpactError,
    EditionFileError,
    MissingExtraError,
    NotFoundError,
    ParameterError,
    ReviewInputError,
    ReviewMismatchError,
    UnknownEditionError,
    UnknownRowError,
    UnknownThemeError,
)

if TYPE_CHECKING:
    from careers_impact.files.agreed import read_agreed, write_agreed
    from careers_impact.files.collection import read_collection
    from careers_impact.files.reflections import (
        Reflections,
        read_form_export,
        read_reflections,
        read_reflections_long,
        review_from_files,
        write_reflections_long,
        write_template,
    )
    from careers_impact.files.review_json import load_review, save_review
    from careers_impact.model.crosswalk import (
        Crosswalk,
        CrosswalkEntry,
        CrosswalkError,
        check_crosswalk,
        list_crosswalks,
        load_crosswalk,
        load_crosswalk_file,
    )
    from careers_impact.model.edition import (
        COLUMNS,
        Benchmark,
        BenchmarkTitle,
        Block,
        Cell,
        ColumnDefinition,
        Edition,
        GlossaryTerm,
        GuidanceSection,
        Row,
        RowChange,
        SearchHit,
        SourceNote,
        Theme,
        ThemeChange,
    )
    from careers_impact.model.editions import (
        DEFAULT_EDITION,
        EditionInfo,
        benchmark,
        benchmarks,
        edition_schema,
        list_editions,
        load_edition,
        load_edition_file,
    )
    from careers_impact.reviews.bestfit import (
        DISCUSS_SHARE,
        DISCUSS_SPREAD,
        EvidenceFit,
        Suggestion,
        consensus,
        evidence_fit,
        krippendorff_alpha,
        suggest,
    )
    from careers_impact.reviews.collection import (
        CollectionSummary,
        RowDistribution,
        SettingRow,
        summarise_collection,
    )
    from careers_impact.reviews.hub import (
        Hub,
        HubDistribution,
        HubMoves,
        hub_from_collection,
        summarise_hub,
    )
    from careers_impact.reviews.peer import PeerMatch, PeerRow, PeerSet, peer_set
    from careers_impact.reviews.progression import (
        Comparison,
        GroupMoves,
        RowMove,
        RowTrajectory,
        Trajectory,
        compare,
        trajectory,
    )
    from careers_impact.reviews.review import (
        AgreedPosition,
        Evidence,
        Participant,
        Reflection,
        Review,
        Setting,
        Target,
        level_of,
        position_label,
    )
    from careers_impact.reviews.rollup import GroupRollup, ReviewSummary, RowOutcome, summarise
    from careers_impact.reviews.vocabulary import AnswerError, parse_answer
    from careers_impact.views.exports import (
        neutralise,
        write_collection_csv,
        write_comparison_csv,
        write_hub_csv,
        write_summary_csv,
    )
    from careers_impact.views.frames import write_parquet
    from careers_impact.views.hub import hub_html
    from careers_impact.views.peer import peer_html, peer_markdown
    from careers_impact.views.plots import (
        plot_distribution,
        plot_progress,
        plot_snapshot,
    )
    from careers_impact.views.report import (
        report_html,
        report_markdown,
    )

# Every name loads on first use, so that importing the package costs next to nothing and
# the command line's --help and editions never import pydantic or the model's types
# (see benchmarks/bench_load.py).
_LAZY = {
    **dict.fromkeys(
        (
            "DEFAULT_EDITION",
            "EditionInfo",
            "benchmark",
            "benchmarks",
            "edition_schema",
            "list_editions",
            "load_edition",
            "load_edition_file",
        ),
        "careers_impact.model.editions",
    ),
    **dict.fromkeys(
        (
            "COLUMNS",
            "Benchmark",
            "BenchmarkTitle",
            "Block",
            "Cell",
            "ColumnDefinition",
            "Edition",
            "GlossaryTerm",
            "GuidanceSection",
            "Row",
            "RowChange",
            "SearchHit",
            "SourceNote",
            "Theme",
            "ThemeChange",
        ),
        "careers_impact.model.edition",
    ),
    **dict.fromkeys(
        (
            "DISCUSS_SHARE",
            "DISCUSS_SPREAD",
            "EvidenceFit",
            "Suggestion",
            "consensus",
            "evidence_fit",
            "krippendorff_alpha",
            "suggest",
        ),
        "careers_impact.reviews.bestfit",
    ),
    **dict.fromkeys(
        (
            "CollectionSummary",
            "RowDistribution",
            "SettingRow",
            "summarise_collection",
        ),
        "careers_impact.reviews.collection",
    ),
    "read_collection": "careers_impact.files.collection",
    **dict.fromkeys(("load_review", "save_review"), "careers_impact.files.review_json"),
    **dict.fromkeys(("read_agreed", "write_agreed"), "careers_impact.files.agreed"),
    **dict.fromkeys(("parse_answer", "AnswerError"), "careers_impact.reviews.vocabulary"),
    **dict.fromkeys(
        (
            "AgreedPosition",
            "Evidence",
            "Participant",
            "Reflection",
            "Review",
            "Setting",
            "Target",
            "level_of",
            "position_label",
        ),
        "careers_impact.reviews.review",
    ),
    **dict.fromkeys(
        (
            "Reflections",
            "read_form_export",
            "read_reflections",
            "read_reflections_long",
            "review_from_files",
            "write_reflections_long",
            "write_template",
        ),
        "careers_impact.files.reflections",
    ),
    **dict.fromkeys(
        ("GroupRollup", "ReviewSummary", "RowOutcome", "summarise"), "careers_impact.reviews.rollup"
    ),
    **dict.fromkeys(
        (
            "Comparison",
            "GroupMoves",
            "RowMove",
            "RowTrajectory",
            "Trajectory",
            "compare",
            "trajectory",
        ),
        "careers_impact.reviews.progression",
    ),
    **dict.fromkeys(("PeerMatch", "PeerRow", "PeerSet", "peer_set"), "careers_impact.reviews.peer"),
    **dict.fromkeys(
        ("Hub", "HubDistribution", "HubMoves", "hub_from_collection", "summarise_hub"),
        "careers_impact.reviews.hub",
    ),
    "hub_html": "careers_impact.views.hub",
    **dict.fromkeys(("peer_html", "peer_markdown"), "careers_impact.views.peer"),
    **dict.fromkeys(
        (
            "Crosswalk",
            "CrosswalkEntry",
            "CrosswalkError",
            "check_crosswalk",
            "list_crosswalks",
            "load_crosswalk",
            "load_crosswalk_file",
        ),
        "careers_impact.model.crosswalk",
    ),
    **dict.fromkeys(
        (
            "report_html",
            "report_markdown",
        ),
        "careers_impact.views.report",
    ),
    **dict.fromkeys(
        (
            "plot_distribution",
            "plot_progress",
            "plot_snapshot",
        ),
        "careers_impact.views.plots",
    ),
    **dict.fromkeys(
        (
            "neutralise",
            "write_collection_csv",
            "write_comparison_csv",
            "write_hub_csv",
            "write_summary_csv",
        ),
        "careers_impact.views.exports",
    ),
    "write_parquet": "careers_impact.views.frames",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'careers_impact' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(globals()))


__all__ = [
    "COLUMNS",
    "DEFAULT_EDITION",
    "DISCUSS_SHARE",
    "DISCUSS_SPREAD",
    "AgreedPosition",
    "AnswerError",
    "Benchmark",
    "BenchmarkTitle",
    "Block",
    "CareersImpactError",
    "Cell",
    "CollectionSummary",
    "ColumnDefinition",
    "Comparison",
    "Crosswalk",
    "CrosswalkEntry",
    "CrosswalkError",
    "Edition",
    "EditionFileError",
    "EditionInfo",
    "Evidence",
    "EvidenceFit",
    "GlossaryTerm",
    "GroupMoves",
    "GroupRollup",
    "GuidanceSection",
    "Hub",
    "HubDistribution",
    "HubMoves",
    "MissingExtraError",
    "NotFoundError",
    "ParameterError",
    "Participant",
    "PeerMatch",
    "PeerRow",
    "PeerSet",
    "Reflection",
    "Reflections",
    "Review",
    "ReviewInputError",
    "ReviewMismatchError",
    "ReviewSummary",
    "Row",
    "RowChange",
    "RowDistribution",
    "RowMove",
    "RowOutcome",
    "RowTrajectory",
    "SearchHit",
    "Setting",
    "SettingRow",
    "SourceNote",
    "Suggestion",
    "Target",
    "Theme",
    "ThemeChange",
    "Trajectory",
    "UnknownEditionError",
    "UnknownRowError",
    "UnknownThemeError",
    "__version__",
    "benchmark",
    "benchmarks",
    "check_crosswalk",
    "compare",
    "consensus",
    "edition_schema",
    "evidence_fit",
    "hub_from_collection",
    "hub_html",
    "krippendorff_alpha",
    "level_of",
    "list_crosswalks",
    "list_editions",
    "load_crosswalk",
    "load_crosswalk_file",
    "load_edition",
    "load_edition_file",
    "load_review",
    "neutralise",
    "parse_answer",
    "peer_html",
    "peer_markdown",
    "peer_set",
    "plot_distribution",
    "plot_progress",
    "plot_snapshot",
    "position_label",
    "read_agreed",
    "read_collection",
    "read_form_export",
    "read_reflections",
    "read_reflections_long",
    "report_html",
    "report_markdown",
    "review_from_files",
    "save_review",
    "suggest",
    "summarise",
    "summarise_collection",
    "summarise_hub",
    "trajectory",
    "write_agreed",
    "write_collection_csv",
    "write_comparison_csv",
    "write_hub_csv",
    "write_parquet",
    "write_reflections_long",
    "write_summary_csv",
    "write_template",
]
