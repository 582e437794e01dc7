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
