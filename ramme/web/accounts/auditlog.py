"""The access log's search (søgning i adgangsloggen) for the head of department: filters
from the query string, the rows found, and the same rows as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from ramme.web.accounts.models import AuditEvent

PAGE_ROWS = 500
CSV_COLUMNS = ("tidspunkt", "bruger", "handling", "type", "nøgle", "detaljer")


@dataclass(frozen=True)
class LogQuery:
    """What to look for: user name, action, type, a key or text, and a date range."""

    username: str = ""
    action: str = ""
    text: str = ""
    start: date | None = None
    stop: date | None = None  # inclusive

    @classmethod
    def parse(cls, params: dict[str, str]) -> LogQuery:
        return cls(
            params.get("bruger", "").strip(),
            params.get("handling", "").strip() if params.get("handling") in _ACTIONS else "",
            params.get("tekst", "").strip(),
            _day(params.get("fra", "")),
            _day(params.get("til", "")),
        )

    def describe(self) -> str:
        parts = [f"{k}={v}" for k, v in vars(self).items() if v]
        return ", ".join(parts) or "alle"


_ACTIONS = set(AuditEvent.Action.values)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def search(query: LogQuery) -> QuerySet[AuditEvent]:
    rows = AuditEvent.objects.all()
    if query.username:
        rows = rows.filter(username__iexact=query.username)
    if query.action:
        rows = rows.filter(action=query.action)
    if query.text:
        rows = rows.filter(
            Q(object_key__icontains=query.text)
            | Q(object_type__icontains=query.text)
            | Q(detail__icontains=query.text)
        )
    zone = timezone.get_current_timezone()
    if query.start:
        rows = rows.filter(at__gte=datetime.combine(query.start, time.min, zone))
    if query.stop:
        rows = rows.filter(at__lt=datetime.combine(query.stop + timedelta(days=1), time.min, zone))
    return rows.order_by("-at", "-pk")


def as_csv(rows: QuerySet[AuditEvent]) -> str:
    """The rows as semicolon CSV (Excel in Danish opens it as columns)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for event in rows.iterator():
        at = timezone.localtime(event.at).strftime("%d.%m.%Y %H:%M:%S")
        writer.writerow(
            [at, event.username, event.get_action_display(), event.object_type,
             event.object_key, event.detail]
        )  # fmt: skip
    return out.getvalue()
