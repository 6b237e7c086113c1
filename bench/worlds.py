"""The forecast on the synthetic worlds (issue 9): error, bias and band per world.

    .venv/bin/python bench/worlds.py [--world NAME ...] [--scale 1] [--full] [--sims 200]
                                      [--json FILE]

For every world, for the last complete year Y, at every month end of Y: the world as known
that day (its files as exported then, imported into a throwaway database; cached, see
docs/forecast-worlds.md), the forecast, and the run-rate (booked × 365 / days), scored
against the outturn in % of the frame's corrected budget. ``--full`` forecasts from the
final files cut only by ``as_of`` instead. Tuning and held-out worlds are shown apart.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from datetime import date
from pathlib import Path

from ramme.core.forecast.band_oracle import simulate
from ramme.core.money import format_number
from ramme.worlds.evaluate import evaluate
from ramme.worlds.registry import WORLDS, get
from ramme.worlds.scoring import COVERAGE, Summary, combine, month_ends, summarise
from ramme.worlds.spec import WorldSpec

HEADER = (
    f"{'verden':<10}{'31.3 r/rr':>13}{'30.6 r/rr':>13}{'30.9 r/rr':>13}{'apr-dec r/rr':>14}"
    f"{'bias':>7}{'dæk.ramme':>10}{'dæk.linjer':>11}{'bredde':>8}   kriterier (marts efter bånd)"
)


def _n(value: float, decimals: int = 1) -> str:
    return "–" if math.isnan(value) else format_number(value, decimals)


def _pair(s: Summary, days: list[date]) -> str:
    return f"{_n(s.mae(days))}/{_n(s.mae(days, 'run_rate'))}"


def _ends(years: list[int], month: int) -> list[date]:
    return [month_ends(y)[month - 1] for y in years]


def _row(name: str, s: Summary, years: list[int]) -> str:
    marks = " ".join("ja " if ok else "NEJ" for ok in s.criteria().values())
    late = [d for m in range(4, 13) for d in _ends(years, m)]
    return (
        f"{name:<10}{_pair(s, _ends(years, 3)):>13}{_pair(s, _ends(years, 6)):>13}"
        f"{_pair(s, _ends(years, 9)):>13}{_pair(s, late):>14}{_n(s.bias):>7}"
        f"{_n(s.coverage_frame, 0):>10}{_n(s.coverage_lines, 0):>11}{_n(s.width):>8}   {marks}"
    )


def _group_mae(summaries: list[Summary], days: list[date], of: str) -> float:
    return sum(s.mae(days, of) for s in summaries) / len(summaries)


def _group_row(label: str, summaries: list[Summary], years: list[int]) -> str:
    late = [d for m in range(4, 13) for d in _ends(years, m)]
    cells = [
        f"{_n(_group_mae(summaries, days, 'ramme'))}/{_n(_group_mae(summaries, days, 'rr'))}"
        for days in (_ends(years, 3), _ends(years, 6), _ends(years, 9), late)
    ]
    return f"{label:<10}" + "".join(f"{c:>13}" for c in cells[:3]) + f"{cells[3]:>14}"


def _oracle_row(summaries: list[Summary], years: int) -> str:
    """ramme's band beside an oracle's: month ends of a year share its surprises, so even a
    perfectly calibrated band fails the per-world criterion on most worlds (band_oracle.py)."""
    oracle = simulate(years)
    n = len(summaries)
    low, high = COVERAGE
    passed = sum(low <= s.coverage_frame <= high for s in summaries)
    pooled = sum(s.coverage_frame for s in summaries) / max(n, 1)
    p_low, p_high = oracle.pooled_range(n)
    return (
        f"Rammens bånd holder 70-90 % på {passed} af {n} verdener, samlet {_n(pooled, 0)} %."
        f"\nEt perfekt kalibreret bånd (orakel) består med sandsynlighed "
        f"{_n(100 * oracle.pass_probability(), 0)} % pr. verden (forventet "
        f"{_n(n * oracle.pass_probability())} af {n}); dets samlede dækning over {n} verdener "
        f"ligger i 9 af 10 tilfælde mellem {_n(p_low, 0)} og {_n(p_high, 0)} %."
    )


def _json(spec: WorldSpec, s: Summary) -> dict[str, object]:
    return {
        "world": spec.name,
        "held_out": spec.held_out,
        "scale": spec.scale,
        "ramme": {d.isoformat(): v for d, v in s.ramme.items()},
        "run_rate": {d.isoformat(): v for d, v in s.run_rate.items()},
        "bias": s.bias,
        "coverage_frame": s.coverage_frame,
        "coverage_lines": s.coverage_lines,
        "width": s.width,
        "criteria": s.criteria(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", action="append", choices=sorted(WORLDS))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--full", action="store_true", help="final files cut by as_of")
    parser.add_argument("--sims", type=int, default=200)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--year",
        type=int,
        action="append",
        help="a year forecast (default: the last complete one; an earlier year leaves fewer "
        "earlier years to calibrate on); given more than once, each world is judged on all",
    )
    args = parser.parse_args()
    specs = [get(n, args.scale) for n in (args.world or list(WORLDS))]
    mode = "fulde filer, skåret ved as_of" if args.full else "filer som eksporteret den dag"
    year = f"regnskabsår {', '.join(map(str, args.year))}, " if args.year else ""
    print(f"Prognosen på verdenerne ({year}{mode}), fejl i % af rammens korrigerede budget;")
    print("r/rr = ramme / run-rate (absolut fejl), dæk. = P10-P90 dækning i %.\n")
    results: dict[bool, list[tuple[WorldSpec, Summary]]] = {False: [], True: []}
    for spec in specs:
        started = time.perf_counter()
        per_year = []
        for year in args.year or [spec.last_year]:
            days = month_ends(year)
            points, budget = evaluate(spec, days, full=args.full, simulations=args.sims)
            per_year.append(summarise(points, budget))
        results[spec.held_out].append((spec, combine(per_year)))
        print(f"  {spec.name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for held_out, label in ((False, "Tuning-verdener"), (True, "Holdt ude (held out)")):
        rows = results[held_out]
        if not rows:
            continue
        print(f"{label}\n{HEADER}")
        for spec, s in rows:
            print(_row(spec.name, s, args.year or [spec.last_year]))
        years = args.year or [rows[0][0].last_year]
        print(_group_row("MAE", [s for _, s in rows], years))
        print(_oracle_row([s for _, s in rows], len(years)) + "\n")
    if args.json:
        figures = [_json(spec, s) for rows in results.values() for spec, s in rows]
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
