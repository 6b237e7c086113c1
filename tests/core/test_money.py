from decimal import Decimal

import pytest

from ramme.core.money import format_kr, format_mio, format_number, format_percent, to_money


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1175000, 0, "1.175.000"),
        (Decimal("-3300000"), 0, "-3.300.000"),
        (Decimal("-3.25"), 1, "-3,3"),
        (Decimal("0.04"), 1, "0,0"),
        (999, 0, "999"),
        (Decimal("1234.5"), 2, "1.234,50"),
    ],
)
def test_format_number_uses_danish_separators(
    value: Decimal | int, decimals: int, expected: str
) -> None:
    assert format_number(value, decimals) == expected


def test_format_kr_and_mio() -> None:
    assert format_kr(Decimal("1175000")) == "1.175.000 kr."
    assert format_mio(Decimal("-3300000")) == "-3,3 mio. kr."
    assert format_mio(201_400_000) == "201,4 mio. kr."


def test_format_percent() -> None:
    assert format_percent(Decimal("0.05")) == "5,0 %"


def test_to_money_rounds_half_up_to_ore() -> None:
    assert to_money("2.345") == Decimal("2.35")
    assert to_money(0.1 + 0.2) == Decimal("0.30")
