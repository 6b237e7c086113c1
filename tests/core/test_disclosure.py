"""The disclosure rule: no shown figure, nor one derivable from shown figures, rests on 1-4
cases the user may not see."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Set
from typing import TypeVar

from ramme.core.disclosure import hidden_cells, hidden_in_table, is_disclosive


def cases(prefix: str, n: int) -> frozenset[str]:
    return frozenset(f"{prefix}{i}" for i in range(n))


K = TypeVar("K")


def derivable_sums(
    cells: Mapping[K, Set[str]], hidden: Collection[K], visible: Set[str], total_shown: bool = True
) -> list[frozenset[str]]:
    """What a user learns from a shown total: the unseen cases behind the hidden cells."""
    if not hidden or not total_shown:
        return []
    return [frozenset[str]().union(*(cells[k] for k in hidden)) - visible]


def test_a_figure_on_one_to_four_unseen_cases_is_disclosive() -> None:
    assert is_disclosive(cases("a", 1), set())
    assert is_disclosive(cases("a", 4), set())
    assert not is_disclosive(cases("a", 5), set())
    assert not is_disclosive(frozenset(), set())  # zero reveals nobody
    assert not is_disclosive(cases("a", 3), None)  # she may see every case
    assert not is_disclosive(cases("a", 3), set(cases("a", 3)))  # all hers
    assert is_disclosive(cases("a", 6), set(cases("a", 5)))  # one case of another's


def test_nothing_is_hidden_when_every_cell_rests_on_five() -> None:
    result = hidden_cells({"A": cases("a", 5), "B": cases("b", 9)}, set())
    assert result.hidden == frozenset() and not result.total_hidden


def test_one_small_cell_hides_the_next_smallest_too() -> None:
    cells = {"A": cases("a", 2), "B": cases("b", 7), "C": cases("c", 6), "D": cases("d", 30)}
    result = hidden_cells(cells, set())
    assert result.hidden == {"A", "C"}  # C, not B: the next-smallest
    assert not result.total_hidden


def test_two_small_cells_that_add_to_fewer_than_five_take_a_third() -> None:
    cells = {"A": cases("a", 1), "B": cases("b", 2), "C": cases("c", 8), "D": cases("d", 9)}
    assert hidden_cells(cells, set()).hidden == {"A", "B", "C"}


def test_two_small_cells_that_add_to_five_protect_each_other() -> None:
    cells = {"A": cases("a", 2), "B": cases("b", 3), "C": cases("c", 8)}
    assert hidden_cells(cells, set()).hidden == {"A", "B"}


def test_a_case_behind_two_cells_is_counted_once() -> None:
    shared = cases("s", 3)
    cells = {"A": shared, "B": shared | {"x"}, "C": cases("c", 10)}
    assert hidden_cells(cells, set()).hidden == {"A", "B", "C"}  # A and B: 4 children


def test_her_own_cases_neither_hide_nor_protect() -> None:
    own = cases("own", 20)
    cells = {"A": cases("a", 1) | own, "B": own, "C": cases("c", 6)}
    result = hidden_cells(cells, set(own))
    assert result.hidden == {"A", "C"}  # B is all hers: she could subtract it herself


def test_a_group_on_fewer_than_five_unseen_cases_hides_its_total() -> None:
    cells = {"A": cases("a", 2), "B": cases("b", 1), "Z": frozenset()}
    result = hidden_cells(cells, set())
    assert result.total_hidden and result.hidden == {"A", "B"}
    single = hidden_cells({"A": cases("a", 3)}, set())
    assert single.total_hidden and single.hidden == {"A"}


def test_economists_see_everything() -> None:
    groups = {"g": {"A": cases("a", 1), "B": cases("b", 9)}}
    result = hidden_in_table(groups, None)
    assert not result.cells and not result.groups and not result.total_hidden


def test_a_small_subtotal_hides_another_and_all_their_lines() -> None:
    groups = {
        "g1": {"A": cases("a", 2), "B": cases("b", 1)},
        "g2": {"C": cases("c", 6), "D": cases("d", 7)},
        "g3": {"E": cases("e", 40)},
    }
    result = hidden_in_table(groups, set())
    assert result.groups == {"g1", "g2"}
    assert result.cells == {"A", "B", "C", "D"}
    assert not result.total_hidden and not result.hides("E")


def test_no_hidden_cell_can_be_derived_in_random_tables() -> None:
    """Every sum a user can form from shown totals and cells rests on 0 or 5+ unseen cases."""
    import random

    rng = random.Random(4)
    for _ in range(300):
        groups = {
            f"g{g}": {f"g{g}l{i}": cases(f"g{g}l{i}-", rng.choice([0, 1, 2, 3, 4, 5, 8, 20]))
                      for i in range(rng.randint(1, 4))}
            for g in range(rng.randint(1, 4))
        }  # fmt: skip
        result = hidden_in_table(groups, set())
        for cells in groups.values():
            for key, behind in cells.items():
                assert key in result.cells or not is_disclosive(behind, set())
        # under the total: the hidden subtotals; under a shown subtotal: its hidden cells
        sums = {g: frozenset().union(*c.values()) for g, c in groups.items()}
        if not result.total_hidden:
            for learnt in derivable_sums(sums, result.groups, set()):
                assert not is_disclosive(learnt, set())
        for g, cells in groups.items():
            if g not in result.groups:
                hidden = [k for k in cells if k in result.cells]
                for learnt in derivable_sums(cells, hidden, set()):
                    assert not is_disclosive(learnt, set())
                assert len(hidden) != 1
