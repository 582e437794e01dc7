"""The docs' analyst notebook, executed as an analyst runs it: a fresh Jupyter kernel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).parents[1] / "docs" / "notebooks" / "analysts.ipynb"
#: Set by .ci/run, where a missing kernel must fail the run rather than skip the test.
REQUIRE = "CAREERS_IMPACT_REQUIRE_NOTEBOOK"


def _kernel_tools() -> tuple[object, object]:
    try:
        import ipykernel  # noqa: F401  (the kernel nbclient starts)
        import nbclient
        import nbformat
    except ImportError as error:
        message = f"the notebook test needs the test extra ({error.name} is missing)"
        if os.environ.get(REQUIRE) == "1":
            pytest.fail(f"{REQUIRE}=1 but {message}")
        pytest.skip(message)
    return nbclient, nbformat


def test_the_analyst_notebook_runs_clean_with_figures_and_tables(tmp_path: Path) -> None:
    nbclient, nbformat = _kernel_tools()
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[attr-defined]
    client = nbclient.NotebookClient(  # type: ignore[attr-defined]
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    )
    client.execute()  # raises CellExecutionError on any error in any cell
    kinds: dict[str, set[str]] = {}
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert output.output_type != "stream" or output.name != "stderr", output.text
            for mime in output.get("data", {}):
                kinds.setdefault(cell.source.splitlines()[-1], set()).add(mime)
    figures = [line for line, mimes in kinds.items() if "image/png" in mimes]
    assert figures == [
        "ci.plot_snapshot(summary)",
        "ci.plot_distribution(collection)",
        "ci.plot_progress(comparison)",
    ]
    for value in ("review", "summary", "collection", "comparison"):
        assert "text/html" in kinds[value], value
        assert "<table" in _output(notebook, value, "text/html")
    # A figure's text form is its short repr, never the whole object.
    assert all(
        len(_output(notebook, line, "text/plain")) < 300 for line in kinds if line in figures
    )


def _output(notebook: object, last_line: str, mime: str) -> str:
    for cell in notebook.cells:  # type: ignore[attr-defined]
        if cell.cell_type == "code" and cell.source.splitlines()[-1] == last_line:
            for output in cell.outputs:
                if mime in output.get("data", {}):
                    text = output["data"][mime]
                    return "".join(text) if isinstance(text, list) else str(text)
    raise AssertionError(f"no {mime} output for {last_line!r}")
