"""Signals of the data app: other apps react to new data without the importer knowing them."""

from __future__ import annotations

from django.dispatch import Signal

# Sent after an import has written its data (only when it succeeded); no arguments.
data_imported = Signal()
