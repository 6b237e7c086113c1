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


def test_printed_rows_add_to_the_true_total_rounded() -> None:
    table = printed_table(_table())
    shown = [format_cell(r.cells[1], TKR) for r in table.rows]
    assert shown == ["201", "200", "401"]  # the total as elsewhere; each row within 1


def test_groups_share_the_total_and_rows_their_subtotal() -> None:
    rows = (
        Row(("a", Decimal("441920.6"))), Row(("b", Decimal("0.4"))),
        Row(("Samlet", Decimal("441921.0")), RowLevel.SUBTOTAL),
        Row(("c", Decimal("1499.6"))), Row(("d", Decimal("1499.6"))),
        Row(("Samlet", Decimal("2999.2")), RowLevel.SUBTOTAL),
        Row(("I alt", Decimal("444920.2")), RowLevel.TOTAL),
    )  # fmt: skip
    table = printed_table(Table("T", (Column("x"), Column("kr.", ColumnKind.AMOUNT_KR)), rows))
    cells = [r.cells[1] for r in table.rows]
    values = [v for v in cells if isinstance(v, Decimal)]
    assert values == cells
    assert values[0] + values[1] == values[2] and values[3] + values[4] == values[5]
    assert values[2] + values[5] == values[6] == Decimal(444920)


def test_a_total_that_is_not_a_sum_keeps_its_value() -> None:
    rows = (Row(("a", Decimal(1000))), Row(("Difference", Decimal(5000)), RowLevel.TOTAL))
    table = printed_table(Table("T", (Column("x"), Column("y", TKR)), rows))
    assert table.rows[-1].cells[1] == Decimal(5000)


def test_excel_and_word_print_the_same_rounded_total() -> None:
    report = Report("Rapport", "Demo Kommune", (Section("Afsnit", (_table(),)),))
    book = load_workbook(io.BytesIO(RENDERERS["xlsx"].render(report)), data_only=False)
    sheet = book[book.sheetnames[1]]
    values = [sheet.cell(row=r, column=2).value for r in range(5, 7)]
    assert values == [201.0, 200.0]
    html = RENDERERS["html"].render(report).decode()
    assert ">401<" in html and ">402<" not in html
