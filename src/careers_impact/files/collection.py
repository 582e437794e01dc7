"""Many settings' reflections in one long CSV, read straight into a collection summary.

A Careers Hub's or a national team's extract: ``setting,participant,role,row,answer,
note``, one answer a line. It is streamed by the package's one set of CSV rules, so
memory follows the number of settings, not the file's size; the arithmetic is
`careers_impact.collection.summarise_answers`.
"""

from __future__ import annotations

from typing import Final

from careers_impact._files import Source
from careers_impact.bestfit import DISCUSS_SHARE, DISCUSS_SPREAD
from careers_impact.collection import COLLECTION_HEADER, CollectionSummary, summarise_answers
from careers_impact.files._table import CsvTable, read_table
from careers_impact.model import Edition
from careers_impact.vocabulary import AnswerError, level_of, parse_answer

__all__ = ["read_collection"]

# Markers of the reading loop: an answer spelling not yet parsed, and a blank answer.
_UNSEEN: Final = object()
_BLANK: Final = object()


def read_collection(
    source: Source,
    edition: Edition,
    *,
    discuss_spread: int = DISCUSS_SPREAD,
    discuss_share: float = DISCUSS_SHARE,
    name: str | None = None,
) -> CollectionSummary:
    """Read one long CSV of many settings' reflections and summarise every setting-row.

    Columns ``setting``, ``participant``, ``row`` and ``answer`` are needed; ``role``
    and ``note`` are read past (trailing ones may be left off a line). Each setting-row
    gets the suggested best fit from its answers (the file has no agreed positions). The
    file is read by the package's one set of CSV rules, streamed, so memory follows the
    number of settings, not the file's size. Bad lines raise `ReviewInputError` with
    the line and column; blank answers are reported in ``skipped``.

    >>> from careers_impact import load_edition
    >>> text = "setting,participant,row,answer\\nA,p1,1.1,2\\nA,p2,1.1,4\\n"
    >>> read_collection(text, load_edition()).setting_rows[0].level
    2
    """
    with read_table(source, name) as table:
        settings, groups = _answers_by_group(table, edition)
        return summarise_answers(
            edition,
            settings,
            groups,
            discuss_spread=discuss_spread,
            discuss_share=discuss_share,
            skipped=table.skipped,
        )


_COLUMNS = {name: (name,) for name in COLLECTION_HEADER}
_REQUIRED = ("setting", "participant", "row", "answer")


def _answers_by_group(
    table: CsvTable, edition: Edition
) -> tuple[dict[str, None], dict[tuple[str, str], dict[str, int | None]]]:
    """Every answer's level (``None`` for unsure or not applicable), grouped by
    (setting, row) and keyed by colleague."""
    at, _ = table.columns(_COLUMNS, required=_REQUIRED)
    i_setting, i_person, i_row, i_answer = (at[c] for c in _REQUIRED)
    known_rows = {row.id for row in edition.rows}
    levels: dict[str, object] = {}
    groups: dict[tuple[str, str], dict[str, int | None]] = {}
    settings: dict[str, None] = {}
    group: dict[str, int | None] = {}
    last: tuple[str, str] = ("", "")
    required = max(at[c] for c in _REQUIRED) + 1
    # The hot loop: a national extract has millions of lines. Lines of one setting-row
    # usually follow one another, so the group and its checks are looked up only when
    # the setting or row changes.
    for line, cells in table.records(required=required):
        setting, row_id, person, raw = (
            cells[i_setting],
            cells[i_row],
            cells[i_person],
            cells[i_answer],
        )
        level = levels.get(raw, _UNSEEN)
        if level is _UNSEEN:
            try:
                answer = parse_answer(raw)
            except AnswerError as error:
                raise table.error(str(error), line=line, column="answer") from None
            level = levels[raw] = _BLANK if answer is None else level_of(answer)
        if (setting, row_id) != last:
            if row_id not in known_rows:
                raise table.error(
                    f"edition {edition.id!r} has no row {row_id!r}", line=line, column="row"
                )
            if not setting:
                raise table.error("no setting named", line=line, column="setting")
            last = (setting, row_id)
            group = groups.setdefault(last, {})
            settings[setting] = None
        if not person:
            raise table.error("no participant named", line=line, column="participant")
        if level is _BLANK:
            table.skipped.append(f"line {line}: no answer for row {row_id}")
            continue
        if person in group:
            raise table.error(
                f"{person!r} answers row {row_id} twice for setting {setting!r}", line=line
            )
        group[person] = level  # type: ignore[assignment]  # an int or None by now
    return settings, groups
