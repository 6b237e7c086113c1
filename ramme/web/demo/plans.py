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
from ramme.web.data.models import Measure, Provider
from ramme.web.plans.models import ActionPlan, Indicator, InternalOffer
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

# (scenario component names, effort area, mechanism, types, to_types, count, pct, top_n)
ACTIONS: tuple[tuple[tuple[str, ...], str, str, str, str, str, str, int | None], ...] = (
    (("færre_nyanbringelser", "fewer"), "5.20 opholdssteder", "fewer_new", "OPH", "", "4", "", None),  # noqa: E501 - a table reads best one row a line
    (("genforhandling", "renegot"), "5.20 opholdssteder", "lower_price", "OPH", "", "", "-10", 20),
    (("netværkspleje", "conver"), "5.22 plejefamilier", "conversion", "OPH", "NPL", "", "", None),
)  # fmt: skip
TEXTS = {
    "fewer_new": ("Færre nyanbringelser på opholdssted", "Akutplejefamilier i stedet for opholdssted"),  # noqa: E501 - text
    "lower_price": ("Lavere priser på de 20 dyreste anbringelser", "Genforhandling ved prisforhandler"),  # noqa: E501 - text
    "conversion": ("Flere i netværkspleje", "Omplacering fra opholdssted til netværksplejefamilie"),
}  # fmt: skip
# (label, provider name contains one of, types, places, waiting list) — seed 000/001: 10
# TURBO places (eget værelse under Ungdomspensionen, type UPT at UP), 8 places at Vejen Frem;
# an offer without a matching internal provider is skipped.
INTERNAL_OFFERS: tuple[tuple[str, tuple[str, ...], str, int, int], ...] = (
    ("TURBO-pladser", ("TURBO", "Ungdomspensionen"), "UPT", 10, 2),
    ("Vejen Frem", ("Vejen Frem",), "", 8, 1),
)
CONCLUSION = "Udviklingen følges måned for måned; status vurderes mod målet ved årets udgang."


def _scenario(path: Path | None) -> dict[str, Any]:
    if path is None or not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _effects(doc: dict[str, Any], names: tuple[str, ...], year: int) -> dict[int, Decimal | None]:
    components = doc.get("expected_effect_kr_by_month", {}).get("by_component", {})
    for name, months in components.items():
        if any(n in name for n in names):
            return {
                int(m[5:7]): Decimal(str(v)).quantize(Decimal(1))
                for m, v in months.items()
                if m.startswith(str(year))
            }
    return {}


def _linked(doc: dict[str, Any], mechanism: str) -> list[str]:
    if mechanism == "lower_price":
        return list(doc.get("renegotiated", {}).get("measure_ids", []))
    if mechanism == "conversion":
        return [pair["to"] for pair in doc.get("converted_to_network_foster_care", [])]
    return []


def _actor(user: User | None) -> User:
    actor = user or User.objects.filter(is_superuser=True).first() or User.objects.first()
    return actor or User.objects.create_user("system")


def create_demo_plans(
    year: int, scenario_path: Path | None = None, user: User | None = None
) -> ActionPlan:
    """The demo plan for ``year`` with actions matching the scenario, the indicators and the
    internal offers. A second call returns the plan made by the first (idempotent)."""
    doc = _scenario(scenario_path)
    year = year or int(doc.get("years", [0, date.today().year])[-1])  # 0: from the scenario
    start = date.fromisoformat(doc["start_date"]) if doc.get("start_date") else date(year, 5, 1)
    title = f"Handleplan {start.year}"
    existing = ActionPlan.objects.filter(title=title, year=start.year).first()
    if existing is not None:
        return existing
    actor = _actor(user)
    with transaction.atomic():
        plan = plans.create_plan(actor, {
            "title": title, "year": start.year,
            "centre": "Center for Børne- og Ungerådgivning", "start_date": start,
            "cause": doc.get("description", "Stigende priser og flere anbringelser."),
        })  # fmt: skip
        for names, area, mechanism, types, to_types, count, pct, top_n in ACTIONS:
            goal, text = TEXTS[mechanism]
            data = {"effort_area": area, "goal": goal, "action_text": text,
                    "mechanism": mechanism, "measure_types": types, "to_types": to_types,
                    "from_date": start, "count_per_month": Decimal(count) if count else None,
                    "price_change_pct": Decimal(pct) if pct else None, "top_n": top_n}  # fmt: skip
            plan.refresh_from_db()
            action = plans.save_action(
                actor, plan.pk, plan.version, data, _effects(doc, names, start.year)
            )
            for measure in Measure.objects.filter(measure_id__in=_linked(doc, mechanism)):
                plans.link_measure(actor, action, measure.pk, "plantet i demo-scenariet")
        _indicators(actor, plan, start.year, start)
        _internal_offers(actor)
    return plan


def _internal_offers(actor: User) -> None:
    internal = list(Provider.objects.filter(kind=Provider.Kind.INTERNAL).order_by("provider_id"))
    for label, names, types, places, waiting in INTERNAL_OFFERS:
        match = next(
            (p for n in names for p in internal if n.casefold() in p.name.casefold()), None
        )
        if match is not None and not InternalOffer.objects.filter(provider=match).exists():
            followup.set_internal_offer(
                actor, match, places, waiting, label=label, measure_types=types
            )


def _indicators(actor: User, plan: ActionPlan, year: int, start: date) -> None:
    for position, (name, area, kind, types, share, pkind, event, change, rel) in enumerate(
        INDICATORS
    ):
        if Indicator.objects.filter(name=name).exists():
            continue
        indicator = followup.save_indicator(actor, {
            "name": name, "area": area, "plan": plan, "kind": kind, "measure_types": types,
            "share_of_types": share, "provider_kind": pkind, "event_kind": event,
            "baseline_from": date(year - 1, 1, 1), "baseline_to": date(year - 1, 12, 31),
            "change": Decimal(change), "relative": rel, "target_date": date(year, 12, 31),
            "position": position,
        })  # fmt: skip
        followup.record_conclusion(actor, indicator, start.replace(month=9), CONCLUSION)
