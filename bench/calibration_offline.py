"""The self-calibration's rules tried in seconds on captured histories (issue 9).

    .venv/bin/python bench/calibration_offline.py capture --year 2025 --out FILE [--world NAME ...]
    .venv/bin/python bench/calibration_offline.py sweep FILE [FILE ...] [--set NAME=VALUE ...]

``capture`` runs the case-based model on every world at every month end of the year except
31 December (where nothing is calibrated), files as exported that day, and keeps what the
calibration learns from and is applied to (``engine.calibration_inputs``) beside the truth.
That is the slow part (minutes, like ``bench/worlds.py``); the calibration itself is
deterministic and cheap, so ``sweep`` then prints the frame's MAE in % of the corrected
budget at 31 March, 30 June, 30 September and April-November, tuning and held-out worlds
apart, for the rules as they are and with each ``--set`` constant of
``ramme.core.forecast.calibration`` changed (e.g. ``--set LINE_PRIOR=8``). The centre is
what ``bench/worlds.py`` scores; the band is not recomputed here.
"""

from __future__ import annotations

import argparse
import pickle
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import numpy as np

from ramme.core.forecast import calibration, engine, prepare
from ramme.core.forecast.model import build
from ramme.worlds.loader import load_worlds
from ramme.worlds.registry import WORLDS, get
from ramme.worlds.scoring import month_ends
from ramme.worlds.world import FRAME, frame_budget, outturn


@dataclass(frozen=True)
class Case:
    """One world on one day: the calibration's inputs and the truth, in kr."""

    world: str
    day: date
    held_out: bool
    history: calibration.History
    now: np.ndarray  # (methods, lines)
    budget: float  # the frame's corrected budget
    outturn: float  # the frame's outturn

    def error(self) -> float:
        """The calibrated frame forecast − outturn, in % of the budget."""
        learned = calibration.learn(self.history)
        centre = learned.apply(self.now) if self.history.origins else self.now[0]
        return 100 * (float(centre.sum()) - self.outturn) / self.budget


def capture(name: str, year: int) -> list[Case]:
    spec = get(name)
    days = month_ends(year)[:-1]
    truth: dict[str, Decimal] = outturn(spec, year)
    loaded = load_worlds(spec, days)
    cases = []
    for day in days:
        prep = prepare(loaded[day])
        model = build(prep, day, None)
        corrected, _ = engine.budgets(prep.master, year, prep.activities)
        hist, now = engine.calibration_inputs(model, engine.lines(model, corrected), None)
        budget, total = float(frame_budget(spec, year)), float(truth[FRAME])
        cases.append(Case(name, day, spec.held_out, hist, now, budget, total))
        print(f"  {name} {day.isoformat()}", flush=True)
    return cases


def _cells(cases: list[Case]) -> list[float]:
    """Mean over worlds of each world's MAE at 31.3, 30.6, 30.9 and April-November."""
    per_world: dict[str, dict[int, float]] = {}
    for case in cases:
        per_world.setdefault(case.world, {})[case.day.month] = abs(case.error())
    rows = [[e[3], e[6], e[9], float(np.mean([e[m] for m in range(4, 12)]))]
            for e in per_world.values()]  # fmt: skip
    return [float(x) for x in np.mean(rows, axis=0)]


def _line(label: str, cases: list[Case]) -> str:
    groups = [[c for c in cases if c.held_out == held] for held in (False, True)]
    cells = [" ".join(f"{x:4.2f}" for x in _cells(g)) if g else "–" for g in groups]
    return f"{label:<28}{cells[0]:>20}   {cells[1]:>20}"


def sweep(files: list[Path], settings: list[str]) -> None:
    cases = [c for f in files for c in pickle.loads(f.read_bytes())]
    print(f"{'regel':<28}{'tuning 3/6/9/apr-nov':>20}   {'holdt ude':>20}")
    print(_line("som nu", cases))
    for setting in settings:
        name, value = setting.split("=")
        before = getattr(calibration, name)
        setattr(calibration, name, float(value))
        try:
            print(_line(setting, cases))
        finally:
            setattr(calibration, name, before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cap = sub.add_parser("capture")
    cap.add_argument("--year", type=int, required=True)
    cap.add_argument("--out", type=Path, required=True)
    cap.add_argument("--world", action="append", choices=sorted(WORLDS))
    sw = sub.add_parser("sweep")
    sw.add_argument("files", type=Path, nargs="+")
    sw.add_argument("--set", action="append", default=[], dest="settings")
    args = parser.parse_args()
    if args.command == "capture":
        cases = [c for n in args.world or list(WORLDS) for c in capture(n, args.year)]
        args.out.write_bytes(pickle.dumps(cases))
    else:
        sweep(args.files, args.settings)


if __name__ == "__main__":
    main()
