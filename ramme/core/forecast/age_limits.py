"""Age limits (aldersgrænser), learned from the municipality's own history.

The rule: a measure for a child ends no later than the day before the 18th birthday; an
aftercare measure (efterværn, known from its type or its legal basis) the day before the
23rd. Case systems differ in how they register what follows the 18th birthday: some close the
measure and grant aftercare as a new one, others let the same measure run on. So for each
measure type the history on the as-of date is asked: of the measures that were running when
the child turned 18 and whose outcome is known, how many stopped at the birthday and how many
went on? Where most went on, the data wins over the rule: the type's measures run to the
23rd birthday, and the forecast says so (``overruled``).

A measure known to be active two months after its limit has passed (no end registered, the
child already older) is also taken to run on, to the 23rd birthday: the data shows it did not
stop; unless the type's measures have mostly stopped at 18, when the end is only late.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ramme.core.forecast.data import INF, BoolArray, IntArray, Prepared
from ramme.core.forecast.known import State

AT_BIRTHDAY_DAYS = 14  # an end this close to the 18th birthday counts as stopping at it
PRIOR_STOPS = 2.0  # pseudo-observations for the rule, so a few cases do not overrule it
MIN_CASES = 3  # measures that went on before the data can overrule the rule
GRACE_DAYS = 61  # an end registered this late after the birthday is still an end at 18


@dataclass(frozen=True)
class AgeLimits:
    """Per type what the history showed, and per measure the last day it may run."""

    stopped: IntArray  # per type: measures that ended at the 18th birthday
    continued: IntArray  # per type: measures that went on past it
    continues: BoolArray  # per type: the data overrules the 18-year rule
    limit: IntArray  # per measure: last day by age (INF when unknown)

    def overruled(self, type_codes: list[str]) -> list[tuple[str, int, int]]:
        """(type code, went on, stopped) for every type whose history overrules the rule."""
        return [
            (code, int(self.continued[i]), int(self.stopped[i]))
            for i, code in enumerate(type_codes)
            if self.continues[i]
        ]


def learn(prep: Prepared, state: State) -> AgeLimits:
    """The age limits on the as-of date, from the measures known then."""
    n_types = len(prep.type_codes)
    age18 = prep.m_age18
    crossed = state.known & ~prep.m_aftercare & (age18 < state.t) & (prep.m_start <= age18)
    last = state.m_last
    stop = crossed & (last < INF) & (np.abs(last - age18) <= AT_BIRTHDAY_DAYS)
    went_on = crossed & (last > age18 + AT_BIRTHDAY_DAYS) & (state.t > age18 + AT_BIRTHDAY_DAYS)
    stopped = np.bincount(prep.m_type[stop], minlength=n_types).astype(np.int64)
    continued = np.bincount(prep.m_type[went_on], minlength=n_types).astype(np.int64)
    share = continued / (continued + stopped + PRIOR_STOPS)
    continues = (continued >= MIN_CASES) & (share >= 0.5)
    runs_on = prep.m_aftercare | continues[prep.m_type]
    limit = np.where(runs_on, prep.m_age23, age18)
    # still active although its limit has passed: it did not stop, so the 23rd birthday
    # applies; not where the type's measures have mostly stopped at 18 (then the end is
    # only registered late)
    stops = (stopped > continued)[prep.m_type]
    past = state.active & (limit + GRACE_DAYS < state.t) & ~stops
    limit = np.where(past, np.where(prep.m_age23 >= state.t, prep.m_age23, INF), limit)
    return AgeLimits(stopped, continued, continues, np.asarray(limit, dtype=np.int64))
