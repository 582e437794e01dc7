"""How models reach their views (`careers_impact._hooks`): typed, registered, lazy."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from careers_impact import ParameterError, load_edition, summarise
from careers_impact._hooks import arrow, distribution_frame, frame, html
from careers_impact.examples import demo_review


def test_html_dispatches_on_the_type_of_the_result() -> None:
    edition = load_edition()
    assert "1.1" in html(edition.row("1.1"))
    assert html(edition.row("1.1")) == edition.row("1.1")._repr_html_()
    assert html(edition.theme(1)) != html(edition.row("1.1"))


def test_frame_and_arrow_have_the_same_columns() -> None:
    summary = summarise(demo_review())
    assert list(frame(summary).columns) == arrow(summary).column_names


@pytest.mark.parametrize("view", [html, frame, arrow, distribution_frame])
def test_a_type_with_no_view_is_a_parameter_error(view: Callable[[object], object]) -> None:
    with pytest.raises(ParameterError, match=r"no .* view of a int"):
        view(3)


def test_distribution_frame_is_for_collections_only() -> None:
    with pytest.raises(ParameterError, match="no distribution DataFrame view of a ReviewSummary"):
        distribution_frame(summarise(demo_review()))


def test_the_model_imports_no_view_until_one_is_asked_for() -> None:
    script = (
        "import sys\n"
        "import careers_impact as ci\n"
        "row = ci.load_edition().row('1.1')\n"
        "assert not [m for m in sys.modules if m.startswith('careers_impact.views')]\n"
        "row._repr_html_()\n"
        "assert 'careers_impact.views.notebook' in sys.modules\n"
        "assert 'pandas' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
