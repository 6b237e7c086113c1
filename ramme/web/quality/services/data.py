"""The whole dataset (with postings) the quality rules and the reconciliation read, loaded
once per import like the forecast's prepared arrays (the same cache)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from django.conf import settings

from ramme.core.quality import Thresholds
from ramme.core.records import Dataset
from ramme.web.data.dataset import load_dataset, load_postings
from ramme.web.forecasts.services import cache


def dataset() -> Dataset:
    """Everything in the database as core records, postings included (cached per import)."""
    return cache.per_import("quality-dataset", _load)


def _load() -> Dataset:
    # The background task holds the forecast's dataset (everything but the postings) when
    # it stores the findings: reading it again cost 3 s of the task at Copenhagen size.
    prep = cache.prepared_if_held()
    if prep is None:
        return load_dataset()
    return replace(prep.dataset, postings=load_postings())


def thresholds() -> Thresholds:
    """The rules' thresholds from settings (``RAMME_QUALITY_*`` environment variables)."""
    default = Thresholds()
    return Thresholds(
        no_payment_days=int(
            getattr(settings, "RAMME_QUALITY_NO_PAYMENT_DAYS", default.no_payment_days)
        ),
        price_share=Decimal(
            str(getattr(settings, "RAMME_QUALITY_PRICE_SHARE", default.price_share))
        ),
        price_kr=Decimal(str(getattr(settings, "RAMME_QUALITY_PRICE_KR", default.price_kr))),
    )
