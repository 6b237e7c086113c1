"""The records of data-quality findings (datakvalitetsfund) and the rules' thresholds."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ramme.core.quality.context import Context


@dataclass(frozen=True)
class Thresholds:
    """What counts as a finding; the web app reads them from settings (environment)."""

    no_payment_days: int = 60  # an active measure without a posting for longer is a finding
    price_share: Decimal = Decimal("0.10")  # price deviation tolerated: 10 % of price × days
    price_kr: Decimal = Decimal(5000)  # ... and 5,000 kr.: a finding exceeds both
    lag_fence: Decimal = Decimal(3)  # Tukey's far-out fence Q3 + 3 × IQR of learned lags
    min_lag_days: int = 31  # a billing month is always normal


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding of one rule; ``key`` is stable across runs (explanations refer to it)."""

    kind: str
    key: str
    day: date  # the day it concerns (for the count over time)
    child: str | None
    measure_id: str | None
    amount: Decimal | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``ramme check-data --json`` (amount in kroner as a number)."""
        return {
            "kind": self.kind,
            "measure_id": self.measure_id,
            "child": self.child,
            "amount": None if self.amount is None else float(self.amount),
            "detail": self.detail,
        }


RuleFunction = Callable[["Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A data-quality rule: its kind, a Danish title and explanation, and the function."""

    kind: str
    title: str
    explanation: str
    find: RuleFunction
