"""Save a forecast as a snapshot and rebuild the Forecast from one (for the bridge)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
from django.db import transaction

from ramme.core.forecast import Components, Forecast, LineForecast, MeasureTable
from ramme.core.forecast.calibration import METHODS
from ramme.core.forecast.results import (
    COMPONENT_NAMES,
    REGISTRATION_FIELDS,
    CalibrationSummary,
    RegistrationDelays,
)
from ramme.web.accounts.audit import record_access
from ramme.web.accounts.models import AuditEvent, User
from ramme.web.data.shared_values import shared
from ramme.web.data.versions import latest_import_number
from ramme.web.forecasts.models import ForecastSnapshot

_COLUMNS = ("daily_price", "accrued", "committed", "expected", "days_to_date", "expected_days")


def measures_dict(table: MeasureTable) -> dict[str, list[Any]]:
    """The per-measure table as JSON-able columns."""
    out: dict[str, list[Any]] = {
        "measure_ids": list(table.measure_ids),
        "types": list(table.types),
        "activities": list(table.activities),
        "start": [int(x) for x in table.start],
        "known_end": [int(x) for x in table.known_end],
    }
    for name in _COLUMNS:
        out[name] = [float(x) for x in getattr(table, name)]
    return out


def snapshot_payload(fc: Forecast, payload: dict[str, Any]) -> dict[str, Any]:
    """What a snapshot stores: the public payload plus the detail the bridge needs."""
    return payload | {
        # the data version: the change to a later month can be explained from it
        "data_version": latest_import_number(),
        "simulations": fc.simulations,
        "expectations": fc.expectations,
        "inflow_by_type": fc.inflow_by_type,
        "measures": measures_dict(fc.measures),
    }


class SnapshotLocked(ValueError):
    """The month's forecast is approved; it cannot be saved over (Danish message)."""


def refuse_if_approved(as_of: date) -> None:
    snap = ForecastSnapshot.objects.filter(as_of=as_of, approved_at__isnull=False).first()
    if snap is not None and snap.approved_at is not None:
        raise SnapshotLocked(
            f"Prognosen pr. {as_of:%d.%m.%Y} er godkendt af {snap.approved_by or 'ukendt'} "
            f"{snap.approved_at:%d.%m.%Y} og er låst."
        )


@transaction.atomic
def save(fc: Forecast, payload: dict[str, Any], username: str = "") -> ForecastSnapshot:
    """Save (or replace) the snapshot of ``fc.as_of``: one per as-of date; never an
    approved one (it is locked)."""
    refuse_if_approved(fc.as_of)
    snap, created = ForecastSnapshot.objects.update_or_create(
        as_of=fc.as_of,
        defaults={
            "year": fc.year,
            "payload": snapshot_payload(fc, payload),
            "created_by": username,
        },
    )
    user = User.objects.filter(username=username).first() if username else None
    what = "gemt" if created else "erstattet"
    record_access(user, AuditEvent.Action.CHANGE, "snapshot", fc.as_of.isoformat(), what)
    return snap


def _line(row: dict[str, Any], activity: str, step: str) -> LineForecast:
    def d(key: str) -> Decimal:
        return Decimal(repr(row[key])).quantize(Decimal(1))

    comp = row.get("components", {})
    components = Components(*(Decimal(repr(comp.get(k, 0.0))) for k in COMPONENT_NAMES))
    return LineForecast(
        activity,
        step,
        d("budget"),
        d("adopted"),
        d("actual"),
        d("forecast"),
        d("p10"),
        d("p50"),
        d("p90"),
        components,
        row.get("method", ""),
    )


def _calibration(saved: dict[str, Any] | None) -> CalibrationSummary | None:
    """``CalibrationSummary.to_dict`` read back (older snapshots have none)."""
    if not saved:
        return None
    lines = saved["lines"]
    return CalibrationSummary(
        years=tuple(saved["years"]),
        methods=METHODS,
        weights={name: dict(v["weights"]) for name, v in lines.items()},
        case_based_ratio={name: v["case_based_ratio"] for name, v in lines.items()},
        switched={name: bool(v["switched"]) for name, v in lines.items()},
        case_based={name: v["case_based"] for name, v in lines.items()},
        band_scores=int(saved["band_scores"]),
    )


def rebuild(payload: dict[str, Any]) -> Forecast:
    """The Forecast a snapshot was saved from (figures rounded as saved), with its
    calibration, so a stored forecast shows on the line page as a fresh one does."""
    m = payload["measures"]
    table = MeasureTable(
        measure_ids=list(m["measure_ids"]),
        types=shared(m["types"]),  # a few dozen types and lines on every measure
        activities=shared(m["activities"]),
        start=np.array(m["start"], dtype=np.int64),
        known_end=np.array(m["known_end"], dtype=np.int64),
        **{name: np.array(m[name], dtype=np.float64) for name in _COLUMNS},
    )
    lines = tuple(_line(r, r["activity"], r["ladder_step"]) for r in payload["lines"])
    as_of = date.fromisoformat(payload["as_of"])
    return Forecast(
        as_of,
        int(payload["year"]),
        lines,
        _line(payload["total"], "I alt", ""),
        table,
        payload.get("expectations", {}),
        int(payload.get("simulations", 0)),
        payload.get("inflow_by_type", {}),
        _calibration(payload.get("calibration")),
        tuple(
            (a["measure_type"], int(a["went_on"]), int(a["stopped"]))
            for a in payload.get("age_limits_overruled", ())
        ),
        _registration(payload.get("registration")),
    )


def _registration(saved: dict[str, float] | None) -> RegistrationDelays | None:
    """``RegistrationDelays.to_dict`` read back (older snapshots have none)."""
    if not saved:
        return None
    return RegistrationDelays(**{name: float(saved[name]) for name in REGISTRATION_FIELDS})


def load(as_of: date) -> Forecast | None:
    """The saved forecast of ``as_of``, or None."""
    snap = ForecastSnapshot.objects.filter(as_of=as_of).first()
    return None if snap is None else rebuild(snap.payload)


def approved_on_or_before(day: date) -> ForecastSnapshot | None:
    """The latest approved snapshot up to ``day`` (the month close then in force)."""
    rows = ForecastSnapshot.objects.filter(as_of__lte=day, approved_at__isnull=False)
    return rows.order_by("-as_of").first()
