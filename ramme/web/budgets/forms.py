"""The budget form: line, kind, amount (Danish, ``9.400.000``), date and note."""

from __future__ import annotations

from django import forms

from ramme.web.data.models import ActivityLine, Budget
from ramme.web.front.danish_input import DanishDateField, MoneyField


class BudgetForm(forms.Form):
    activity = forms.ModelChoiceField(
        label="Aktivitet", queryset=ActivityLine.objects.order_by("position")
    )
    kind = forms.ChoiceField(label="Art", choices=Budget.Kind.choices)
    amount = MoneyField(label="Beløb (kr.)", max_digits=16, decimal_places=2)
    day = DanishDateField(label="Dato (korrektion)", required=False)
    note = forms.CharField(label="Note", max_length=300, required=False)
