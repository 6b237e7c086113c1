"""Models for every file of the data contract (../shared/data-contract.md).

Keys from the files (measure_id, posting_id, ...) are kept as unique text columns so a
re-import updates rows by key. Children are stored by pseudonym or opaque key only.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone

from ramme.core.ladder import LadderStep

LADDER_CHOICES = [(step.value, step.label) for step in LadderStep]


def _valid_from_import() -> models.PositiveIntegerField:
    """The import that wrote this version of the row (gyldig fra import nr.); empty for rows
    from before versioning (docs/data-versions.md)."""
    return models.PositiveIntegerField("gyldig fra import", null=True, blank=True, editable=False)


class ActivityLine(models.Model):
    """A budget activity line (aktivitet) of the frame, e.g. ``Opholdssted``."""

    name = models.CharField("aktivitet", max_length=100, unique=True)
    ladder_step = models.CharField("trin", max_length=20, choices=LADDER_CHOICES)
    position = models.PositiveIntegerField("rækkefølge", default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "aktivitet"
        verbose_name_plural = "aktiviteter"

    def __str__(self) -> str:
        return self.name


class MappingRule(models.Model):
    """One row of activities.csv: which postings belong to an activity line, in file order."""

    activity = models.ForeignKey(ActivityLine, on_delete=models.CASCADE, related_name="rules")
    position = models.PositiveIntegerField("rækkefølge", unique=True)
    account = models.CharField("funktion", max_length=20, blank=True)
    dranst = models.CharField("dranst", max_length=2, blank=True)
    cost_center = models.CharField("omkostningssted", max_length=50, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = "konteringsregel"
        verbose_name_plural = "konteringsregler"


class MeasureType(models.Model):
    """A measure type of the catalogue (indsatskatalog), e.g. ``OPH``."""

    code = models.CharField("kode", max_length=30, unique=True)
    name = models.CharField("navn", max_length=200)
    ladder_step = models.CharField("trin", max_length=20, choices=LADDER_CHOICES)
    activity = models.ForeignKey(ActivityLine, on_delete=models.PROTECT, verbose_name="aktivitet")
    account = models.CharField("funktion", max_length=20, blank=True)
    duration_limit_days = models.PositiveIntegerField(
        "varighedsgrænse (dage)", null=True, blank=True
    )
    extra = models.JSONField("øvrige kolonner", default=dict, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "indsatstype"
        verbose_name_plural = "indsatskatalog"

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Provider(models.Model):
    """A provider (leverandør): internal unit or bought place."""

    class Kind(models.TextChoices):
        INTERNAL = "intern", "Intern"
        EXTERNAL = "ekstern", "Ekstern"

    provider_id = models.CharField("leverandør-id", max_length=50, unique=True)
    name = models.CharField("navn", max_length=200)
    kind = models.CharField("type", max_length=10, choices=Kind.choices)
    extra = models.JSONField("øvrige kolonner", default=dict, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "leverandør"
        verbose_name_plural = "leverandører"

    def __str__(self) -> str:
        return self.name


class LegalParagraph(models.Model):
    """A legal basis (hjemmel): Serviceloven and Barnets lov side by side.

    A measure keeps its old basis until a new decision (BL § 213), so both code sets live
    on; ``successor`` links an SEL paragraph to the Barnets lov paragraph that replaced it.
    """

    class Law(models.TextChoices):
        SEL = "SEL", "Serviceloven"
        BL = "BL", "Barnets lov"

    key = models.CharField("nøgle", max_length=40, unique=True)  # e.g. SEL-52-3.7, BL-46
    law = models.CharField("lov", max_length=3, choices=Law.choices)
    text = models.CharField("betegnelse", max_length=300, blank=True)
    ladder_step = models.CharField("trin", max_length=20, choices=LADDER_CHOICES, blank=True)
    successor = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="predecessors"
    )

    class Meta:
        ordering = ["law", "key"]
        verbose_name = "hjemmel"
        verbose_name_plural = "hjemler"

    def __str__(self) -> str:
        return f"{self.key} {self.text}".strip()


class Child(models.Model):
    """A child (barn), by opaque key or keyed CPR pseudonym; never the CPR number itself."""

    key = models.CharField("nøgle", max_length=64, unique=True)
    birth_date = models.DateField("fødselsdato", null=True, blank=True)
    replacement_cpr = models.BooleanField("erstatningsnummer", default=False)
    caseworker = models.CharField("rådgiver", max_length=150, blank=True, db_index=True)
    team = models.CharField("team", max_length=100, blank=True, db_index=True)
    household = models.CharField("husstand", max_length=64, blank=True)
    extra = models.JSONField("øvrige kolonner", default=dict, blank=True)
    valid_from_import = _valid_from_import()

    class Meta:
        verbose_name = "barn"
        verbose_name_plural = "børn"

    def __str__(self) -> str:
        return self.key


class Measure(models.Model):
    """A granted measure (indsats, foranstaltning) for a child."""

    measure_id = models.CharField("indsats-id", max_length=64, unique=True)
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="measures")
    measure_type = models.ForeignKey(MeasureType, on_delete=models.PROTECT, verbose_name="type")
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.PROTECT)
    start_date = models.DateField("startdato", db_index=True)
    end_date = models.DateField("slutdato", null=True, blank=True, db_index=True)
    planned_end_date = models.DateField("forventet slutdato", null=True, blank=True)
    legal_basis = models.CharField("hjemmel (tekst)", max_length=100, blank=True)
    legal_paragraph = models.ForeignKey(
        LegalParagraph, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="hjemmel"
    )
    approved_by = models.CharField("godkendt af", max_length=150, blank=True)
    approved_at = models.DateField("godkendt dato", null=True, blank=True)
    extra = models.JSONField("øvrige kolonner", default=dict, blank=True)
    valid_from_import = _valid_from_import()

    class Meta:
        ordering = ["measure_id"]
        verbose_name = "indsats"
        verbose_name_plural = "indsatser"

    def __str__(self) -> str:
        return self.measure_id


class PricePeriod(models.Model):
    """A price (takst) of a measure for a period: base price or supplement (tillæg)."""

    # The columns that make up a price period's content, in the contract's order: the importer
    # compares sets of them and the dataset loader reads them.
    CONTENT_FIELDS: ClassVar[tuple[str, ...]] = (
        "valid_from",
        "valid_to",
        "kind",
        "amount",
        "unit",
        "hours_per_week",
        "negotiated",
        "note",
    )

    class Kind(models.TextChoices):
        BASE = "base", "Basispris"
        SUPPLEMENT = "supplement", "Tillæg"

    class Unit(models.TextChoices):
        DAY = "day", "dag"
        WEEK = "week", "uge"
        MONTH = "month", "måned"
        YEAR = "year", "år"
        HOUR = "hour", "time"
        ONCE = "once", "engang"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="prices")
    valid_from = models.DateField("fra")
    valid_to = models.DateField("til", null=True, blank=True)
    kind = models.CharField("art", max_length=12, choices=Kind.choices)
    amount = models.DecimalField("beløb", max_digits=14, decimal_places=2)
    unit = models.CharField("enhed", max_length=6, choices=Unit.choices)
    hours_per_week = models.DecimalField(
        "timer pr. uge", max_digits=6, decimal_places=2, null=True, blank=True
    )
    negotiated = models.BooleanField("forhandlet", null=True, blank=True)
    note = models.CharField("note", max_length=500, blank=True)
    valid_from_import = _valid_from_import()

    class Meta:
        ordering = ["measure_id", "valid_from", "kind"]
        verbose_name = "takst"
        verbose_name_plural = "takster"


class PriceIndex(models.Model):
    """The regulation rate of running prices on 1 January (pris- og lønfremskrivning)."""

    year = models.PositiveIntegerField("år", unique=True)
    rate = models.DecimalField("sats (%)", max_digits=6, decimal_places=3)
    valid_from_import = _valid_from_import()

    class Meta:
        ordering = ["year"]
        verbose_name = "prisfremskrivning"
        verbose_name_plural = "prisfremskrivninger"


class Posting(models.Model):
    """A ledger posting (postering) from the financial system, mapped to an activity line."""

    posting_id = models.CharField("bilag", max_length=64, unique=True)
    date = models.DateField("bogføringsdato", db_index=True)
    account = models.CharField("funktion", max_length=20)
    dranst = models.PositiveSmallIntegerField("dranst")
    cost_center = models.CharField("omkostningssted", max_length=50, blank=True)
    amount = models.DecimalField("beløb", max_digits=14, decimal_places=2)
    text = models.CharField("tekst", max_length=500, blank=True)
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.SET_NULL)
    child = models.ForeignKey(Child, null=True, blank=True, on_delete=models.SET_NULL)
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.SET_NULL)
    activity = models.ForeignKey(
        ActivityLine,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name="aktivitet",
        db_index=False,  # the (activity, date) index below serves lookups by activity
    )
    valid_from_import = _valid_from_import()

    class Meta:
        verbose_name = "postering"
        verbose_name_plural = "posteringer"
        indexes = [models.Index(fields=["activity", "date"])]


class Budget(models.Model):
    """Adopted (vedtaget) or corrected (korrigeret) budget of an activity line for a year."""

    class Kind(models.TextChoices):
        ADOPTED = "vedtaget", "Vedtaget"
        CORRECTED = "korrigeret", "Korrigeret"

    year = models.PositiveIntegerField("år")
    activity = models.ForeignKey(ActivityLine, on_delete=models.CASCADE, verbose_name="aktivitet")
    kind = models.CharField("art", max_length=10, choices=Kind.choices)
    date = models.DateField("dato", null=True, blank=True)
    amount = models.DecimalField("beløb", max_digits=16, decimal_places=2)
    # a correction entered on the budget page says why and who; imported rows leave them blank
    note = models.CharField("note", max_length=300, blank=True)
    entered_by = models.CharField("indtastet af", max_length=150, blank=True)
    entered_at = models.DateTimeField("indtastet", null=True, blank=True)
    valid_from_import = _valid_from_import()

    class Meta:
        ordering = ["year", "activity", "kind", "date"]
        verbose_name = "budget"
        verbose_name_plural = "budgetter"
        constraints = [
            models.UniqueConstraint(
                fields=["year", "activity", "kind", "date"], name="budget_unique_key"
            )
        ]


class Event(models.Model):
    """A count that is not money: notification (underretning), child investigation, ..."""

    event_id = models.CharField("hændelses-id", max_length=64, unique=True)
    date = models.DateField("dato", db_index=True)
    kind = models.CharField("art", max_length=30, db_index=True)
    child = models.ForeignKey(Child, null=True, blank=True, on_delete=models.SET_NULL)
    end_date = models.DateField("afsluttet", null=True, blank=True)  # contract v2
    valid_from_import = _valid_from_import()

    class Meta:
        ordering = ["date"]
        verbose_name = "hændelse"
        verbose_name_plural = "hændelser"


class Population(models.Model):
    """Inhabitants of one age on 1 January (folketal, Statistics Denmark's FOLK1A)."""

    year = models.PositiveIntegerField("år")
    age = models.PositiveSmallIntegerField("alder")
    count = models.PositiveIntegerField("antal")

    class Meta:
        ordering = ["year", "age"]
        verbose_name = "folketal"
        verbose_name_plural = "folketal"
        constraints = [models.UniqueConstraint(fields=["year", "age"], name="population_key")]


class BenchmarkFigure(models.Model):
    """Another municipality's or the country's key figure (nøgletal) for a year."""

    year = models.PositiveIntegerField("år")
    municipality = models.CharField("kommune", max_length=100)
    indicator = models.CharField("nøgletal", max_length=60)
    value = models.DecimalField("værdi", max_digits=16, decimal_places=4)
    source = models.CharField("kilde", max_length=200, blank=True)

    class Meta:
        ordering = ["indicator", "municipality", "year"]
        verbose_name = "sammenligningstal"
        verbose_name_plural = "sammenligningstal"
        constraints = [
            models.UniqueConstraint(
                fields=["year", "municipality", "indicator"], name="benchmark_key"
            )
        ]


class WaitingSpell(models.Model):
    """A child on the waiting list (venteliste) of an internal offer, from ``since``."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="waiting")
    offer = models.ForeignKey(Provider, on_delete=models.PROTECT, verbose_name="tilbud")
    since = models.DateField("på venteliste fra")
    until = models.DateField("til", null=True, blank=True)

    class Meta:
        ordering = ["offer", "since"]
        verbose_name = "venteliste"
        verbose_name_plural = "ventelister"
        constraints = [
            models.UniqueConstraint(fields=["child", "offer", "since"], name="waiting_key")
        ]


class StaffPeriod(models.Model):
    """Places (pladser) and staff of an internal offer for a period (``valid_to`` inclusive)."""

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, verbose_name="tilbud")
    valid_from = models.DateField("fra")
    valid_to = models.DateField("til", null=True, blank=True)
    places = models.PositiveIntegerField("pladser", null=True, blank=True)
    staff = models.DecimalField(
        "medarbejdere", max_digits=8, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["provider", "valid_from"]
        verbose_name = "kapacitet"
        verbose_name_plural = "kapacitet"
        constraints = [models.UniqueConstraint(fields=["provider", "valid_from"], name="staff_key")]


class ImportRun(models.Model):
    """One import (import): who, when, by which path, which files (with checksums), how
    long, and what it changed (a summary, never CPR numbers). Failed imports are kept too."""

    started_at = models.DateTimeField("start", default=timezone.now)
    finished_at = models.DateTimeField("slut", null=True, blank=True)
    username = models.CharField("bruger", max_length=150, blank=True)
    origin = models.CharField("kilde", max_length=10, default="cli")  # cli, web or api
    source = models.CharField("mappe", max_length=500)
    succeeded = models.BooleanField("gennemført", default=False)
    error_count = models.PositiveIntegerField("fejl", default=0)
    files = models.JSONField("filer", default=list, blank=True)
    summary = models.JSONField("resumé", default=dict, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "import"
        verbose_name_plural = "importer"

    @property
    def seconds(self) -> float | None:
        """How long the import took (varighed), when it is known."""
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


# The superseded versions of the case data the forecast reads (docs/data-versions.md).
from ramme.web.data.history import history_model  # noqa: E402

ChildVersion = history_model(Child, "ChildVersion")
MeasureVersion = history_model(Measure, "MeasureVersion")
PricePeriodVersion = history_model(PricePeriod, "PricePeriodVersion")
PriceIndexVersion = history_model(PriceIndex, "PriceIndexVersion")
PostingVersion = history_model(Posting, "PostingVersion")
BudgetVersion = history_model(Budget, "BudgetVersion")
EventVersion = history_model(Event, "EventVersion")
