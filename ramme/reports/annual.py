"""The annual accounts report (regnskab), like the 2017 accounts of frame 30.46.

Table 1 the year's result for the frame, Table 2 the same by ladder step (and 2a by
activity line), Tables 3-4 the development of price per unit and units per 31 December over
four years, a chart of spending by activity, and the key figures per 1,000 children beside
other municipalities and the country (the benchmark page's blocks). Amounts in 1.000 kr.
as the original.
The builder only arranges figures it is given; the web layer fetches them once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ramme.core.benchmark import Comparison
from ramme.core.ladder import LADDER_CODES, LadderStep
from ramme.core.money import format_mio
from ramme.reports.benchmark import benchmark_blocks
from ramme.reports.cells import THOUSAND, total_row
from ramme.reports.development import CaseCost, StepYear
from ramme.reports.model import (
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
)
from ramme.reports.richtext import written_text
from ramme.reports.suppression import count_cell, derived_cell

UNMAPPED = "Ikke henført til aktivitet"
TKR = ColumnKind.AMOUNT_TKR


@dataclass(frozen=True, slots=True)
class LineFigures:
    """One activity line's figures for the year (kr.)."""

    name: str
    ladder_step: LadderStep | None  # None: postings not mapped to any line
    adopted: Decimal = Decimal(0)
    corrected: Decimal = Decimal(0)
    accounts: Decimal = Decimal(0)
    transfers: Decimal = Decimal(0)

    @property
    def result(self) -> Decimal:
        """Result after transfers: accounts plus what is carried over to next year."""
        return self.accounts + self.transfers


@dataclass(frozen=True)
class AnnualFigures:
    """Everything the annual report shows, fetched once."""

    year: int
    frame: str
    municipality: str
    lines: tuple[LineFigures, ...]
    frame_transfer: Decimal = Decimal(0)  # a transfer for the frame as a whole
    # per ladder step (its code) or own row (its label, e.g. «Småbørnsstøtte og
    # specialinstitutioner»), per year: Tables 3 and 4
    development: Mapping[str, Mapping[int, StepYear]] = field(default_factory=dict)
    generated_on: date | None = None
    corrected_note: str = ""
    expensive: tuple[CaseCost, ...] | None = None  # only in the restricted version
    benchmark: tuple[Comparison, ...] = ()  # the key figures beside other municipalities
    benchmark_missing: tuple[str, ...] = ()  # what to supply for the rest of them
    texts: Mapping[tuple[str, str], str] = field(default_factory=dict)  # (element, area)
    committee: str = ""  # ansvarligt udvalg

    def written(self, element: str, area: str = "", heading: str = "") -> tuple[Paragraph, ...]:
        """The economist's text for the element (and area), as report paragraphs."""
        return written_text(self.texts, element, area, heading)

    def total(self) -> LineFigures:
        def add(attr: str) -> Decimal:
            return sum((getattr(line, attr) for line in self.lines), Decimal(0))

        return LineFigures(
            self.frame,
            None,
            add("adopted"),
            add("corrected"),
            add("accounts"),
            add("transfers") + self.frame_transfer,
        )


def _money_columns(first: str, year: int) -> tuple[Column, ...]:
    return (
        Column(first),
        Column(f"Vedtaget budget {year}", TKR),
        Column(f"Korrigeret budget {year}", TKR),
        Column(f"Regnskab {year}", TKR),
        Column(f"Overført til budget {year + 1}", TKR),
        Column(f"Resultat {year} efter overførsler", TKR),
    )


def _money_row(label: str, f: LineFigures, level: RowLevel = RowLevel.NORMAL) -> Row:
    return Row((label, f.adopted, f.corrected, f.accounts, f.transfers, f.result), level)


def summary(figures: AnnualFigures) -> Section:
    t, y = figures.total(), figures.year
    variance = t.result - t.corrected
    word = "et merforbrug" if variance > 0 else "et mindreforbrug"
    return Section(
        "Sammendrag",
        (
            *((Paragraph(f"Ansvarligt udvalg: {figures.committee}"),) if figures.committee else ()),
            Paragraph(f"{figures.frame} viser følgende for regnskabsåret {y}:"),
            Paragraph(f"Det vedtagne budget var {format_mio(t.adopted)}"),
            Paragraph(f"Det seneste korrigerede budget er {format_mio(t.corrected)}"),
            Paragraph(f"Regnskabet for {y} viser et forbrug på {format_mio(t.accounts)}"),
            Paragraph(
                f"De planlagte overførsler fra {y} til {y + 1} udgør {format_mio(t.transfers)}"
            ),
            Paragraph(
                f"Resultatet for {y} efter overførsler er således på {format_mio(t.result)} "
                f"svarende til {word} på {format_mio(abs(variance))}",
                emphasis=True,
            ),
        ),
    )


def table_frame(figures: AnnualFigures) -> Table:
    return Table(
        f"Tabel 1. Årets resultat for {figures.frame}",
        _money_columns("Bevillingsramme (1.000 kr.)", figures.year),
        (_money_row(figures.frame, figures.total()),),
        note=figures.corrected_note,
        sheet_name="Tabel 1",
    )


def _step_figures(figures: AnnualFigures, step: LadderStep | None) -> LineFigures:
    lines = [line for line in figures.lines if line.ladder_step == step]
    sub = AnnualFigures(figures.year, "", "", tuple(lines))
    label = step.label if step is not None else UNMAPPED
    return LineFigures(
        label,
        step,
        *(getattr(sub.total(), a) for a in ("adopted", "corrected", "accounts", "transfers")),
    )


def _steps_present(figures: AnnualFigures) -> list[LadderStep | None]:
    present = {line.ladder_step for line in figures.lines}
    steps: list[LadderStep | None] = [s for s in LadderStep if s in present]
    return steps + ([None] if None in present else [])


def table_steps(figures: AnnualFigures) -> Table:
    columns = _money_columns("Aktiviteter på bevillingsrammen (1.000 kr.)", figures.year)
    rows = [
        _money_row(f.name, f) for f in (_step_figures(figures, s) for s in _steps_present(figures))
    ]
    if figures.frame_transfer:
        rows.append(
            Row(
                (
                    "Overført for rammen som helhed",
                    0,
                    0,
                    0,
                    figures.frame_transfer,
                    figures.frame_transfer,
                )
            )
        )
    rows.append(total_row("I alt", rows, tuple(c.kind for c in columns)))
    return Table(
        f"Tabel 2. Aktiviteterne på {figures.frame}",
        columns,
        tuple(rows),
        figures.corrected_note,
        "Tabel 2",
    )


def table_lines(figures: AnnualFigures) -> Table:
    columns = _money_columns("Aktivitet (1.000 kr.)", figures.year)
    kinds = tuple(c.kind for c in columns)
    rows: list[Row] = []
    for step in _steps_present(figures):
        group = [_money_row(f.name, f) for f in figures.lines if f.ladder_step == step]
        rows.append(Row((step.label if step else UNMAPPED, *[None] * 5), RowLevel.HEADING))
        rows.extend(group)
        rows.append(
            total_row(
                f"Samlet {(step.label if step else UNMAPPED).lower()}",
                group,
                kinds,
                RowLevel.SUBTOTAL,
            )
        )
    normal = [r for r in rows if r.level is RowLevel.NORMAL]
    rows.append(total_row("I alt", normal, kinds))
    return Table(
        "Tabel 2a. Regnskab fordelt på aktiviteter", columns, tuple(rows), sheet_name="Tabel 2a"
    )


def _years(figures: AnnualFigures) -> list[int]:
    return list(range(figures.year - 3, figures.year + 1))


def row_label(key: str) -> str:
    """A row of Tables 3-4: a ladder step by its label, an own row by its name."""
    return LadderStep(key).label if key in LADDER_CODES else key


NO_MEASURES = "ingen data"
NO_MEASURES_NOTE = (
    " «ingen data»: der er ingen indsatser registreret på aktiviteten (fx et tilbud, der"
    " betales med løn), så enheder og pris kan ikke opgøres."
)


def _unmeasured(key: str, cells: Mapping[int, StepYear]) -> bool:
    """An own row (not a ladder step) whose lines have no measures in any of the years."""
    return key not in LADDER_CODES and not any(
        c.units or c.unit_children or c.price_children for c in cells.values()
    )


def _note(figures: AnnualFigures, note: str) -> str:
    unmeasured = any(_unmeasured(k, c) for k, c in figures.development.items())
    return note + (NO_MEASURES_NOTE if unmeasured else "")


def table_prices(figures: AnnualFigures) -> Table:
    years = _years(figures)
    columns = (Column("Pris pr. helårssag (1.000 kr.)"), *(Column(str(y), TKR) for y in years))
    rows = [
        Row((row_label(key), *(NO_MEASURES if _unmeasured(key, cells)
                               else derived_cell(cells[y].price, cells[y].price_children)
                               for y in years)))
        for key, cells in figures.development.items()
    ]  # fmt: skip
    return Table(
        "Tabel 3. Udviklingen i prisniveau på aktiviteter",
        columns,
        tuple(rows),
        _note(figures, "Pris = udgift efter takster divideret med antal helårssager."
                       " «–»: færre end 5 børn."),
        "Tabel 3",
    )  # fmt: skip


def table_units(figures: AnnualFigures) -> Table:
    years = _years(figures)
    columns = (
        Column("Antal enheder pr. 31. december"),
        *(Column(str(y), ColumnKind.COUNT) for y in years),
    )
    rows = [
        Row((row_label(key), *(NO_MEASURES if _unmeasured(key, cells)
                               else count_cell(cells[y].units, cells[y].unit_children)
                               for y in years)))
        for key, cells in figures.development.items()
    ]  # fmt: skip
    totals = tuple(sum(cells[y].units for cells in figures.development.values()) for y in years)
    children = tuple(
        sum(cells[y].unit_children for cells in figures.development.values()) for y in years
    )
    rows.append(
        Row(
            ("I alt", *(count_cell(t, c) for t, c in zip(totals, children, strict=True))),
            RowLevel.TOTAL,
        )
    )
    return Table(
        "Tabel 4. Udviklingen i enheder pr. 31. december",
        columns,
        tuple(rows),
        _note(figures, "Enheder = aktive indsatser pr. 31. december. «<5»: færre end 5 børn."),
        "Tabel 4",
    )


def chart_activities(figures: AnnualFigures) -> Chart:
    lines = [line for line in figures.lines if line.accounts]
    return Chart(
        f"Regnskab {figures.year} fordelt på aktiviteter",
        ChartKind.HBAR,
        tuple(line.name for line in lines),
        (Series(f"Regnskab {figures.year}", tuple(line.accounts / THOUSAND for line in lines)),),
        unit="1.000 kr.",
    )


def table_expensive(figures: AnnualFigures) -> Table:
    columns = (
        Column("Indsats"),
        Column("Barn (nøgle)"),
        Column("Indsatstype"),
        Column("Trin"),
        Column(f"Årspris 31.12.{figures.year} (kr.)", ColumnKind.AMOUNT_KR),
        Column(f"Udgift {figures.year} (kr.)", ColumnKind.AMOUNT_KR),
    )
    rows = tuple(
        Row(
            (c.measure_id, c.child_key, c.measure_type, c.ladder_step.label, c.yearly_price, c.cost)
        )
        for c in figures.expensive or ()
    )
    return Table(
        f"De dyreste sager {figures.year}",
        columns,
        rows,
        "De aktive indsatser med den højeste årspris ved årets udgang; udgift efter takster. "
        "Kun i ledelsesversionen: oplysninger på sagsniveau.",
        "Dyreste sager",
    )


def benchmark_section(figures: AnnualFigures) -> Section | None:
    """The benchmark page's tables and charts for the four years, when there is any figure."""
    blocks = benchmark_blocks(figures.benchmark)
    if not blocks:
        return None
    asks = tuple(Paragraph(text) for text in figures.benchmark_missing)
    return Section(
        f"Sammenligning med andre kommuner {figures.year - 3}-{figures.year}", (*asks, *blocks)
    )


def _comments(figures: AnnualFigures) -> tuple[Paragraph, ...]:
    """Comments on the main activities, per ladder step (002's «Bemærkninger til ...»)."""
    out: list[Paragraph] = []
    for step in LadderStep:
        out += figures.written("activity_comments", step.label, step.label)
    return tuple(out)


def _written_sections(figures: AnnualFigures) -> list[Section]:
    sections = []
    for key, title in (("tasks", "Beskrivelse af opgaver"), ("goals", "Politiske målsætninger")):
        blocks = figures.written(key)
        if blocks:
            sections.append(Section(title, blocks))
    return sections


def _development_section(figures: AnnualFigures) -> Section:
    return Section(
        f"Udviklingen i prisniveau og enheder pr. 31. december {figures.year - 3}-{figures.year}",
        (table_prices(figures), table_units(figures), *figures.written("development_comments")),
    )


def build_annual(figures: AnnualFigures) -> Report:
    """The annual accounts report from figures fetched once."""
    economy: list[Paragraph | Table | Chart] = [
        *figures.written("economy_intro"),
        table_frame(figures),
        *figures.written("result_note"),
        table_steps(figures),
        table_lines(figures),
    ]
    comments = _comments(figures)
    sections = [
        summary(figures),
        *_written_sections(figures),
        Section("Økonomisk driftsramme", tuple(economy)),
        *([Section("Bemærkninger til de vigtigste aktiviteter", comments)] if comments else []),
        Section(
            "Grafisk oversigt over regnskabsresultatet",
            (
                Paragraph(
                    f"Regnskabet for {figures.frame} fordeler sig således på aktiviteter "
                    f"i {figures.year}:"
                ),
                chart_activities(figures),
            ),
        ),
    ]
    if figures.development:
        sections.append(_development_section(figures))
    comparison = benchmark_section(figures)
    if comparison is not None:
        sections.append(comparison)
    restricted = figures.expensive is not None
    if restricted:
        sections.append(Section("Dyreste sager (ledelsesversion)", (table_expensive(figures),)))
    return Report(
        title=f"Regnskab {figures.year}",
        subtitle=figures.frame,
        municipality=figures.municipality,
        sections=tuple(sections),
        generated_on=figures.generated_on,
        restricted=restricted,
        slug=f"regnskab-{figures.year}" + ("-ledelse" if restricted else ""),
    )
