"""Legal basis text → paragraph keys (ramme.core.legal)."""

from __future__ import annotations

import pytest

from ramme.core.legal import candidate_keys


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Barnets lov § 46", "BL-46"),
        ("BL § 32 stk. 1", "BL-32-1"),
        ("SEL § 52 stk. 3 nr. 7", "SEL-52-3.7"),
        ("Serviceloven § 52, stk. 3, nr. 7", "SEL-52-3.7"),
        ("servicelovens § 52 a", "SEL-52a"),
        ("SEL-52-3.7", "SEL-52-3.7"),
        ("sel-52-3.7", "SEL-52-3.7"),
    ],
)
def test_it_understands_both_laws(text: str, first: str) -> None:
    assert candidate_keys(text)[0] == first


def test_it_falls_back_to_the_paragraph() -> None:
    assert candidate_keys("SEL § 52 stk. 3 nr. 7") == ["SEL-52-3.7", "SEL-52-3", "SEL-52"]


def test_unknown_text_gives_nothing() -> None:
    assert candidate_keys("aftale med forældre") == []
    assert candidate_keys("Barnets lov") == []
