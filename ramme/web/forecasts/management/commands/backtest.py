"""``ramme backtest --year Y [--json FILE]``: how the forecast would have done in a past year."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ramme.core.forecast.backtest import ACCEPTANCE_MONTHS, BacktestResult
from ramme.core.forecast.band_oracle import one_year_range
from ramme.core.money import format_number
from ramme.core.periods import format_date
from ramme.web.forecasts.services import backtests

HEADERS = ("Prognose", "Fremskrivn.", "Budget", "Dækning")


def _pct(value: float) -> str:
    return f"{format_number(value, 2)} %"


def render(result: BacktestResult) -> str:
    """Per month: errors in % of the corrected budget, and whether the outturn was in P10-P90."""
    lines = [
        f"Backtest {result.year}: fejl i % af korrigeret budget (prognose − regnskab)",
        f"{'Opgørelse':<12}{'Sagsbaseret':>13}{'Fremskrivning':>15}{'Budget':>10}"
        f"{'I P10-P90':>11}{'Linjer i bånd':>15}",
    ]
    for m in result.months:
        lines.append(
            f"{format_date(m.as_of):<12}{_pct(m.error_pct):>13}{_pct(m.run_rate_error_pct):>15}"
            f"{_pct(m.budget_error_pct):>10}{'ja' if m.inside else 'nej':>11}"
            f"{f'{m.lines_inside}/{m.lines}':>15}"
        )
    months = ACCEPTANCE_MONTHS
    lines += [
        "",
        f"Gennemsnitlig absolut fejl: {_pct(result.mae_pct())} (fremskrivning "
        f"{_pct(result.run_rate_mae_pct())}, budget {_pct(result.budget_mae_pct())}); "
        f"skævhed {_pct(result.bias_pct())}",
        f"Dækning P10-P90: ramme {_pct(100 * result.coverage())}, "
        f"linjer {_pct(100 * result.line_coverage())} (et ærligt bånd rummer rammen i 9 af 10 år "
        f"i {_honest_range()} af månederne: årets månedsskifter deler dets overraskelser)",
    ]
    if all(any(m.as_of.month == k for m in result.months) for k in months):
        ok = "OPFYLDT" if result.accepted() else "IKKE OPFYLDT"
        lines.append(
            f"Acceptkriterium (ultimo marts, juni, september): fejl {_pct(result.mae_pct(months))}"
            f" ≤ ⅓ af fremskrivningens {_pct(result.run_rate_mae_pct(months))} og dækning "
            f"{_pct(100 * result.line_coverage(months))} mellem 60 og 95 %: {ok}"
        )
    return "\n".join(lines)


def _honest_range() -> str:
    low, high = one_year_range()
    return f"{format_number(low, 0)}-{format_number(high, 0)} %"


def _months(text: str) -> tuple[int, ...]:
    try:
        months = tuple(sorted({int(x) for x in text.split(",") if x.strip()}))
    except ValueError as error:
        raise CommandError(f"Ugyldige måneder '{text}': skriv fx 3,6,9.") from error
    if not months or any(not 1 <= m <= 12 for m in months):
        raise CommandError(f"Ugyldige måneder '{text}': brug tal fra 1 til 12.")
    return months


class Command(BaseCommand):
    help = (
        "Backtest af prognosen: prognose ved hvert månedsskifte i et tidligere år med de data, "
        "der var kendt da, sammenlignet med regnskabet, fremskrivning og budget."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True, help="året, der testes")
        parser.add_argument(
            "--json", default=None, help="JSON-fil (standard: var/backtest-ÅR.json)"
        )
        parser.add_argument(
            "--months", default="1,2,3,4,5,6,7,8,9,10,11,12", help="måneder, fx 3,6,9"
        )
        parser.add_argument(
            "--simulations",
            type=int,
            default=None,
            help="antal simulationer (standard 200)",
        )
        parser.add_argument("--seed", type=int, default=0, help="startværdi for simulationen")

    def handle(self, *args: Any, **options: Any) -> None:
        year, months = options["year"], _months(options["months"])
        try:
            result = backtests.run_backtest(
                year, months=months, simulations=options["simulations"], seed=options["seed"]
            )
        except backtests.BacktestUnavailable as error:
            raise CommandError(str(error)) from error
        path = Path(options["json"] or Path(settings.VAR_DIR) / f"backtest-{year}.json")
        try:
            path.write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        except OSError as error:
            raise CommandError(f"Kunne ikke skrive {path}: {error}") from error
        self.stdout.write(render(result))
        self.stdout.write(f"\nSkrev {path}")
