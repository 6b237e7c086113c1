"""The ``ramme`` command starts light: importing the CLI and starting Django imports none of
the heavy libraries or ramme's forecast and report code; each command imports what it uses
(issue 12: ``ramme forecast --json`` spent most of its time starting)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Libraries and ramme modules only some commands need: the reports' renderers and charts,
# the XLSX reader, the forecast engine (numpy), the report builders and the API (ninja,
# pydantic: not an installed app, its docs page needs only its files).
LIBRARIES = ("matplotlib", "weasyprint", "openpyxl", "docx", "scipy", "numpy", "ninja", "pydantic")
HEAVY = (
    *LIBRARIES,
    "ramme.core.forecast",
    "ramme.web.forecasts.services.followup",
    "ramme.web.reports.builders",
    "ramme.reports.renderers",
)

PROBE = f"""
import json, sys
import ramme.cli
ramme.cli._setup()
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {set(LIBRARIES)!r}
    or m.startswith("ramme."))))
"""


def _modules_after_start(var: Path) -> set[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("RAMME_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env |= {"RAMME_VAR": str(var), "DATABASE_URL": f"sqlite:///{var / 'start.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout))


def test_starting_django_imports_no_heavy_module(tmp_path: Path) -> None:
    loaded = _modules_after_start(tmp_path)
    heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == []
    assert "ramme.web.forecasts.apps" in loaded  # the probe did start Django
