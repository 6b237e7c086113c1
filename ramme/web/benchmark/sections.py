"""The report sections of the three pages, built once from ``figures`` and shown alike by
the pages, the annual and monthly reports and the CLI. When an optional file is missing a
section says in plain Danish what to supply instead of showing an error."""

from __future__ import annotations

from datetime import date

from ramme.core.casework import Casework
from ramme.core.offers import CaseworkerLoad, OfferSeries
from ramme.core.periods import Month
from ramme.reports.benchmark import benchmark_blocks
from ramme.reports.casework import casework_blocks, has_events
from ramme.reports.model import Block, Paragraph, Section
from ramme.reports.offers import caseworker_table, offer_blocks
from ramme.web.benchmark import figures

ASK_POPULATION = (
    "Indlæs population.csv (year, age, count: kommunens indbyggere pr. 1. januar efter alder, "
    "som Danmarks Statistiks tabel FOLK1A giver dem) for at få kommunens tal pr. 1.000 børn."
)
ASK_BENCHMARK = (
    "Indlæs benchmark.csv (year, municipality, indicator, value, source) med andre kommuners "
    "og hele landets nøgletal, fx fra Danmarks Statistiks ANBAAR, BU04A og REGK31, for at se "
    "dem ved siden af kommunens egne. Nøgletallenes koder står i docs/benchmark.md."
)
ASK_STAFF = (
    "Indlæs staff.csv (provider_id, valid_from, valid_to, places, staff) for de interne tilbud "
    "for at se pladser, belægningsprocent og børn pr. medarbejder."
)
ASK_WAITING = (
    "Indlæs waiting.csv (child_id eller cpr, offer, since, until) for at se ventelisterne."
)
ASK_EVENTS = (
    "Indlæs events.csv med underretninger (kind underretning) og børnefaglige undersøgelser "
    "(kind undersoegelse) for at følge dem."
)
ASK_END_DATES = (
    "Giv undersøgelserne en end_date i events.csv (dagen undersøgelsen blev afsluttet) for at "
    "følge fristen på 4 måneder."
)
NO_INTERNAL = "Der er ingen interne leverandører (kind intern i providers.csv)."


def missing_benchmark_files(found: figures.BenchmarkFigures) -> tuple[str, ...]:
    """What to supply for the benchmark's missing figures, in plain Danish."""
    asks = ((ASK_POPULATION, found.missing_population), (ASK_BENCHMARK, found.missing_benchmark))
    return tuple(text for text, missing in asks if missing)


def benchmark_section(year: int, municipality: str, charts: bool = True) -> Section:
    found = figures.benchmark(year, municipality)
    asks = [Paragraph(text, emphasis=True) for text in missing_benchmark_files(found)]
    blocks = benchmark_blocks(found.comparisons, charts)
    years = figures.benchmark_years(year)
    return Section(f"Sammenligning med andre kommuner {years[0]}-{years[-1]}", (*asks, *blocks))


def offers_section(
    as_of: date,
    months: tuple[Month, ...],
    series: tuple[OfferSeries, ...] | None = None,
    loads: tuple[CaseworkerLoad, ...] | None = None,
) -> Section:
    """The internal offers' section; ``series`` and ``loads`` as stored for the data
    version when the caller has them (the monthly report), else computed here."""
    have = figures.supplied()
    asks: list[Block] = [
        Paragraph(text, emphasis=True)
        for text, ok in ((ASK_STAFF, have.staff), (ASK_WAITING, have.waiting))
        if not ok
    ]
    blocks = offer_blocks(figures.offers(as_of, months) if series is None else series)
    if not blocks:
        asks.append(Paragraph(NO_INTERNAL, emphasis=True))
    if loads is None:
        loads = figures.caseworkers(as_of, months)
    tail: tuple[Block, ...] = (
        (caseworker_table(loads),) if any(x.caseworkers for x in loads) else ()
    )
    return Section("Interne tilbud: pladser, belægning, venteliste og sagsbyrde",
                   (*asks, *blocks, *tail))  # fmt: skip


def casework_section(
    as_of: date, months: tuple[Month, ...], teams: bool = True, work: Casework | None = None
) -> Section:
    """The casework section; ``work`` as stored when the caller has it, else computed."""
    if work is None:
        work = figures.casework_figures(as_of, months)
    title = "Underretninger og børnefaglige undersøgelser"
    if not has_events(work):
        return Section(title, (Paragraph(ASK_EVENTS, emphasis=True),))
    asks: tuple[Block, ...] = () if work.has_end_dates else (Paragraph(ASK_END_DATES, True),)
    return Section(title, (*asks, *casework_blocks(work, teams)))
