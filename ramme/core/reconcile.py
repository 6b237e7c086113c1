"""Reconciliation to the krone (afstemning): every posting of a year up to the as-of date
is in exactly one activity line, or listed as taken by no line with the reason why.

ledger total = Σ lines + Σ unmapped + difference, and the difference must be 0 kr.: a
posting mapped to a line the frame does not have would show up there. Each line's total is
also set beside the booked-to-date figure the forecast computes from its own columnar
ledger, so the economist can sign that the forecast starts from every krone of the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ramme.core.forecast.data import Prepared
from ramme.core.forecast.lag import booked
from ramme.core.forecast.results import kr
from ramme.core.periods import DateRange
from ramme.core.records import Dataset, Posting

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class MappingRule:
    """One row of activities.csv (konteringsregel); a blank field matches any value."""

    activity: str
    account: str = ""
    dranst: int | None = None
    cost_center: str = ""

    def matches(self, posting: Posting) -> bool:
        return (
            (not self.account or self.account == posting.account)
            and (self.dranst is None or self.dranst == posting.dranst)
            and (not self.cost_center or self.cost_center == posting.cost_center)
        )


@dataclass(frozen=True, slots=True)
class LineTotal:
    """What one activity line took: in total, linked to measures, and the rest."""

    activity: str
    ladder_step: str
    total: Decimal
    linked: Decimal  # postings that name a measure (indsats)
    count: int
    forecast: Decimal | None = None  # the forecast's booked to date, whole kroner

    @property
    def unlinked(self) -> Decimal:
        return self.total - self.linked

    @property
    def forecast_difference(self) -> Decimal | None:
        """Line total in whole kroner minus the forecast's booked figure (should be 0)."""
        return None if self.forecast is None else kr(float(self.total)) - self.forecast


@dataclass(frozen=True, slots=True)
class Unmapped:
    """A posting no activity line took, and why."""

    posting: Posting
    reason: str


@dataclass(frozen=True)
class Reconciliation:
    """The ledger of ``year`` up to ``as_of`` split over the frame's lines."""

    year: int
    as_of: date
    period: DateRange
    ledger_total: Decimal
    postings: int
    lines: tuple[LineTotal, ...]
    unmapped: tuple[Unmapped, ...]

    @property
    def lines_total(self) -> Decimal:
        return sum((line.total for line in self.lines), ZERO)

    @property
    def linked_total(self) -> Decimal:
        return sum((line.linked for line in self.lines), ZERO)

    @property
    def unmapped_total(self) -> Decimal:
        return sum((u.posting.amount for u in self.unmapped), ZERO)

    @property
    def difference(self) -> Decimal:
        """The unexplained rest (uforklaret): 0 kr. when every krone is accounted for."""
        return self.ledger_total - self.lines_total - self.unmapped_total

    @property
    def forecast_difference(self) -> Decimal | None:
        diffs = [line.forecast_difference for line in self.lines]
        if any(d is None for d in diffs):
            return None
        return sum((d for d in diffs if d is not None), ZERO)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of ``ramme reconcile --json`` (amounts in kroner as numbers)."""

        def num(value: Decimal | None) -> float | None:
            return None if value is None else float(value)

        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "postings": self.postings,
            "ledger_total": num(self.ledger_total),
            "lines": [
                {
                    "activity": ln.activity,
                    "ladder_step": ln.ladder_step,
                    "total": num(ln.total),
                    "linked": num(ln.linked),
                    "unlinked": num(ln.unlinked),
                    "postings": ln.count,
                    "forecast": num(ln.forecast),
                    "forecast_difference": num(ln.forecast_difference),
                }
                for ln in self.lines
            ],
            "lines_total": num(self.lines_total),
            "unmapped": [
                {
                    "posting_id": u.posting.posting_id,
                    "date": u.posting.date.isoformat(),
                    "account": u.posting.account,
                    "dranst": u.posting.dranst,
                    "cost_center": u.posting.cost_center,
                    "amount": num(u.posting.amount),
                    "text": u.posting.text,
                    "reason": u.reason,
                }
                for u in self.unmapped
            ],
            "unmapped_total": num(self.unmapped_total),
            "difference": num(self.difference),
            "forecast_difference": num(self.forecast_difference),
        }


def reconciliation_period(year: int, as_of: date) -> DateRange:
    """1 January of ``year`` to ``as_of`` (inclusive), at most the whole year."""
    start = date(year, 1, 1)
    last = min(as_of, date(year, 12, 31))
    return DateRange.inclusive(start, last) if last >= start else DateRange(start, start)


def unmapped_reason(
    posting: Posting, rules: Iterable[MappingRule], measure_lines: Mapping[str, str | None]
) -> str:
    """Why no activity line took ``posting`` (Danish, for the economist)."""
    if posting.measure_id:
        if posting.measure_id not in measure_lines:
            return f"indsatsen {posting.measure_id} findes ikke blandt indsatserne"
        return f"indsatsens type har ingen aktivitet ({posting.measure_id})"
    rules = list(rules)
    matching = next((r for r in rules if r.matches(posting)), None)
    if matching is not None:
        return (
            f"reglen for {matching.activity} passer nu, men posteringen er ikke henført: "
            "indlæs data igen"
        )
    if not any(not r.account or r.account == posting.account for r in rules):
        return f"funktion {posting.account} indgår ikke i konteringsreglerne"
    where = f"dranst {posting.dranst}"
    if posting.cost_center:
        where += f", omkostningssted {posting.cost_center}"
    return f"ingen konteringsregel for funktion {posting.account} passer på {where}"


@dataclass(frozen=True)
class LedgerSums:
    """A period's ledger as the reconciliation reads it: summed over all postings and per
    activity line (total, linked to a measure, count), and the postings no line took as
    records. From the records (``ledger_sums``) or summed by the database (the web app)."""

    total: Decimal
    count: int
    lines: Mapping[str, tuple[Decimal, Decimal, int]]
    unmapped: tuple[Posting, ...]


def ledger_sums(postings: Iterable[Posting], period: DateRange) -> LedgerSums:
    """``LedgerSums`` of the postings dated in ``period``."""
    lines: dict[str, tuple[Decimal, Decimal, int]] = {}
    unmapped, total, count = [], ZERO, 0
    for p in postings:
        if p.date not in period:
            continue
        total, count = total + p.amount, count + 1
        if p.activity is None:
            unmapped.append(p)
            continue
        line, linked, n = lines.get(p.activity, (ZERO, ZERO, 0))
        lines[p.activity] = (line + p.amount, linked + (p.amount if p.measure_id else 0), n + 1)
    return LedgerSums(total, count, lines, tuple(unmapped))


def reconcile(
    dataset: Dataset,
    rules: Iterable[MappingRule],
    year: int,
    as_of: date,
    forecast_booked: Mapping[str, Decimal] | None = None,
    sums: LedgerSums | None = None,
) -> Reconciliation:
    """Every posting dated from 1 January of ``year`` to ``as_of`` in a line or unmapped
    (``sums``: the period's ``LedgerSums``, summed from ``dataset.postings`` unless given)."""
    period = reconciliation_period(year, as_of)
    if sums is None:
        sums = ledger_sums(dataset.postings, period)
    rules = tuple(rules)
    named = {p.measure_id for p in sums.unmapped if p.measure_id}
    measure_lines = {
        m.measure_id: _type_line(dataset, m.measure_type)
        for m in dataset.measures
        if m.measure_id in named
    }
    unmapped = tuple(Unmapped(p, unmapped_reason(p, rules, measure_lines)) for p in sums.unmapped)
    lines = tuple(
        LineTotal(
            a.name,
            str(a.ladder_step),
            *sums.lines.get(a.name, (ZERO, ZERO, 0)),
            None if forecast_booked is None else forecast_booked.get(a.name, ZERO),
        )
        for a in dataset.activities
    )
    return Reconciliation(year, as_of, period, sums.total, sums.count, lines, unmapped)


def _type_line(dataset: Dataset, code: str) -> str | None:
    kind = dataset.measure_types.get(code)
    return kind.activity if kind is not None else None


def forecast_booked(prep: Prepared, period: DateRange) -> dict[str, Decimal]:
    """Booked per line in ``period`` as the forecast computes its actual (float ledger,
    rounded to whole kroner), so the two can be set side by side."""
    if period.days == 0:
        return dict.fromkeys(prep.activities, ZERO)
    first = period.start.toordinal()
    last = period.stop.toordinal() - 1
    values = booked(prep, first, last)
    return {name: kr(values[i]) for i, name in enumerate(prep.activities)}
