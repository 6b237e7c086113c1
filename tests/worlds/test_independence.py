"""The worlds are written from the domain: no demo code, no forecast internals, and the
generator runs without Django (only the loader imports it)."""

from __future__ import annotations

import ast
from pathlib import Path

import ramme.worlds

PACKAGE = Path(ramme.worlds.__file__).parent
USES_DJANGO = {"loader.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_no_world_module_reads_the_demo_or_the_forecasts_internals() -> None:
    for path in PACKAGE.glob("*.py"):
        for module in _imports(path):
            assert not module.startswith("ramme.demo"), (path.name, module)
            assert not module.startswith("ramme.core.forecast."), (path.name, module)


def test_the_generator_runs_without_django() -> None:
    for path in PACKAGE.glob("*.py"):
        if path.name not in USES_DJANGO:
            assert not any(m.startswith(("django", "ramme.web")) for m in _imports(path)), path
