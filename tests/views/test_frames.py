"""Tidy pandas DataFrames, and pandas kept out of the core."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from careers_impact import (
    Review,
    load_edition,
    summarise,
    summarise_collection,
)
from careers_impact.examples import demo_review

EDITION = load_edition()


def test_frames_are_tidy() -> None:
    summary = summarise_collection([demo_review()])
    frame = summary.to_frame()
    assert len(frame) == len(EDITION.rows)
    assert list(frame.columns[:4]) == ["edition", "setting", "row", "source"]
    assert list(frame["row"].cat.categories) == [row.id for row in EDITION.rows]
    assert frame["level"].dtype == pd.Int8Dtype()
    dist = summary.distribution_frame()
    assert set(dist["position"]) == {
        "not-yet",
        "1",
        "2",
        "3",
        "4",
        "not-reviewed",
        "not-applicable",
    }
    assert dist["settings"].sum() == len(EDITION.rows)
    # Positions sort up the scale, then the rows with no position; not alphabetically.
    shuffled = dist.sample(frac=1, random_state=1).sort_values("position")
    assert list(dict.fromkeys(shuffled["position"])) == [
        "not-yet",
        "1",
        "2",
        "3",
        "4",
        "not-reviewed",
        "not-applicable",
    ]
    assert frame["source"].cat.ordered
    assert list(frame["source"].cat.categories) == [
        "agreed",
        "suggested",
        "not-reviewed",
        "not-applicable",
    ]
    review_frame = summarise(demo_review()).to_frame()
    assert list(review_frame["row"]) == [row.id for row in EDITION.rows]


def test_the_core_never_imports_pandas() -> None:
    import subprocess
    import sys

    code = (
        "import sys, careers_impact as ci\n"
        "from careers_impact.examples import demo_review\n"
        "ci.summarise_collection([demo_review()]); ci.summarise(demo_review())\n"
        "print(sorted(m for m in ('pandas', 'numpy', 'matplotlib', 'jinja2') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _results() -> dict[str, object]:
    from careers_impact import Setting, compare, trajectory
    from careers_impact.examples import demo_earlier_review

    other = demo_earlier_review().model_copy(update={"setting": Setting(name="Second School")})
    return {
        "summary": summarise(demo_review()),
        "collection": summarise_collection([demo_review(), other]),
        "comparison": compare(demo_earlier_review(), demo_review()),
        "trajectory": trajectory([demo_review(), demo_earlier_review()]),
        "edition": EDITION,
    }


def test_every_table_has_real_dates_ordered_categories_and_nullable_levels() -> None:
    results = _results()
    summary = results["summary"].to_frame()  # type: ignore[attr-defined]
    assert str(summary["date"].dtype).startswith("datetime64")
    assert summary["date"].dt.year.tolist() == [2026] * 32
    assert summary["setting_id"].unique().tolist() == ["EXAMPLE-0001"]
    assert summary["theme"].cat.ordered
    comparison = results["comparison"].to_frame()  # type: ignore[attr-defined]
    assert comparison["move"].cat.ordered
    assert set(comparison["move"]) <= set(comparison["move"].cat.categories)
    assert comparison.loc[
        comparison["row"] == "1.2", ["before", "after", "size"]
    ].values.tolist() == [[1, 4, 3]]
    path = results["trajectory"].to_frame()  # type: ignore[attr-defined]
    assert len(path) == 32 * 2  # one line per row and review, tidy
    # Rows sort in the edition's order (1.10 after 1.9), not as text.
    assert list(dict.fromkeys(path.sort_values("row")["row"])) == [r.id for r in EDITION.rows]
    assert path.loc[path["row"] == "1.2", "level"].tolist() == [1, 4]
    edition = EDITION.to_frame()
    statements = sum(len(c.statements) for row in EDITION.rows for c in row.cells)
    assert len(edition) == statements
    first = EDITION.row("1.1").cell(1).statements[0]
    assert edition.iloc[0]["text"] == first  # verbatim


def test_arrow_tables_match_the_frames_and_polars_reads_them_without_pandas() -> None:
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    for name, result in _results().items():
        frame = result.to_frame()  # type: ignore[attr-defined]
        table = result.to_arrow()  # type: ignore[attr-defined]
        assert isinstance(table, pa.Table), name
        assert table.column_names == list(frame.columns), name
        assert table.num_rows == len(frame), name
        back = table.to_pandas()
        for column in frame.columns:
            assert [None if pd.isna(v) else v for v in back[column].astype(object)] == [
                None if pd.isna(v) else (v.date() if hasattr(v, "date") else v)
                for v in frame[column].astype(object)
            ], (name, column)
        polars = pl.from_arrow(table)
        assert polars.height == len(frame), name
    table = _results()["summary"].to_arrow()  # type: ignore[attr-defined]
    assert table.schema.field("source").type.ordered
    assert str(table.schema.field("date").type) == "date32[day]"


def test_parquet_reads_back_equal(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from pyarrow import parquet

    from careers_impact import write_parquet

    for name, result in _results().items():
        path = tmp_path / f"{name}.parquet"
        write_parquet(result, path)
        assert parquet.read_table(path).equals(result.to_arrow()), name  # type: ignore[attr-defined]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{name}.parquet" for name in _results()
    )  # no temporary file left behind


def test_arrow_needs_its_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"careers-impact\[arrow\]"):
        summarise(demo_review()).to_arrow()


def test_a_table_of_something_else_is_refused() -> None:
    from careers_impact.errors import ParameterError
    from careers_impact.views.frames import to_arrow

    pytest.importorskip("pyarrow")
    with pytest.raises(ParameterError, match="no table for a Review"):
        to_arrow(demo_review())


def test_a_hub_gives_arrow_withheld_as_its_frame_is() -> None:
    pytest.importorskip("pyarrow")
    from careers_impact import Setting, summarise_hub
    from careers_impact.examples import demo_earlier_review, demo_review

    other = demo_earlier_review().model_copy(update={"setting": Setting(name="Oak")})
    hub = summarise_hub([demo_review(), other])
    for below in (5, 0):
        table, frame = hub.to_arrow(suppress_below=below), hub.to_frame(suppress_below=below)
        assert table.column("settings").to_pylist() == [
            None if value is pd.NA else value for value in frame["settings"].tolist()
        ]
    assert hub.to_arrow().column("settings").null_count == len(hub.to_frame())


def test_parquet_takes_several_results_of_a_kind(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from pyarrow import parquet

    from careers_impact import ParameterError, load_edition, summarise, write_parquet
    from careers_impact.examples import demo_earlier_review, demo_review

    path = tmp_path / "years.parquet"
    summaries = [summarise(demo_earlier_review()), summarise(demo_review())]
    write_parquet(summaries, path)
    table = parquet.read_table(path)
    assert table.num_rows == sum(s.to_arrow().num_rows for s in summaries)
    assert [str(d) for d in table.column("date").unique().to_pylist()] == [
        "2025-10-06",
        "2026-10-05",
    ]
    with pytest.raises(ParameterError, match="differ in their columns"):
        write_parquet([summaries[0], load_edition()], tmp_path / "mixed.parquet")
    with pytest.raises(ParameterError, match="no results to write"):
        write_parquet([], tmp_path / "none.parquet")


def test_themes_are_the_editions_own_numbers_as_integers() -> None:
    from careers_impact import load_edition, summarise
    from careers_impact.examples import demo_review

    frame = summarise(demo_review()).to_frame()
    assert list(frame["theme"].cat.categories) == [1, 2, 3, 4, 5, 6]
    counts = frame["theme"].value_counts(sort=False)
    assert counts.index.tolist() == [1, 2, 3, 4, 5, 6]  # no theme 7 to 9 with 0
    assert counts.tolist() == [len(t.rows) for t in load_edition().themes]
    assert summarise(demo_review()).to_arrow().column("theme").type == "int8"


def test_frames_of_two_editions_put_together_keep_their_categories(
    make_review: Callable[..., Review],
) -> None:
    from careers_impact import concat_frames

    schools = summarise(demo_review()).to_frame()
    colleges_edition = load_edition("colleges")
    colleges = summarise(
        make_review(answers={"1.1": [2, 3]}, edition=colleges_edition), colleges_edition
    ).to_frame()
    assert str(pd.concat([schools, colleges])["row"].dtype) != "category"  # pandas' own
    both = concat_frames([schools, colleges])
    assert str(both["row"].dtype) == "category"
    assert both["row"].cat.ordered
    categories = list(both["row"].cat.categories)
    assert categories[:32] == [r.id for r in load_edition().rows]  # edition order, first first
    assert set(categories) == {r.id for r in load_edition().rows} | {
        r.id for r in colleges_edition.rows
    }
    assert both["row"].tolist() == schools["row"].tolist() + colleges["row"].tolist()
