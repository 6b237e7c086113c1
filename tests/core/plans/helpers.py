"""Hand-built measures for the plan tests: day prices make the arithmetic obvious."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.records import Measure, PriceKind, PricePeriod, PriceUnit, ProviderKind


def day_price(
    amount: int,
    start: date,
    end: date | None = None,
    kind: PriceKind = PriceKind.BASE,
    negotiated: bool | None = None,
) -> PricePeriod:
    return PricePeriod(start, end, kind, Decimal(amount), PriceUnit.DAY, negotiated=negotiated)


def measure(
    mid: str,
    kind: str,
    start: date,
    end: date | None = None,
    price: int = 1000,
    child: str | None = None,
    provider_kind: ProviderKind | None = ProviderKind.EXTERNAL,
    prices: tuple[PricePeriod, ...] | None = None,
    provider_id: str | None = None,
    approved_at: date | None = None,
) -> Measure:
    return Measure(
        mid,
        child or f"c-{mid}",
        kind,
        start,
        end,
        provider_id=provider_id,
        provider_kind=provider_kind,
        prices=prices if prices is not None else (day_price(price, start),),
        approved_at=approved_at,
    )
