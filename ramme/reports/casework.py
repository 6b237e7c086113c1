"""Notifications and child investigations as report blocks: a chart per month, the monthly
table, a table per team and year, and the key indicator «5 % færre børnefaglige
undersøgelser». Counts of 1-4 are shown as «<5», shares of them as «–»."""

from __future__ import annotations

from ramme.core.casework import TARGET_REDUCTION, Casework, CaseworkMonth, yearly
from ramme.core.money import format_percent
from ramme.core.periods import format_date
from ramme.reports.model import (
    Block,
    Cell,
    Chart,
    ChartKind,
    Column,
    ColumnKind,
    Row,
    RowLevel,
    Series,
    Table,
)
from ramme.reports.offers import axis_label, month_label
from ramme.reports.suppression import NOTE, chart_value, count_cell, derived_cell

DEADLINE_NOTE = (
    "Fulgt af undersøgelse: samme barn fik en børnefaglig undersøgelse inden for 4 måneder. "
    "Inden for fristen: afsluttet senest 4 måneder efter start (end_date i events.csv). "
)


def _columns(first: str) -> tuple[Column, ...]:
    return (
        Column(first, width=14),
        Column("Underretninger", ColumnKind.COUNT),
        Column("Fulgt af undersøgelse", ColumnKind.PERCENT),
        Column("Undersøgelser startet", ColumnKind.COUNT),
        Column("Undersøgelser afsluttet", ColumnKind.COUNT),
        Column("Afsluttet inden for 4 mdr.", ColumnKind.PERCENT),
        Column("Åbne over fristen", ColumnKind.COUNT),
    )


def month_cells(m: CaseworkMonth, with_deadline: bool) -> tuple[Cell, ...]:
    return (
        count_cell(m.notifications),
        derived_cell(m.followed_share, m.notifications),
        count_cell(m.started),
        count_cell(m.finished) if with_deadline else None,
        derived_cell(m.in_time_share, m.finished) if with_deadline else None,
        count_cell(m.overdue) if with_deadline else None,
    )


def month_table(work: Casework) -> Table:
    ends = work.has_end_dates
    rows = tuple(Row((month_label(m.month), *month_cells(m, ends))) for m in work.months)
    note = (
        DEADLINE_NOTE
        if work.has_end_dates
        else "events.csv har ingen end_date: fristen kan ikke følges. "
    )
    return Table("Underretninger og undersøgelser pr. måned", _columns("Måned"), rows,
                 note + NOTE, "Pr. måned")  # fmt: skip


def team_table(work: Casework) -> Table:
    rows: list[Row] = []
    for team, months in work.teams.items():
        rows.append(Row((team, *[None] * 6), RowLevel.HEADING))
        ends = work.has_end_dates
        rows += [Row((str(y.month.year), *month_cells(y, ends))) for y in yearly(months)]
    return Table("Pr. team og år", _columns("Team / år"), tuple(rows), NOTE, "Pr. team")


def indicator_table(work: Casework) -> Table:
    columns = (
        Column("År", width=8),
        Column("Opgjort til", width=12),
        Column("Undersøgelser", ColumnKind.COUNT),
        Column("Samme periode året før", ColumnKind.COUNT),
        Column("Ændring", ColumnKind.PERCENT),
        Column("Mål (højst)", ColumnKind.RATE),
        Column("Opfyldt", width=8),
    )
    rows = tuple(
        Row((str(y.year), format_date(y.through), count_cell(y.investigations),
             count_cell(y.previous), y.change, y.goal if y.previous else None,
             {True: "ja", False: "nej", None: ""}[y.achieved]))
        for y in work.indicator
    )  # fmt: skip
    return Table(
        f"Pejlemærke: {format_percent(TARGET_REDUCTION, 0)} færre børnefaglige undersøgelser",
        columns,
        rows,
        "Undersøgelser startet fra 1. januar til opgørelsesdagen mod samme periode året før.",
        "Pejlemærke",
    )


def chart(work: Casework) -> Chart:
    months = work.months
    return Chart(
        "Underretninger og børnefaglige undersøgelser pr. måned",
        ChartKind.LINE_BAND,
        tuple(axis_label(m.month, i, len(months)) for i, m in enumerate(months)),
        (
            Series("Underretninger", tuple(chart_value(m.notifications) for m in months)),
            Series("Undersøgelser startet", tuple(chart_value(m.started) for m in months)),
        ),
        unit="antal",
    )


def casework_blocks(work: Casework, teams: bool = True) -> tuple[Block, ...]:
    blocks: list[Block] = [chart(work), indicator_table(work), month_table(work)]
    if teams:
        blocks.append(team_table(work))
    return tuple(blocks)


def has_events(work: Casework) -> bool:
    return any(m.notifications or m.started for m in work.months)
