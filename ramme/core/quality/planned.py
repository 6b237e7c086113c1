"""``planned_end_before_start``: a measure planned to end before it starts.

The importer rejects an end date before the start date, but not a planned end date
(``planned_end_date``, forventet slutdato) before it: such a measure is imported, and its
planned end points to a wrong start date or a typing error in the planned end.
"""

from __future__ import annotations

from collections.abc import Iterator

from ramme.core.periods import format_date
from ramme.core.quality.context import Context
from ramme.core.quality.model import Finding

PLANNED_END = "planned_end_before_start"


def planned_end_before_start(ctx: Context) -> Iterator[Finding]:
    """Started by the as-of date, with a planned end date before the start date."""
    for m in ctx.dataset.measures:
        planned = m.planned_end_date
        if planned is None or m.start_date > ctx.as_of or planned >= m.start_date:
            continue
        yield Finding(
            PLANNED_END,
            f"{PLANNED_END}:{m.measure_id}",
            m.start_date,
            m.child_key,
            m.measure_id,
            None,
            f"planlagt slutdato {format_date(planned)} ligger før startdato "
            f"{format_date(m.start_date)}",
        )
