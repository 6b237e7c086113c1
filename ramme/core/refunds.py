"""State refund for especially expensive cases (statsrefusion for særligt dyre enkeltsager).

Serviceloven § 176 / Barnets lov § 198: per child per year (children of one household
summed), the state refunds a share of the costs above each threshold: 25 % of the part
above threshold 1, 50 % above threshold 2 and, from 2021, 75 % above threshold 3. The
refund is booked quarterly as income on dranst 2.

The figures are configuration with their source, not constants in code: they come from
secondary sources (../shared/domain.md, marked "verify") and must be checked against the
annual circular from Social- og Boligstyrelsen before being relied on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class RefundRule:
    """Thresholds (kr. per child per year) and the marginal refund rate above each."""

    from_year: int
    thresholds: tuple[Decimal, ...]
    rates: tuple[Decimal, ...]  # percent, one per threshold
    source: str
    regulated_after: bool = False  # price-regulated yearly after from_year


RULES: tuple[RefundRule, ...] = (
    RefundRule(
        1900,
        (Decimal(950_000), Decimal(1_770_000)),
        (Decimal(25), Decimal(50)),
        "Serviceloven § 176, niveau før 2021 (domain.md, verify)",
    ),
    RefundRule(
        2021,
        (Decimal(850_000), Decimal(1_660_000), Decimal(2_090_000)),
        (Decimal(25), Decimal(50), Decimal(75)),
        "Serviceloven § 176, 2021-niveau med tre trin (domain.md, verify tiers)",
    ),
    RefundRule(
        2022,
        (Decimal(860_000), Decimal(1_680_000), Decimal(2_120_000)),
        (Decimal(25), Decimal(50), Decimal(75)),
        "Serviceloven § 176 / Barnets lov § 198, 2022-niveau, pris- og lønreguleret "
        "årligt derefter (domain.md, verify)",
        regulated_after=True,
    ),
)


def rule_for(
    year: int, index: Mapping[int, Decimal], rules: tuple[RefundRule, ...] = RULES
) -> RefundRule:
    """The rule of ``year``, its thresholds regulated by ``index`` when the rule says so."""
    rule = max((r for r in rules if r.from_year <= year), key=lambda r: r.from_year)
    if not rule.regulated_after or year == rule.from_year:
        return rule
    factor = Decimal(1)
    for y in range(rule.from_year + 1, year + 1):
        factor *= 1 + index.get(y, Decimal(0)) / 100
    thresholds = tuple((t * factor).quantize(Decimal(1)) for t in rule.thresholds)
    return RefundRule(year, thresholds, rule.rates, rule.source, regulated_after=True)


def refund(cost: Decimal, rule: RefundRule) -> Decimal:
    """The refund of one child's (household's) yearly cost."""
    total = Decimal(0)
    bounds = (*rule.thresholds, None)
    for i, rate in enumerate(rule.rates):
        upper = bounds[i + 1]
        part = (cost if upper is None else min(cost, upper)) - rule.thresholds[i]
        if part > 0:
            total += part * rate / 100
    return total


def refund_array(costs: npt.NDArray[np.float64], rule: RefundRule) -> npt.NDArray[np.float64]:
    """``refund`` for an array of yearly costs (numeric kernel for the simulation)."""
    total = np.zeros_like(costs, dtype=np.float64)
    bounds = [float(t) for t in rule.thresholds] + [np.inf]
    for i, rate in enumerate(rule.rates):
        part = np.maximum(np.minimum(costs, bounds[i + 1]) - bounds[i], 0.0)
        total += part * float(rate) / 100
    return total
