"""The monthly report's appendix for the economist (bilag): the ledger reconciled to the
krone and the data-quality findings per rule. Figures arrive computed (the reconciliation
page's and ``ramme check-data``'s functions); this module only lays them out.

No case data: the reconciliation lists posting keys only, the findings are counts per rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from ramme.core.money import format_kr
from ramme.core.periods import format_date
from ramme.core.quality import Rule
from ramme.core.reconcile import Reconciliation
from ramme.reports.model import Column, ColumnKind, Paragraph, Row, RowLevel, Section, Table

MAX_UNMAPPED = 50  # a longer list belongs on the reconciliation page, not in print


@dataclass(frozen=True)
class RuleCount:
    rule: Rule
    findings: int
    open: int  # not explained


def reconciliation_section(r: Reconciliation) -> Section:
    text = (
        f"{r.postings} posteringer fra {format_date(r.period.start)} til {format_date(r.as_of)} "
        f"på i alt {format_kr(r.ledger_total)}; uforklaret difference {format_kr(r.difference)}"
    )
    blocks: list[Paragraph | Table] = [Paragraph(text), _lines_table(r), _summary_table(r)]
    if r.unmapped:
        blocks.append(_unmapped_table(r))
    else:
        blocks.append(Paragraph("Alle posteringer er henført til en aktivitet."))
    return Section(f"Bilag 1. Afstemning af regnskabet {r.year}", tuple(blocks))


def _lines_table(r: Reconciliation) -> Table:
    kr = ColumnKind.AMOUNT_KR
    columns = (
        Column("Aktivitet (kr.)", ColumnKind.TEXT, 22),
        Column("Bogført", kr, 13),
        Column("På indsatser", kr, 13),
        Column("Øvrige", kr, 13),
        Column("I prognosen", kr, 13),
        Column("Afvigelse", kr, 9),
    )
    rows = [
        Row((ln.activity, ln.total, ln.linked, ln.unlinked, ln.forecast, ln.forecast_difference))
        for ln in r.lines
    ]
    forecast = sum((ln.forecast or 0 for ln in r.lines), 0)
    rows.append(
        Row(
            ("I alt", r.lines_total, r.linked_total, r.lines_total - r.linked_total, forecast,
             r.forecast_difference),
            RowLevel.TOTAL,
        )
    )  # fmt: skip
    return Table(
        "Tabel B1. Regnskabet pr. aktivitet, på indsatser og øvrige",
        columns,
        tuple(rows),
        note=(
            "«I prognosen» er det bogførte, som prognosen regner med, i hele kr. pr. aktivitet "
            "(summen af afrundede beløb kan afvige fra den afrundede total); afvigelsen skal "
            "være 0."
        ),
        sheet_name="Afstemning",
    )


def _summary_table(r: Reconciliation) -> Table:
    return Table(
        "Tabel B2. Afstemning til kronen",
        (Column("", ColumnKind.TEXT, 30), Column("kr.", ColumnKind.AMOUNT_KR)),
        (
            Row(("Posteringer i alt", r.ledger_total)),
            Row(("Henført til aktiviteter", r.lines_total)),
            Row(("Ikke henført til en aktivitet", r.unmapped_total)),
            Row(("Uforklaret difference", r.difference)),
        ),
        sheet_name="Afstemning i alt",
    )


def _unmapped_table(r: Reconciliation) -> Table:
    shown = r.unmapped[:MAX_UNMAPPED]
    rows = tuple(
        Row((u.posting.posting_id, format_date(u.posting.date), u.posting.account,
             u.posting.amount, u.reason))
        for u in shown
    )  # fmt: skip
    more = len(r.unmapped) - len(shown)
    note = f"{more} flere på afstemningssiden." if more > 0 else ""
    return Table(
        "Tabel B3. Posteringer, som ingen aktivitet tog",
        (
            Column("Bilag", ColumnKind.TEXT),
            Column("Dato", ColumnKind.TEXT),
            Column("Funktion", ColumnKind.TEXT),
            Column("Beløb (kr.)", ColumnKind.AMOUNT_KR),
            Column("Årsag", ColumnKind.TEXT, 40),
        ),
        rows,
        note=note,
        sheet_name="Ikke henført",
    )


def quality_section(counts: tuple[RuleCount, ...], as_of_text: str) -> Section:
    rows = [Row((c.rule.title, c.findings, c.open)) for c in counts]
    rows.append(
        Row(
            ("I alt", sum(c.findings for c in counts), sum(c.open for c in counts)),
            RowLevel.TOTAL,
        )
    )
    table = Table(
        f"Tabel B4. Datakvalitet pr. {as_of_text}: fund pr. regel",
        (
            Column("Regel", ColumnKind.TEXT, 30),
            Column("Fund", ColumnKind.COUNT),
            Column("Ikke forklaret", ColumnKind.COUNT),
        ),
        tuple(rows),
        note="Antal fund (ikke antal børn); sagerne står på datakvalitetssiden (adgang logges).",
        sheet_name="Datakvalitet",
    )
    explanations = tuple(Paragraph(f"{c.rule.title}: {c.rule.explanation}") for c in counts)
    return Section("Bilag 2. Datakvalitet", (table, *explanations))
