"""The Danish template filters delegate to ramme.core.money and periods."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from django.template import Context, Template


def render(source: str, **context: object) -> str:
    return Template("{% load danish %}" + source).render(Context(context))


def test_kr_mio_and_number_use_danish_separators() -> None:
    assert render("{{ v|kr }}", v=Decimal("1175000.4")) == "1.175.000 kr."
    assert render("{{ v|mio }}", v=Decimal("-3260000")) == "-3,3 mio. kr."
    assert render("{{ v|mio:2 }}", v=Decimal("1234567")) == "1,23 mio. kr."
    assert render("{{ v|number }}", v=12345) == "12.345"
    assert render("{{ v|number:1 }}", v=Decimal("0.25")) == "0,3"


def test_blank_values_render_empty_not_none() -> None:
    assert render("[{{ v|kr }}{{ v|mio }}{{ v|number }}{{ v|dkdate }}]", v=None) == "[]"


def test_dkdate_formats_dates_and_local_times() -> None:
    assert render("{{ d|dkdate }}", d=date(2024, 3, 31)) == "31.03.2024"
    # 22:30 UTC is 00:30 the next day in Copenhagen (summer time)
    moment = datetime(2024, 6, 30, 22, 30, tzinfo=UTC)
    assert render("{{ d|dkdate }}", d=moment) == "01.07.2024 kl. 00.30"
