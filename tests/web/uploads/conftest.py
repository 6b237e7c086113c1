"""Browser-import test setup: tasks run at once unless a test runs a real worker."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django import Settings

import ramme.web.front

EXAMPLE = Path(ramme.web.front.__file__).parent / "demo_example"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def _tasks_and_speed(settings: Settings) -> None:
    settings.TASKS = IMMEDIATE
    settings.RAMME_FORECAST_SIMULATIONS = 20


def example_files(folder: Path = EXAMPLE) -> list[SimpleUploadedFile]:
    """The demo's example files as a browser would send them."""
    return [
        SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/csv")
        for path in sorted(folder.glob("*.csv"))
    ]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
