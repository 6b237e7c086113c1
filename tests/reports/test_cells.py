from __future__ import annotations

from decimal import Decimal

from ramme.reports.cells import excel_value, format_cell, summed_rows, total_row
from ramme.reports.model import Column, ColumnKind, Row, RowLevel, Suppressed, Table
from ramme.reports.suppression import count_cell, derived_cell, is_small


def test_each_kind_has_a_danish_format() -> None:
    assert format_cell(Decimal("1175000"), ColumnKind.AMOUNT_KR) == "1.175.000"
    assert format_cell(Decimal("181064400"), ColumnKind.AMOUNT_TKR) == "181.064"
    assert format_cell(Decimal("-3300000"), ColumnKind.AMOUNT_MIO) == "-3,3"
    assert format_cell(1115, ColumnKind.COUNT) == "1.115"
    assert format_cell(Decimal("0.05"), ColumnKind.PERCENT) == "5,0 %"
    assert format_cell(2010, ColumnKind.YEAR) == "2010"
    assert format_cell(None, ColumnKind.COUNT) == ""


def test_excel_keeps_numbers_as_numbers_in_the_column_unit() -> None:
    assert excel_value(Decimal("181064400"), ColumnKind.AMOUNT_TKR) == 181064.4
    assert excel_value(3, ColumnKind.COUNT) == 3
    assert excel_value("tekst", ColumnKind.TEXT) == "tekst"


def test_small_numbers_are_suppressed_but_zero_is_shown() -> None:
    assert [is_small(n) for n in (0, 1, 4, 5)] == [False, True, True, False]
    assert format_cell(count_cell(3), ColumnKind.COUNT) == "<5"
    hidden = count_cell(7, children=2)
    assert isinstance(hidden, Suppressed) and hidden.text == "<5"
    assert count_cell(0) == 0
    assert format_cell(derived_cell(Decimal(500000), 4), ColumnKind.AMOUNT_TKR) == "–"
    assert derived_cell(Decimal(500000), 5) == Decimal(500000)


def test_subtotals_sum_their_group_and_the_total_sums_every_normal_row() -> None:
    columns = (Column("x"), Column("n", ColumnKind.COUNT))
    a, b, c = Row(("a", 1)), Row(("b", 2)), Row(("c", 4))
    sub1 = total_row("sub", [a, b], (ColumnKind.TEXT, ColumnKind.COUNT), RowLevel.SUBTOTAL)
    sub2 = total_row("sub", [c], (ColumnKind.TEXT, ColumnKind.COUNT), RowLevel.SUBTOTAL)
    total = total_row("I alt", [a, b, c], (ColumnKind.TEXT, ColumnKind.COUNT))
    head = Row(("g", None), RowLevel.HEADING)
    table = Table("t", columns, (head, a, b, sub1, head, c, sub2, total))
    assert summed_rows(table, 3) == [1, 2]
    assert summed_rows(table, 6) == [5]
    assert summed_rows(table, 7) == [1, 2, 5]
    assert (sub1.cells[1], sub2.cells[1], total.cells[1]) == (3, 4, 7)
