"""Docs that tests keep true: every command in the README, every file a CONTRIBUTING recipe
names exists, and the core imports with Django unimportable (so indirect imports count)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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


def test_the_core_imports_without_django() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "sys.modules['django'] = None\n"  # any import of django, however indirect, fails
        "import ramme.core\n"
        "for m in pkgutil.walk_packages(ramme.core.__path__, 'ramme.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert 'django' not in {n.split('.')[0] for n, v in sys.modules.items() if v}\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
