"""Forms of the plans pages (Danish); they validate, the services write."""

from __future__ import annotations

from typing import Any

from django import forms

from ramme.core.periods import MONTH_ABBR_DA
from ramme.web.data.models import MeasureType
from ramme.web.front.danish_input import DanishDateField, DanishDateInput, MoneyField
from ramme.web.plans.models import Action, ActionPlan, Indicator

MONTH_FIELDS = [f"effect_{m}" for m in range(1, 13)]
DATE_INPUT = DanishDateInput()
INDICATOR_DATES = ("baseline_from", "baseline_to", "target_date")
OVERSPEND_FIELDS = ("overspend_at_start", "overspend_last_update", "overspend_after_update")


def _check_codes(text: str) -> str:
    known = set(MeasureType.objects.values_list("code", flat=True))
    unknown = [c for c in Action.codes(text) if c not in known]
    if unknown:
        raise forms.ValidationError(f"Ukendt indsatstype: {', '.join(unknown)}.")
    return ",".join(Action.codes(text))


class PlanForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ActionPlan
        fields = [
            "title", "year", "centre", "responsible", "unit", "unit_responsible", "start_date",
            "last_updated", "cause", "overspend_at_start", "overspend_last_update",
            "overspend_after_update",
        ]  # fmt: skip
        widgets = {"start_date": DATE_INPUT, "last_updated": DATE_INPUT}
        field_classes = {"start_date": DanishDateField, "last_updated": DanishDateField} | {
            name: MoneyField for name in OVERSPEND_FIELDS
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, year = data.get("start_date"), data.get("year")
        if start and year and start.year != year:
            self.add_error("start_date", f"Startdatoen skal ligge i planens år ({year}).")
        return data


class ActionForm(forms.ModelForm):
    """An action and its expected saving per month of the plan year."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Action
        fields = [
            "effort_area", "goal", "action_text", "consequences", "mechanism", "measure_types",
            "to_types", "providers", "provider_kind", "from_date", "count_per_month",
            "price_change_pct", "top_n",
        ]  # fmt: skip
        widgets = {
            "from_date": DATE_INPUT,
            "goal": forms.Textarea(attrs={"rows": 2}),
            "action_text": forms.Textarea(attrs={"rows": 3}),
            "consequences": forms.Textarea(attrs={"rows": 2}),
        }
        field_classes = {"from_date": DanishDateField}

    def __init__(self, *args: Any, plan: ActionPlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["count_per_month"].validators.append(_not_negative)
        for name, label in zip(MONTH_FIELDS, MONTH_ABBR_DA, strict=True):
            self.fields[name] = MoneyField(
                label=f"{label} {plan.year}", required=False, max_digits=14, decimal_places=2
            )
        if self.instance.pk:
            for e in self.instance.expected.all():
                self.initial[f"effect_{e.month}"] = e.amount

    def clean_measure_types(self) -> str:
        return _check_codes(self.cleaned_data.get("measure_types", ""))

    def clean_to_types(self) -> str:
        return _check_codes(self.cleaned_data.get("to_types", ""))

    def clean_from_date(self) -> Any:
        day = self.cleaned_data.get("from_date")
        if day is not None and day.year != self.plan.year:
            raise forms.ValidationError(f"Datoen skal ligge i planens år ({self.plan.year}).")
        return day

    def effects(self) -> dict[int, Any]:
        return {m: self.cleaned_data.get(f"effect_{m}") for m in range(1, 13)}

    def month_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in MONTH_FIELDS]

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.Meta.fields]


def _not_negative(value: Any) -> None:
    if value is not None and value < 0:
        raise forms.ValidationError("Antallet kan ikke være negativt.")


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name", "area", "plan", "kind", "measure_types", "share_of_types", "provider_kind",
            "event_kind", "baseline_from", "baseline_to", "change", "relative", "target_date",
        ]  # fmt: skip
        widgets = {n: DATE_INPUT for n in INDICATOR_DATES}
        field_classes = {n: DanishDateField for n in INDICATOR_DATES}

    def clean_measure_types(self) -> str:
        return _check_codes(self.cleaned_data.get("measure_types", ""))

    def clean_share_of_types(self) -> str:
        return _check_codes(self.cleaned_data.get("share_of_types", ""))


class ConclusionForm(forms.Form):
    month = DanishDateField(label="Måned")
    text = forms.CharField(label="Delkonklusion", widget=forms.Textarea(attrs={"rows": 4}))


class ReviewForm(forms.Form):
    measure_id = forms.CharField(widget=forms.HiddenInput)
    reviewed_on = DanishDateField(label="Gennemgået")
    note = forms.CharField(label="Note", required=False)


class LinkForm(forms.Form):
    """Link a measure to the action that changed it (knyt indsats til handling)."""

    measure_id = forms.CharField(label="Indsats-id", max_length=50)
    note = forms.CharField(label="Note", max_length=300, required=False)
