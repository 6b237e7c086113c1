"""A world's activity lines and the contract's rule that maps a posting to one.

The generator knows each posting's line the way the importer will find it: a posting
naming a measure takes its type's activity; any other takes the first matching rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from ramme.worlds.spec import WorldSpec


@dataclass(frozen=True)
class Rule:
    """A row of activities.csv."""

    activity: str
    ladder_step: str
    account: str = ""
    dranst: str = ""
    cost_center: str = ""

    def matches(self, account: str, dranst: int, cost_center: str) -> bool:
        return (
            (not self.account or self.account == account)
            and (not self.dranst or self.dranst == str(dranst))
            and (not self.cost_center or self.cost_center == cost_center)
        )


def rules(spec: WorldSpec) -> list[Rule]:
    """The refund line first (it takes all dranst 2), lines with cost centres, then types."""
    out = []
    if spec.refund_line:
        out.append(Rule(spec.refund_line, "oevrige", "", "2", ""))
    for line in spec.other_lines:
        out.append(Rule(line.activity, line.ladder_step, line.account, "", line.cost_center))
    seen = set()
    for t in spec.types:
        if (t.activity, t.account) not in seen:
            seen.add((t.activity, t.account))
            out.append(Rule(t.activity, t.ladder_step, t.account))
    return out


def lines(spec: WorldSpec) -> list[Rule]:
    """One rule per activity line (the first), in file order."""
    first: dict[str, Rule] = {}
    for rule in rules(spec):
        first.setdefault(rule.activity, rule)
    return list(first.values())


def line_of(spec_rules: list[Rule], account: str, dranst: int, cost_center: str) -> str:
    for rule in spec_rules:
        if rule.matches(account, dranst, cost_center):
            return rule.activity
    raise ValueError(f"no activity for account {account} dranst {dranst}")
