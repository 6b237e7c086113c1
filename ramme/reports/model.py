"""The report document model: a report is sections of paragraphs, tables and charts.

Cells hold raw values (``Decimal`` kroner, ``int`` counts, shares as ``Decimal`` 0.05) and
the column's kind says how every format shows them, so a figure is computed once by the
builder and only formatted by the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path


class ColumnKind(StrEnum):
    """How a column's values are shown (and summed)."""

    TEXT = "text"
    AMOUNT_KR = "amount_kr"  # whole kroner: 1.175.000
    AMOUNT_TKR = "amount_tkr"  # 1.000 kr., as the annual accounts: 181.064
    AMOUNT_MIO = "amount_mio"  # mio. kr. with one decimal: 3,3
    COUNT = "count"  # children, units: 1.115
    RATE = "rate"  # a ratio with one decimal: 9,4 per 1.000, 8,5 children per person
    PERCENT = "percent"  # a share 0.05 shown as 5,0 %
    YEAR = "year"  # a calendar year: 2010, never 2.010

    @property
    def summable(self) -> bool:
        return self in SUMMABLE


SUMMABLE = frozenset(
    {ColumnKind.AMOUNT_KR, ColumnKind.AMOUNT_TKR, ColumnKind.AMOUNT_MIO, ColumnKind.COUNT}
)


class RowLevel(StrEnum):
    """A row's role: a heading above a group, a normal row, a subtotal or the total."""

    HEADING = "heading"
    NORMAL = "normal"
    SUBTOTAL = "subtotal"  # sums the normal rows since the last heading/subtotal
    TOTAL = "total"  # sums every normal row of the table


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A cell hidden because it concerns fewer than five children (diskretionering)."""

    text: str = "<5"


@dataclass(frozen=True, slots=True)
class Typed:
    """A number that brings its own kind, for a column whose rows differ (an indicator
    table: a count in one row, a share or an amount in the next). Excel stores it as a
    number with the kind's format, not as text."""

    value: Decimal | int
    kind: ColumnKind


Cell = str | Decimal | int | Suppressed | Typed | date | None


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    kind: ColumnKind = ColumnKind.TEXT
    width: int = 0  # relative width hint (0: automatic)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell, ...]
    level: RowLevel = RowLevel.NORMAL


@dataclass(frozen=True, slots=True)
class Table:
    """A numbered table (``Tabel 1. ...``) with an optional note below."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    note: str = ""
    sheet_name: str = ""  # Excel sheet name (max 31 characters); default from the title

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row.cells) != len(self.columns):
                raise ValueError(
                    f"{self.title}: row has {len(row.cells)} cells, not {len(self.columns)}"
                )


class ChartKind(StrEnum):
    BAR = "bar"  # one or more series side by side per category
    HBAR = "hbar"  # horizontal bars (long category names, e.g. activity lines)
    STACKED_BAR = "stacked_bar"
    LINE_BAND = "line_band"  # a line with a shaded band (e.g. a forecast interval)
    LINE_TARGET = "line_target"  # lines against a baseline and a target


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    values: tuple[Decimal | int | None, ...]  # None: a gap (no data or suppressed)


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart as data; :mod:`ramme.reports.charts` draws it the same for every format."""

    title: str
    kind: ChartKind
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""  # axis label, e.g. "1.000 kr." or "antal børn"
    band: tuple[Series, Series] | None = None  # low and high edge for LINE_BAND
    baseline: Decimal | int | None = None  # for LINE_TARGET
    target: Decimal | int | None = None  # for LINE_TARGET
    note: str = ""
    # the SVG as drawn once for the data version (a stored report's chart): not part of
    # what the chart is, so equal charts stay equal and the renderers need not draw it again
    drawn: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Text; ``runs`` (text, bold) when parts are bold, ``bullet`` for a list item."""

    text: str
    emphasis: bool = False
    runs: tuple[tuple[str, bool], ...] = ()
    bullet: bool = False

    def pieces(self) -> tuple[tuple[str, bool], ...]:
        return self.runs or ((self.text, self.emphasis),)


Block = Paragraph | Table | Chart


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    blocks: tuple[Block, ...] = ()
    level: int = 2  # 2 = chapter, 3 = sub-heading


@dataclass(frozen=True)
class Report:
    """One committee report; every renderer takes exactly this."""

    title: str
    municipality: str
    sections: tuple[Section, ...]
    subtitle: str = ""
    restricted: bool = False  # the management version with case-level lists
    generated_on: date | None = None
    logo: Path | None = None
    landscape: bool = False
    slug: str = "rapport"  # base of the file name
    meta: dict[str, str] = field(default_factory=dict)

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def charts(self) -> list[Chart]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]


RESTRICTED_NOTICE = "Fortroligt – ledelsesversion"
