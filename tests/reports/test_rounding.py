"""The one rounding rule: every format prints rows that add to their printed totals."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from ramme.reports.cells import format_cell
from ramme.reports.model import Column, ColumnKind, Report, Row, RowLevel, Section, Table
from ramme.reports.renderers import RENDERERS
from ramme.reports.rounding import printed_table

TKR = ColumnKind.AMOUNT_TKR


def _table() -> Table:
    # 200,6 + 200,6 = 401,2: rounded one by one the rows print 201 + 201 against a total
    # of 401, the kind of difference committee readers find (441.921 + 0 vs 441.920)
    rows = (
        Row(("Opholdssted", Decimal("200600"))),
        Row(("Familiepleje", Decimal("200600"))),
        Row(("I alt", Decimal("401200")), RowLevel.TOTAL),
    )
    return Table("Tabel 9. Afrunding", (Column("Aktivitet"), Column("1.000 kr.", TKR)), rows)


def test_printed_totals_are_the_sum_of_the_printed_rows() -> None:
    table = printed_table(_table())
    shown = [format_cell(r.cells[1], TKR) for r in table.rows]
    assert shown == ["201", "201", "402"]


def test_a_total_that_is_not_a_sum_keeps_its_value() -> None:
    rows = (Row(("a", Decimal(1000))), Row(("Difference", Decimal(5000)), RowLevel.TOTAL))
    table = printed_table(Table("T", (Column("x"), Column("y", TKR)), rows))
    assert table.rows[-1].cells[1] == Decimal(5000)


def test_excel_and_word_print_the_same_rounded_total() -> None:
    report = Report("Rapport", "Demo Kommune", (Section("Afsnit", (_table(),)),))
    book = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(report)), data_only=False)
    sheet = book[book.sheetnames[1]]
    values = [sheet.cell(row=r, column=2).value for r in range(5, 7)]
    assert values == [201.0, 201.0]
    html = RENDERERS["html"].render(report).decode()
    assert "402" in html and "401" not in html
