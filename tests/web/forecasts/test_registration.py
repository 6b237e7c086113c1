"""Late registrations learned from the data reach the JSON, the stored forecast and the
follow-up page (the method: tests/core/forecast/test_pending.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.test import Client

from ramme.core.forecast import Forecast, forecast, prepare
from ramme.core.forecast.results import RegistrationDelays
from ramme.web.accounts.models import User
from ramme.web.forecasts.services import followup, year_end
from ramme.web.forecasts.services.snapshots import rebuild, snapshot_payload
from tests.core.forecast.builders import dataset
from tests.core.forecast.test_pending import AS_OF, _world
from tests.web.personas import PASSWORD


@pytest.mark.django_db
def test_the_json_and_the_stored_forecast_keep_what_was_assumed() -> None:
    measures, _ = _world(45.0, n=800)
    fc = forecast(prepare(dataset(measures)), AS_OF, simulations=0)
    reg = fc.registration
    assert reg is not None and reg.end_lag > 0 and reg.end_effect > 0
    payload = fc.to_dict()
    assert payload["registration"]["end_lag"] == round(reg.end_lag, 1)
    back = rebuild(snapshot_payload(fc, payload))
    assert back.registration == RegistrationDelays(**payload["registration"])


def _page(monkeypatch: pytest.MonkeyPatch, reg: RegistrationDelays) -> str:
    real = year_end.compute_forecast

    def with_delays(*args: Any, **kwargs: Any) -> Forecast:
        return dataclasses.replace(real(*args, **kwargs), registration=reg)

    monkeypatch.setattr(followup, "compute_forecast", with_delays)
    client = Client()
    assert client.login(username="erik", password=PASSWORD)
    return client.get("/prognose/?dato=30.09.2024").content.decode()


def test_the_follow_up_page_says_so_in_danish(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    html = _page(monkeypatch, RegistrationDelays(34.0, 12.4, 2_500_000.0, 21.0, 3.0, 400_000.0))
    assert 'id="registrering"' in html
    assert "Ophør registreres i gennemsnit 34 dage" in html
    assert "omkring 12 indsatser" in html
    assert "2,5 mio. kr." in html
    assert "Nye indsatser registreres i gennemsnit 21 dage" in html


def test_no_note_without_late_registrations(
    example: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    html = _page(monkeypatch, RegistrationDelays(0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
    assert 'id="registrering"' not in html
