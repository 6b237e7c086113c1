"""The data-quality findings on an as-of date, as each user may see them.

Computed once per data version and date (``ramme.core.quality.check`` on the cached
dataset) and stored for every process (``stored_findings``); pages, the badge,
``ramme check-data`` and the monthly report read these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ramme.core.quality import RULES, Finding, Rule
from ramme.web.accounts.access import case_scope, record_shown, visible_children
from ramme.web.accounts.models import User
from ramme.web.data.models import Child
from ramme.web.forecasts.services import cache
from ramme.web.quality.models import FindingExplanation
from ramme.web.quality.services import stored_findings

CHUNK = 900  # keys per query: below SQLite's oldest limit on a statement's parameters


def all_findings(as_of: date) -> list[Finding]:
    """Every finding on ``as_of`` (case level: filter with ``visible`` before showing)."""
    return stored_findings.stored_or_built(as_of)


def visible(user: User, findings: list[Finding]) -> list[Finding]:
    """The findings about children ``user`` may see (one logged read of the list)."""
    keys = set(visible_children(user).values_list("key", flat=True))
    mine = [f for f in findings if f.child in keys]
    record_shown(user, "child", [f.child for f in mine if f.child], "datakvalitet")
    return mine


def explained(keys: list[str]) -> dict[str, FindingExplanation]:
    return {e.key: e for e in FindingExplanation.objects.filter(key__in=keys)}


@dataclass(frozen=True)
class RuleFindings:
    """One rule with the user's findings, their count per year and how many are open."""

    rule: Rule
    rows: list[tuple[Finding, FindingExplanation | None]]
    by_year: list[int]  # in the order of ``Overview.years``

    @property
    def unexplained(self) -> int:
        return sum(1 for _, note in self.rows if note is None)


@dataclass(frozen=True)
class Overview:
    as_of: date
    years: list[int]
    rules: list[RuleFindings]

    @property
    def unexplained(self) -> int:
        return sum(r.unexplained for r in self.rules)

    @property
    def total(self) -> int:
        return sum(len(r.rows) for r in self.rules)


def overview(user: User, as_of: date) -> Overview:
    """Every rule, with the findings ``user`` may see, on ``as_of``."""
    mine = visible(user, all_findings(as_of))
    notes = explained([f.key for f in mine])
    years = sorted({f.day.year for f in mine})
    rules = []
    for rule in RULES:
        rows = [(f, notes.get(f.key)) for f in mine if f.kind == rule.kind]
        counts = [sum(1 for f, _ in rows if f.day.year == y) for y in years]
        rules.append(RuleFindings(rule, rows, counts))
    return Overview(as_of, years, rules)


def unexplained_count(user: User, as_of: date) -> int:
    """Open findings ``user`` may see: the badge on the start and follow-up pages.

    The badge is in the header of every first page, so it reads the findings of the
    user's scope from a cache per data version and date; only the explanations (written
    between imports, few rows) are read per view. It shows a count, not a case, so it logs
    no read of the children.
    """
    lookups = case_scope(user)
    if lookups is None:
        return 0
    keys = _scope_keys(as_of, lookups)
    done = set(FindingExplanation.objects.values_list("key", flat=True))
    return sum(1 for key in keys if key not in done)


def _scope_keys(as_of: date, lookups: dict[str, str]) -> tuple[str, ...]:
    """The keys of the findings about the children of one scope (all, a team, a caseworker)."""
    by_scope: dict[tuple[tuple[str, str], ...], tuple[str, ...]] = cache.per_import(
        f"quality-badge-{as_of.isoformat()}", dict
    )
    scope = tuple(sorted(lookups.items()))
    if scope not in by_scope:
        findings = all_findings(as_of)
        children = _in_scope({f.child for f in findings if f.child}, lookups)
        by_scope[scope] = tuple(f.key for f in findings if f.child in children)
    return by_scope[scope]


def _in_scope(keys: set[str], lookups: dict[str, str]) -> set[str]:
    """Of the children with findings, those in the scope. Only those are read: a new
    worker's first badge read every child (160,000 at Copenhagen size, 0.3 s)."""
    ordered, found = sorted(keys), set[str]()
    for start in range(0, len(ordered), CHUNK):
        rows = Child.objects.filter(key__in=ordered[start : start + CHUNK], **lookups)
        found.update(rows.values_list("key", flat=True))
    return found


def counts_by_rule(as_of: date) -> list[tuple[Rule, int, int]]:
    """Per rule: findings and open findings on ``as_of`` (aggregates, for the report)."""
    findings = all_findings(as_of)
    done = set(FindingExplanation.objects.values_list("key", flat=True))
    return [
        (
            rule,
            sum(1 for f in findings if f.kind == rule.kind),
            sum(1 for f in findings if f.kind == rule.kind and f.key not in done),
        )
        for rule in RULES
    ]
