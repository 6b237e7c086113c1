"""TEMPORARY: load the small fixed example in demo_example/ without the real importer.

Used by ``ramme demo`` only while ``ramme.web.data.services.importer.import_folder`` does
not exist yet (issue 2 allows "a small fixed example" until the demo generator lands).
It trusts its own files (comma-separated, ISO dates, dot decimals) and validates nothing:
delete this module once the importer is in.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from ramme.core.cpr import facts
from ramme.web.data import models as m
from ramme.web.front.demo_setup import EXAMPLE_DIR


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _child_keys(folder: Path) -> dict[str, m.Child]:
    key = settings.PSEUDONYM_KEY.encode()
    children = {}
    for row in _rows(folder, "children.csv"):
        known = facts(row["cpr"], key)
        children[row["cpr"]] = m.Child.objects.create(
            key=known.pseudonym,
            birth_date=known.birth_date,
            replacement_cpr=known.is_replacement,
            caseworker=row["caseworker"],
            team=row["team"],
        )
    return children


def _master_data(folder: Path) -> None:
    for pos, row in enumerate(_rows(folder, "activities.csv")):
        line, _ = m.ActivityLine.objects.get_or_create(
            name=row["activity"], defaults={"ladder_step": row["ladder_step"], "position": pos}
        )
        m.MappingRule.objects.create(
            activity=line,
            position=pos,
            account=row["account"],
            dranst=row["dranst"],
            cost_center=row["cost_center"],
        )
    for row in _rows(folder, "catalogue.csv"):
        m.MeasureType.objects.create(
            code=row["measure_type"],
            name=row["name"],
            ladder_step=row["ladder_step"],
            activity=m.ActivityLine.objects.get(name=row["activity"]),
            account=row["account"],
        )
    for row in _rows(folder, "providers.csv"):
        m.Provider.objects.create(
            provider_id=row["provider_id"], name=row["name"], kind=row["kind"]
        )
    for row in _rows(folder, "price_index.csv"):
        m.PriceIndex.objects.create(year=int(row["year"]), rate=Decimal(row["rate"]))
    for row in _rows(folder, "budget.csv"):
        m.Budget.objects.create(
            year=int(row["year"]),
            activity=m.ActivityLine.objects.get(name=row["activity"]),
            kind=row["kind"],
            date=row["date"] or None,
            amount=Decimal(row["amount"]),
        )


def _measures(folder: Path, children: dict[str, m.Child]) -> dict[str, m.Measure]:
    types = {t.code: t for t in m.MeasureType.objects.all()}
    providers = {p.provider_id: p for p in m.Provider.objects.all()}
    measures = {}
    for row in _rows(folder, "measures.csv"):
        measures[row["measure_id"]] = m.Measure.objects.create(
            measure_id=row["measure_id"],
            child=children[row["cpr"]],
            measure_type=types[row["measure_type"]],
            provider=providers[row["provider_id"]],
            start_date=row["start_date"],
            end_date=row["end_date"] or None,
            legal_basis=row["legal_basis"],
            approved_by=row["approved_by"],
            approved_at=row["approved_at"] or None,
        )
    for row in _rows(folder, "prices.csv"):
        m.PricePeriod.objects.create(
            measure=measures[row["measure_id"]],
            valid_from=row["valid_from"],
            valid_to=row["valid_to"] or None,
            kind=row["kind"],
            amount=Decimal(row["amount"]),
            unit=row["unit"],
            hours_per_week=row["hours_per_week"] or None,
            negotiated={"ja": True, "nej": False}.get(row["negotiated"]),
            note=row["note"],
        )
    return measures


def _activity_of(row: dict[str, str], measures: dict[str, m.Measure]) -> m.ActivityLine | None:
    if row["measure_id"]:
        return measures[row["measure_id"]].measure_type.activity
    for rule in m.MappingRule.objects.select_related("activity"):
        if all(
            not want or want == row[col]
            for want, col in (
                (rule.account, "account"),
                (rule.dranst, "dranst"),
                (rule.cost_center, "cost_center"),
            )
        ):
            return rule.activity
    return None


def _postings_and_events(folder: Path, children: dict[str, m.Child], measures: dict) -> int:
    providers = {p.provider_id: p for p in m.Provider.objects.all()}
    postings = [
        m.Posting(
            posting_id=row["posting_id"],
            date=row["date"],
            account=row["account"],
            dranst=int(row["dranst"]),
            cost_center=row["cost_center"],
            amount=Decimal(row["amount"]),
            text=row["text"],
            measure=measures.get(row["measure_id"]),
            provider=providers.get(row["provider_id"]),
            child=measures[row["measure_id"]].child if row["measure_id"] else None,
            activity=_activity_of(row, measures),
        )
        for row in _rows(folder, "postings.csv")
    ]
    m.Posting.objects.bulk_create(postings)
    for row in _rows(folder, "events.csv"):
        m.Event.objects.create(
            event_id=row["event_id"],
            date=row["date"],
            kind=row["kind"],
            child=children.get(row["cpr"]),
        )
    return len(postings)


@transaction.atomic
def load_example(folder: Path = EXAMPLE_DIR) -> m.ImportRun:
    """Load the example into an empty database and record it as an ImportRun."""
    _master_data(folder)
    children = _child_keys(folder)
    measures = _measures(folder, children)
    count = _postings_and_events(folder, children, measures)
    return m.ImportRun.objects.create(
        username="demo",
        source=str(folder),
        succeeded=True,
        summary={"postings": count, "note": "fast eksempel (midlertidig)"},
    )
