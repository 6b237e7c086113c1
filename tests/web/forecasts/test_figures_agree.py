"""Units on 31 December and price per full-year case by ladder step: the follow-up page and
the annual report show one figure (``ramme.reports.development``) for every completed year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.web.accounts.models import User
from ramme.web.forecasts.services.followup import followup
from ramme.web.reports.builders.annual import annual_figures
from tests.web.forecasts.conftest import AS_OF


def test_the_page_and_the_annual_report_agree_on_each_completed_year(
    example: dict[str, User],
) -> None:
    page = followup(AS_OF).volumes
    report = annual_figures(AS_OF.year - 1, today=date(2024, 10, 5)).development
    compared = 0
    for step, years in report.items():
        for year, figure in years.items():
            if year >= AS_OF.year or figure.price is None:
                continue
            shown = next(v for v in page[str(step)] if v.year == year)
            assert not shown.expected
            assert shown.units == figure.units, (step, year)
            assert shown.price == figure.price.quantize(Decimal(1)), (step, year)
            compared += 1
    assert compared >= 3  # the example has several steps over several years


def test_this_year_on_the_page_is_the_forecasts_expectation(example: dict[str, User]) -> None:
    page = followup(AS_OF).volumes
    current = [v for rows in page.values() for v in rows if v.year == AS_OF.year]
    assert current and all(v.expected for v in current)
    assert sum(v.units for v in current) > 0
