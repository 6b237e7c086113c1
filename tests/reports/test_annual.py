from __future__ import annotations

from decimal import Decimal

from ramme.reports.annual import build_annual, table_frame, table_steps, table_units
from ramme.reports.cells import format_cell
from ramme.reports.model import Paragraph, RowLevel, Suppressed
from tests.reports.sample import figures_2017, kr


def test_table_1_reproduces_the_2017_result_after_transfers() -> None:
    row = table_frame(figures_2017()).rows[0]
    assert row.cells[1:] == (kr(181064), kr(177489), kr(182819), kr(552), kr(183371))


def test_table_2_groups_lines_by_ladder_step_and_totals_them() -> None:
    table = table_steps(figures_2017())
    labels = [row.cells[0] for row in table.rows]
    assert labels == [
        "Forebyggende indsatser",
        "Foregribende indsatser",
        "Indgribende foranstaltninger",
        "Øvrige",
        "I alt",
    ]
    other = table.rows[3]
    assert other.cells[3] == kr(25490 + 270)
    total = table.rows[-1]
    assert total.level is RowLevel.TOTAL
    assert total.cells[1:] == table_frame(figures_2017()).rows[0].cells[1:]


def test_amounts_are_shown_in_thousands_danish_style() -> None:
    table = table_frame(figures_2017())
    shown = [
        format_cell(v, c.kind) for v, c in zip(table.rows[0].cells, table.columns, strict=True)
    ]
    assert shown[1:] == ["181.064", "177.489", "182.819", "552", "183.371"]


def test_units_of_fewer_than_five_children_are_suppressed() -> None:
    table = table_units(figures_2017())
    placements = next(r for r in table.rows if r.cells[0] == "Indgribende foranstaltninger")
    assert all(isinstance(c, Suppressed) and c.text == "<5" for c in placements.cells[1:])
    preventive = table.rows[0]
    assert preventive.cells[1:] == (140, 136, 133, 133)


def test_summary_states_the_overspend_against_the_corrected_budget() -> None:
    report = build_annual(figures_2017())
    blocks = report.sections[0].blocks
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    assert paragraphs == list(blocks)
    texts = [p.text for p in paragraphs]
    assert any("183,4 mio. kr." in t and "merforbrug på 5,9 mio. kr." in t for t in texts)
    assert Decimal(183371 - 177489) == Decimal(5882)
