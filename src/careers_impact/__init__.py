"""careers-impact: the Careers Impact Maturity Model as typed, verified data.

The model text is The Careers & Enterprise Company's; this package carries it word
for word. Start with `load_edition`::

    >>> import careers_impact
    >>> edition = careers_impact.load_edition()
    >>> edition.row("1.3").title
    'Strategic careers planning'

The public API is every name in `__all__`, declared once, in `_API` below: which
module owns each name. Everything else is private and may change.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from careers_impact._version import __version__
from careers_impact.errors import (
    AnswerError as AnswerError,
    CareersImpactError as CareersImpactError,
    CrosswalkError as CrosswalkError,
    EditionFileError as EditionFileError,
    MissingExtraError as MissingExtraError,
    ModelError as ModelError,
    NotFoundError as NotFoundError,
    ParameterError as ParameterError,
    ReviewInputError as ReviewInputError,
    ReviewMismatchError as ReviewMismatchError,
    UnknownEditionError as UnknownEditionError,
    UnknownRowError as UnknownRowError,
    UnknownThemeError as UnknownThemeError,
)

#: The public API: each name under the module that owns it. Every name but the errors
#: loads on first use, so importing the package costs next to nothing and the command
#: line's --help and editions never import pydantic (see benchmarks/bench_load.py).
_API: dict[str, tuple[str, ...]] = {
    "careers_impact.errors": (
        "AnswerError",
        "CareersImpactError",
        "CrosswalkError",
        "EditionFileError",
        "MissingExtraError",
        "ModelError",
        "NotFoundError",
        "ParameterError",
        "ReviewInputError",
        "ReviewMismatchError",
        "UnknownEditionError",
        "UnknownRowError",
        "UnknownThemeError",
    ),
    "careers_impact._files": ("Upload",),
    "careers_impact.model.gatsby": (
        "Benchmark",
        "BenchmarkTitle",
        "benchmark",
        "benchmarks",
    ),
    "careers_impact.model.edition": (
        "COLUMNS",
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
    "careers_impact.model.editions": (
        "DEFAULT_EDITION",
        "EditionInfo",
        "edition_schema",
        "list_editions",
        "load_edition",
        "load_edition_file",
    ),
    "careers_impact.model.crosswalk": (
        "Crosswalk",
        "CrosswalkEntry",
        "check_crosswalk",
        "list_crosswalks",
        "load_crosswalk",
        "load_crosswalk_file",
    ),
    "careers_impact.reviews.vocabulary": (
        "foreign_digit",
        "level_of",
        "parse_answer",
        "position_label",
    ),
    "careers_impact.reviews.review": (
        "AgreedPosition",
        "Evidence",
        "Participant",
        "Reflection",
        "Review",
        "Setting",
        "Target",
    ),
    "careers_impact.reviews.bestfit": (
        "DISCUSS_SHARE",
        "DISCUSS_SPREAD",
        "EvidenceFit",
        "Suggestion",
        "consensus",
        "evidence_fit",
        "krippendorff_alpha",
        "suggest",
    ),
    "careers_impact.reviews.rollup": (
        "GroupRollup",
        "ReviewSummary",
        "RowOutcome",
        "row_groups",
        "summarise",
    ),
    "careers_impact.reviews.progression": (
        "Comparison",
        "GroupMoves",
        "RowMove",
        "RowTrajectory",
        "Trajectory",
        "compare",
        "trajectory",
    ),
    "careers_impact.reviews.collection": (
        "CollectionSummary",
        "RowDistribution",
        "SettingRow",
        "summarise_collection",
    ),
    "careers_impact.reviews.hub": (
        "Hub",
        "HubDistribution",
        "HubMoves",
        "hub_from_collection",
        "summarise_hub",
    ),
    "careers_impact.reviews.peer": (
        "PeerMatch",
        "PeerRow",
        "PeerSet",
        "peer_set",
    ),
    "careers_impact.files.reflections": (
        "Reflections",
        "build_review",
        "combine",
        "read_form_export",
        "read_reflections",
        "read_reflections_long",
        "review_from_files",
        "write_reflections_long",
        "write_template",
    ),
    "careers_impact.files.summary_json": ("summary_document",),
    "careers_impact.files.agreed": (
        "read_agreed",
        "write_agreed",
    ),
    "careers_impact.files.review_json": (
        "load_review",
        "save_review",
    ),
    "careers_impact.files.collection": ("read_collection",),
    "careers_impact.files.schemas": ("schema",),
    "careers_impact.views.report": (
        "report_html",
        "report_markdown",
    ),
    "careers_impact.views.form": ("reflection_form",),
    "careers_impact.views.pack": ("discussion_pack",),
    "careers_impact.views.hub": ("hub_html",),
    "careers_impact.views.peer": (
        "peer_html",
        "peer_markdown",
    ),
    "careers_impact.views.plots": (
        "plot_distribution",
        "plot_progress",
        "plot_snapshot",
    ),
    "careers_impact.views.frames": ("concat_frames", "write_parquet"),
    "careers_impact.views.exports": (
        "neutralise",
        "write_collection_csv",
        "write_comparison_csv",
        "write_hub_csv",
        "write_summary_csv",
    ),
    "careers_impact.maintain": (
        "validate_edition",
        "validate_edition_file",
    ),
}

if TYPE_CHECKING:  # for type checkers only; tests/test_api.py holds it to _API
    from careers_impact._files import Upload as Upload
    from careers_impact.files.agreed import (
        read_agreed as read_agreed,
        write_agreed as write_agreed,
    )
    from careers_impact.files.collection import (
        read_collection as read_collection,
    )
    from careers_impact.files.reflections import (
        Reflections as Reflections,
        build_review as build_review,
        combine as combine,
        read_form_export as read_form_export,
        read_reflections as read_reflections,
        read_reflections_long as read_reflections_long,
        review_from_files as review_from_files,
        write_reflections_long as write_reflections_long,
        write_template as write_template,
    )
    from careers_impact.files.review_json import (
        load_review as load_review,
        save_review as save_review,
    )
    from careers_impact.files.schemas import (
        schema as schema,
    )
    from careers_impact.files.summary_json import summary_document as summary_document
    from careers_impact.maintain import (
        validate_edition as validate_edition,
        validate_edition_file as validate_edition_file,
    )
    from careers_impact.model.crosswalk import (
        Crosswalk as Crosswalk,
        CrosswalkEntry as CrosswalkEntry,
        check_crosswalk as check_crosswalk,
        list_crosswalks as list_crosswalks,
        load_crosswalk as load_crosswalk,
        load_crosswalk_file as load_crosswalk_file,
    )
    from careers_impact.model.edition import (
        COLUMNS as COLUMNS,
        Block as Block,
        Cell as Cell,
        ColumnDefinition as ColumnDefinition,
        Edition as Edition,
        GlossaryTerm as GlossaryTerm,
        GuidanceSection as GuidanceSection,
        Row as Row,
        RowChange as RowChange,
        SearchHit as SearchHit,
        SourceNote as SourceNote,
        Theme as Theme,
        ThemeChange as ThemeChange,
    )
    from careers_impact.model.editions import (
        DEFAULT_EDITION as DEFAULT_EDITION,
        EditionInfo as EditionInfo,
        edition_schema as edition_schema,
        list_editions as list_editions,
        load_edition as load_edition,
        load_edition_file as load_edition_file,
    )
    from careers_impact.model.gatsby import (
        Benchmark as Benchmark,
        BenchmarkTitle as BenchmarkTitle,
        benchmark as benchmark,
        benchmarks as benchmarks,
    )
    from careers_impact.reviews.bestfit import (
        DISCUSS_SHARE as DISCUSS_SHARE,
        DISCUSS_SPREAD as DISCUSS_SPREAD,
        EvidenceFit as EvidenceFit,
        Suggestion as Suggestion,
        consensus as consensus,
        evidence_fit as evidence_fit,
        krippendorff_alpha as krippendorff_alpha,
        suggest as suggest,
    )
    from careers_impact.reviews.collection import (
        CollectionSummary as CollectionSummary,
        RowDistribution as RowDistribution,
        SettingRow as SettingRow,
        summarise_collection as summarise_collection,
    )
    from careers_impact.reviews.hub import (
        Hub as Hub,
        HubDistribution as HubDistribution,
        HubMoves as HubMoves,
        hub_from_collection as hub_from_collection,
        summarise_hub as summarise_hub,
    )
    from careers_impact.reviews.peer import (
        PeerMatch as PeerMatch,
        PeerRow as PeerRow,
        PeerSet as PeerSet,
        peer_set as peer_set,
    )
    from careers_impact.reviews.progression import (
        Comparison as Comparison,
        GroupMoves as GroupMoves,
        RowMove as RowMove,
        RowTrajectory as RowTrajectory,
        Trajectory as Trajectory,
        compare as compare,
        trajectory as trajectory,
    )
    from careers_impact.reviews.review import (
        AgreedPosition as AgreedPosition,
        Evidence as Evidence,
        Participant as Participant,
        Reflection as Reflection,
        Review as Review,
        Setting as Setting,
        Target as Target,
    )
    from careers_impact.reviews.rollup import (
        GroupRollup as GroupRollup,
        ReviewSummary as ReviewSummary,
        RowOutcome as RowOutcome,
        row_groups as row_groups,
        summarise as summarise,
    )
    from careers_impact.reviews.vocabulary import (
        foreign_digit as foreign_digit,
        level_of as level_of,
        parse_answer as parse_answer,
        position_label as position_label,
    )
    from careers_impact.views.exports import (
        neutralise as neutralise,
        write_collection_csv as write_collection_csv,
        write_comparison_csv as write_comparison_csv,
        write_hub_csv as write_hub_csv,
        write_summary_csv as write_summary_csv,
    )
    from careers_impact.views.form import (
        reflection_form as reflection_form,
    )
    from careers_impact.views.frames import (
        concat_frames as concat_frames,
        write_parquet as write_parquet,
    )
    from careers_impact.views.hub import (
        hub_html as hub_html,
    )
    from careers_impact.views.pack import (
        discussion_pack as discussion_pack,
    )
    from careers_impact.views.peer import (
        peer_html as peer_html,
        peer_markdown as peer_markdown,
    )
    from careers_impact.views.plots import (
        plot_distribution as plot_distribution,
        plot_progress as plot_progress,
        plot_snapshot as plot_snapshot,
    )
    from careers_impact.views.report import (
        report_html as report_html,
        report_markdown as report_markdown,
    )

_HOME = {name: module for module, names in _API.items() for name in names}

__all__ = ["__version__", *sorted(_HOME)]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'careers_impact' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(globals()))
