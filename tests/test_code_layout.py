"""Shared code lives in one importable place: no module edits sys.path, no test imports a test."""

from __future__ import annotations

import ast

import pytest

from site_tools.site_files import ROOT

PYTHON_FILES = sorted(
    path.relative_to(ROOT).as_posix()
    for folder in ("site_tools", "overrides", "tests")
    for path in (ROOT / folder).rglob("*.py")
)


def imported_modules(source: str) -> list[str]:
    tree = ast.parse(source)
    names = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    return names + [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module]


def path_edits(source: str) -> list[int]:
    """The lines that use sys.path."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr == "path" and getattr(node.value, "id", None) == "sys"
    ]


def test_the_rules_see_what_they_look_for():
    broken = "import sys\nsys.path.insert(0, 'tests')\nfrom test_navigation import NAV\n"
    assert path_edits(broken) == [2]
    assert "test_navigation" in imported_modules(broken)


@pytest.mark.parametrize("file", PYTHON_FILES)
def test_no_module_edits_sys_path(file):
    lines = path_edits((ROOT / file).read_text(encoding="utf-8"))
    assert not lines, (
        f"{file}:{lines[0]}: uses sys.path: import shared code from the installed package site_tools "
        "(or a hook as site_hooks.<name>) instead"
    )


@pytest.mark.parametrize("file", [file for file in PYTHON_FILES if file.startswith("tests/")])
def test_no_test_imports_another_test_module(file):
    local = {path.stem for path in (ROOT / "tests").glob("*.py")}
    imported = [name for name in imported_modules((ROOT / file).read_text(encoding="utf-8")) if name in local]
    assert not imported, f"{file} imports {imported} from tests/: move what they share into site_tools/"
