"""The monthly follow-up report (månedsrapport) arranged from its figures: no queries here.

Every figure arrives computed (``monthly.monthly_figures``); this module only lays the
figures out as sections, tables and charts, applying the small-number rule to every count
of children.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ramme.core.ladder import LadderStep
from ramme.core.money import format_mio
from ramme.core.periods import MONTH_ABBR_DA, Month, format_date
from ramme.core.plans.indicators import IndicatorKind
from ramme.core.reconcile import Reconciliation
from ramme.reports.model import (
    Cell,
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Paragraph,
    Report,
    Row,
    RowLevel,
    Section,
    Series,
    Table,
    Typed,
)
from ramme.reports.richtext import to_paragraphs, written_text
from ramme.reports.suppression import chart_value, count_cell, derived_cell, is_small
from ramme.web.forecasts.services.table import Row as LineRow
from ramme.web.forecasts.services.table import Table as FollowUpTable
from ramme.web.plans.figures import AreaRow
from ramme.web.reports.builders.monthly_appendix import (
    RuleCount,
    quality_section,
    reconciliation_section,
)

COUNT_KINDS = frozenset(
    {
        IndicatorKind.CHILDREN,
        IndicatorKind.MEASURES,
        IndicatorKind.EVENTS,
        IndicatorKind.NEW_MEASURES,
        IndicatorKind.CHILDREN_STARTED,
    }
)
SUPPRESSION_NOTE = "Tal for færre end 5 børn vises som «<5» eller udelades (diskretionering)."


@dataclass(frozen=True)
class IndicatorLine:
    """A key indicator (pejlemærke) as the report shows it; ``children`` is the number of
    children behind its latest value (for the small-number rule)."""

    name: str
    kind: IndicatorKind
    baseline: Decimal | None
    goal: Decimal | None
    value: Decimal | None
    achieved: bool | None
    children: int
    conclusion: str


@dataclass(frozen=True)
class AreaFigures:
    """One area (anbringelser, kontaktpersoner, ...): recipients per month and indicators."""

    name: str
    months: tuple[Month, ...]
    recipients: tuple[int, ...]  # children with an active measure of the area's types
    indicators: tuple[IndicatorLine, ...]


@dataclass(frozen=True)
class MonthlyFigures:
    as_of: date
    frame: str
    municipality: str
    generated_on: date
    table: FollowUpTable  # from followup(as_of): the follow-up page's table
    month_ends: tuple[date, ...]  # the months side by side, the as-of date last
    action_plan_required: bool
    action_plan_reason: str
    effects: tuple[AreaRow, ...]  # the plans' area table (empty: no plan this year)
    effect_total: AreaRow | None
    areas: tuple[AreaFigures, ...]
    other_indicators: tuple[IndicatorLine, ...]
    event_months: tuple[Month, ...]
    events: tuple[tuple[str, tuple[int, ...]], ...]  # (label, count per month)
    reconciliation: Reconciliation | None = None  # the appendix (bilag) for the economist
    quality: tuple[RuleCount, ...] = ()
    result_sign: int = 1  # -1: an overspend printed negative (budget − forecast), as in 001
    approved: tuple[bool, ...] = ()  # per month of ``month_ends``: an approved snapshot
    texts: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (element, area)
    committee: str = ""

    def written(self, element: str, area: str = "", heading: str = "") -> tuple[Paragraph, ...]:
        return written_text(self.texts, element, area, heading)


def month_label(month: Month) -> str:
    return f"{MONTH_ABBR_DA[month.month - 1]} {month.year % 100:02d}"


def summary(f: MonthlyFigures) -> Section:
    total = f.table.total
    verb = "merforbrug" if total.result > 0 else "mindreforbrug"
    text = (
        f"Pr. {format_date(f.as_of)} forventes et regnskab for {f.frame} på "
        f"{format_mio(total.forecast)} mod et korrigeret budget på "
        f"{format_mio(total.budget)}, dvs. et forventet {verb} på "
        f"{format_mio(abs(total.result))} (usikkerhedsbånd {format_mio(total.p10)} til "
        f"{format_mio(total.p90)})."
    )
    plan = "Handleplan er påkrævet." if f.action_plan_required else "Handleplan er ikke påkrævet."
    tkr = ColumnKind.AMOUNT_TKR
    table = Table(
        "Tabel 1. Forventet resultat for rammen (1.000 kr.)",
        (Column("", ColumnKind.TEXT, 30), Column("1.000 kr.", tkr, 10)),
        (
            Row(("Korrigeret budget", total.budget)),
            Row(("Bogført til dato", total.actual)),
            Row(("Forventet regnskab (prognose)", total.forecast)),
            Row(("Forventet merforbrug (+) / mindreforbrug (−)", total.result)),
        ),
        sheet_name="Sammendrag",
    )
    blocks = (Paragraph(text), Paragraph(plan, emphasis=True), Paragraph(f.action_plan_reason))
    committee = (Paragraph(f"Ansvarligt udvalg: {f.committee}"),) if f.committee else ()
    return Section("Sammendrag: forventet resultat", (*committee, *blocks, table))


def written_sections(f: MonthlyFigures) -> tuple[Section, ...]:
    """001's opening: the introduction, the challenges, and each step of the ladder."""
    sections = []
    for key, title in (("intro", "Indledning"), ("challenges", "Udfordringerne")):
        blocks = f.written(key)
        if blocks:
            sections.append(Section(title, blocks))
    ladder = [p for step in LadderStep for p in f.written("ladder_area", step.label, step.label)]
    if ladder:
        sections.append(Section("Områderne", tuple(ladder)))
    return tuple(sections)


def effect_section(f: MonthlyFigures) -> Section:
    title = "Handleplanens økonomiske effekt"
    if f.effect_total is None:
        none = Paragraph(f"Der er ingen handleplan for {f.as_of.year}.")
        return Section(title, (none, *f.written("effect_note", heading="Beregningsforudsætninger")))
    mio = ColumnKind.AMOUNT_MIO
    status = f"Status pr. {format_date(f.as_of)}"
    columns = (
        Column("Handleplan (mio. kr.)", ColumnKind.TEXT, 30),
        Column("Forventet effekt", mio),
        Column("Forventet til dato", mio),
        Column(status, mio),
        Column("Difference", mio),
    )
    rows = [
        Row((a.area, a.expected_year, a.expected_to_date, a.realised, a.difference))
        for a in f.effects
    ]
    t = f.effect_total
    rows.append(
        Row((t.area, t.expected_year, t.expected_to_date, t.realised, t.difference), RowLevel.TOTAL)
    )
    note = (
        "Forventet effekt er handleplanens skøn pr. måned; status er den realiserede effekt "
        "beregnet af handleplanssiden (kontrafaktisk minus faktisk udgift). Difference = "
        "forventet effekt i året − status."
    )
    table = Table("Tabel 2. Forventet og realiseret effekt af handlingerne", columns,
                  tuple(rows), note=note, sheet_name="Handleplanseffekt")  # fmt: skip
    return Section(title, (table, *f.written("effect_note", heading="Beregningsforudsætninger")))


def _line_cells(row: LineRow, sign: int = 1) -> tuple[Cell, ...]:
    return (row.activity, row.budget, row.actual, *row.forecasts, sign * row.result)


def result_label(sign: int) -> str:
    return "+ er merforbrug" if sign > 0 else "− er merforbrug"


def _month_results(f: MonthlyFigures) -> Row:
    """001's last row: the expected result of each month's forecast, one per column."""
    total = f.table.total
    per_month = [None if x is None else f.result_sign * x for x in total.results]
    return Row((f"Forventet resultat ({result_label(f.result_sign)})", None, None, *per_month,
                f.result_sign * total.result))  # fmt: skip


def _month_title(f: MonthlyFigures, i: int, day: date) -> str:
    approved = i < len(f.approved) and f.approved[i]
    return f"Prognose {MONTH_ABBR_DA[day.month - 1]}." + (" (godkendt)" if approved else "")


def budget_section(f: MonthlyFigures) -> Section:
    tkr = ColumnKind.AMOUNT_TKR
    months = [Column(_month_title(f, i, d), tkr) for i, d in enumerate(f.month_ends)]
    columns = (
        Column(f"Indsatstrappen (1.000 kr.) {f.as_of.year}", ColumnKind.TEXT, 30),
        Column("Korr. budget", tkr),
        Column("Bogført", tkr),
        *months,
        Column("Forv. resultat", tkr),
    )
    width = len(columns)
    rows: list[Row] = []
    for group in f.table.groups:
        rows.append(Row((group.label, *([None] * (width - 1))), RowLevel.HEADING))
        rows += [Row(_line_cells(r, f.result_sign)) for r in group.rows]
        rows.append(Row(_line_cells(group.subtotal, f.result_sign), RowLevel.SUBTOTAL))
    rows.append(Row(_line_cells(f.table.total, f.result_sign), RowLevel.TOTAL))
    rows.append(_month_results(f))
    note = (
        "Samme tal som budgetopfølgningssiden og «ramme forecast». Forventet resultat = "
        + ("prognose − korrigeret budget (+ er merforbrug). " if f.result_sign > 0
           else "korrigeret budget − prognose (− er merforbrug). ")
        + "Tidligere måneders prognoser er de godkendte (eller gemte) opgørelser, hvor de findes."
    )  # fmt: skip
    table = Table("Tabel 3. Budget og forventet forbrug pr. aktivitet", columns, tuple(rows),
                  note=note, sheet_name="Budgetopfølgning")  # fmt: skip
    blocks: tuple[Paragraph | Table, ...] = (
        *f.written("economic_status"), table, *f.written("budget_notes"),
        *f.written("closing", heading="Øvrige bemærkninger"),
    )  # fmt: skip
    return Section("Budget og forventet forbrug", blocks)


NO_DATA = "ingen data"


def has_data(line: IndicatorLine) -> bool:
    """A measured value against a baseline; nothing counted in either is no data, not a
    goal reached (0 children against a goal of 0 is not "Opfyldt")."""
    if line.value is None or line.baseline is None:
        return False
    return not (line.baseline == 0 and line.value == 0)


def _indicator_value(line: IndicatorLine, value: Decimal | None) -> Cell:
    """A typed number (Excel keeps it a number): a count, a share or an amount."""
    if value is None:
        return NO_DATA
    if line.kind in COUNT_KINDS:
        count = count_cell(int(value.to_integral_value()))
        return Typed(count, ColumnKind.COUNT) if isinstance(count, int) else count
    shown = derived_cell(value, line.children)
    if not isinstance(shown, Decimal):
        return shown
    if line.kind is IndicatorKind.SHARE:
        return Typed(shown, ColumnKind.PERCENT)
    if line.kind is IndicatorKind.AVERAGE_DURATION:  # days, not kroner
        return Typed(shown.quantize(Decimal(1)), ColumnKind.COUNT)
    return Typed(shown.quantize(Decimal(1)), ColumnKind.AMOUNT_KR)


def _achieved(line: IndicatorLine) -> str:
    if not has_data(line):
        return NO_DATA
    return {True: "Opfyldt", False: "Ikke opfyldt", None: NO_DATA}[line.achieved]


def indicator_table(title: str, lines: tuple[IndicatorLine, ...]) -> Table:
    columns = (
        Column("Pejlemærke", ColumnKind.TEXT, 30),
        Column("Basis", ColumnKind.TEXT),
        Column("Mål", ColumnKind.TEXT),
        Column("Status", ColumnKind.TEXT),
        Column("Vurdering", ColumnKind.TEXT),
    )
    rows = tuple(
        Row((x.name, _indicator_value(x, x.baseline), _indicator_value(x, x.goal),
             _indicator_value(x, x.value), _achieved(x)))
        for x in lines
    )  # fmt: skip
    note = "Basis er gennemsnittet over basisperioden; status er seneste måling. " + (
        SUPPRESSION_NOTE
    )
    return Table(title, columns, rows, note=note)


def _conclusions(
    lines: tuple[IndicatorLine, ...], as_of: date, area: tuple[Paragraph, ...] = ()
) -> tuple[Paragraph, ...]:
    """The month's conclusion (delkonklusion): the area's own text, then each indicator's
    under its name (the name a heading, never "name: Delkonklusion: ...")."""
    if not lines and not area:
        return ()
    written: list[Paragraph] = list(area)
    for x in lines:
        if x.conclusion.strip():
            written += [Paragraph(x.name, emphasis=True), *to_paragraphs(x.conclusion)]
    head = Paragraph(f"Delkonklusion for {Month.of(as_of).label()}", emphasis=True)
    return (head, *(written or [Paragraph("Der er ikke skrevet en delkonklusion for måneden.")]))


def area_section(area: AreaFigures, number: int, f: MonthlyFigures) -> Section:
    values = tuple(chart_value(n) for n in area.recipients)
    hidden = any(is_small(n) for n in area.recipients)
    chart = Chart(
        f"Figur {number}. Antal modtagere – {area.name.lower()}",
        ChartKind.BAR,
        tuple(month_label(m) for m in area.months),
        (Series("Antal modtagere", values),),
        unit="antal børn",
        note="Børn med en aktiv indsats ved månedens udgang."
        + (" Måneder med færre end 5 børn er udeladt." if hidden else ""),
    )
    name = area.name
    blocks: list[Paragraph | Table | Chart] = [
        *f.written("marked_by", name, f"{name} har været præget af:"),
        *f.written("plan_actions", name, "Handleplanen:"),
        *f.written("indicator_text", name, "Pejlemærker:"),
        chart,
    ]
    if area.indicators:
        blocks.append(indicator_table(f"Pejlemærker – {name.lower()}", area.indicators))
    blocks += _conclusions(area.indicators, f.as_of, f.written("conclusion", name))
    return Section(name, tuple(blocks), level=3)


def events_section(f: MonthlyFigures, number: int) -> Section:
    columns = (
        Column("Måned", ColumnKind.TEXT, 16),
        *(Column(label, ColumnKind.COUNT) for label, _ in f.events),
    )
    rows = [
        Row((m.label(), *(count_cell(counts[i]) for _, counts in f.events)))
        for i, m in enumerate(f.event_months)
    ]
    rows.append(
        Row(("I alt", *(count_cell(sum(counts)) for _, counts in f.events)), RowLevel.TOTAL)
    )
    table = Table("Tabel 4. Underretninger og børnefaglige undersøgelser pr. måned", columns,
                  tuple(rows), note=SUPPRESSION_NOTE, sheet_name="Underretninger")  # fmt: skip
    chart = Chart(
        f"Figur {number}. Underretninger og børnefaglige undersøgelser pr. måned",
        ChartKind.BAR,
        tuple(month_label(m) for m in f.event_months),
        tuple(Series(label, tuple(chart_value(n) for n in counts)) for label, counts in f.events),
        unit="antal",
    )
    area = "Underretninger"  # 001's first area: notifications, on the preventive step
    blocks: list[Paragraph | Table | Chart] = [
        *f.written("marked_by", area, "Underretninger har været præget af:"),
        *f.written("plan_actions", area, "Handleplanen:"),
        *f.written("indicator_text", area, "Pejlemærker:"),
        table,
        chart,
    ]
    if f.other_indicators:
        blocks.append(indicator_table("Øvrige pejlemærker", f.other_indicators))
    blocks += _conclusions(f.other_indicators, f.as_of, f.written("conclusion", area))
    return Section("Underretninger og børnefaglige undersøgelser", tuple(blocks))


def appendix(f: MonthlyFigures) -> tuple[Section, ...]:
    """The reconciliation and the data-quality findings, when the figures carry them."""
    sections = []
    if f.reconciliation is not None:
        sections.append(reconciliation_section(f.reconciliation))
    if f.quality:
        sections.append(quality_section(f.quality, format_date(f.as_of)))
    return tuple(sections)


def build_monthly(f: MonthlyFigures) -> Report:
    """The report of the September 2019 follow-up, for ``f.as_of``."""
    areas = tuple(area_section(a, i, f) for i, a in enumerate(f.areas, start=1))
    sections = (
        *written_sections(f),
        summary(f),
        effect_section(f),
        budget_section(f),
        Section("Indsatsområderne", (Paragraph(SUPPRESSION_NOTE),)),
        *areas,
        events_section(f, len(f.areas) + 1),
        *appendix(f),
    )
    return Report(
        title=f"Månedsrapport – {f.frame}",
        subtitle=f"Budgetopfølgning pr. {format_date(f.as_of)}",
        municipality=f.municipality,
        sections=sections,
        generated_on=f.generated_on,
        slug=f"maanedsrapport-{f.as_of.isoformat()}",
    )
