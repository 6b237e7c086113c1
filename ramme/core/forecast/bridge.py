"""The bridge between two forecasts of the same year (snapshot t-1 → t), as municipalities
explain it: new measures (tilgang), ended measures (afgang), changes to existing measures
(prices, supplements, end dates), changed expectations (inflow rate), and the rest
(billing lag, refunds, lines without measures, postings against accruals). The items add
up exactly to the change of the frame's forecast.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ramme.core.forecast.results import Forecast, MeasureTable, kr

BRIDGE_LABELS = {
    "inflow": "Nye indsatser (tilgang)",
    "outflow": "Ophørte indsatser (afgang)",
    "changes": "Ændringer i eksisterende indsatser",
    "expected_inflow": "Ændret forventning til tilgang",
    "other": "Betalingsforskydning, refusion og øvrige",
}


@dataclass(frozen=True)
class BridgeItem:
    key: str
    label: str
    amount: Decimal
    count: int


@dataclass(frozen=True)
class Bridge:
    """From ``before`` to ``after``: the items per line and for the frame."""

    before: Decimal
    after: Decimal
    items: tuple[BridgeItem, ...]
    by_line: dict[str, tuple[BridgeItem, ...]]


def _year_costs(table: MeasureTable) -> dict[str, tuple[str, float, bool]]:
    active = table.active
    return {
        mid: (table.activities[i], float(table.accrued[i] + table.expected[i]), bool(active[i]))
        for i, mid in enumerate(table.measure_ids)
    }


def _measure_moves(before: Forecast, after: Forecast) -> dict[str, dict[str, list[float]]]:
    """Per line and kind: [amount, count] from the measures of both forecasts."""
    old, new = _year_costs(before.measures), _year_costs(after.measures)
    moves: dict[str, dict[str, list[float]]] = defaultdict(
        lambda: {k: [0.0, 0] for k in ("inflow", "outflow", "changes")}
    )
    for mid, (line, cost, active) in new.items():
        if mid not in old:
            kind, delta = "inflow", cost
        else:
            _, old_cost, was_active = old[mid]
            delta = cost - old_cost
            kind = "outflow" if was_active and not active else "changes"
            if kind == "changes" and abs(delta) < 1:
                continue
        moves[line][kind][0] += delta
        moves[line][kind][1] += 1
    for mid, (line, old_cost, _) in old.items():
        if mid not in new:  # removed from the data: counts as ended
            moves[line]["outflow"][0] -= old_cost
            moves[line]["outflow"][1] += 1
    return moves


def bridge(before: Forecast, after: Forecast) -> Bridge:
    """Bridge two forecasts of the same year; raises ValueError for different years."""
    if before.year != after.year:
        raise ValueError("Broen kræver to prognoser for samme år.")
    moves = _measure_moves(before, after)
    by_line: dict[str, tuple[BridgeItem, ...]] = {}
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for line_after in after.lines:
        name = line_after.activity
        line_before = next((x for x in before.lines if x.activity == name), None)
        old_fc = float(line_before.forecast) if line_before else 0.0
        exp_b = before.expectations.get(name, {})
        exp_a = after.expectations.get(name, {})
        values = {
            k: moves[name][k] if name in moves else [0.0, 0]
            for k in ("inflow", "outflow", "changes")
        }
        values["expected_inflow"] = [
            exp_a.get("inflow", 0.0) - exp_b.get("inflow", 0.0),
            round(exp_a.get("inflow_count", 0.0) - exp_b.get("inflow_count", 0.0)),
        ]
        explained = sum(v[0] for v in values.values())
        values["other"] = [float(line_after.forecast) - old_fc - explained, 0]
        items = []
        for key, (amount, count) in values.items():
            items.append(BridgeItem(key, BRIDGE_LABELS[key], kr(amount), int(count)))
            totals[key][0] += amount
            totals[key][1] += int(count)
        by_line[name] = _balanced(tuple(items), line_after.forecast - kr(old_fc))
    frame = tuple(BridgeItem(k, BRIDGE_LABELS[k], kr(v[0]), int(v[1])) for k, v in totals.items())
    frame = _balanced(frame, after.total.forecast - before.total.forecast)
    return Bridge(before.total.forecast, after.total.forecast, frame, by_line)


def _balanced(items: tuple[BridgeItem, ...], change: Decimal) -> tuple[BridgeItem, ...]:
    """Put the rounding difference on the last item so the items add up to the change."""
    gap = change - sum((i.amount for i in items), Decimal(0))
    if not items or gap == 0:
        return items
    last = items[-1]
    return (*items[:-1], BridgeItem(last.key, last.label, last.amount + gap, last.count))
