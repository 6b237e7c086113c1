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
    **kw: object,
) -> PricePeriod:
    return PricePeriod(start, end, kind, Decimal(amount), PriceUnit.DAY, **kw)  # type: ignore[arg-type]


def measure(
    mid: str,
    kind: str,
    start: date,
    end: date | None = None,
    price: int = 1000,
    child: str | None = None,
    provider_kind: ProviderKind | None = ProviderKind.EXTERNAL,
    prices: tuple[PricePeriod, ...] | None = None,
    **kw: object,
) -> Measure:
    return Measure(
        mid,
        child or f"c-{mid}",
        kind,
        start,
        end,
        provider_kind=provider_kind,
        prices=prices if prices is not None else (day_price(price, start),),
        **kw,  # type: ignore[arg-type]
    )
