"""Action plans (handleplaner), their actions and effects, key indicators, reviews.

Every row records who created and last changed it; every change also writes the audit log
through the service functions in ``services/``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ramme.core.plans.effects import MECHANISM_LABELS
from ramme.core.plans.indicators import KIND_LABELS
from ramme.web.data.models import Measure, Provider

MECHANISM_CHOICES = [(k.value, label) for k, label in MECHANISM_LABELS.items()]
KIND_CHOICES = [(k.value, label) for k, label in KIND_LABELS.items()]
PROVIDER_KIND_CHOICES = [("", "Alle"), ("intern", "Intern"), ("ekstern", "Ekstern")]


class Tracked(models.Model):
    """Created and updated by whom and when."""

    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    updated_at = models.DateTimeField("ændret", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="oprettet af",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="ændret af",
    )

    class Meta:
        abstract = True


class ActionPlan(Tracked):
    """An economic action plan against an expected overspend (2021 template, seed 004)."""

    title = models.CharField("titel", max_length=200)
    year = models.PositiveIntegerField("år")
    centre = models.CharField("center", max_length=200, blank=True)
    responsible = models.CharField("ansvarlig", max_length=200, blank=True)
    unit = models.CharField("virksomhed / område", max_length=200, blank=True)
    unit_responsible = models.CharField("ansvarlig for området", max_length=200, blank=True)
    start_date = models.DateField("opstart af handleplan")
    last_updated = models.DateField("opdateret", null=True, blank=True)
    cause = models.TextField("årsag til merforbrug", blank=True)
    overspend_at_start = models.DecimalField(
        "forventet merforbrug ved opstart", max_digits=14, decimal_places=2, null=True, blank=True
    )
    overspend_last_update = models.DecimalField(
        "forventet merforbrug ved sidste opdatering",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    overspend_after_update = models.DecimalField(
        "forventet merforbrug efter denne opdatering",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    version = models.PositiveIntegerField("version", default=1)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = "handleplan"
        verbose_name_plural = "handleplaner"

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class Action(Tracked):
    """One action (handling) of a plan: area, goal, mechanism, target and parameters."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveIntegerField("nr.")
    effort_area = models.CharField("indsatsområde", max_length=200)
    goal = models.TextField("konkrete mål", blank=True)
    action_text = models.TextField("handling og indsats", blank=True)
    consequences = models.TextField("konsekvenser", blank=True)
    mechanism = models.CharField("virkemiddel", max_length=20, choices=MECHANISM_CHOICES)
    measure_types = models.CharField("indsatstyper (koder)", max_length=300, blank=True)
    to_types = models.CharField("omlægges til (koder)", max_length=300, blank=True)
    providers = models.CharField("leverandører (id)", max_length=300, blank=True)
    provider_kind = models.CharField(
        "leverandørtype", max_length=10, choices=PROVIDER_KIND_CHOICES, blank=True
    )
    from_date = models.DateField("virker fra")
    count_per_month = models.DecimalField(
        "antal pr. måned", max_digits=8, decimal_places=2, null=True, blank=True
    )
    price_change_pct = models.DecimalField(
        "prisændring (%)", max_digits=6, decimal_places=2, null=True, blank=True
    )
    top_n = models.PositiveIntegerField("antal dyreste", null=True, blank=True)
    # saved from the what-if page: proposed (foreslået) until the plan adopts it
    proposed = models.BooleanField("foreslået", default=False)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = "handling"
        verbose_name_plural = "handlinger"
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="action_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.effort_area}"

    @staticmethod
    def codes(text: str) -> list[str]:
        return [c.strip() for c in text.replace(";", ",").split(",") if c.strip()]


class ExpectedEffect(models.Model):
    """The template's table: expected saving of an action in a month of the plan year."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="expected")
    month = models.PositiveSmallIntegerField("måned")
    amount = models.DecimalField("beløb", max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["action", "month"]
        constraints = [
            models.UniqueConstraint(fields=["action", "month"], name="expected_effect_unique")
        ]


class MeasureActionLink(Tracked):
    """A measure changed by an action (e.g. a renegotiated price, a conversion)."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="action_links")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="links")
    note = models.CharField("note", max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["measure", "action"], name="measure_action_unique")
        ]


class Indicator(Tracked):
    """A key indicator (pejlemærke): definition, baseline period and target."""

    name = models.CharField("navn", max_length=200)
    area = models.CharField("område", max_length=100, blank=True)
    plan = models.ForeignKey(
        ActionPlan, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    kind = models.CharField("art", max_length=20, choices=KIND_CHOICES)
    measure_types = models.CharField("indsatstyper (koder)", max_length=300, blank=True)
    share_of_types = models.CharField("andel af typer (koder)", max_length=300, blank=True)
    provider_kind = models.CharField(
        "leverandørtype", max_length=10, choices=PROVIDER_KIND_CHOICES, blank=True
    )
    event_kind = models.CharField("hændelsesart", max_length=30, blank=True)
    baseline_from = models.DateField("basisperiode fra")
    baseline_to = models.DateField("basisperiode til")
    change = models.DecimalField("ændring", max_digits=10, decimal_places=3)
    relative = models.BooleanField("relativ ændring (andel)", default=True)
    target_date = models.DateField("mål senest")
    position = models.PositiveIntegerField("rækkefølge", default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "pejlemærke"
        verbose_name_plural = "pejlemærker"

    def __str__(self) -> str:
        return self.name


class IndicatorConclusion(models.Model):
    """The month's conclusion (delkonklusion) on an indicator, by a user."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="conclusions")
    month = models.DateField("måned")  # first day of the month
    text = models.TextField("delkonklusion")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name="forfatter"
    )
    created_at = models.DateTimeField("skrevet", auto_now_add=True)

    class Meta:
        ordering = ["-month", "-created_at"]


class Review(models.Model):
    """A review (gennemgang) of a measure by caseworker and team leader."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField("gennemgået")
    reviewer = models.CharField("gennemgået af", max_length=150)
    note = models.TextField("note", blank=True)
    created_at = models.DateTimeField("registreret", auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on"]


class InternalOffer(Tracked):
    """Capacity of an internal provider: places, waiting list, contact persons."""

    provider = models.OneToOneField(Provider, on_delete=models.CASCADE, verbose_name="leverandør")
    label = models.CharField("tilbud", max_length=200, blank=True)
    places = models.PositiveIntegerField("pladser")
    waiting = models.PositiveIntegerField("venteliste", default=0)
    staff = models.PositiveIntegerField("kontaktpersoner", default=0)
    measure_types = models.CharField(
        "indsatstyper (koder)", max_length=300, blank=True,
        help_text="Kun disse typer hos leverandøren tæller som belagte pladser; tom: alle.",
    )  # fmt: skip

    class Meta:
        verbose_name = "internt tilbud"
        verbose_name_plural = "interne tilbud"

    def __str__(self) -> str:
        return self.label or str(self.provider)
