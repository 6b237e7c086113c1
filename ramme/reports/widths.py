"""Column widths from content, for Word (and the PDF's table layout hints).

Every column gets at least the width of its longest unbreakable piece (a whole number such
as ``4.547.320``, the longest word of a label), so nothing breaks mid-word; what room is
left goes to the columns that want more, in proportion. Widths are in centimetres.
"""

from __future__ import annotations

from ramme.reports.cells import format_cell
from ramme.reports.model import ColumnKind, Table

CHAR_CM = 0.2  # an average DejaVu Sans character at 8 pt (bold in headers), generous
PAD_CM = 0.5  # cell margins left and right (Word and LibreOffice: 0,19 cm each) and slack
TEXT_WANT = 40  # a label column wants at most this many characters on one line


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _needs(table: Table, col: int) -> tuple[float, float]:
    """(minimum, wanted) width of column ``col`` in centimetres."""
    kind = table.columns[col].kind
    texts = [format_cell(r.cells[col], kind) for r in table.rows]
    title = table.columns[col].title
    if kind is ColumnKind.TEXT:
        least = max([_longest_word(title), *(_longest_word(t) for t in texts)])
        want = max([least, *(min(len(t), TEXT_WANT) for t in texts)])
    else:
        least = max([_longest_word(title), *(len(t) for t in texts)])
        want = max(least, min(len(title), 14))
    return least * CHAR_CM + PAD_CM, want * CHAR_CM + PAD_CM


def column_widths(table: Table, available_cm: float) -> list[float]:
    """Widths that fill ``available_cm``: minimums first, the rest by what is wanted."""
    needs = [_needs(table, c) for c in range(len(table.columns))]
    least = [n for n, _ in needs]
    extra = [max(0.0, w - n) for n, w in needs]
    room = available_cm - sum(least)
    if room <= 0:
        return least
    wanted = sum(extra)
    if wanted <= room:  # everything fits: the label column (first) takes what is left
        widths = [n + e for n, e in zip(least, extra, strict=True)]
        widths[0] += room - wanted
        return widths
    return [n + e * room / wanted for n, e in zip(least, extra, strict=True)]
