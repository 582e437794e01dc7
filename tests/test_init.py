"""The public surface (`careers_impact/__init__.py`): declared once, owned, importable."""

from __future__ import annotations

import ast
import inspect
import pkgutil
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

import careers_impact

INIT = Path(careers_impact.__file__)


def _type_checking_imports() -> dict[str, tuple[str, ...]]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    found: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for imported in node.body:
                assert isinstance(imported, ast.ImportFrom), ast.dump(imported)
                assert imported.module is not None
                # "X as X" is what makes a type checker treat the name as re-exported.
                assert all(alias.asname == alias.name for alias in imported.names)
                found[imported.module] = found.get(imported.module, ()) + tuple(
                    alias.name for alias in imported.names
                )
    return found


def test_type_checking_imports_match_the_declared_api() -> None:
    declared = {m: set(names) for m, names in careers_impact._API.items()}
    imported = {m: set(names) for m, names in _type_checking_imports().items()}
    # The errors are imported at run time, so they are not in the TYPE_CHECKING block.
    assert imported == {m: n for m, n in declared.items() if m != "careers_impact.errors"}


def test_all_is_the_declared_api_and_each_name_once() -> None:
    names = [name for names in careers_impact._API.values() for name in names]
    assert len(names) == len(set(names))
    assert sorted(careers_impact.__all__) == sorted(["__version__", *names])


@pytest.mark.parametrize(
    ("module", "name"),
    [(module, name) for module, names in careers_impact._API.items() for name in names],
)
def test_each_public_name_is_owned_by_the_module_that_declares_it(module: str, name: str) -> None:
    value = getattr(import_module(module), name)
    assert getattr(careers_impact, name) is value
    if inspect.isclass(value) or inspect.isfunction(value):
        assert value.__module__ == module, f"{name} is defined in {value.__module__}"


def test_unknown_names_fail_like_any_module() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'summarize'"):
        _ = careers_impact.summarize  # type: ignore[attr-defined]


def _modules() -> list[str]:
    root = INIT.parent
    return sorted(
        info.name
        for info in pkgutil.walk_packages([str(root)], prefix="careers_impact.")
        if not info.name.endswith("__main__")
    )


def test_every_module_imports_cleanly_on_its_own() -> None:
    # Each module imported first, in a fresh interpreter: a cycle through a lazy or
    # upward import would fail here (it once did for files._polars).
    script = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    for loaded in [m for m in sys.modules if m.startswith('careers_impact')]:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    modules = _modules()
    assert "careers_impact.files._polars" in modules
    done = subprocess.run(
        [sys.executable, "-c", script, *modules], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_subpackages_are_the_layers() -> None:
    packages = {info.name for info in pkgutil.iter_modules([str(INIT.parent)]) if info.ispkg}
    assert packages == {"files", "model", "reviews", "views"}


def test_public_names_are_exported() -> None:
    for name in careers_impact.__all__:
        assert hasattr(careers_impact, name), name


def test_every_public_function_and_model_has_a_docstring_with_an_example() -> None:
    # The examples themselves run as doctests (pytest --doctest-modules).
    import inspect

    lacking = []
    for name in careers_impact.__all__:
        value = getattr(careers_impact, name)
        if inspect.isfunction(value) or inspect.isclass(value):
            doc = inspect.getdoc(value) or ""
            if not doc.strip() or ">>>" not in doc:
                lacking.append(name)
    assert lacking == []


def test_lazy_names_resolve_and_unknown_names_fail() -> None:
    assert careers_impact.summarise.__module__ == "careers_impact.reviews.rollup"
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        careers_impact.nonsense  # noqa: B018
    assert set(careers_impact.__all__) <= set(dir(careers_impact))


def test_no_submodule_shadows_a_public_name() -> None:
    # Importing a submodule sets it as an attribute of the package: one named like a
    # public function (careers_impact.benchmarks, say) would replace the function.
    import pkgutil
    from importlib import import_module

    for module in pkgutil.walk_packages(careers_impact.__path__, "careers_impact."):
        if not module.name.endswith("__main__"):  # running it is the command line
            import_module(module.name)
    for name in careers_impact.__all__:
        assert not inspect.ismodule(getattr(careers_impact, name)), name


@pytest.mark.parametrize("argv", [["--help"], ["editions"]])
def test_help_and_editions_import_no_pydantic(argv: list[str]) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from careers_impact.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _resolves(name: str) -> bool:
    """Whether a name the docs write as `name()` is something the package has."""
    if "." not in name:
        return hasattr(careers_impact, name) or any(
            hasattr(getattr(careers_impact, public), name)
            for public in careers_impact.__all__
            if inspect.isclass(getattr(careers_impact, public))
        )
    parts = name.split(".")
    if parts[0] != "careers_impact":
        parts = ["careers_impact", *parts]
    for split in range(len(parts) - 1, 0, -1):
        try:
            found: object = import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            found = getattr(found, attribute, None)
        if found is not None:
            return True
    # A method written on a variable or class, as summary.to_frame() or Hub.to_frame().
    return any(
        hasattr(getattr(careers_impact, public), parts[-1])
        for public in careers_impact.__all__
        if inspect.isclass(getattr(careers_impact, public))
    )


def test_every_function_the_docs_and_changelog_name_exists() -> None:
    import re

    root = INIT.parents[2]
    pages = [root / "CHANGELOG.md", root / "README.md", *sorted((root / "docs").rglob("*.md"))]
    named = {
        name
        for page in pages
        for name in re.findall(r"`((?:careers_impact\.)?[A-Za-z_][\w.]*)\(\)`", page.read_text())
    }
    assert len(named) > 30
    assert sorted(name for name in named if not _resolves(name)) == []
