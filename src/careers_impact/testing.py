"""Hypothesis strategies for property-testing code that uses careers-impact.

Install the test extra (``pip install "careers-impact[test]"``) for Hypothesis. The
strategies build valid objects only: every edition they make passes the same
invariants a bundled edition does.

>>> from hypothesis import given
>>> from careers_impact.testing import editions
>>> @given(editions())
... def test_round_trip(edition):
...     assert type(edition).model_validate_json(edition.model_dump_json()) == edition
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any, Literal

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "careers_impact.testing needs Hypothesis: pip install 'careers-impact[test]'"
    ) from error

from careers_impact.model.edition import (
    Cell,
    ColumnDefinition,
    Edition,
    GlossaryTerm,
    GuidanceSection,
    Row,
    RowChange,
    SourceNote,
    Theme,
    ThemeChange,
)
from careers_impact.reviews.review import (
    ROLES,
    AgreedPosition,
    Evidence,
    Participant,
    Reflection,
    Review,
    Setting,
    Target,
)
from careers_impact.reviews.vocabulary import NOT_APPLICABLE, NOT_YET, UNSURE, Agreed, Answer

__all__ = ["answers", "editions", "levels", "remarks", "reviews", "source_notes", "statements"]

_KINDS = ("missing", "cut", "garbled", "joined", "duplicate", "layout")


@cache
def statements() -> st.SearchStrategy[str]:
    """Non-empty text with no leading or trailing white space, like a model statement."""
    # Built once: Hypothesis works out each new strategy object's properties afresh,
    # which made drawing whole editions slow when this was rebuilt per field.
    return (
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
            min_size=1,
            max_size=40,
        )
        .map(str.strip)
        .filter(bool)
    )


@cache
def remarks() -> st.SearchStrategy[str]:
    """What people type: names, roles, notes and rationales in any script, with line
    breaks, control and separator characters, and white space at either end, which the
    models strip when built (so a file reads back what is stored)."""
    return st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
        min_size=1,
        max_size=40,
    ).filter(lambda text: bool(text.strip()))


@cache
def source_notes(kind: str | None = None) -> st.SearchStrategy[SourceNote]:
    """A source note, of ``kind`` when given."""
    return st.builds(
        SourceNote,
        kind=st.just(kind) if kind else st.sampled_from(_KINDS),
        field=st.sampled_from(("statements", "title", "benchmarks", "definition")),
        detail=statements(),
        reading=st.none() | statements(),
    )


@st.composite
def _cell(draw: st.DrawFn, column: int) -> Cell:
    texts = draw(st.lists(statements(), min_size=0, max_size=3))
    notes = draw(st.lists(source_notes(), max_size=1))
    if not texts:
        notes.append(draw(source_notes("missing")))
    # Some statements are bullet-list items, as in the published grids.
    items = sorted(draw(st.sets(st.integers(0, max(len(texts) - 1, 0)))) if texts else ())
    return Cell(
        column=column,
        statements=tuple(texts),
        list_items=tuple(items),
        source_notes=tuple(notes),
    )


@st.composite
def _row(draw: st.DrawFn, row_id: str) -> Row:
    change = draw(
        st.none()
        | st.builds(
            RowChange,
            row=st.just(row_id),
            title=statements(),
            purpose=st.lists(statements(), max_size=2).map(tuple),
            core_elements=st.lists(statements(), max_size=3).map(tuple),
            reason=st.lists(statements(), max_size=2).map(tuple),
        )
    )
    return Row(
        id=row_id,
        title=draw(statements()),
        cells=tuple(draw(_cell(column)) for column in (1, 2, 3, 4)),
        change=change,
        source_notes=tuple(draw(st.lists(source_notes(), max_size=1))),
    )


@st.composite
def _theme(draw: st.DrawFn, number: int, max_rows: int = 3) -> Theme:
    row_count = draw(st.integers(min_value=1, max_value=max_rows))
    benchmarks = draw(st.lists(st.integers(1, 8), unique=True, max_size=2))
    notes = draw(st.lists(source_notes(), max_size=1))
    if not benchmarks:
        notes.append(SourceNote(kind="missing", field="benchmarks", detail="None stated."))
    return Theme(
        number=number,
        title=draw(statements()),
        tagline=draw(st.none() | statements()),
        benchmarks=tuple(sorted(benchmarks)),
        rows=tuple(draw(_row(f"{number}.{n}")) for n in range(1, row_count + 1)),
        change=draw(
            st.none()
            | st.builds(
                ThemeChange,
                summary=st.lists(statements(), max_size=2).map(tuple),
                context=st.lists(statements(), max_size=2).map(tuple),
            )
        ),
        source_notes=tuple(notes),
    )


@st.composite
def editions(draw: st.DrawFn, max_themes: int = 2, max_rows: int = 3) -> Edition:
    """A valid edition with 1 to ``max_themes`` themes of 1 to ``max_rows`` rows each.

    Texts are arbitrary Unicode, so code under test meets more than the bundled editions
    show it. The defaults are small on purpose: every kind of field appears, and a test
    drawing many editions stays quick; pass larger bounds for a heavier search.
    """
    theme_count = draw(st.integers(min_value=1, max_value=max_themes))
    fields: dict[str, Any] = {
        "id": draw(st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,6})?\Z")),
        "title": draw(statements()),
        "setting": draw(statements()),
        "publisher": draw(statements()),
        "effective": draw(st.none() | st.dates().map(lambda d: d.isoformat()[:7])),
        "source": draw(statements()),
        "columns": tuple(
            ColumnDefinition(level=n, label=f"Column {n}", focus=draw(st.none() | statements()))
            for n in (1, 2, 3, 4)
        ),
        "themes": tuple(draw(_theme(n, max_rows)) for n in range(1, theme_count + 1)),
        "change_log_title": draw(st.none() | statements()),
        "guidance": tuple(
            draw(
                st.lists(
                    st.builds(
                        GuidanceSection,
                        heading=statements(),
                        statements=st.lists(statements(), max_size=2).map(tuple),
                    ),
                    max_size=2,
                )
            )
        ),
        "glossary": tuple(
            draw(
                st.lists(
                    st.builds(
                        GlossaryTerm,
                        term=statements(),
                        definition=st.lists(statements(), min_size=1, max_size=2).map(tuple),
                    ),
                    max_size=2,
                )
            )
        ),
    }
    return Edition(**fields)


ANSWER_WORDS = (NOT_YET, UNSURE, NOT_APPLICABLE)


def answers() -> st.SearchStrategy[Answer]:
    """A colleague's answer: a column 1 to 4, ``not-yet``, ``unsure`` or ``not-applicable``."""
    return st.one_of(st.integers(min_value=1, max_value=4), st.sampled_from(ANSWER_WORDS))


def levels() -> st.SearchStrategy[int]:
    """An ordinal level: 0 (not yet at column 1) to 4."""
    return st.integers(min_value=0, max_value=4)


_DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def _reflection(draw: st.DrawFn, participant: str, row: str) -> Reflection:
    # Only a not-applicable answer has a reason; a note may sit beside any answer.
    answer = draw(answers())
    reason = draw(st.none() | remarks()) if answer == NOT_APPLICABLE else None
    return Reflection(
        participant=participant,
        row=row,
        answer=answer,
        reason=reason,
        note=draw(st.none() | remarks()),
    )


@st.composite
def _agreed(draw: st.DrawFn, row: str) -> AgreedPosition:
    position: Agreed = draw(
        st.one_of(st.integers(1, 4), st.sampled_from((NOT_YET, NOT_APPLICABLE)))
    )
    return AgreedPosition(row=row, position=position, rationale=draw(st.none() | remarks()))


@st.composite
def _target(draw: st.DrawFn, row: str) -> Target:
    return Target(
        row=row,
        column=draw(st.integers(1, 4)),
        by=draw(st.none() | _DATES),
        note=draw(st.none() | remarks()),
    )


@st.composite
def _evidence(draw: st.DrawFn, row: str, column: int, statement: int) -> Evidence:
    status: Literal["in-place", "partly", "not-yet"] = draw(
        st.sampled_from(("in-place", "partly", "not-yet"))
    )
    return Evidence(row=row, column=column, statement=statement, status=status)


def _participants(most: int) -> st.SearchStrategy[list[Participant]]:
    one = st.builds(Participant, id=remarks(), name=remarks(), role=st.sampled_from(ROLES))
    return st.lists(one, min_size=1, max_size=most, unique_by=lambda p: p.id)


@st.composite
def reviews(
    draw: st.DrawFn,
    edition: Edition | None = None,
    *,
    max_participants: int = 6,
    max_rows: int | None = None,
) -> Review:
    """A valid review of ``edition`` (default: any bundled edition).

    Participants, their reflections on a random subset of rows (any answer, with notes
    and not-applicable reasons), statement-level evidence and agreed positions are all
    drawn; every reference resolves, and no colleague answers a row twice.
    """
    if edition is None:
        from careers_impact.model.editions import list_editions, load_edition

        edition = load_edition(draw(st.sampled_from([i.id for i in list_editions()])))
    rows = list(edition.rows)
    if max_rows is not None:
        rows = rows[:max_rows]
    people = draw(_participants(max_participants))
    some_rows = st.lists(st.sampled_from(rows), unique_by=lambda r: r.id, max_size=len(rows))
    reflections = [
        draw(_reflection(person.id, row.id)) for person in people for row in draw(some_rows)
    ]
    agreed = [draw(_agreed(row.id)) for row in draw(some_rows)]
    targets = [
        draw(_target(row.id))
        for row in draw(st.lists(st.sampled_from(rows), unique_by=lambda r: r.id, max_size=4))
    ]
    evidence = [
        draw(_evidence(row.id, cell.column, index))
        for row in draw(st.lists(st.sampled_from(rows), unique_by=lambda r: r.id, max_size=3))
        for cell in row.cells
        for index in range(len(cell.statements))
        if draw(st.booleans())
    ]
    return Review.model_validate(
        {
            "edition": edition.id,
            "setting": Setting(name=draw(remarks()), identifier=draw(st.none() | remarks())),
            "date": draw(_DATES),
            "participants": tuple(people),
            "reflections": tuple(reflections),
            "evidence": tuple(evidence),
            "agreed": tuple(agreed),
            "targets": tuple(targets),
        },
        context={"edition": edition},
    )
