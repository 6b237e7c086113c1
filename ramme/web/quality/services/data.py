"""The whole dataset (with postings) the quality rules and the reconciliation read, loaded
once per import like the forecast's prepared arrays (the same cache)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from ramme.core.quality import Thresholds
from ramme.core.records import Dataset
from ramme.web.data.dataset import load_dataset
from ramme.web.forecasts.services import cache


def dataset() -> Dataset:
    """Everything in the database as core records, postings included (cached per import)."""
    return cache.per_import("quality-dataset", load_dataset)


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
