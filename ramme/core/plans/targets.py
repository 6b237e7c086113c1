"""What an action aims at (målgruppe): measure types, providers, children, from a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ramme.core.records import Measure, ProviderKind


@dataclass(frozen=True)
class Target:
    """Empty collections mean "any"; ``from_date`` is when the action starts to work."""

    from_date: date
    measure_types: frozenset[str] = frozenset()
    providers: frozenset[str] = frozenset()
    provider_kind: ProviderKind | None = None
    children: frozenset[str] = frozenset()

    def matches(self, measure: Measure) -> bool:
        """Whether the measure is in the target group (ignoring dates)."""
        return (
            (not self.measure_types or measure.measure_type in self.measure_types)
            and (not self.providers or (measure.provider_id or "") in self.providers)
            and (self.provider_kind is None or measure.provider_kind == self.provider_kind)
            and (not self.children or measure.child_key in self.children)
        )
