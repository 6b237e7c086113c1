"""The upload form: several files or one zip, and an optional installed profile."""

from __future__ import annotations

from typing import Any

from django import forms

from ramme.web.uploads.services import profiles


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Django's recipe for a field that takes several files."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".csv,.xlsx,.zip"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    upload_files = MultipleFileField(
        label="Filer",
        help_text="Månedens datafiler (CSV eller XLSX), flere på én gang, eller én zip-fil.",
        error_messages={"required": "Vælg mindst én fil."},
    )
    profile = forms.ChoiceField(label="Importprofil", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Ingen (filerne følger datakontrakten)")]
        field = self.fields["profile"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices + list(profiles.installed().items())
