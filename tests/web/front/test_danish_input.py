"""The one money parser and the one date parser behind forms, query strings and commands."""

from __future__ import annotations

import argparse
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import BadRequest

from ramme.web.front.danish_input import (
    DanishDateField,
    DanishDateInput,
    MoneyField,
    MoneyInput,
    as_of_from,
    date_argument,
)


@pytest.mark.parametrize(
    ("text", "amount"),
    [("9.400.000", "9400000"), ("-3,3", "-3.3"), ("1.234,50", "1234.50"), ("1175000", "1175000"),
     ("1.175.000 kr.", "1175000"), ("0", "0")],
)  # fmt: skip
def test_money_field_reads_danish_amounts(text: str, amount: str) -> None:
    assert MoneyField(required=False).clean(text) == Decimal(amount)


def test_money_field_names_the_bad_amount() -> None:
    with pytest.raises(Exception, match="ugyldigt beløb"):
        MoneyField().clean("mange penge")


@pytest.mark.parametrize("text", ["31.03.2024", "2024-03-31", "31-03-2024", "31/03/2024"])
def test_date_field_reads_danish_and_iso_dates(text: str) -> None:
    assert DanishDateField().clean(text) == date(2024, 3, 31)


def test_date_field_refuses_an_impossible_date_in_danish() -> None:
    with pytest.raises(Exception, match="umulig dato"):
        DanishDateField().clean("31.02.2024")


def test_inputs_show_danish_values_whatever_the_browser_language() -> None:
    html = DanishDateInput().render("dato", date(2024, 3, 31))
    assert 'type="text"' in html and 'value="31.03.2024"' in html
    assert 'placeholder="dd.mm.åååå"' in html and "pattern=" in html
    assert 'value="9.400.000"' in MoneyInput().render("x", Decimal("9400000.00"))


def test_a_bad_query_date_is_a_danish_400_and_a_blank_one_the_default(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadRequest, match="ugyldig dato"):
        as_of_from("31-31-2024x")
    assert as_of_from("31.03.2024") == date(2024, 3, 31)


def test_commands_take_danish_dates_with_a_danish_message() -> None:
    assert date_argument("31.03.2024") == date(2024, 3, 31)
    with pytest.raises(argparse.ArgumentTypeError, match="ugyldig dato"):
        date_argument("marts")
