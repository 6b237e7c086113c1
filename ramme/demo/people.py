"""Children's replacement CPR numbers, caseworkers (rådgivere) in teams, and their habits:
planned end dates, management approval and reviews (sagsgennemgang)."""

from __future__ import annotations

import math

import numpy as np

from ramme.demo import days as d
from ramme.demo.days import OPEN, IntArray
from ramme.demo.model import NO_DAY, Children, World
from ramme.demo.parameters import REVIEW_MONTHS, CaseworkParams, MeasureTypeSpec
from ramme.demo.simulate import Draft
from ramme.importing.parsing import LAST_YEAR

REPLACEMENT_OFFSET = 60  # erstatningspersonnummer: day of birth + 60 (ramme.core.cpr)
HANDICAP_TYPES = ("AFL", "MER", "TAB")
LAST_CONTRACT_DAY = d.day(LAST_YEAR, 12, 31)  # the importer refuses later dates


def replacement_cprs(rng: np.random.Generator, birth: IntArray) -> list[str]:
    """Unique ddmmyy-xxxx numbers with day + 60 and a 7th digit giving the right century."""
    order = np.lexsort((rng.random(len(birth)), birth))
    rank = np.empty(len(birth), np.int64)
    sorted_birth = birth[order]
    group_start = np.r_[0, np.flatnonzero(np.diff(sorted_birth)) + 1]
    sizes = np.diff(np.r_[group_start, len(birth)])
    rank[order] = np.arange(len(birth)) - np.repeat(group_start, sizes)
    as_dt = birth.astype("datetime64[D]")
    year = as_dt.astype("datetime64[Y]").astype(np.int64) + 1970
    month = as_dt.astype("datetime64[M]").astype(np.int64) % 12 + 1
    dom = (as_dt - as_dt.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1
    # 7th digit 0-3: 1900s; 4-9: 2000s (ramme.core.cpr._century, valid for births to 2036)
    seventh = np.where(year >= 2000, 4, 0) + rank // 1000
    last3 = (rank * 379 + birth % 997) % 1000
    return [
        f"{dd + REPLACEMENT_OFFSET:02d}{mm:02d}{yy % 100:02d}-{s}{x:03d}"
        for dd, mm, yy, s, x in zip(
            dom.tolist(),
            month.tolist(),
            year.tolist(),
            seventh.tolist(),
            last3.tolist(),
            strict=True,
        )
    ]


def assign_caseworkers(rng: np.random.Generator, world: World, casework: CaseworkParams) -> None:
    """Team by the child's needs and age; caseworkers sized to the active caseload."""
    m, children = world.measures, world.children
    codes = np.array([t.code for t in world.types])
    n = len(children)
    handicap = np.zeros(n, bool)
    handicap[m.child[np.isin(codes[m.mtype], HANDICAP_TYPES)]] = True
    age_end = (world.last_day - children.birth) / 365.25
    teams = casework.teams
    team = np.where(rng.random(n) < 0.5, teams.index("Team Nord"), teams.index("Team Syd"))
    team = np.where(age_end >= 14, teams.index("Team Unge"), team)
    team = np.where(handicap, teams.index("Team Handicap"), team)
    active = np.zeros(n, bool)
    active[m.child[(m.end >= world.last_day) & (m.start <= world.last_day)]] = True
    caseworker = np.zeros(n, np.int64)
    names: list[str] = []
    team_of: list[str] = []
    for ti, name in enumerate(teams):
        mine = np.flatnonzero(team == ti)
        count = max(1, math.ceil(active[mine].sum() / casework.caseload))
        first = len(names)
        names += [f"rg{first + i + 1:02d}" for i in range(count)]
        team_of += [name] * count
        caseworker[mine] = first + rng.integers(0, count, len(mine))
    children.caseworker, children.team = caseworker, team
    world.caseworkers, world.caseworker_team = names, team_of
    world.approvers = [f"tl-{t.split()[-1].lower()}" for t in teams]


def plan_ends(
    rng: np.random.Generator,
    draft: Draft,
    types: tuple[MeasureTypeSpec, ...],
    casework: CaseworkParams,
) -> None:
    """Planned end = start + drawn duration × an (often optimistic) factor, at a month end."""
    m = draft.measures
    median, sd = casework.planned_optimism
    factor = np.exp(np.log(median) + sd * rng.standard_normal(len(m)))
    planned = m.start + ((draft.drawn_end - m.start) * factor).astype(np.int64)
    planned = d.month_last_day(d.month_number(np.maximum(planned, m.start)))
    school = np.array([t.school_year for t in types])[m.mtype]
    planned = np.where(school, draft.drawn_end, planned)
    # the optimism factor's far tail passes the contract's last date (2100) only among the
    # all-Denmark size's 1.4 million measures, which the import would then refuse; clipping
    # there leaves the smaller sizes' files as they were
    planned = np.minimum(planned, LAST_CONTRACT_DAY)
    m.planned_end = np.where(rng.random(len(m)) < 0.08, NO_DAY, planned)


def approve_and_review(rng: np.random.Generator, world: World, casework: CaseworkParams) -> None:
    """Management approval before the start (a few missing), reviews of running measures."""
    m = world.measures
    n = len(m)
    m.approved_at = m.start - rng.integers(0, 15, n)
    m.approved_at = np.where(rng.random(n) < casework.unapproved_share, NO_DAY, m.approved_at)
    m.approver = world.children.team[m.child]
    six_months = d.add_months(np.array([world.last_day]), -REVIEW_MONTHS)[0]
    running = (m.end == OPEN) & (m.start <= six_months)
    back = rng.integers(0, REVIEW_MONTHS * 30, n)
    reviewed = np.maximum(world.last_day - back, m.start + 30)
    skip = rng.random(n) < casework.unreviewed_share
    m.reviewed_at = np.where(running & ~skip, reviewed, NO_DAY)


def make_children(birth: IntArray) -> Children:
    return Children(birth=birth)
