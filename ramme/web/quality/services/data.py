"""What the quality rules and the reconciliation read, loaded once per import like the
forecast's prepared arrays (the same cache): the dataset without its postings, and the
ledger as columns (``ledger.quality_ledger``)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from ramme.core.quality import Thresholds
from ramme.core.quality.ledger import QualityLedger
from ramme.core.records import Dataset
from ramme.web.data.dataset import load_dataset
from ramme.web.forecasts.services import cache
from ramme.web.quality.services.ledger import quality_ledger


def dataset() -> Dataset:
    """Everything in the database as core records but the postings (cached per import)."""
    return cache.per_import("quality-dataset", _load)


def ledger() -> QualityLedger:
    """The postings as the quality rules read them (cached per import)."""
    return cache.per_import(
        "quality-ledger", lambda: quality_ledger([m.measure_id for m in dataset().measures])
    )


def _load() -> Dataset:
    # The background task holds the forecast's dataset when it stores the findings:
    # reading it again cost 3 s of the task at Copenhagen size.
    prep = cache.prepared_if_held()
    return load_dataset(postings=False) if prep is None else prep.dataset


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
