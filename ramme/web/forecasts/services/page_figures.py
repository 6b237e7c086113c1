"""The figures the follow-up, line and case pages show beside the forecast (sidetal): simple
methods, explanations, ladder volumes, new and ended cases, the history chart's points and
drawings, and each line's case rows.

They are computed once per data version (by the background task after new data, or by the
first page that needs them) and stored with the forecast's row in the database, so every
gunicorn worker reads the same result and a warm page prepares no dataset arrays and
simulates nothing. Each process keeps what it read in a small memo keyed on the version.

The row holds them pickled (as Django's database cache does): only ramme writes the column,
and a row that cannot be read is computed again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max
from django.utils.safestring import SafeString

from ramme.core.forecast import Forecast, LineChange, Prepared, SimpleMethods, explain
from ramme.core.forecast import simple_methods as core_simple_methods
from ramme.web.accounts.disclosure import children_by_line
from ramme.web.forecasts.chart import HISTORY_TITLE, history_figure
from ramme.web.forecasts.models import ForecastSnapshot
from ramme.web.forecasts.services import cache, figures, pickled, stored

Points = list[tuple[date, Any, Any, Any]]  # (month end, forecast, P10, P90)
MAX_KEPT = 8  # dates a process keeps in memory per data version
VERSION = 2  # bump when PageFigures changes shape: older rows are computed again


@dataclass(frozen=True)
class PageFigures:
    """What the pages on one as-of date show that is not the forecast itself."""

    snapshots: object  # the saved snapshots the history was drawn from (see snapshot_key)
    methods: SimpleMethods
    explanation: tuple[LineChange, ...]
    volumes: dict[str, list[figures.StepVolume]]
    behind: figures.Behind  # children behind each volume figure (small-number rule)
    new: list[figures.CaseRow]
    ended: list[figures.CaseRow]
    expensive: list[figures.CaseRow]
    history: dict[str | None, Points]  # per line (None: the frame)
    charts: dict[str | None, SafeString]  # the frame's; every line's when built in the task
    line_rows: dict[str, list[dict[str, Any]]]  # per line, its measures by cost, highest first
    children: dict[str, frozenset[str]]  # per line, the children behind it (small numbers)


def snapshot_key(year: int) -> object:
    """A fingerprint of the year's saved and approved snapshots: saving or approving a month
    changes the history chart without a new data version."""
    rows = ForecastSnapshot.objects.filter(year=year)
    return tuple(rows.aggregate(n=Count("pk"), saved=Max("created_at"),
                                approved=Max("approved_at")).values())  # fmt: skip


def _line_rows(fc: Forecast) -> dict[str, list[dict[str, Any]]]:
    rows = sorted(fc.measures.rows(), key=lambda r: -r["year_cost"])
    out: dict[str, list[dict[str, Any]]] = {line.activity: [] for line in fc.lines}
    for row in rows:
        out.setdefault(row["activity"], []).append(row)
    return out


def build(
    prep: Prepared,
    fc: Forecast,
    history: Callable[[], dict[str | None, Points]],
    every_chart: bool = False,
) -> PageFigures:
    """Compute every figure from the prepared data, the as-of forecast and ``history`` (the
    frame's (None) and every line's points). ``every_chart``: draw each line's chart too
    (the background task; a page waiting on it draws only the frame's, and a line page its
    own from the stored points, see ``chart``)."""
    lines = [line.activity for line in fc.lines] if every_chart else []
    activities: list[str | None] = [None, *lines]
    points = history()
    budgets = {None: fc.total.budget} | {line.activity: line.budget for line in fc.lines}
    new, ended = figures.month_changes(prep, fc)
    return PageFigures(
        snapshots=snapshot_key(fc.as_of.year),
        methods=core_simple_methods(prep, fc.as_of, fc),
        explanation=explain(prep, fc),
        volumes=figures.ladder_volumes(prep, fc),
        behind=figures.volume_children(prep, fc),
        new=new,
        ended=ended,
        expensive=figures.most_expensive(prep, fc),
        history=points,
        charts={a: history_figure(HISTORY_TITLE, points[a], budgets[a]) for a in activities},
        line_rows=_line_rows(fc),
        children=children_by_line(fc),
    )


def encode(page: PageFigures) -> bytes:
    return pickled.encode(VERSION, page)


def decode(blob: bytes) -> PageFigures | None:
    """The stored figures, or None when they are of another shape (older code)."""
    return pickled.decode(blob, VERSION, PageFigures)


def _memo() -> dict[date, PageFigures]:
    # per data version, forgotten with the forecasts by ``cache.clear()``
    return cache.per_import("page_figures", dict)


def ready(as_of: date, simulations: int) -> PageFigures | None:
    """The figures on ``as_of`` when this process or any other computed them, else None."""
    memo, snaps = _memo(), snapshot_key(as_of.year)
    page = memo.get(as_of)
    if page is None or page.snapshots != snaps:
        blob = stored.load_figures(cache.data_version(), as_of, simulations, 0)
        page = decode(blob) if blob is not None else None
        if page is None or page.snapshots != snaps:
            return None
        if len(memo) >= MAX_KEPT:
            memo.pop(next(iter(memo)))
        memo[as_of] = page
    return page


def stored_or_built(
    fc: Forecast, simulations: int, prep: Callable[[], Prepared],
    history: Callable[[], dict[str | None, Points]], every_chart: bool = False,
    keep: bool = True,
) -> PageFigures:  # fmt: skip
    """The figures of ``fc`` (the stored as-of forecast) for the current data version: from
    this process's memo, else the database, else computed here and stored for the others
    (and kept in the memo unless ``keep`` is false: at all of Denmark they fill 0.5 GB)."""
    page = ready(fc.as_of, simulations)
    if page is None:
        page = build(prep(), fc, history, every_chart)
        stored.store_figures(cache.data_version(), fc.as_of, simulations, 0, encode(page))
        if keep:
            _memo()[fc.as_of] = page
    return page


def chart(page: PageFigures, activity: str, budget: Decimal) -> SafeString:
    """A line's history chart: as stored, else drawn once per process from the stored points
    (the figures were computed by a page, which drew only the frame's)."""
    if activity in page.charts:
        return page.charts[activity]
    points = page.history[activity]
    drawn: dict[object, SafeString] = cache.per_import("line_charts", dict)
    key = (activity, tuple(points), budget)  # what the drawing is made of
    if key not in drawn:
        drawn[key] = history_figure(HISTORY_TITLE, points, budget)
    return drawn[key]


def measure_row(page: PageFigures, measure_id: str) -> dict[str, Any] | None:
    """The case page's row of one measure (every line's rows are at hand)."""
    for rows in page.line_rows.values():
        for row in rows:
            if row["measure_id"] == measure_id:
                return row
    return None
