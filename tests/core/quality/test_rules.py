"""Each data-quality rule on a small municipality with one planted defect per rule: every
planted case is found by its rule, and nothing else is flagged."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import TypedDict, Unpack

import pytest

from ramme.core.ladder import LadderStep
from ramme.core.money import to_money
from ramme.core.periods import DateRange
from ramme.core.pricing import measure_cost
from ramme.core.quality import RULES, Thresholds, check, counts_by_year
from ramme.core.records import (
    ActivityLine,
    Child,
    Dataset,
    Measure,
    MeasureType,
    Posting,
    PriceKind,
    PricePeriod,
    PriceUnit,
)

AS_OF = date(2024, 6, 30)
LEDGER_START = date(2022, 1, 1)
TYPES = {
    "KP": MeasureType("KP", "Kontaktperson", LadderStep.ANTICIPATING, "Kontakt"),
    "INT": MeasureType("INT", "Familiehuset", LadderStep.PREVENTIVE, "Familiehuset"),
}


def base(start: date, amount: int = 300, end: date | None = None) -> PricePeriod:
    return PricePeriod(start, end, PriceKind.BASE, Decimal(amount), PriceUnit.DAY)


class MeasureFields(TypedDict, total=False):
    """Measure's fields a test may set (``approved_at=None``: not approved)."""

    planned_end_date: date | None
    prices: tuple[PricePeriod, ...]
    approved_at: date | None


def measure(
    mid: str,
    start: date,
    end: date | None = None,
    child: str | None = None,
    mtype: str = "KP",
    **kw: Unpack[MeasureFields],
) -> Measure:
    fields: MeasureFields = {"prices": (base(start),), "approved_at": start}
    fields.update(kw)
    child = f"barn-{mid}" if child is None else child
    return Measure(mid, child, mtype, start, end, **fields)


def monthly(m: Measure, until: date = AS_OF, factor: int = 1) -> list[Posting]:
    """An invoice at each month end for the month's cost (price × days)."""
    out, day = [], max(m.start_date, LEDGER_START).replace(day=1)
    last = min(m.end_date or until, until)
    while day <= last:
        month_end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        cost = measure_cost(m, DateRange.inclusive(day, month_end), {})
        if cost and month_end <= AS_OF:
            pid = f"{m.measure_id}-{day:%Y%m}"
            amount = to_money(cost * factor)
            out.append(Posting(pid, month_end, amount, "Kontakt", "5.28.21", 1, m.measure_id,
                               m.child_key))  # fmt: skip
        day = month_end + timedelta(days=1)
    return out


NORMAL = [
    measure("N1", date(2021, 3, 1), date(2022, 8, 17)),
    measure("N2", date(2022, 2, 10), date(2023, 3, 31)),
    measure("N3", date(2022, 5, 1), date(2023, 9, 12)),
    measure("N4", date(2023, 1, 16), date(2023, 11, 30)),
    measure("N5", date(2022, 9, 1), date(2024, 2, 20)),
    measure("N6", date(2021, 6, 1)),
    measure("N7", date(2023, 4, 4), planned_end_date=date(2023, 4, 4)),  # same day: fine
    measure(
        "N8",
        date(2022, 1, 1),
        prices=(
            base(date(2022, 1, 1)),
            PricePeriod(
                date(2024, 1, 1),
                None,
                PriceKind.SUPPLEMENT,
                Decimal(50),
                PriceUnit.DAY,
                negotiated=True,
            ),
        ),
    ),
    measure(
        "N9",
        date(2023, 2, 1),
        prices=(
            base(date(2023, 2, 1)),
            PricePeriod(date(2024, 1, 1), None, PriceKind.SUPPLEMENT, Decimal(40), PriceUnit.DAY),
        ),
    ),
    measure("N10", date(2024, 2, 10)),  # in the month of the 23rd birthday: not a finding
    measure("I1", date(2022, 3, 1), mtype="INT"),  # paid by salary: never a posting of its own
    measure("I2", date(2023, 3, 1), mtype="INT"),
]

PLANTED = {
    "no_payments": measure("P-NOPAY", date(2023, 1, 1)),
    "payment_after_end": measure("P-AFTER", date(2022, 6, 1), date(2023, 5, 31)),
    "payment_before_start": measure("P-BEFORE", date(2023, 9, 1)),
    "overlap": measure("P-OVL2", date(2023, 10, 1), date(2024, 3, 31), child="barn-P-OVL1"),
    "price_deviation": measure("P-PRICE", date(2022, 1, 1)),
    "missing_approval": measure("P-NOAPP", date(2023, 6, 1), approved_at=None),
    "unnegotiated_supplement": measure("P-SUPP", date(2023, 1, 1), prices=(
        base(date(2023, 1, 1)), PricePeriod(date(2024, 2, 1), None, PriceKind.SUPPLEMENT,
                                            Decimal(100), PriceUnit.DAY, negotiated=False))),
    "missing_price": measure("P-NOPRICE", date(2023, 1, 1),
                             prices=(base(date(2023, 1, 1), end=date(2024, 3, 31)),)),
    "start_after_23": measure("P-ADULT", date(2024, 2, 1)),
    "planned_end_before_start": measure("P-PLANNED", date(2023, 3, 1),
                                        planned_end_date=date(2023, 2, 28)),
}  # fmt: skip
# birth dates as ramme keeps them: the first of the birth month
CHILDREN = {
    "barn-P-ADULT": Child("barn-P-ADULT", date(2001, 1, 1)),  # 23 from 31.01.2024
    "barn-N10": Child("barn-N10", date(2001, 2, 1)),  # maybe 23 only on 29.02.2024
    "barn-N6": Child("barn-N6", date(2012, 6, 1)),
}
OVERLAPPED = measure("P-OVL1", date(2023, 1, 1), date(2023, 12, 31))
EXPECTED = {
    ("no_payments", "no_payments:P-NOPAY"),
    ("payment_after_end", "payment_after_end:P-AFTER-late"),
    ("payment_before_start", "payment_before_start:P-BEFORE-early"),
    ("overlap", "overlap:P-OVL1:P-OVL2"),
    ("price_deviation", "price_deviation:P-PRICE:2023"),
    ("unlinked_posting", "unlinked_posting:U-1"),
    ("missing_approval", "missing_approval:P-NOAPP"),
    ("unnegotiated_supplement", "unnegotiated_supplement:P-SUPP:2024-02-01"),
    ("missing_price", "missing_price:P-NOPRICE"),
    ("start_after_23", "start_after_23:P-ADULT"),
    ("planned_end_before_start", "planned_end_before_start:P-PLANNED"),
}


def _ledger() -> list[Posting]:
    rows: list[Posting] = []
    for m in [*NORMAL, OVERLAPPED, *PLANTED.values()]:
        if m.measure_type == "INT":
            continue
        if m.measure_id == "P-NOPAY":
            rows += monthly(m, until=date(2024, 3, 31))  # then the invoices stop
        elif m.measure_id == "P-PRICE":
            rows += [p for p in monthly(m) if p.date.year != 2023]
            rows += [p for p in monthly(m, factor=2) if p.date.year == 2023]  # paid twice
        else:
            rows += monthly(m)
    after, before = PLANTED["payment_after_end"], PLANTED["payment_before_start"]
    rows += [
        Posting("P-AFTER-late", date(2023, 12, 15), Decimal(3000), "Kontakt", "5.28.21", 1,
                "P-AFTER", after.child_key),
        Posting("P-BEFORE-early", date(2023, 5, 2), Decimal(2000), "Kontakt", "5.28.21", 1,
                "P-BEFORE", before.child_key),
        Posting("U-1", date(2024, 5, 3), Decimal(4000), "Kontakt", "5.28.21", 1, None, "barn-N6"),
        Posting("R-1", date(2024, 3, 31), Decimal(-9000), "Refusion", "5.28.21", 2, None,
                "barn-N6"),  # a state refund is booked per child: not a finding
        Posting("CR-1", date(2024, 1, 20), Decimal(-500), "Kontakt", "5.28.21", 1, "N4", "barn-N4"),
    ]  # fmt: skip
    return rows


def dataset() -> Dataset:
    return Dataset(
        activities=(
            ActivityLine("Kontakt", LadderStep.ANTICIPATING),
            ActivityLine("Familiehuset", LadderStep.PREVENTIVE),
            ActivityLine("Refusion", LadderStep.OTHER),
        ),
        measure_types=TYPES,
        children=CHILDREN,
        measures=(*NORMAL, OVERLAPPED, *PLANTED.values()),
        postings=tuple(_ledger()),
    )


def test_every_planted_defect_is_found_by_its_rule_and_nothing_else() -> None:
    found = {(f.kind, f.key) for f in check(dataset(), AS_OF)}
    assert found == EXPECTED


@pytest.mark.parametrize("kind", [rule.kind for rule in RULES])
def test_each_rule_alone_finds_its_planted_case(kind: str) -> None:
    found = check(dataset(), AS_OF, kinds=[kind])
    assert {f.key for f in found} == {key for k, key in EXPECTED if k == kind}
    assert all(f.child for f in found)  # every finding names the child (its pseudonym key)


def test_findings_name_the_measure_the_child_and_the_amount() -> None:
    by_kind = {f.kind: f for f in check(dataset(), AS_OF)}
    late = by_kind["payment_after_end"]
    assert (late.measure_id, late.child, late.amount) == ("P-AFTER", "barn-P-AFTER", Decimal(3000))
    assert "198 dage efter slutdatoen 31.05.2023" in late.detail
    assert by_kind["price_deviation"].amount == measure_cost(
        PLANTED["price_deviation"], DateRange.year(2023), {}
    )
    assert by_kind["unlinked_posting"].measure_id is None
    assert by_kind["start_after_23"].detail == (
        "startet 01.02.2024, barnet fyldte 23 år i januar 2024"
    )
    assert by_kind["planned_end_before_start"].detail == (
        "planlagt slutdato 28.02.2023 ligger før startdato 01.03.2023"
    )
    assert by_kind["unnegotiated_supplement"].amount == Decimal(36500)
    assert by_kind["overlap"].amount == measure_cost(
        PLANTED["overlap"], DateRange.inclusive(date(2023, 10, 1), date(2023, 12, 31)), {}
    )


def test_the_no_payment_threshold_is_configurable() -> None:
    strict = replace(Thresholds(), no_payment_days=120)
    assert not check(dataset(), AS_OF, strict, kinds=["no_payments"])


def test_a_larger_price_tolerance_accepts_the_double_payment() -> None:
    loose = replace(Thresholds(), price_share=Decimal("1.5"))
    assert not check(dataset(), AS_OF, loose, kinds=["price_deviation"])


def test_findings_are_counted_per_year() -> None:
    counts = counts_by_year(check(dataset(), AS_OF))
    assert counts["payment_after_end"] == {2023: 1}
    assert counts["price_deviation"] == {2023: 1}
    assert sum(sum(years.values()) for years in counts.values()) == len(EXPECTED)


def test_the_json_shape_is_exactly_the_issues() -> None:
    finding = check(dataset(), AS_OF, kinds=["unlinked_posting"])[0]
    assert finding.to_dict() == {
        "kind": "unlinked_posting",
        "measure_id": None,
        "child": "barn-N6",
        "amount": 4000.0,
        "detail": finding.detail,
    }
