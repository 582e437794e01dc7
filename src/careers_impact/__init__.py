"""careers-impact: the Careers Impact Maturity Model as typed, verified data.

The model text is The Careers & Enterprise Company's; this package carries it word
for word. Start with :func:`load_edition`::

    >>> import careers_impact
    >>> edition = careers_impact.load_edition()
    >>> edition.row("1.3").title
    'Strategic careers planning'
"""

from careers_impact._version import __version__
from careers_impact.editions import (
    DEFAULT_EDITION,
    EditionInfo,
    benchmark,
    benchmarks,
    edition_schema,
    list_editions,
    load_edition,
    load_edition_file,
)
from careers_impact.errors import (
    CareersImpactError,
    EditionFileError,
    UnknownEditionError,
    UnknownRowError,
    UnknownThemeError,
)
from careers_impact.model import (
    COLUMNS,
    Benchmark,
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

__all__ = [
    "COLUMNS",
    "DEFAULT_EDITION",
    "Benchmark",
    "CareersImpactError",
    "Cell",
    "ColumnDefinition",
    "Edition",
    "EditionFileError",
    "EditionInfo",
    "GlossaryTerm",
    "GuidanceSection",
    "Row",
    "RowChange",
    "SearchHit",
    "SourceNote",
    "Theme",
    "ThemeChange",
    "UnknownEditionError",
    "UnknownRowError",
    "UnknownThemeError",
    "__version__",
    "benchmark",
    "benchmarks",
    "edition_schema",
    "list_editions",
    "load_edition",
    "load_edition_file",
]
