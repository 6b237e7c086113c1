"""CPR numbers in every spelling are found; ordinary ids and dates are not."""

from __future__ import annotations

import pytest

from ramme.core.cpr import find_cpr, looks_like_cpr, normalise, scrub


@pytest.mark.parametrize(
    "text",
    [
        "111111-1118",
        "1111111118",
        "010203 1236",
        "01.02.03-1237",
        "01-02-03-1237",
        "010203\u20101236",  # Unicode hyphen
        "010203\u20131236",  # en dash
        "010203\u22121236",  # minus sign
        "010203\u00a01236",  # no-break space
        "010203 - 1236",
        "610112-4001",  # replacement number (day + 60)
        "121212-1212-01",  # a measure id built on a CPR number
        "export_151515-1515",  # a folder name
    ],
)
def test_every_spelling_of_a_cpr_number_is_found(text: str) -> None:
    assert looks_like_cpr(text)
    cleaned, count = scrub(text, "[x]")
    assert count == 1 and not any(ch.isdigit() for ch in cleaned.replace("01", "", 1)[:6])


@pytest.mark.parametrize(
    "text",
    ["B000123", "2024-03-31", "31.03.2024 1234", "5.28.20.01", "3212991234", "M-2024-0001", "P1"],
)
def test_ids_without_a_real_birth_date_are_not_cpr_numbers(text: str) -> None:
    assert not find_cpr(text)


def test_spellings_give_the_same_ten_digits() -> None:
    assert normalise("01.02.03-1237") == normalise("010203\u20111237") == "0102031237"
