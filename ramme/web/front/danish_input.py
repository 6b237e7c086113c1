"""Danish in: the one money parser and the one date parser behind every form field and
query parameter (``9.400.000``, ``-3,3``, ``1.234,50``; ``31.03.2024`` and ISO), and the one
default as-of date (opgørelsesdato) of every page, list and report: the month end of the
latest posting.

The parsers are the importer's (``ramme.importing.parsing``), so a figure typed into a form
is read exactly as the same figure in an imported file.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import BadRequest
from django.http import HttpRequest

from ramme.core.money import format_number
from ramme.importing.errors import ParseError
from ramme.importing.parsing import parse_amount, parse_date

DATE_PATTERN = r"\d{1,2}[.\-/]\d{1,2}[.\-/]\d{4}|\d{4}-\d{2}-\d{2}"
DATE_PLACEHOLDER = "dd.mm.åååå"


def parse_money(text: str) -> Decimal:
    """``9.400.000`` → 9400000, ``-3,3`` → -3.3; raises ParseError with a Danish reason."""
    return parse_amount(text.replace("kr.", "").strip())


def parse_day(text: str) -> date | None:
    """``31.03.2024`` or ``2024-03-31``; blank is None; raises ParseError otherwise."""
    return parse_date(text)


def format_day(day: date | None) -> str:
    """``31.03.2024``: how every date input shows its value."""
    return "" if day is None else day.strftime("%d.%m.%Y")


def default_as_of() -> date:
    """The one default opgørelsesdato: the month end of the latest posting."""
    from ramme.web.forecasts.services.year_end import default_as_of as latest

    return latest()


def as_of_from(value: str | None, name: str = "dato") -> date:
    """The as-of date of a query or form value; blank is the default, bad input a 400."""
    if not value or not value.strip():
        return default_as_of()
    try:
        day = parse_day(value)
    except ParseError as error:
        raise BadRequest(f"Parameteren {name}: {error}.") from error
    return day or default_as_of()


# ``dato`` is the as-of date's one name in pages, forms and links; ``as_of`` (the report
# builders' option and the API's name) is read too, so an English link still lands right
AS_OF_PARAMETER = "dato"
AS_OF_ALIASES = ("as_of",)


def as_of_value(params: Any) -> str | None:
    """The raw as-of text of a query or form: ``dato`` first, then its alias ``as_of``."""
    for name in (AS_OF_PARAMETER, *AS_OF_ALIASES):
        if params.get(name):
            return str(params.get(name))
    return None


def as_of_from_request(request: HttpRequest) -> date:
    """``?dato=31.03.2024`` (or ISO, or ``?as_of=``, or either in a posted form), else the
    one default: every page and list reads its opgørelsesdato here."""
    value = as_of_value(request.POST) if request.method == "POST" else None
    return as_of_from(value or as_of_value(request.GET), AS_OF_PARAMETER)


class DanishDateInput(forms.TextInput):
    """A text input that shows dd.mm.åååå whatever the browser's language (a native date
    input follows the browser's locale, so an English browser showed mm/dd/yyyy)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        base = {
            "pattern": DATE_PATTERN,
            "placeholder": DATE_PLACEHOLDER,
            "inputmode": "numeric",
            "class": "date-input",
            "title": "Dato som dd.mm.åååå, fx 31.03.2024",
        }
        super().__init__(base | (attrs or {}))

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, date):
            return format_day(value)
        shown: str | None = super().format_value(value)
        return shown


class DanishDateField(forms.DateField):
    """A date field read by the one date parser."""

    widget = DanishDateInput

    def to_python(self, value: Any) -> date | None:
        if isinstance(value, date):
            return value
        if value in (None, ""):
            return None
        try:
            return parse_day(str(value))
        except ParseError as error:
            raise forms.ValidationError(f"{error}.") from error


class MoneyInput(forms.TextInput):
    """Shows an amount the Danish way (``9.400.000``) for editing."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "decimal", "class": "money-input"} | (attrs or {}))

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal | int):
            decimals = 0 if Decimal(value) == Decimal(value).to_integral_value() else 2
            return format_number(value, decimals)
        shown: str | None = super().format_value(value)
        return shown


class MoneyField(forms.DecimalField):
    """An amount read by the one money parser: ``9.400.000``, ``-3,3``, ``1.234,50``."""

    widget = MoneyInput

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # stubs: int
        if isinstance(value, Decimal):
            return value
        if value in (None, ""):
            return None
        try:
            return parse_money(str(value))
        except ParseError as error:
            raise forms.ValidationError(f"{error}.") from error

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # DecimalField would add step/min attributes for a number input; this is text
        return {}


def date_argument(text: str) -> date:
    """An argparse ``type``: the one date parser, with a Danish message on bad input."""
    import argparse

    try:
        day = parse_day(text)
    except ParseError as error:
        raise argparse.ArgumentTypeError(
            f"{error}; skriv datoen som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD (fx 31.03.2024)"
        ) from error
    if day is None:
        raise argparse.ArgumentTypeError("datoen mangler (fx 31.03.2024 eller 2024-03-31)")
    return day
