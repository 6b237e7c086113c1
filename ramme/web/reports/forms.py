"""Forms of the portfolio and the transfers (Danish labels; errors shown beside each field)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from ramme.web.data.models import ActivityLine
from ramme.web.front.danish_input import MoneyField
from ramme.web.reports.models import Initiative

NEED_ROWS = 6


class InitiativeForm(forms.ModelForm):
    """An initiative; focus area and sub-strategy are typed (new ones are created)."""

    focus_area = forms.CharField(label="Fokusområde", max_length=200)
    sub_strategy = forms.CharField(label="Delstrategi", max_length=200)
    field_order = ["focus_area", "sub_strategy", "action", "problem"]

    class Meta:
        model = Initiative
        fields = ["action", *Initiative.DESCRIPTION, "indicators", "actions"]
        widgets = {
            "indicators": forms.CheckboxSelectMultiple,
            "actions": forms.CheckboxSelectMultiple,
            "problem": forms.Textarea(attrs={"rows": 3}),
            "expected_effect": forms.Textarea(attrs={"rows": 3}),
            "prerequisites": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"yearly_cost": MoneyField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["focus_area"] = self.instance.sub_strategy.focus_area.name
            self.initial["sub_strategy"] = self.instance.sub_strategy.name

    def clean_start_year(self) -> int | None:
        year = self.cleaned_data.get("start_year")
        if year is not None and not 1900 <= year <= 2200:
            raise forms.ValidationError("Skriv et årstal, fx 2025.")
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("yearly_cost_text") and data.get("yearly_cost") is None:
            self.add_error("yearly_cost_text", "Skriv de årlige udgifter som tekst eller beløb.")
        return data


class BudgetNeedForm(forms.Form):
    """One line of budget need (budgetbehov): a year and an amount."""

    year = forms.IntegerField(label="År", required=False, min_value=1900, max_value=2200)
    amount = MoneyField(label="Beløb (kr.)", required=False, max_digits=14, decimal_places=2)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("year") is None) != (data.get("amount") is None):
            missing = "year" if data.get("year") is None else "amount"
            self.add_error(missing, "Udfyld både år og beløb.")
        return data


BudgetNeedFormSet = forms.formset_factory(BudgetNeedForm, extra=0)


def needs_initial(initiative: Initiative | None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    if initiative is not None and initiative.pk:
        rows = [{"year": n.year, "amount": n.amount} for n in initiative.budget_needs.all()]
    return rows + [{}] * max(1, NEED_ROWS - len(rows))


def cleaned_needs(formset: forms.BaseFormSet) -> dict[int, Decimal]:
    """Year → amount from a valid formset; a year given twice is an error on the formset."""
    needs: dict[int, Decimal] = {}
    for form in formset.forms:
        year, amount = form.cleaned_data.get("year"), form.cleaned_data.get("amount")
        if year is None:
            continue
        if year in needs:
            form.add_error("year", "Året står allerede på en anden linje.")
        needs[year] = amount
    return needs


class PortfolioImportForm(forms.Form):
    file = forms.FileField(label="Regneark (XLSX eller CSV)")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError("Filen skal være et XLSX-regneark eller en CSV-fil.")
        return upload


class TransfersForm(forms.Form):
    """The transfers of a year: one amount per activity line and one for the frame."""

    def __init__(self, *args: Any, lines: list[ActivityLine], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines = lines
        self.fields["frame"] = self._amount("Rammen som helhed")
        for line in lines:
            self.fields[f"line_{line.pk}"] = self._amount(line.name)

    @staticmethod
    def _amount(label: str) -> forms.DecimalField:
        return MoneyField(label=label, required=False, max_digits=16, decimal_places=2)

    def amounts(self) -> dict[int | None, Decimal]:
        data = self.cleaned_data
        result: dict[int | None, Decimal] = {None: data.get("frame") or Decimal(0)}
        for line in self.lines:
            result[line.pk] = data.get(f"line_{line.pk}") or Decimal(0)
        return result
