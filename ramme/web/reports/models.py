"""The initiative portfolio (initiativportefølje).

Focus area → sub-strategy → initiative, as in Copenhagen's city strategy. The yearly
transfers (overførsler) are budget data: ``ramme.web.budgets.models.YearTransfer``.
"""

from __future__ import annotations

from django.db import models


class FocusArea(models.Model):
    """A focus area (fokusområde) of the strategy."""

    name = models.CharField("fokusområde", max_length=200, unique=True)
    position = models.PositiveIntegerField("rækkefølge", default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "fokusområde"
        verbose_name_plural = "fokusområder"

    def __str__(self) -> str:
        return self.name


class SubStrategy(models.Model):
    """A sub-strategy (delstrategi) within a focus area."""

    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.CASCADE,
        related_name="sub_strategies",
        verbose_name="fokusområde",
    )
    name = models.CharField("delstrategi", max_length=200)
    position = models.PositiveIntegerField("rækkefølge", default=0)

    class Meta:
        ordering = ["focus_area__position", "focus_area__name", "position", "name"]
        verbose_name = "delstrategi"
        verbose_name_plural = "delstrategier"
        constraints = [
            models.UniqueConstraint(fields=["focus_area", "name"], name="substrategy_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.focus_area.name} – {self.name}"


class Initiative(models.Model):
    """An initiative (initiativ, tiltag): the action taken against a problem."""

    # What the economist writes about it, beside its action: the form edits these and a
    # re-import of the portfolio compares them to tell a changed initiative.
    DESCRIPTION = (
        "problem", "yearly_cost_text", "yearly_cost", "financing", "expected_effect",
        "prerequisites", "start_year",
    )  # fmt: skip

    sub_strategy = models.ForeignKey(
        SubStrategy,
        on_delete=models.CASCADE,
        related_name="initiatives",
        verbose_name="delstrategi",
    )
    action = models.CharField("handling", max_length=300)
    problem = models.TextField("problem", blank=True)
    yearly_cost = models.DecimalField(
        "årlige forventede udgifter (kr.)", max_digits=14, decimal_places=2, null=True, blank=True
    )
    yearly_cost_text = models.CharField(
        "årlige forventede udgifter (tekst)",
        max_length=300,
        blank=True,
        help_text="Fx «3 mill. kr. (i 2 år)» eller «Finansieres inden for den eksisterende ramme».",
    )
    financing = models.CharField("finansiering", max_length=300, blank=True)
    expected_effect = models.TextField("forventet effekt", blank=True)
    prerequisites = models.TextField("implementeringsforudsætninger", blank=True)
    start_year = models.PositiveIntegerField(
        "anbefalet implementeringsstart", null=True, blank=True
    )
    position = models.PositiveIntegerField("rækkefølge", default=0)
    indicators = models.ManyToManyField(
        "plans.Indicator", blank=True, related_name="initiatives", verbose_name="pejlemærker"
    )
    actions = models.ManyToManyField(
        "plans.Action", blank=True, related_name="initiatives", verbose_name="handlinger"
    )

    class Meta:
        ordering = [
            "sub_strategy__focus_area__position",
            "sub_strategy__focus_area__name",
            "sub_strategy__position",
            "sub_strategy__name",
            "position",
            "id",
        ]
        verbose_name = "initiativ"
        verbose_name_plural = "initiativer"
        constraints = [
            models.UniqueConstraint(
                fields=["sub_strategy", "action"], name="initiative_unique_action"
            )
        ]

    def __str__(self) -> str:
        return self.action


class InitiativeBudgetNeed(models.Model):
    """The budget need (budgetbehov) of an initiative in one year."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="budget_needs", verbose_name="initiativ"
    )
    year = models.PositiveIntegerField("år")
    amount = models.DecimalField("beløb (kr.)", max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["year"]
        verbose_name = "budgetbehov"
        verbose_name_plural = "budgetbehov"
        constraints = [
            models.UniqueConstraint(fields=["initiative", "year"], name="budgetneed_unique_year")
        ]


class RenderedPdf(models.Model):
    """A report's PDF kept under the SHA-256 of the HTML it was laid out from (issue 12):
    WeasyPrint takes about 2 s at Copenhagen size, and the committee's members, the CLI and
    the after-import task ask for the same document. Never the restricted version."""

    key = models.CharField("nøgle (SHA-256 af HTML)", max_length=64, unique=True)
    created = models.DateTimeField("dannet", auto_now_add=True)
    content = models.BinaryField("PDF")

    class Meta:
        verbose_name = "dannet PDF"
        verbose_name_plural = "dannede PDF'er"

    def __str__(self) -> str:
        return self.key[:12]
