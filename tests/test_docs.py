"""Docs that tests keep true: every command in the README, every file a CONTRIBUTING recipe
names exists, the architecture names every package and only files that exist, and the pure
packages import with Django unimportable (so indirect imports count)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PATH = re.compile(r"`((?:ramme|tests|docs|bench|scripts)/[\w./-]+)`")


def test_every_ramme_command_is_in_the_readme() -> None:
    commands = {
        path.stem
        for path in (ROOT / "ramme" / "web").glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    }
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## Commands")[1]
    documented = set(re.findall(r"`ramme ([a-z-]+)", readme))
    assert len(commands) > 10
    assert commands - documented == set()


def test_every_file_contributing_names_exists() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(PATH.findall(text))
    assert len(named) > 30
    assert {p for p in named if "<" not in p and not (ROOT / p).exists()} == set()


def test_the_architecture_names_every_package_and_only_files_that_exist() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    tree = text.split("```")[1]
    packages = [
        path.name
        for parent in (ROOT / "ramme", ROOT / "ramme" / "web")
        for path in parent.iterdir()
        if (path / "__init__.py").exists()
    ]
    assert len(packages) > 15
    assert [name for name in packages if f"{name}/" not in tree] == []
    files = {p.name for top in ("ramme", "tests", "bench") for p in (ROOT / top).rglob("*.py")}
    assert set(re.findall(r"\b(\w+\.py)\b", tree)) - files == set()
    assert [p for p in PATH.findall(text) if not (ROOT / p).exists()] == []


# ramme/core is pure domain; reports, importing and the demo generator are pure too
# (docs/architecture.md): each must import with Django unimportable.
PURE = ("ramme.core", "ramme.reports", "ramme.importing", "ramme.demo")


@pytest.mark.parametrize("package", PURE)
def test_the_pure_packages_import_without_django(package: str) -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "sys.modules['django'] = None\n"  # any import of django, however indirect, fails
        f"import {package} as package\n"
        f"for m in pkgutil.walk_packages(package.__path__, '{package}.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert 'django' not in {n.split('.')[0] for n, v in sys.modules.items() if v}\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
