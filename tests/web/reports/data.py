"""A small municipality built through the ORM for the report tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.web.budgets.models import YearTransfer
from ramme.web.data.models import (
    ActivityLine,
    Budget,
    Child,
    Measure,
    MeasureType,
    Posting,
    PriceIndex,
    PricePeriod,
)


def build_municipality(year: int = 2024) -> dict[str, ActivityLine]:
    """Two lines, budgets, postings, 6 foster-care and 2 residential measures, a transfer."""
    lines = {
        "Familiepleje": ActivityLine.objects.create(
            name="Familiepleje", ladder_step="indgribende", position=1
        ),
        "Kontaktperson": ActivityLine.objects.create(
            name="Kontaktperson", ladder_step="foregribende", position=2
        ),
    }
    for name, adopted, corrected in (
        ("Familiepleje", 2_000_000, 2_100_000),
        ("Kontaktperson", 500_000, 450_000),
    ):
        Budget.objects.create(
            year=year, activity=lines[name], kind="vedtaget", amount=Decimal(adopted)
        )
        Budget.objects.create(
            year=year,
            activity=lines[name],
            kind="korrigeret",
            date=date(year, 9, 1),
            amount=Decimal(corrected),
        )
    amounts = {"Familiepleje": ["1200000.40", "1000000"], "Kontaktperson": ["300000", "-12345.50"]}
    for name, values in amounts.items():
        for n, amount in enumerate(values):
            Posting.objects.create(
                posting_id=f"{name}-{n}",
                date=date(year, 3 + n, 15),
                account="5.28.22",
                dranst=1,
                amount=Decimal(amount),
                activity=lines[name],
            )
    YearTransfer.objects.create(year=year, activity=lines["Kontaktperson"], amount=Decimal(25_000))
    PriceIndex.objects.create(year=year, rate=Decimal("2.0"))
    foster = MeasureType.objects.create(
        code="PLF", name="Plejefamilie", ladder_step="indgribende", activity=lines["Familiepleje"]
    )
    contact = MeasureType.objects.create(
        code="KP", name="Kontaktperson", ladder_step="foregribende", activity=lines["Kontaktperson"]
    )
    for n in range(8):
        kind = foster if n < 6 else contact
        child = Child.objects.create(key=f"barn-{n}")
        measure = Measure.objects.create(
            measure_id=f"m-{n}", child=child, measure_type=kind, start_date=date(year - 1, 6, 1)
        )
        PricePeriod.objects.create(
            measure=measure,
            valid_from=date(year - 1, 6, 1),
            kind="base",
            amount=Decimal(1000),
            unit="day",
        )
    return lines
