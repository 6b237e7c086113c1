"""Money (beløb) as Decimal, and the one Danish formatter every output uses."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ZERO = Decimal("0")
ONE_ORE = Decimal("0.01")
MILLION = Decimal("1000000")


def to_money(value: Decimal | int | str | float) -> Decimal:
    """Round a value to whole øre (two decimals), half up as Danish ledgers do."""
    if isinstance(value, float):
        value = repr(value)
    return Decimal(value).quantize(ONE_ORE, rounding=ROUND_HALF_UP)


def to_ore(amount: Decimal) -> int:
    """An amount in kroner as whole øre (a ledger's amounts have two decimals)."""
    return int((amount * 100).to_integral_value())


def from_ore(ore: int) -> Decimal:
    """Whole øre back to kroner with two decimals, exactly."""
    return Decimal(int(ore)).scaleb(-2)


def _group(digits: str) -> str:
    """Insert Danish thousands separators (.) into a string of digits."""
    parts: list[str] = []
    while len(digits) > 3:
        parts.insert(0, digits[-3:])
        digits = digits[:-3]
    parts.insert(0, digits)
    return ".".join(parts)


def format_number(value: Decimal | int | float, decimals: int = 0) -> str:
    """Danish number format: 1.175.000 or -3,3 (thousands '.', decimal ',')."""
    quantum = Decimal(1).scaleb(-decimals)
    amount = Decimal(repr(value) if isinstance(value, float) else value)
    rounded = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = _group(whole)
    if decimals:
        text += "," + fraction.ljust(decimals, "0")
    return sign + text


def format_kr(value: Decimal | int | float) -> str:
    """Whole kroner: ``1.175.000 kr.``"""
    return f"{format_number(value)} kr."


def format_mio(value: Decimal | int | float, decimals: int = 1) -> str:
    """Millions of kroner: ``-3,3 mio. kr.``"""
    amount = Decimal(repr(value) if isinstance(value, float) else value)
    return f"{format_number(amount / MILLION, decimals)} mio. kr."


def format_percent(value: Decimal | float, decimals: int = 1) -> str:
    """A share (0.05) as a Danish percentage: ``5,0 %``."""
    amount = Decimal(repr(value) if isinstance(value, float) else value)
    return f"{format_number(amount * 100, decimals)} %"
