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
# ``ramme forecast`` reads the stored forecast: the follow-up page's figures (bridge,
# explanations, simple methods, charts) and the engine's companions are other commands'.
FORECAST_COMMAND = "ramme.web.forecasts.management.commands.forecast"
NOT_FOR_THE_FORECAST = (
    *(h for h in HEAVY if h not in {"numpy", "ramme.core.forecast"}),
    "ramme.core.forecast.backtest",
    "ramme.core.forecast.baselines",
    "ramme.core.forecast.bridge",
    "ramme.core.forecast.decompose",
)

PROBE = f"""
import importlib, json, sys
import ramme.cli
ramme.cli._setup()
for name in sys.argv[1:]:  # modules to import after the start
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {set(LIBRARIES)!r}
    or m.startswith("ramme."))))
"""


def _modules_after_start(var: Path, *imports: str) -> set[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("RAMME_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env |= {"RAMME_VAR": str(var), "DATABASE_URL": f"sqlite:///{var / 'start.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *imports], env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout))


def _among(loaded: set[str], modules: tuple[str, ...]) -> list[str]:
    return sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in modules))


def test_starting_django_imports_no_heavy_module(tmp_path: Path) -> None:
    loaded = _modules_after_start(tmp_path)
    assert _among(loaded, HEAVY) == []
    assert "ramme.web.forecasts.apps" in loaded  # the probe did start Django


def test_the_forecast_command_imports_no_follow_up_page(tmp_path: Path) -> None:
    loaded = _modules_after_start(tmp_path, FORECAST_COMMAND)
    assert _among(loaded, NOT_FOR_THE_FORECAST) == []
    assert "ramme.web.forecasts.services.year_end" in loaded  # the probe did import it
