"""The what-if form: types, providers and cases chosen from lists (not typed codes)."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms

from ramme.web.accounts.access import visible_measures
from ramme.web.accounts.models import User
from ramme.web.data.models import MeasureType, Provider
from ramme.web.front.danish_input import DanishDateField, MoneyField
from ramme.web.plans.models import ActionPlan

KINDS = [
    ("fewer_new", "Færre nye indsatser pr. måned"),
    ("price_cut", "Lavere pris for de dyreste indsatser"),
    ("conversion", "Omlægning til billigere indsatstype pr. måned"),
]
# the what-if's kind → the action's mechanism (virkemiddel) when saved into a plan
MECHANISMS = {"fewer_new": "fewer_new", "price_cut": "lower_price", "conversion": "conversion"}
CASE_LIST_LIMIT = 300


class ListField(forms.MultipleChoiceField):
    """A multiple choice that also takes ``OPH,NPL`` (a link or an old bookmark)."""

    widget = forms.SelectMultiple(attrs={"size": 6})

    def to_python(self, value: Any) -> list[str]:
        values = [value] if isinstance(value, str) else list(value or [])
        return [
            code for v in values for code in str(v).replace(";", ",").split(",") if code.strip()
        ]


class WhatIfForm(forms.Form):
    kind = forms.ChoiceField(label="Handling", choices=KINDS)
    measure_types = ListField(
        label="Indsatstyper",
        initial=["OPH"],
        error_messages={"invalid_choice": "Ukendt indsatstype: %(value)s."},
    )
    to_types = ListField(
        label="Omlægges til",
        required=False,
        error_messages={"invalid_choice": "Ukendt indsatstype: %(value)s."},
    )
    providers = ListField(
        label="Kun leverandørerne (valgfrit)",
        required=False,
        error_messages={"invalid_choice": "Ukendt leverandør: %(value)s."},
    )
    cases = ListField(
        label="Kun sagerne (valgfrit)",
        required=False,
        error_messages={"invalid_choice": "Ukendt eller ikke din sag: %(value)s."},
    )
    per_month = MoneyField(label="Antal pr. måned", initial=4, min_value=0, max_digits=8,
                           decimal_places=2)  # fmt: skip
    top_n = forms.IntegerField(label="Antal dyreste", initial=20, min_value=1)
    cut_pct = MoneyField(label="Prisnedsættelse (%)", initial=10, min_value=0, max_value=100)
    start = DanishDateField(label="Virker fra (måned)")

    def __init__(self, *args: Any, as_of: date, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.as_of = as_of
        self.fields["start"].initial = date(as_of.year, min(as_of.month + 1, 12), 1)
        types = [(t.code, f"{t.code} – {t.name}") for t in MeasureType.objects.order_by("code")]
        providers = [(p.provider_id, p.name) for p in Provider.objects.order_by("name")]
        for name, choices in (
            ("measure_types", types),
            ("to_types", types),
            ("providers", providers),
            ("cases", _case_choices(user, as_of)),
        ):
            cast(ListField, self.fields[name]).choices = choices  # fmt: skip

    def clean_start(self) -> date:
        start: date = self.cleaned_data["start"]
        if start.year != self.as_of.year:
            raise forms.ValidationError(f"Måneden skal ligge i prognoseåret {self.as_of.year}.")
        return start

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == "conversion" and not data.get("to_types"):
            self.add_error("to_types", "Angiv hvilken indsatstype der omlægges til.")
        return data


def _case_choices(user: User | None, as_of: date) -> list[tuple[str, str]]:
    """The cases the user may see that run on ``as_of`` (caseworkers: their own)."""
    if user is None:
        return []
    rows = visible_measures(user).filter(start_date__lte=as_of).exclude(end_date__lt=as_of)
    rows = rows.select_related("measure_type").order_by("measure_id")[:CASE_LIST_LIMIT]
    return [(m.measure_id, f"{m.measure_id} ({m.measure_type.code})") for m in rows]


class SaveWhatIfForm(forms.Form):
    """Which plan the what-if becomes a proposed action of, and its area."""

    plan = forms.ModelChoiceField(label="Handleplan", queryset=ActionPlan.objects.all())
    effort_area = forms.CharField(label="Indsatsområde", max_length=200)
