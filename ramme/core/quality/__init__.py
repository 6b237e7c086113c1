"""Data-quality findings (datakvalitetsfund): each rule a small pure function over the
Dataset on an as-of date. API:

- ``check(dataset, as_of, thresholds) -> list[Finding]`` (every rule, in registry order)
- ``counts_by_year(findings) -> {kind: {year: count}}`` (the count over time)
- ``RULES`` / ``BY_KIND``: kind, Danish title and explanation of each rule
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from ramme.core.quality.context import Context, build_context
from ramme.core.quality.ledger import QualityLedger
from ramme.core.quality.model import Finding, Rule, Thresholds
from ramme.core.quality.rules import BY_KIND, RULES
from ramme.core.records import Dataset


def check(
    dataset: Dataset,
    as_of: date,
    thresholds: Thresholds | None = None,
    kinds: Iterable[str] | None = None,
    ledger: QualityLedger | None = None,
) -> list[Finding]:
    """Every finding on ``as_of`` from the data known then (postings dated up to it);
    ``ledger``: the postings as columns, when ``dataset`` is read without them."""
    ctx = build_context(dataset, as_of, thresholds or Thresholds(), ledger)
    wanted = set(kinds) if kinds is not None else set(BY_KIND)
    findings: list[Finding] = []
    for rule in RULES:
        if rule.kind in wanted:
            findings += sorted(rule.find(ctx), key=lambda f: (f.day, f.key))
    return findings


def counts_by_year(findings: Iterable[Finding]) -> dict[str, dict[int, int]]:
    """How many findings of each kind concern each year (the count over time)."""
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for f in findings:
        counts[f.kind][f.day.year] += 1
    return {kind: dict(years) for kind, years in counts.items()}


__all__ = [
    "BY_KIND",
    "RULES",
    "Context",
    "Finding",
    "QualityLedger",
    "Rule",
    "Thresholds",
    "build_context",
    "check",
    "counts_by_year",
]
