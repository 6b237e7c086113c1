"""Which figures a user may not see (diskretionering), primary and secondary.

A figure summed over cases is shown to a user who may not see all of them only if the cases
she cannot see number at least five (the reports' small-number rule); a figure resting on
1-4 of them is hidden (primær diskretionering). A hidden figure in a group whose total is
shown would come back as the total minus the shown figures, so more figures are hidden until
what the difference tells is itself a sum over at least five unseen cases in at least two
figures (sekundær diskretionering). Her own cases never count: she knows those figures.

Cells are keyed by anything hashable; the cases behind a cell are ids (children, say) so
that a case behind two cells is counted once. ``visible`` ``None`` means she sees every case.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Set
from dataclasses import dataclass
from typing import Generic, TypeVar

MIN_CASES = 5

K = TypeVar("K", bound=Hashable)
G = TypeVar("G", bound=Hashable)


def unseen(cases: Set[str], visible: Set[str] | None) -> frozenset[str]:
    """The cases behind a figure that the user may not see."""
    return frozenset() if visible is None else frozenset(cases - visible)


def is_disclosive(cases: Set[str], visible: Set[str] | None, minimum: int = MIN_CASES) -> bool:
    """True when a figure over ``cases`` tells the user about 1-4 cases she may not see."""
    return 0 < len(unseen(cases, visible)) < minimum


@dataclass(frozen=True)
class Disclosure(Generic[K]):
    """The cells of one group to hide, and whether the group's total must be hidden too."""

    hidden: frozenset[K]
    total_hidden: bool


def hidden_cells(
    cells: Mapping[K, Set[str]], visible: Set[str] | None, minimum: int = MIN_CASES
) -> Disclosure[K]:
    """Primary and secondary suppression of one group of cells with a shown total.

    The cells with 1-4 unseen cases are hidden; while the hidden cells are a single cell, or
    together rest on fewer than ``minimum`` unseen cases, the cell with the fewest unseen
    cases is hidden as well (the next-smallest, ties by key). When the whole group rests on
    1-4 unseen cases no choice protects it: every cell with unseen cases is hidden and so is
    the total (the caller hides it, or treats it as a hidden cell one level up).
    """
    behind = {key: unseen(cases, visible) for key, cases in cells.items()}
    everyone = frozenset().union(*behind.values())
    if 0 < len(everyone) < minimum:
        return Disclosure(frozenset(k for k, c in behind.items() if c), True)
    hidden = {k for k, c in behind.items() if 0 < len(c) < minimum}
    while hidden and not _protected(hidden, behind, minimum):
        rest = [k for k, c in behind.items() if c and k not in hidden]
        hidden.add(min(rest, key=lambda k: (len(behind[k]), str(k))))
    return Disclosure(frozenset(hidden), False)


def _protected(hidden: set[K], behind: Mapping[K, frozenset[str]], minimum: int) -> bool:
    """The difference total − shown cells is a sum over two or more cells and enough cases."""
    together = frozenset().union(*(behind[k] for k in hidden))
    return len(hidden) >= 2 and len(together) >= minimum


@dataclass(frozen=True)
class TableDisclosure(Generic[G, K]):
    """What to hide in a table of groups (subtotals) of cells under one total."""

    cells: frozenset[K]
    groups: frozenset[G]
    total_hidden: bool

    def hides(self, key: K) -> bool:
        return key in self.cells


def hidden_in_table(
    groups: Mapping[G, Mapping[K, Set[str]]],
    visible: Set[str] | None,
    minimum: int = MIN_CASES,
) -> TableDisclosure[G, K]:
    """Suppression in a table of cells in groups with subtotals and a total (hovedtotal).

    The subtotals are protected among themselves under the total; a hidden subtotal hides
    every cell of its group with unseen cases (else they would add up to it); in a shown
    group the cells are protected under the subtotal. A cell's key is unique in the table.
    """
    if visible is None:
        return TableDisclosure(frozenset(), frozenset(), False)
    sums = {g: frozenset().union(*cells.values()) for g, cells in groups.items()}
    top = hidden_cells(sums, visible, minimum)
    hidden: set[K] = set()
    for group, cells in groups.items():
        if group in top.hidden:
            hidden |= {k for k, cases in cells.items() if unseen(cases, visible)}
        else:
            hidden |= hidden_cells(cells, visible, minimum).hidden
    return TableDisclosure(frozenset(hidden), top.hidden, top.total_hidden)
