"""Posting → activity line mapping (kontering): the rules of activities.csv, in file order.

A posting that names a measure belongs to that measure type's activity; any other takes
the first rule it matches (account, dranst, cost centre; blank matches any). The mapping
runs as one UPDATE over the ledger so a million postings are re-mapped in one pass.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from ramme.web.data.models import MappingRule, Measure, MeasureType, Posting

Rule = tuple[int, str, str, str]  # activity id, account, dranst, cost centre


def replace_rules(rules: list[Rule]) -> bool:
    """Replace the mapping rules by ``rules`` (in order) if they differ; True if replaced."""
    current = [
        (r.activity_id, r.account, r.dranst, r.cost_center) for r in MappingRule.objects.all()
    ]
    if current == rules:
        return False
    MappingRule.objects.all().delete()
    MappingRule.objects.bulk_create(
        MappingRule(activity_id=a, account=acc, dranst=d, cost_center=cc, position=i)
        for i, (a, acc, d, cc) in enumerate(rules, start=1)
    )
    return True


class Mapper:
    """The activity line of a posting, computed in Python while the ledger streams in."""

    def __init__(self) -> None:
        self.rules = [
            (r.account, int(r.dranst) if r.dranst else None, r.cost_center, r.activity_id)
            for r in MappingRule.objects.order_by("position")
        ]
        self.by_measure = dict(Measure.objects.values_list("pk", "measure_type__activity_id"))
        # (account, dranst, cost centre) → activity; a ledger has few distinct keys.
        self.by_rules: dict[tuple[str, int, str], int | None] = {}

    def activity(
        self, measure: int | None, account: str, dranst: int, cost_center: str
    ) -> int | None:
        if measure is not None:
            return self.by_measure.get(measure)
        key = (account, dranst, cost_center)
        if key not in self.by_rules:
            self.by_rules[key] = next(
                (
                    activity
                    for acc, dr, cc, activity in self.rules
                    if (not acc or acc == account)
                    and (dr is None or dr == dranst)
                    and (not cc or cc == cost_center)
                ),
                None,
            )
        return self.by_rules[key]


def _case_sql() -> tuple[str, list[Any]]:
    posting, measure = Posting._meta.db_table, Measure._meta.db_table
    mtype = MeasureType._meta.db_table
    parts = [
        f"CASE WHEN {posting}.measure_id IS NOT NULL THEN (SELECT t.activity_id FROM {measure} m"
        f" JOIN {mtype} t ON t.id = m.measure_type_id WHERE m.id = {posting}.measure_id)"
    ]
    params: list[Any] = []
    for rule in MappingRule.objects.order_by("position"):
        conditions = ["1 = 1"]
        if rule.account:
            conditions.append(f"{posting}.account = %s")
            params.append(rule.account)
        if rule.dranst:
            conditions.append(f"{posting}.dranst = %s")
            params.append(int(rule.dranst))
        if rule.cost_center:
            conditions.append(f"{posting}.cost_center = %s")
            params.append(rule.cost_center)
        parts.append(f"WHEN {' AND '.join(conditions)} THEN %s")
        params.append(rule.activity_id)
    parts.append("ELSE NULL END")
    return " ".join(parts), params


def remap_postings() -> int:
    """Give every posting its activity line; returns how many postings changed line."""
    case, params = _case_sql()
    table = Posting._meta.db_table
    differs = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET activity_id = {case} WHERE activity_id {differs} ({case})",
            params + params,
        )
        return int(max(cursor.rowcount, 0))
