"""The one money parser and the one date parser behind forms, query strings and commands."""

from __future__ import annotations

import argparse
import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import BadRequest
from django.http import HttpRequest
from django.test import RequestFactory

from ramme.web.front.command_options import add_as_of, add_json, as_of_option, write_json
from ramme.web.front.danish_input import (
    DanishDateField,
    DanishDateInput,
    MoneyField,
    MoneyInput,
    as_of_from,
    as_of_from_request,
    date_argument,
)
from tests.web.personas import make_line, post


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


def test_a_bad_query_date_is_a_danish_400_and_a_blank_one_the_default(db: None) -> None:
    with pytest.raises(BadRequest, match="ugyldig dato"):
        as_of_from("31-31-2024x")
    assert as_of_from("31.03.2024") == date(2024, 3, 31)


def test_commands_take_danish_dates_with_a_danish_message() -> None:
    assert date_argument("31.03.2024") == date(2024, 3, 31)
    with pytest.raises(argparse.ArgumentTypeError, match="ugyldig dato"):
        date_argument("marts")


def _request(method: str = "GET", **params: str) -> HttpRequest:
    factory = RequestFactory()
    return factory.post("/", params) if method == "POST" else factory.get("/", params)


def test_dato_is_the_as_of_name_and_as_of_its_alias(db: None) -> None:
    assert as_of_from_request(_request(dato="31.03.2024")) == date(2024, 3, 31)
    assert as_of_from_request(_request(as_of="2024-03-31")) == date(2024, 3, 31)
    both = _request(dato="30.06.2024", as_of="2024-03-31")
    assert as_of_from_request(both) == date(2024, 6, 30)  # the one name wins over the alias
    assert as_of_from_request(_request("POST", as_of="30.09.2024")) == date(2024, 9, 30)


def test_pages_and_commands_share_the_one_default(db: None) -> None:
    line = make_line("Opholdssted", "indgribende")
    post("p1", date(2024, 5, 14), "1000", line)
    assert as_of_from_request(_request()) == date(2024, 5, 31)  # the latest posting's month end
    assert as_of_option({"as_of": None}) == date(2024, 5, 31)
    assert as_of_option({"as_of": date(2024, 2, 29)}) == date(2024, 2, 29)
    with pytest.raises(BadRequest, match="dato"):
        as_of_from_request(_request(as_of="31.02.2024"))


def test_every_as_of_command_takes_a_danish_date_and_prints_the_same_json() -> None:
    parser = argparse.ArgumentParser()
    add_as_of(parser)
    add_json(parser)
    options = vars(parser.parse_args(["--as-of", "31.03.2024", "--json"]))
    assert options == {"as_of": date(2024, 3, 31), "json": True}
    out = StringIO()
    write_json(out, {"as_of": date(2024, 3, 31), "navn": "Æblegård"})
    assert json.loads(out.getvalue()) == {"as_of": "2024-03-31", "navn": "Æblegård"}
