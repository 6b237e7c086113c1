"""A small report like the 2017 accounts (seed 002), shared by the report tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ramme.core.ladder import LadderStep
from ramme.reports.annual import AnnualFigures, LineFigures
from ramme.reports.development import StepYear

FRAME = "30.46 Forebyggelse/anbringelse af børn og unge udenfor hjemmet"
EVIL_NOTE = '=HYPERLINK("http://example.invalid","klik")'


def kr(thousands: int) -> Decimal:
    return Decimal(thousands) * 1000


def figures_2017() -> AnnualFigures:
    """Table 2 of the 2017 accounts, one activity line per ladder step."""
    steps = [
        ("Forebyggende", LadderStep.PREVENTIVE, 8217, 9877, 8173, 0),
        ("Foregribende", LadderStep.ANTICIPATING, 51728, 52142, 53169, 552),
        ("Indgribende", LadderStep.INTERVENING, 90488, 91590, 95717, 0),
        ("Småbørnsstøtte", LadderStep.OTHER, 24406, 24126, 25490, 0),
        ("Andet", LadderStep.OTHER, 6225, -246, 270, 0),
    ]
    lines = tuple(
        LineFigures(name, step, kr(a), kr(c), kr(r), kr(t)) for name, step, a, c, r, t in steps
    )
    development: dict[str, dict[int, StepYear]] = {
        LadderStep.PREVENTIVE: {
            y: StepYear(kr(p), 120, u, 118)
            for y, p, u in ((2014, 67, 140), (2015, 73, 136), (2016, 80, 133), (2017, 61, 133))
        },
        LadderStep.INTERVENING: {y: StepYear(kr(600), 3, 3, 3) for y in (2014, 2015, 2016, 2017)},
    }
    return AnnualFigures(
        year=2017,
        frame=FRAME,
        municipality="Ballerup Kommune",
        lines=lines,
        development=development,
        generated_on=date(2018, 3, 1),
        corrected_note=EVIL_NOTE,
    )
