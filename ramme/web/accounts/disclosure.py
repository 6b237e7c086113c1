"""Which forecast lines a user may see the figures of (diskretionering on the pages and API).

The follow-up table, the line page and the API's lines show per-line figures under ladder
step subtotals and the frame total. To a user who may not see every case, a line resting on
1-4 children she may not see is hidden, and so is what would give it away (the rule is
``ramme.core.disclosure``); economists and heads of department see everything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ramme.core.disclosure import TableDisclosure, hidden_in_table, is_disclosive
from ramme.core.forecast import Forecast
from ramme.web.accounts.access import visible_child_keys
from ramme.web.accounts.models import User
from ramme.web.data.columns import CHUNK
from ramme.web.data.models import Measure
from ramme.web.forecasts.services.figures import CaseRow, ChangeCount, StepVolume

NOTHING_HIDDEN: TableDisclosure[str, str] = TableDisclosure(frozenset(), frozenset(), False)


def children_by_line(fc: Forecast) -> dict[str, frozenset[str]]:
    """The children behind each line of ``fc``: those of the measures it forecasts."""
    line_of = dict(zip(fc.measures.measure_ids, fc.measures.activities, strict=True))
    by_line: dict[str, set[str]] = defaultdict(set)
    # every measure, a chunk at a time: an ``__in`` over thousands of ids is too long for
    # SQLite, and all of Denmark's 1.4 million pairs at once held 0.4 GB
    rows = Measure.objects.values_list("measure_id", "child__key").iterator(CHUNK)
    for measure_id, child in rows:
        activity = line_of.get(measure_id)
        if activity is not None:
            by_line[str(activity)].add(child)
    return {line: frozenset(keys) for line, keys in by_line.items()}


def line_disclosure(
    user: User, fc: Forecast, children: Mapping[str, frozenset[str]] | None = None
) -> TableDisclosure[str, str]:
    """Lines (by activity), ladder steps and whether the frame total are hidden from ``user``;
    ``children``: ``children_by_line(fc)`` as stored with the page figures (else read here)."""
    visible = visible_child_keys(user)
    if visible is None:
        return NOTHING_HIDDEN
    behind = children_by_line(fc) if children is None else children
    groups: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
    for line in fc.lines:
        groups[line.ladder_step][line.activity] = behind.get(line.activity, frozenset())
    return hidden_in_table(groups, visible)


def shown_changes(user: User, changes: list[ChangeCount], new: list[CaseRow],
                  ended: list[CaseRow]) -> list[ChangeCount | HiddenChange]:  # fmt: skip
    """The month's new and ended measures per line, each half hidden when it rests on 1-4
    children ``user`` may not see (the table has no total, so no secondary suppression)."""
    visible = visible_child_keys(user)
    if visible is None:
        return list(changes)
    rows = new + ended
    child = dict(
        Measure.objects.filter(measure_id__in=[r.measure_id for r in rows])
        .values_list("measure_id", "child__key")
    )  # fmt: skip

    def small(cases: list[CaseRow], activity: str) -> bool:
        on_line = [r.measure_id for r in cases if r.activity == activity]
        keys = {child[m] for m in on_line if m in child}
        return is_disclosive(keys, visible)

    return [
        HiddenChange(c, small(new, c.activity), small(ended, c.activity))
        if small(new, c.activity) or small(ended, c.activity) else c
        for c in changes
    ]  # fmt: skip


@dataclass(frozen=True)
class HiddenChange:
    """A line of the month's changes with one half or both hidden (``None``: «–»)."""

    change: ChangeCount
    new_hidden: bool
    ended_hidden: bool

    @property
    def activity(self) -> str:
        return self.change.activity

    @property
    def new(self) -> int | None:
        return None if self.new_hidden else self.change.new

    @property
    def new_yearly(self) -> Decimal | None:
        return None if self.new_hidden else self.change.new_yearly

    @property
    def ended(self) -> int | None:
        return None if self.ended_hidden else self.change.ended

    @property
    def ended_year_cost(self) -> Decimal | None:
        return None if self.ended_hidden else self.change.ended_year_cost


@dataclass(frozen=True)
class ShownVolume:
    """A ladder step's year on the follow-up page, each figure hidden or not (diskretionering)."""

    year: int
    units: int
    price: Decimal | None
    units_hidden: bool = False
    price_hidden: bool = False


def shown_volumes(user: User, volumes: dict[str, list[StepVolume]],
                  behind: Callable[[], dict[tuple[str, int], tuple[set[str], set[str]]]],
                  ) -> dict[str, list[ShownVolume]]:  # fmt: skip
    """Units and price per ladder step and year; each hidden when it rests on 1-4 children
    ``user`` may not see (no total row, so no secondary suppression). ``behind`` gives the
    children of each (step, year); it is asked only when something may be hidden."""
    visible = visible_child_keys(user)
    children = {} if visible is None else behind()
    shown: dict[str, list[ShownVolume]] = {}
    for step, rows in volumes.items():
        shown[step] = []
        for v in rows:
            units, in_year = children.get((step, v.year), (set(), set()))
            hide_units, hide_price = is_disclosive(units, visible), is_disclosive(in_year, visible)
            shown[step].append(ShownVolume(v.year, 0 if hide_units else v.units,
                                           None if hide_price else v.price,
                                           hide_units, hide_price))  # fmt: skip
    return shown
