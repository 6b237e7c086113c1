"""The demo's action plan and the September 2019 report's key indicators.

``create_demo_plans(year)`` is called by ``ramme demo`` after the import. It reads the
generator's scenario.json (next to the demo CSV files) when given, so the plan's actions
match the planted scenario: fewer new residential placements, renegotiation of the most
expensive placements (linked to the renegotiated measures) and conversions to network
foster care (linked to the new measures); expected effects per month come from the file.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from ramme.web.accounts.models import User
from ramme.web.data.models import Measure
from ramme.web.plans.models import ActionPlan, Indicator
from ramme.web.plans.services import followup, plans

# (name, area, kind, types, share_of, provider_kind, event_kind, change, relative) — seed 001
INDICATORS: tuple[tuple[str, str, str, str, str, str, str, str, bool], ...] = (
    ("Færre børnefaglige undersøgelser", "Forebyggende", "events", "", "", "", "undersoegelse", "-0.05", True),  # noqa: E501 - a table reads best one row a line
    ("Færre eksterne kontaktpersonordninger", "Kontaktpersoner", "measures", "KP", "", "ekstern", "", "-0.07", True),  # noqa: E501 - a table reads best one row a line
    ("2 elever færre i dagbehandling", "Dagbehandling", "children", "DAG", "", "", "", "-2", False),
    ("Lavere gennemsnitspris for aflastning på institution", "Aflastning", "average_price", "AFL", "", "ekstern", "", "-0.05", True),  # noqa: E501 - a table reads best one row a line
    ("Flere aflastninger i netværket", "Aflastning", "children", "AFL", "", "intern", "", "0.05", True),  # noqa: E501 - a table reads best one row a line
    ("Færre på socialpædagogisk opholdssted", "Anbringelser", "children", "OPH", "", "", "", "-0.10", True),  # noqa: E501 - a table reads best one row a line
    ("Flere i netværksplejefamilie", "Anbringelser", "children", "NPL", "", "", "", "0.05", True),
    ("Faldende gennemsnitspriser på opholdssted", "Anbringelser", "average_price", "OPH", "", "", "", "-0.10", True),  # noqa: E501 - a table reads best one row a line
    ("Færre køb af ekstern familiebehandling", "Familiebehandling", "measures", "FBE", "", "ekstern", "", "-0.10", True),  # noqa: E501 - a table reads best one row a line
)  # fmt: skip

ACTIONS: tuple[tuple[str, str, str, str, str], ...] = (
    # (component keyword, effort area, mechanism, types, to_types)
    ("fewer", "5.20 opholdssteder", "fewer_new", "OPH", ""),
    ("renegot", "5.20 opholdssteder", "lower_price", "OPH", ""),
    ("conver", "5.22 plejefamilier", "conversion", "OPH", "NPL"),
)
TEXTS = {
    "fewer": ("Færre nyanbringelser på opholdssted", "Akutplejefamilier i stedet for opholdssted"),
    "renegot": ("Lavere priser på de dyreste anbringelser", "Genforhandling ved prisforhandler"),
    "conver": ("Flere i netværkspleje", "Omplacering fra opholdssted til netværksplejefamilie"),
}


def _scenario(path: Path | None) -> dict[str, Any]:
    if path is None or not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _effects(doc: dict[str, Any], keyword: str, year: int) -> dict[int, Decimal | None]:
    components = doc.get("expected_effect_kr_by_month", {}).get("by_component", {})
    for name, months in components.items():
        if keyword in name:
            return {
                int(m[5:7]): Decimal(str(v)).quantize(Decimal(1))
                for m, v in months.items()
                if m.startswith(str(year))
            }
    return {}


def _linked(doc: dict[str, Any], keyword: str) -> list[str]:
    if keyword == "renegot":
        return list(doc.get("renegotiated", {}).get("measure_ids", []))
    if keyword == "conver":
        return [pair["to"] for pair in doc.get("converted_to_network_foster_care", [])]
    return []


def create_demo_plans(
    year: int, scenario_path: Path | None = None, user: User | None = None
) -> ActionPlan:
    """The demo plan for ``year`` with actions matching the scenario, and the indicators."""
    doc = _scenario(scenario_path)
    start = date.fromisoformat(doc["start_date"]) if doc.get("start_date") else date(year, 5, 1)
    actor = user or User.objects.filter(is_superuser=True).first() or User.objects.first()
    if actor is None:
        actor = User.objects.create_user("system")
    with transaction.atomic():
        plan = plans.create_plan(actor, {
            "title": f"Handleplan {start.year}", "year": start.year,
            "centre": "Center for Børne- og Ungerådgivning", "start_date": start,
            "cause": doc.get("description", "Stigende priser og flere anbringelser."),
        })  # fmt: skip
        for keyword, area, mechanism, types, to_types in ACTIONS:
            goal, text = TEXTS[keyword]
            data = {"effort_area": area, "goal": goal, "action_text": text,
                    "mechanism": mechanism, "measure_types": types, "to_types": to_types,
                    "from_date": start}  # fmt: skip
            plan.refresh_from_db()
            action = plans.save_action(
                actor, plan.pk, plan.version, data, _effects(doc, keyword, start.year)
            )
            for measure in Measure.objects.filter(measure_id__in=_linked(doc, keyword)):
                plans.link_measure(actor, action, measure.pk, "plantet i demo-scenariet")
        _indicators(actor, plan, start.year)
    return plan


def _indicators(actor: User, plan: ActionPlan, year: int) -> None:
    for position, (name, area, kind, types, share, pkind, event, change, rel) in enumerate(
        INDICATORS
    ):
        if Indicator.objects.filter(name=name).exists():
            continue
        followup.save_indicator(actor, {
            "name": name, "area": area, "plan": plan, "kind": kind, "measure_types": types,
            "share_of_types": share, "provider_kind": pkind, "event_kind": event,
            "baseline_from": date(year - 1, 1, 1), "baseline_to": date(year - 1, 12, 31),
            "change": Decimal(change), "relative": rel, "target_date": date(year, 12, 31),
            "position": position,
        })  # fmt: skip
