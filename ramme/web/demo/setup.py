"""Prepare the demo municipality (demokommune): data files, import and demo logins.

Deterministic: the generator runs with a fixed seed, and a marker under var/demo/ records
which seed and database were loaded, so a second ``ramme demo`` starts at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.db.models import Count

import ramme.web.front
from ramme.demo import generate
from ramme.web.accounts.models import Role, User
from ramme.web.accounts.services import create_user
from ramme.web.data.models import Child, Posting
from ramme.web.data.services.importer import import_folder
from ramme.web.demo import plans, portfolio
from ramme.web.forecasts.services import approval, snapshots, year_end

EXAMPLE_DIR = Path(ramme.web.front.__file__).resolve().parent / "demo_example"
# The generator's data, or the small fixed example in EXAMPLE_DIR (fast: the tests use it).
SOURCE: Literal["generated", "example"] = "generated"
DEMO_SEED = 2024
DEMO_PASSWORD = "demo"
ECONOMIST = "demo"
FALLBACK_CASEWORKER = "raadgiver"


@dataclass(frozen=True)
class DemoState:
    source: Path
    loaded_now: bool
    caseworker: str


def _database_id() -> str:
    db = settings.DATABASES["default"]
    return f"{db['ENGINE']}|{db.get('HOST', '')}|{db['NAME']}"


def _marker(seed: int, kind: str) -> str:
    return f"seed={seed} kind={kind} db={_database_id()}"


def load_demo_data(demo_dir: Path, seed: int = DEMO_SEED) -> tuple[Path, bool]:
    """Generate and import the demo files unless the same ones are loaded already
    (``SOURCE = "example"``: the small fixed example in demo_example/ instead)."""
    generated = SOURCE == "generated"
    marker_file = demo_dir.parent / "demo_loaded.txt"  # outside the folder the importer reads
    marker = _marker(seed, SOURCE)
    if marker_file.exists() and Posting.objects.exists():
        recorded, _, loaded_from = marker_file.read_text().partition("\n")
        if recorded == marker:
            return Path(loaded_from or demo_dir), False
    source = demo_dir if generated else EXAMPLE_DIR
    if generated:
        demo_dir.mkdir(parents=True, exist_ok=True)
        generate(demo_dir, seed=seed)
    result = import_folder(source, username="demo", progress=True)
    if result.errors:
        first = result.errors[0]
        raise RuntimeError(f"Demodata kunne ikke importeres: {len(result.errors)} fejl, fx {first}")
    marker_file.write_text(f"{marker}\n{source}")
    return source, True


def ensure_demo_users() -> str:
    """The demo economist (demo/demo, superuser) and a caseworker who has cases."""
    create_user(ECONOMIST, Role.ECONOMIST, DEMO_PASSWORD, superuser=True)
    busiest = (
        Child.objects.exclude(caseworker="")
        .values("caseworker", "team")
        .annotate(n=Count("id"))
        .order_by("-n", "caseworker")
        .first()
    )
    username = busiest["caseworker"] if busiest else FALLBACK_CASEWORKER
    team = busiest["team"] if busiest else ""
    create_user(username, Role.CASEWORKER, DEMO_PASSWORD, team=team)
    return str(username)


def ensure_demo_plans(source: Path) -> None:
    """The planted action plan, key indicators and internal offers (idempotent)."""
    scenario = source / "scenario.json"  # the fixed example has none: no plans then
    if scenario.exists():
        plans.create_demo_plans(0, scenario)  # the year comes from the scenario's start date


def ensure_demo_portfolio(var_dir: Path) -> None:
    """The example initiative portfolio (seed 003), imported as a user would (idempotent)."""
    portfolio.ensure_demo_portfolio(var_dir)  # beside demo/, which the data importer reads


def ensure_demo_snapshots(months: int = 3) -> list[date]:
    """Forecasts for the last ``months`` month ends: the earlier months approved by the
    demo economist (closed, «godkendt»), the latest saved but open for her to approve.

    A month end that already has a snapshot is left as it was (a second run changes nothing).
    """
    days, day = [], year_end.default_as_of()
    for _ in range(months):
        days.append(day)
        day = day.replace(day=1) - timedelta(days=1)
    economist = User.objects.filter(username=ECONOMIST).first()
    saved = []
    for day in reversed(days):
        if snapshots.load(day) is not None:
            continue
        if day != days[0] and economist is not None:
            approval.approve_month(economist, day)
        else:
            year_end.save_snapshot(year_end.compute_forecast(day), ECONOMIST)
        saved.append(day)
    return saved


def prepare_demo(var_dir: Path, seed: int = DEMO_SEED) -> DemoState:
    source, loaded_now = load_demo_data(var_dir / "demo", seed)
    state = DemoState(source, loaded_now, ensure_demo_users())
    ensure_demo_plans(source)
    ensure_demo_portfolio(var_dir)
    ensure_demo_snapshots()
    return state
