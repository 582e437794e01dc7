"""Plain-text views: a row, an edition and a review summary, word for word."""

from __future__ import annotations

from careers_impact import load_edition, summarise
from careers_impact.examples import demo_review
from careers_impact.views.text import column_heading, edition_text, row_text, summary_text


def test_a_row_prints_every_statement_once_with_lists_as_bullets() -> None:
    edition = load_edition()
    row = edition.row("1.7")
    text = row_text(edition, row)
    lines = text.splitlines()
    assert lines[0] == "1.7 Engagement with Enterprise Advisers or business volunteers"
    for cell in row.cells:
        assert column_heading(edition, cell.column) in lines
        for index, statement in enumerate(cell.statements):
            bullet = "• " if index in cell.list_items else ""
            assert lines.count(f"    {bullet}{statement}") == 1


def test_source_notes_are_printed_beside_their_text() -> None:
    colleges = load_edition("colleges")
    text = row_text(colleges, colleges.row("4.6"))
    assert "[source note, cut]" in text
    assert "Editorial reading: 'Learner Skills Development'." in text


def test_an_edition_prints_each_row_once() -> None:
    edition = load_edition()
    text = edition_text(edition)
    for row in edition.rows:
        assert text.count(f"\n{row.id} {row.title}\n") == 1


def test_a_summary_says_strengths_priorities_and_discussion() -> None:
    text = summary_text(summarise(demo_review()), reports=("answers.csv: line 3: empty",))
    assert "Strengths (highest position, Column 4):" in text
    assert "Priority areas (lowest position, Column 1):" in text
    assert "Rows needing discussion" in text
    assert text.endswith("Read but not used:\n  answers.csv: line 3: empty")
