"""Reconciliation to the krone: every posting in one line or listed with its reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.forecast import prepare
from ramme.core.ladder import LadderStep
from ramme.core.reconcile import MappingRule, forecast_booked, reconcile
from ramme.core.records import ActivityLine, Dataset, Measure, MeasureType, Posting

LINES = (ActivityLine("Opholdssted", LadderStep.INTERVENING), ActivityLine("PPR", LadderStep.OTHER))
RULES = (MappingRule("Opholdssted", "5.28.20"), MappingRule("PPR", "5.28.21", 1))


def _dataset(*postings: Posting) -> Dataset:
    kind = MeasureType("OPH", "Opholdssted", LadderStep.INTERVENING, "Opholdssted")
    measure = Measure("M1", "barn-1", "OPH", date(2023, 1, 1))
    return Dataset(
        activities=LINES, measure_types={"OPH": kind}, measures=(measure,), postings=postings
    )


def _p(
    pid: str,
    day: date,
    amount: str,
    activity: str | None,
    account: str = "",
    dranst: int = 1,
    measure_id: str | None = None,
    cost_center: str = "",
) -> Posting:
    return Posting(pid, day, Decimal(amount), activity, account, dranst, measure_id,
                   cost_center=cost_center)  # fmt: skip


LEDGER = (
    _p("a", date(2024, 1, 31), "1000.10", "Opholdssted", account="5.28.20", measure_id="M1"),
    _p("b", date(2024, 2, 28), "500.00", "Opholdssted", account="5.28.20"),
    _p("c", date(2024, 3, 15), "250.25", "PPR", account="5.28.21"),
    _p("d", date(2024, 3, 20), "77.00", None, account="6.45.51"),
    _p("e", date(2024, 3, 21), "-12.50", None, account="5.28.21", dranst=2, cost_center="X"),
    _p("old", date(2023, 12, 31), "999.00", "PPR", account="5.28.21"),
    _p("late", date(2024, 4, 2), "999.00", "PPR", account="5.28.21"),
)


def test_every_krone_is_in_a_line_or_listed_and_the_difference_is_zero() -> None:
    r = reconcile(_dataset(*LEDGER), RULES, 2024, date(2024, 3, 31))
    assert r.postings == 5  # 2023 and after the as-of date are outside the period
    assert r.ledger_total == Decimal("1814.85")
    totals = {ln.activity: (ln.total, ln.linked, ln.unlinked) for ln in r.lines}
    assert totals["Opholdssted"] == (Decimal("1500.10"), Decimal("1000.10"), Decimal("500.00"))
    assert totals["PPR"] == (Decimal("250.25"), Decimal(0), Decimal("250.25"))
    assert [u.posting.posting_id for u in r.unmapped] == ["d", "e"]
    assert r.unmapped_total == Decimal("64.50")
    assert r.difference == 0


def test_each_unmapped_posting_says_why() -> None:
    r = reconcile(_dataset(*LEDGER), RULES, 2024, date(2024, 3, 31))
    reasons = {u.posting.posting_id: u.reason for u in r.unmapped}
    assert "funktion 6.45.51 indgår ikke i konteringsreglerne" in reasons["d"]
    assert "dranst 2" in reasons["e"] and "omkostningssted X" in reasons["e"]


def test_a_posting_on_a_line_outside_the_frame_shows_as_a_difference() -> None:
    stray = _p("x", date(2024, 2, 1), "42.00", "Nedlagt linje", account="5.28.20")
    r = reconcile(_dataset(*LEDGER, stray), RULES, 2024, date(2024, 3, 31))
    assert r.difference == Decimal("42.00")


def test_the_forecast_booked_figure_matches_each_line() -> None:
    data = _dataset(*LEDGER)
    first = reconcile(data, RULES, 2024, date(2024, 3, 31))
    booked = forecast_booked(prepare(data), first.period)
    r = reconcile(data, RULES, 2024, date(2024, 3, 31), booked)
    assert [ln.forecast for ln in r.lines] == [Decimal(1500), Decimal(250)]
    assert r.forecast_difference == 0


def test_an_as_of_date_before_the_year_gives_an_empty_reconciliation() -> None:
    r = reconcile(_dataset(*LEDGER), RULES, 2025, date(2024, 3, 31))
    assert (r.postings, r.ledger_total, r.difference) == (0, Decimal(0), Decimal(0))
