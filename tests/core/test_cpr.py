import hashlib
import hmac
from datetime import date

import pytest

from ramme.core.cpr import CprError, birth_date_of, facts, looks_like_cpr, pseudonym

KEY = b"test-key"


@pytest.mark.parametrize(
    ("cpr", "born"),
    [
        ("010190-1234", date(1990, 1, 1)),  # 7th digit 1 -> 1900s
        ("0101051234", date(2005, 1, 1)),  # no dash; digit 1 -> 1900 + 05? see below
        ("010105-4234", date(2005, 1, 1)),  # 4 and year <= 36 -> 2000s
        ("010150-4234", date(1950, 1, 1)),  # 4 and year > 36 -> 1900s
        ("010110-5234", date(2010, 1, 1)),  # 5-8 and year <= 57 -> 2000s
        ("010160-6234", date(1860, 1, 1)),  # 5-8 and year > 57 -> 1800s
        ("010120-9234", date(2020, 1, 1)),  # 9 and year <= 36 -> 2000s
    ],
)
def test_birth_date_uses_the_century_rule(cpr: str, born: date) -> None:
    expected = date(1905, 1, 1) if cpr == "0101051234" else born
    assert birth_date_of(cpr) == (expected, False)


def test_replacement_number_has_day_plus_60() -> None:
    assert birth_date_of("610112-4001") == (date(2012, 1, 1), True)


@pytest.mark.parametrize("bad", ["", "12345", "320190-1234", "010190-12345", "abcdef-1234"])
def test_invalid_numbers_are_rejected_without_echoing_them(bad: str) -> None:
    with pytest.raises(CprError) as error:
        birth_date_of(bad)
    assert bad == "" or bad not in str(error.value)


def test_pseudonym_is_stable_keyed_and_dash_insensitive() -> None:
    assert pseudonym("010190-1234", KEY) == pseudonym("0101901234", KEY)
    assert pseudonym("010190-1234", KEY) != pseudonym("010190-1234", b"other")
    assert "0101901234" not in pseudonym("010190-1234", KEY)


def test_pseudonym_is_the_keyed_hmac_of_the_ten_digits() -> None:
    # Stored children are keyed by it: a faster computation must give the same text.
    digest = hmac.new(KEY, b"0101901234", hashlib.sha256).hexdigest()
    assert pseudonym("01.01.90-1234", KEY) == "p" + digest[:20]
    assert facts("010190-1234", KEY).pseudonym == "p" + digest[:20]


def test_facts_keep_no_cpr() -> None:
    kept = facts("610112-4001", KEY)
    assert kept.birth_date == date(2012, 1, 1) and kept.is_replacement
    assert "6101" not in kept.pseudonym


def test_looks_like_cpr() -> None:
    assert looks_like_cpr("note about 010190-1234 here")
    assert not looks_like_cpr("bilag 12345")


@pytest.mark.parametrize(
    "spelling",
    [
        "0102031234",
        "010203-1234",
        "010203 1234",
        "01.02.03-1234",
        "01-02-03-1234",
        "010203\u20131234",  # en dash: the regex path
        " 010203-1234 ",  # spaces around: the regex path
        "610112-4001",  # a replacement number
    ],
)
def test_the_usual_spellings_split_as_the_regex_splits_them(spelling: str) -> None:
    from ramme.core import cpr

    expected = cpr._whole(spelling).groups()
    assert cpr._parts(spelling) == expected
    digits = "".join(expected).encode()
    assert pseudonym(spelling, KEY) == "p" + hmac.new(KEY, digits, hashlib.sha256).hexdigest()[:20]


@pytest.mark.parametrize("bad", ["010203-12a4", "01020312345", "0102031234x", "010203+1234"])
def test_what_the_fast_split_declines_is_still_refused(bad: str) -> None:
    with pytest.raises(CprError):
        facts(bad, KEY)


def test_free_text_without_ten_digits_is_left_as_it_is() -> None:
    from ramme.core.cpr import may_hold_cpr, scrub

    assert not may_hold_cpr("Faktura 123456789") and may_hold_cpr("ref 010203-1234")
    assert scrub("Faktura 123456789", "[x]") == ("Faktura 123456789", 0)
    assert scrub("barn 010203-1234 ok", "[x]") == ("barn [x] ok", 1)


@pytest.mark.parametrize(
    "spelling",
    [
        "\u0660\u0661\u0660\u0661\u0669\u0660-\u0661\u0662\u0663\u0664",  # Arabic-Indic
        "\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14",  # full-width
    ],
)
def test_a_number_in_other_digits_is_the_same_child_not_a_crash(spelling: str) -> None:
    # the regex takes every script's digits; the pseudonym must not fail on them
    assert looks_like_cpr(spelling)
    assert pseudonym(spelling, KEY) == pseudonym("010190-1234", KEY)
    assert birth_date_of(spelling) == (date(1990, 1, 1), False)
