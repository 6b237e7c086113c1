"""``ramme report monthly --as-of DATE``: the monthly follow-up (månedsrapport) from data.

Every figure comes from the function its web page uses: the follow-up table and the
action-plan rule from ``forecasts.services.followup.followup``, the effect table from
``plans.figures.effect_rows``/``area_rows``, indicator status from
``plans.figures.indicator_report`` and the recipients per month from the core indicator
function ``value_on`` (children in the area's measure types at each month end).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.conf import settings

from ramme.core.ladder import LadderStep, is_placement
from ramme.core.periods import Month
from ramme.core.plans.indicators import (
    IndicatorData,
    IndicatorDefinition,
    IndicatorKind,
    ended_within_year,
    months_between,
    started_within_year,
    value_on,
)
from ramme.core.records import MeasureType
from ramme.reports import charts
from ramme.reports.model import Chart, Report, Section
from ramme.web.benchmark import figures as benchmark_figures
from ramme.web.benchmark import sections as benchmark_sections
from ramme.web.forecasts.services import cache
from ramme.web.forecasts.services.followup import frame
from ramme.web.front.command_options import add_as_of, as_of_option
from ramme.web.plans import figures as plan_figures
from ramme.web.plans.loader import PlanData, plan_data_at_hand
from ramme.web.plans.models import ActionPlan, Indicator, IndicatorConclusion
from ramme.web.quality.services.findings import counts_by_rule
from ramme.web.quality.services.reconciliation import reconciliation
from ramme.web.reports.branding import branded
from ramme.web.reports.builders import monthly_stored
from ramme.web.reports.builders.monthly_appendix import RuleCount
from ramme.web.reports.builders.monthly_sections import (
    AreaFigures,
    IndicatorLine,
    MonthlyFigures,
    build_monthly,
)
from ramme.web.reports.builders.monthly_stored import DataFigures
from ramme.web.texts.elements import MONTHLY
from ramme.web.texts.read import period_of, saved_texts

RECIPIENT_MONTHS = 24
EVENT_MONTHS = 12
EVENT_KINDS = (("Underretninger", "underretning"), ("Børnefaglige undersøgelser", "undersoegelse"))


@dataclass(frozen=True)
class Area:
    """An area of the report: which catalogue types and which indicators belong to it."""

    name: str
    type_words: tuple[str, ...]  # a type belongs when its name contains one of these
    indicator_words: tuple[str, ...]  # an indicator belongs when its area contains one
    placements: bool = False  # the intervening step's placement types (anbringelser)
    rest_of: LadderStep | None = None  # the step's types no named area takes («øvrige»)

    def has_type(self, measure_type: MeasureType) -> bool:
        if self.rest_of is not None:
            named = (a for a in AREAS if a.rest_of is None)
            return measure_type.ladder_step is self.rest_of and not any(
                a.has_type(measure_type) for a in named
            )
        if self.placements:
            return is_placement(measure_type.ladder_step, measure_type.name)
        name = measure_type.name.casefold()
        return any(word in name for word in self.type_words)

    def has_indicator(self, indicator: Indicator) -> bool:
        area = indicator.area.casefold()
        return any(word in area for word in self.indicator_words)


AREAS = (
    Area("Anbringelser", (), ("anbring",), placements=True),
    # 001's «Øvrige områder under indgribende indsatser»: the step's types that are not
    # placements (counted among Anbringelser before); after them, as in 001
    Area("Øvrige indgribende foranstaltninger", (), ("øvrige indgribende",),
         rest_of=LadderStep.INTERVENING),
    Area("Kontaktpersoner", ("kontaktperson",), ("kontaktperson",)),
    Area("Aflastning", ("aflastning",), ("aflastning",)),
    Area("Familiebehandling", ("familiebehandling", "familiehus"), ("familiebehandling",)),
    Area("Dagbehandling", ("dagbehandling",), ("dagbehandling",)),
    # 001's «Øvrige områder under foregribende indsatser»: the step's remaining types
    Area("Øvrige foregribende indsatser", (), ("øvrige foregribende",),
         rest_of=LadderStep.ANTICIPATING),
)  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_as_of(parser)


def last_months(as_of: date, n: int) -> tuple[Month, ...]:
    last = Month.of(as_of)
    first = last
    for _ in range(n - 1):
        first = first.previous()
    return tuple(months_between(first, last))


def recipients(
    data: PlanData, area: Area, months: tuple[Month, ...], as_of: date
) -> tuple[int, ...]:
    """Children with an active measure of the area's types at each month end."""
    types = frozenset(code for code, t in data.types.items() if area.has_type(t))
    chosen = tuple(m for m in data.measures if m.measure_type in types)
    defn = IndicatorDefinition(IndicatorKind.CHILDREN, types)
    sample = IndicatorData(chosen, (), data.index)
    return tuple(int(value_on(defn, sample, month, as_of) or 0) for month in months)


def _children_behind(ind: Indicator, data: PlanData, as_of: date) -> int:
    """Children behind the indicator's latest value: the smallest non-zero group it uses."""
    defn, _ = plan_figures.indicator_core(ind)
    if defn.kind is IndicatorKind.AVERAGE_DURATION:  # the children whose measures ended
        sample = IndicatorData(data.measures, (), data.index)
        ended = ended_within_year(defn, sample, Month.of(as_of), as_of)
        return len({m.child_key for m in ended})
    if defn.kind is IndicatorKind.CHILDREN_STARTED:  # the children whose measures started
        sample = IndicatorData(data.measures, (), data.index)
        started = started_within_year(defn, sample, Month.of(as_of), as_of)
        return len({m.child_key for m in started})
    groups = [defn.measure_types]
    if defn.kind is IndicatorKind.SHARE:
        groups.append(defn.share_of_types | defn.measure_types)
    counts = []
    for types in groups:
        chosen = [m for m in data.measures if not types or m.measure_type in types]
        sample = IndicatorData(chosen, (), data.index)
        children = IndicatorDefinition(IndicatorKind.CHILDREN, types, defn.provider_kind)
        counts.append(int(value_on(children, sample, Month.of(as_of), as_of) or 0))
    return min((c for c in counts if c), default=0)


def _relevant(ind: Indicator, data: PlanData) -> PlanData:
    """``data`` with only the measures the indicator can look at (its types, and for a share
    the types it is a share of), so the plans' status function runs on fewer rows; the
    result is the same as on all of them."""
    defn, _ = plan_figures.indicator_core(ind)
    if not defn.measure_types:
        return data  # no types: the indicator looks at every measure
    types = defn.measure_types | defn.share_of_types
    chosen = tuple(m for m in data.measures if m.measure_type in types)
    return replace(data, measures=chosen)


def indicator_line(ind: Indicator, data: PlanData, as_of: date, conclusion: str) -> IndicatorLine:
    status = plan_figures.indicator_report(ind, _relevant(ind, data), as_of)
    latest = status.latest
    return IndicatorLine(
        name=ind.name,
        kind=IndicatorKind(ind.kind),
        baseline=status.baseline,
        goal=status.goal,
        value=None if latest is None else latest.value,
        achieved=status.achieved,
        children=_children_behind(ind, data, as_of),
        conclusion=conclusion,
    )


def conclusions(as_of: date) -> dict[int, str]:
    """Indicator id → the month's newest conclusion (delkonklusion)."""
    texts: dict[int, str] = {}
    rows = IndicatorConclusion.objects.filter(month=as_of.replace(day=1)).order_by("created_at")
    for indicator_id, text in rows.values_list("indicator_id", "text"):
        texts[indicator_id] = text  # newest last: it wins
    return texts


def effects(
    plans: list[ActionPlan], data: PlanData | None, as_of: date
) -> tuple[list[plan_figures.AreaRow], Any]:
    """The plans page's area table over every plan of the as-of year."""
    rows = []
    for plan in plans:
        assert data is not None  # loaded whenever there is a plan
        rows += plan_figures.effect_rows(plan, data, plan_figures.plan_as_of(plan, as_of))
    if not rows:
        return [], None
    return plan_figures.area_rows(rows)


def event_counts(data: PlanData, months: tuple[Month, ...], as_of: date) -> tuple[Any, ...]:
    sample = IndicatorData((), data.events, data.index)
    result = []
    for label, kind in EVENT_KINDS:
        defn = IndicatorDefinition(IndicatorKind.EVENTS, event_kind=kind)
        result.append((label, tuple(int(value_on(defn, sample, m, as_of) or 0) for m in months)))
    return tuple(result)


def plan_data() -> PlanData:
    """The plans pages' data, as they load it (``plan_data_at_hand``: the prepared dataset
    when this process holds it, else ``load_plan_data``, without the ledger)."""
    return plan_data_at_hand()


def data_figures(as_of: date) -> DataFigures:
    """The report's figures that rest on the data version alone (stored by the background
    task after new data, see ``monthly_stored``)."""
    data = plan_data()
    months = last_months(as_of, RECIPIENT_MONTHS)
    offer_months = benchmark_figures.months_to(as_of, EVENT_MONTHS)
    return DataFigures(
        recipients={area.name: recipients(data, area, months, as_of) for area in AREAS},
        events=event_counts(data, last_months(as_of, EVENT_MONTHS), as_of),
        reconciliation=reconciliation(as_of.year, as_of),
        offers=benchmark_figures.offers(as_of, offer_months),
        caseworkers=benchmark_figures.caseworkers(as_of, offer_months),
        casework=benchmark_figures.casework_figures(as_of, offer_months),
    )


def stored_data_figures(as_of: date) -> DataFigures:
    """``data_figures`` as stored for the data version (computed and stored when not)."""
    return monthly_stored.stored_or_built(as_of, data_figures, drawn_charts)


def _charts(report: Report) -> list[Chart]:
    return [b for s in report.sections for b in s.blocks if isinstance(b, Chart)]


def drawn_charts(as_of: date) -> dict[Chart, str]:
    """Every chart of the report on ``as_of`` drawn as the PDF and the page draw it: each
    rests on the stored figures alone (recipients, events, offers, casework)."""
    report = build({"as_of": as_of, "today": date.today()})
    return {chart: charts.svg(chart) for chart in _charts(report)}


def with_drawings(report: Report, drawn: dict[Chart, str]) -> Report:
    """``report`` with each chart drawn once for the data version carrying its drawing (a
    chart that differs, e.g. numbered anew after a text was written, is drawn again)."""

    def block(b: Any) -> Any:
        return replace(b, drawn=drawn[b]) if isinstance(b, Chart) and b in drawn else b

    sections = tuple(replace(s, blocks=tuple(block(b) for b in s.blocks)) for s in report.sections)
    return replace(report, sections=sections)


def _has_text(written: dict[tuple[str, str], str], area: Area) -> bool:
    return any(a == area.name for _, a in written)


@dataclass(frozen=True)
class _Edited:
    """What users edit between imports: indicators, plans, conclusions and texts, with the
    cases only when an indicator or a plan needs them."""

    indicators: list[Indicator]
    plans: list[ActionPlan]
    conclusions: dict[int, str]
    written: dict[tuple[str, str], str]
    data: PlanData | None

    def line(self, ind: Indicator, as_of: date) -> IndicatorLine:
        assert self.data is not None  # loaded whenever there is an indicator
        return indicator_line(ind, self.data, as_of, self.conclusions.get(ind.pk, ""))


def _edited(as_of: date) -> _Edited:
    indicators = list(Indicator.objects.all())
    plans = list(ActionPlan.objects.filter(year=as_of.year))
    data = plan_data() if indicators or plans else None
    written = saved_texts(MONTHLY, period_of(MONTHLY, as_of))
    return _Edited(indicators, plans, conclusions(as_of), written, data)


def _areas(
    edited: _Edited, stored_figures: DataFigures, as_of: date
) -> tuple[tuple[AreaFigures, ...], set[int]]:
    months = last_months(as_of, RECIPIENT_MONTHS)
    areas, placed = [], set[int]()
    for area in AREAS:
        mine = [i for i in edited.indicators if area.has_indicator(i) and i.pk not in placed]
        placed |= {i.pk for i in mine}
        lines = tuple(edited.line(i, as_of) for i in mine)
        counts = stored_figures.recipients[area.name]
        if area.rest_of is not None and not (
            any(counts) or lines or _has_text(edited.written, area)
        ):
            continue  # no other types on the step and nothing written: no empty chart
        areas.append(AreaFigures(area.name, months, counts, lines))
    return tuple(areas), placed


def monthly_figures(as_of: date, today: date) -> MonthlyFigures:
    fu = frame(as_of)  # the follow-up's table and rule, as ``followup(as_of)`` has them
    found = stored_data_figures(as_of)
    edited = _edited(as_of)
    areas, placed = _areas(edited, found, as_of)
    area_rows, total = effects(edited.plans, edited.data, as_of)
    others = [i for i in edited.indicators if i.pk not in placed]
    return MonthlyFigures(
        as_of=as_of,
        frame=str(getattr(settings, "FRAME_NAME", "") or "Bevillingsrammen"),
        municipality=str(settings.MUNICIPALITY_NAME),
        generated_on=today,
        table=fu.table,
        month_ends=tuple(m.as_of for m in fu.months),
        action_plan_required=fu.action_plan.required,
        action_plan_reason=fu.action_plan.reason,
        effects=tuple(area_rows),
        effect_total=total,
        areas=areas,
        other_indicators=tuple(edited.line(i, as_of) for i in others),
        event_months=last_months(as_of, EVENT_MONTHS),
        events=found.events,
        reconciliation=found.reconciliation,
        quality=tuple(RuleCount(rule, n, open_) for rule, n, open_ in counts_by_rule(as_of)),
        result_sign=-1 if str(getattr(settings, "RESULT_SIGN", "")) == "merforbrug-" else 1,
        approved=tuple(m.approved for m in fu.months),
        texts=edited.written,
        committee=str(getattr(settings, "COMMITTEE_NAME", "")),
    )


def build(options: dict[str, Any]) -> Report:
    as_of = as_of_option(options)
    with cache.one_version():  # every stored figure below reads the same data version
        report = build_monthly(monthly_figures(as_of, options["today"]))
        report = replace(report, sections=(*report.sections, *capacity_sections(as_of)))
        report = with_drawings(report, stored_data_figures(as_of).drawn)
    return replace(branded(report), meta={"as_of": as_of.isoformat()})


def capacity_sections(as_of: date) -> tuple[Section, ...]:
    """The internal-offer and casework pages' sections over the report's last 12 months."""
    months = benchmark_figures.months_to(as_of, EVENT_MONTHS)
    found = stored_data_figures(as_of)
    return (
        benchmark_sections.offers_section(as_of, months, found.offers, found.caseworkers),
        benchmark_sections.casework_section(as_of, months, work=found.casework),
    )
