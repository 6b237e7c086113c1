"""The monthly budget follow-up (budgetopfølgning): the single place its figures are
computed. The page and the reports call these functions, so the numbers are the same
everywhere (one computation, cached per process); the year-end forecast itself, which
``ramme forecast`` and the API also read, is ``year_end``'s."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ramme.core.forecast import (
    Forecast,
    LineChange,
    Prepared,
    SimpleMethods,
    explain,
    simple_methods,
)
from ramme.core.forecast.bridge import Bridge, bridge
from ramme.core.periods import month_end
from ramme.core.plans.trigger import TriggerResult
from ramme.web.forecasts.models import ForecastSnapshot
from ramme.web.forecasts.services import cache, figures, known, page_figures, snapshots
from ramme.web.forecasts.services.table import Table, build_table
from ramme.web.forecasts.services.year_end import (
    action_plan,
    compute_forecast,
    default_simulations,
    forecast_payload,
)

MONTHS_SHOWN = 3
TOP_CASES = 10  # the follow-up page's most expensive cases
# Earlier month ends (the table's columns, the history chart) without a snapshot are the
# deterministic forecast: the same centre as with paths, a band from the calibration alone,
# at a fraction of the cost; only the as-of date is simulated.
EARLIER_SIMULATIONS = 0
BRIDGES_KEPT = 8  # month pairs a process keeps the bridge of


def earlier_month_ends(as_of: date, n: int = MONTHS_SHOWN - 1) -> list[date]:
    """The ``n`` month ends before ``as_of``'s month, oldest first, within its year."""
    days, day = [], as_of.replace(day=1)
    for _ in range(n):
        day = day - timedelta(days=1)
        days.append(day)
        day = day.replace(day=1)
    return [d for d in reversed(days) if d.year == as_of.year]


@dataclass(frozen=True)
class Month:
    as_of: date
    forecast: Forecast
    saved: bool  # from a saved snapshot (what was said then) or computed now
    approved_by: str = ""  # the month close: who approved the month's forecast
    approved_at: datetime | None = None

    @property
    def approved(self) -> bool:
        return self.approved_at is not None


def _saved_forecast(snap: ForecastSnapshot) -> Forecast:
    """The snapshot's forecast, rebuilt once per process and save (not on every page view:
    reading and rebuilding its payload cost more than the rest of a warm page)."""
    kept: dict[object, Forecast] = cache.per_import("saved_snapshots", dict)
    key = (snap.pk, snap.created_at)
    if key not in kept:
        payload = ForecastSnapshot.objects.values_list("payload", flat=True).get(pk=snap.pk)
        kept[key] = snapshots.rebuild(payload)
    return kept[key]


def month_forecast(day: date, seed: int = 0, known_at: int | None = None) -> Month:
    """The month's approved (or else saved) snapshot; else the stored deterministic one."""
    snap = ForecastSnapshot.objects.filter(as_of=day).defer("payload").first()
    if snap is not None:
        return Month(day, _saved_forecast(snap), True, snap.approved_by, snap.approved_at)
    fc = compute_forecast(day, simulations=EARLIER_SIMULATIONS, seed=seed, known_at=known_at)
    return Month(day, fc, False)


def year_month_ends(as_of: date) -> list[date]:
    """The month ends of ``as_of``'s year before its month (the history chart's points)."""
    return [month_end(date(as_of.year, m, 1)) for m in range(1, as_of.month)]


def needed_forecasts(as_of: date) -> list[tuple[date, int]]:
    """(date, simulations) of every forecast the follow-up and line pages on ``as_of`` read:
    the as-of date with its band, and each earlier month end without a snapshot."""
    days = year_month_ends(as_of)
    saved = set(ForecastSnapshot.objects.filter(as_of__in=days).values_list("as_of", flat=True))
    earlier = [(day, EARLIER_SIMULATIONS) for day in days if day not in saved]
    return [(as_of, default_simulations()), *earlier]


@dataclass(frozen=True)
class FollowUp:
    """Everything the follow-up page shows for one as-of date."""

    as_of: date
    forecast: Forecast
    payload: dict[str, Any]
    action_plan: TriggerResult
    months: tuple[Month, ...]  # earlier month ends, then the as-of date
    table: Table
    bridge: Bridge | None  # from the previous month's snapshot
    methods: SimpleMethods
    explanation: tuple[LineChange, ...]
    volumes: dict[str, list[figures.StepVolume]]
    new: list[figures.CaseRow]  # case level: filter before showing
    ended: list[figures.CaseRow]
    changes: list[figures.ChangeCount]
    known_at: int | None = None  # the data as known after this import; None: as it stands
    page: page_figures.PageFigures | None = None  # as stored, on the pages' own settings

    def most_expensive(self, n: int = TOP_CASES) -> list[figures.CaseRow]:
        """Case level (restricted to economists and heads): the caller checks access."""
        if self.page is not None and n == TOP_CASES:
            return self.page.expensive
        return figures.most_expensive(prepared_data(self.known_at), self.forecast, n)


def prepared_data(known_at: int | None = None) -> Prepared:
    """The forecast arrays of the data as it stands, or as known after import ``known_at``."""
    return cache.prepared() if known_at is None else known.prepared_known_at(known_at)


def is_stored(simulations: int | None, seed: int, known_at: int | None) -> bool:
    """Whether these are the pages' own settings, whose figures are stored per version."""
    sims = default_simulations() if simulations is None else simulations
    return known_at is None and seed == 0 and sims == default_simulations()


def stored_figures(
    as_of: date, every_chart: bool = False, keep: bool = True
) -> page_figures.PageFigures:
    """The pages' figures on ``as_of`` for the data as it stands, stored per data version
    (``every_chart``: with every line's chart drawn, as the background task stores them;
    ``keep=False``: the background task, which goes on to read the records, holds neither
    the month ends' forecasts once the history is drawn nor the figures once stored)."""
    fc = compute_forecast(as_of)

    def history() -> dict[str | None, list[tuple[date, Any, Any, Any]]]:
        points = fresh_histories(as_of)
        if not keep:
            cache.forget_forecasts(but=fc)
        return points

    return page_figures.stored_or_built(
        fc, fc.simulations, prepared_data, history, every_chart, keep
    )


@dataclass(frozen=True)
class _Parts:
    """The follow-up's figures computed from the prepared arrays (or read as stored)."""

    methods: SimpleMethods
    explanation: tuple[LineChange, ...]
    volumes: dict[str, list[figures.StepVolume]]
    new: list[figures.CaseRow]
    ended: list[figures.CaseRow]
    page: page_figures.PageFigures | None


def _parts(fc: Forecast, stored: bool, known_at: int | None) -> _Parts:
    if stored:
        page = stored_figures(fc.as_of)
        return _Parts(page.methods, page.explanation, page.volumes, page.new, page.ended,
                      page)  # fmt: skip
    prep = prepared_data(known_at)
    new, ended = figures.month_changes(prep, fc)
    return _Parts(simple_methods(prep, fc.as_of, fc), explain(prep, fc),
                  figures.ladder_volumes(prep, fc), new, ended, None)  # fmt: skip


def _bridge(before: Forecast, after: Forecast) -> Bridge:
    """``bridge(before, after)`` once per pair of forecasts this process holds: it walks
    every measure of both (a tenth of a second at Copenhagen size) on each page view.

    Kept beside the forecasts themselves and used only while both are the very objects
    given (a new snapshot or data version rebuilds them, so the pair no longer matches)."""
    kept: dict[object, tuple[Forecast, Forecast, Bridge]] = cache.per_import("bridges", dict)
    key = (before.as_of, after.as_of, after.simulations)
    held = kept.get(key)
    if held is None or held[0] is not before or held[1] is not after:
        if len(kept) >= BRIDGES_KEPT:
            kept.pop(next(iter(kept)))
        held = kept[key] = (before, after, bridge(before, after))
    return held[2]


@dataclass(frozen=True)
class Frame:
    """The follow-up's forecast with the earlier month ends beside it, their table and the
    action-plan rule: what the monthly report prints, without the pages' figures."""

    forecast: Forecast
    months: tuple[Month, ...]  # earlier month ends, then the as-of date
    table: Table
    action_plan: TriggerResult


def frame(
    as_of: date, *, simulations: int | None = None, seed: int = 0, known_at: int | None = None
) -> Frame:
    """The part of ``followup(as_of)`` that rests on the forecasts alone (the same figures:
    ``followup`` is built on it)."""
    fc = compute_forecast(as_of, simulations=simulations, seed=seed, known_at=known_at)
    earlier = [month_forecast(d, seed, known_at) for d in earlier_month_ends(as_of)]
    close = ForecastSnapshot.objects.filter(as_of=as_of, approved_at__isnull=False).first()
    current = Month(as_of, fc, False)
    if close is not None:  # the month is closed: show what was approved, not a recomputation
        current = Month(as_of, fc, True, close.approved_by, close.approved_at)
    table = build_table(fc, [m.forecast for m in earlier])
    return Frame(fc, (*earlier, current), table, action_plan(fc))


def followup(
    as_of: date, *, simulations: int | None = None, seed: int = 0, known_at: int | None = None
) -> FollowUp:
    """The follow-up on ``as_of``: forecast, months side by side, bridge, explanations;
    ``known_at``: on the data as known after that import (raises UnknownImport)."""
    core = frame(as_of, simulations=simulations, seed=seed, known_at=known_at)
    fc, earlier = core.forecast, core.months[:-1]
    parts = _parts(fc, is_stored(simulations, seed, known_at), known_at)
    return FollowUp(
        as_of=as_of,
        forecast=fc,
        payload=forecast_payload(fc),
        action_plan=core.action_plan,
        months=core.months,
        table=core.table,
        bridge=_bridge(earlier[-1].forecast, fc) if earlier else None,
        methods=parts.methods,
        explanation=parts.explanation,
        volumes=parts.volumes,
        new=parts.new,
        ended=parts.ended,
        changes=figures.change_counts(parts.new, parts.ended),
        known_at=known_at,
        page=parts.page,
    )


def history(
    activity: str | None, as_of: date, *, simulations: int | None = None, seed: int = 0
) -> list[tuple[date, Any, Any, Any]]:
    """A line's (or the frame's, ``None``) forecast, P10, P90 at each month end of the year
    up to ``as_of``: saved snapshots where there are any, else stored deterministic ones
    (the pages' own as read with their stored figures)."""
    if is_stored(simulations, seed, None):
        points = stored_figures(as_of).history
        if activity in points:
            return points[activity]
    return fresh_history(activity, as_of, simulations=simulations, seed=seed)


def _year_forecasts(as_of: date, simulations: int | None, seed: int) -> list[Forecast]:
    """The forecast at each month end of the year up to ``as_of`` (the history's points)."""
    return [
        compute_forecast(day, simulations=simulations, seed=seed)
        if day == as_of
        else month_forecast(day, seed).forecast
        for day in [*year_month_ends(as_of), as_of]
    ]


def fresh_history(
    activity: str | None, as_of: date, *, simulations: int | None = None, seed: int = 0
) -> list[tuple[date, Any, Any, Any]]:
    """``history`` read from each month's forecast (what the stored figures hold)."""
    out = []
    for fc in _year_forecasts(as_of, simulations, seed):
        line = fc.total if activity is None else fc.line(activity)
        out.append((fc.as_of, line.forecast, line.p10, line.p90))
    return out


def fresh_histories(as_of: date) -> dict[str | None, list[tuple[date, Any, Any, Any]]]:
    """``fresh_history`` of the frame (None) and of every line of ``as_of``'s forecast, each
    month's forecast read once for all of them."""
    months = _year_forecasts(as_of, None, 0)
    out: dict[str | None, list[tuple[date, Any, Any, Any]]] = {
        None: [(fc.as_of, fc.total.forecast, fc.total.p10, fc.total.p90) for fc in months]
    }
    for activity in (line.activity for line in months[-1].lines):
        lines = [(fc.as_of, fc.line(activity)) for fc in months]
        out[activity] = [(day, ln.forecast, ln.p10, ln.p90) for day, ln in lines]
    return out
