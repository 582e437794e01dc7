"""The errors: one base, the old bases kept, and messages that say what and where."""

from __future__ import annotations

import pytest

import careers_impact
from careers_impact import errors


@pytest.mark.parametrize(
    ("error", "base"),
    [
        (errors.EditionFileError, ValueError),
        (errors.ReviewInputError, ValueError),
        (errors.ParameterError, ValueError),
        (errors.ReviewMismatchError, ValueError),
        (errors.UnknownEditionError, LookupError),
        (errors.UnknownRowError, LookupError),
        (errors.UnknownThemeError, LookupError),
        (errors.NotFoundError, LookupError),
        (errors.MissingExtraError, ImportError),
        (careers_impact.AnswerError, ValueError),
    ],
)
def test_every_error_is_ours_and_keeps_its_old_base(error: type, base: type) -> None:
    assert issubclass(error, errors.CareersImpactError)
    assert issubclass(error, base)


def test_a_review_input_error_names_file_line_and_column() -> None:
    error = errors.ReviewInputError("a.csv", "bad", line=4, column="1.3")
    assert str(error) == "a.csv, line 4, column '1.3': bad"
    assert (error.path, error.line, error.column, error.message) == ("a.csv", 4, "1.3", "bad")


def test_control_characters_in_a_file_name_are_quoted() -> None:
    assert str(errors.ReviewInputError("a\nb.csv", "bad")) == "'a\\nb.csv': bad"
    assert errors.shown("plain.csv") == "plain.csv"


def test_a_missing_extra_names_it() -> None:
    assert str(errors.MissingExtraError("plots", "plot")) == (
        "plots needs the 'plot' extra: pip install 'careers-impact[plot]'"
    )
