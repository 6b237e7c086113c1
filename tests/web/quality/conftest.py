"""The example municipality (alice and bob are caseworkers, erik an economist) with a
planted unmapped posting and one unlinked posting in alice's and in bob's case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ramme.web.accounts.models import User
from ramme.web.data.models import ActivityLine, Child, Posting
from ramme.web.data.services.mapping import remap_postings
from ramme.web.forecasts.services import cache
from tests.web.forecasts.conftest import AS_OF
from tests.web.forecasts.conftest import _fast_forecast as _fast_forecast
from tests.web.forecasts.conftest import example as example

PLANTED_DAY = date(AS_OF.year, AS_OF.month, 15)


def child_of(caseworker: str) -> Child:
    child = Child.objects.filter(caseworker=caseworker).order_by("key").first()
    assert child is not None, caseworker
    return child


@pytest.fixture
def planted(example: dict[str, User]) -> dict[str, User]:
    line = ActivityLine.objects.order_by("position").first()
    common = {"date": PLANTED_DAY, "dranst": 1, "activity": line}
    Posting.objects.create(posting_id="X-UNMAPPED", account="9.99.99", amount=Decimal("1234.56"),
                           date=PLANTED_DAY, dranst=1, text="Fejlkonteret")  # fmt: skip
    for name in ("alice", "bob"):
        Posting.objects.create(posting_id=f"X-{name}", account="5.28.20", amount=Decimal(4000),
                               child=child_of(name), **common)  # fmt: skip
    remap_postings()  # as an import would: the unmapped one stays without a line
    cache.clear()
    return example
