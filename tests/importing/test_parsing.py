"""Danish numbers, dates, yes/no and CPR numbers (ramme.importing.parsing)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ramme.importing.errors import ParseError, RowError, scrub_cpr
from ramme.importing.parsing import (
    parse_amount,
    parse_bool,
    parse_cpr,
    parse_date,
    parse_decimal,
    parse_int,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.5", "1234.5"),
        ("1234", "1234"),
        ("-87.25", "-87.25"),
        ("1.234,50", "1234.50"),
        ("1 234,50", "1234.50"),
        ("1\xa0234,50", "1234.50"),
        ("-1.234,50", "-1234.50"),
        ("1.234,50-", "-1234.50"),
        ("1.234.567,5", "1234567.5"),
        ("12,5", "12.5"),
        (" 7 ", "7"),
        ("1.000", "1000"),  # money never has three decimals: a Danish thousand
        ("-12.500", "-12500"),
    ],
)
def test_it_reads_every_amount_form(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["12,3,4", "abc", "1.2.3,4.5", "-1.234,50-", "1e5", "12,-"])
def test_it_rejects_bad_amounts_naming_the_value(text: str) -> None:
    with pytest.raises(ParseError, match="ugyldigt beløb"):
        parse_amount(text)


@pytest.mark.parametrize(
    "text", ["2024-03-31", "31-03-2024", "31.03.2024", "31/03/2024", "2024-03-31 00:00:00"]
)
def test_it_reads_every_date_form(text: str) -> None:
    assert parse_date(text) == date(2024, 3, 31)


def test_a_blank_date_is_none() -> None:
    assert parse_date("") is None
    assert parse_date("   ") is None


@pytest.mark.parametrize("text", ["31.02.2024", "2023-02-29", "32-01-2024", "2024-13-01"])
def test_it_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(ParseError, match="umulig dato"):
        parse_date(text)


@pytest.mark.parametrize("text", ["2024/03/31", "31.3.24", "marts 2024"])
def test_it_rejects_unknown_date_forms(text: str) -> None:
    with pytest.raises(ParseError, match="ugyldig dato"):
        parse_date(text)


def test_numbers_and_flags() -> None:
    assert parse_int("2024") == 2024
    assert parse_int("2024.0") == 2024
    assert parse_decimal("2,5") == Decimal("2.5")
    assert parse_decimal("2.125") == Decimal("2.125")
    assert parse_bool("ja") is True
    assert parse_bool("Nej") is False
    assert parse_bool("") is None
    with pytest.raises(ParseError):
        parse_bool("måske")
    with pytest.raises(ParseError):
        parse_int("to")


def test_cpr_with_and_without_dash_gives_the_same_pseudonym() -> None:
    with_dash = parse_cpr("150310-4123", b"key")
    without = parse_cpr("1503104123", b"key")
    assert with_dash == without
    assert with_dash.birth_date == date(2010, 3, 1)  # only the birth month is kept
    assert "1503104123" not in with_dash.pseudonym


def test_a_replacement_cpr_is_flagged() -> None:
    facts = parse_cpr("750310-4123", b"key")  # day 15 + 60
    assert facts.is_replacement and facts.birth_date == date(2010, 3, 1)


def test_a_bad_cpr_error_never_repeats_the_number() -> None:
    with pytest.raises(ParseError) as caught:
        parse_cpr("993310-4123", b"key")
    assert str(caught.value) == "ugyldigt CPR-nummer"


def test_error_text_is_file_row_column_reason_without_cpr() -> None:
    error = RowError("postings.csv", 14, "amount", "ugyldigt beløb «12,3,4»")
    assert str(error) == "postings.csv, række 14, kolonne amount: ugyldigt beløb «12,3,4»"
    leaky = RowError("x.csv", 2, "text", "ugyldig «150310-4123»")
    assert "150310" not in str(leaky)


def test_scrub_cpr_replaces_both_forms_but_not_longer_numbers() -> None:
    text, count = scrub_cpr("Barn 150310-4123 og 1503104123, bilag 12345678901")
    assert count == 2
    assert text == "Barn [CPR fjernet] og [CPR fjernet], bilag 12345678901"
