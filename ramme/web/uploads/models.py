"""Uploads (uploads): files sent through the import page or the API, kept in the database.

The bytes live in the database in chunks, not on one server's disk, so any app server's
worker can read them back; they are dropped once the upload is imported or rejected. The
checksum and size stay. An upload moves: modtaget → validerer → klar | afvist →
importerer → importeret | afvist | fejlet.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ramme.web.data.models import ImportRun


class Upload(models.Model):
    """One upload of one or more files, with its validation result and progress."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Modtaget"
        VALIDATING = "validating", "Validerer"
        VALID = "valid", "Klar til import"
        REJECTED = "rejected", "Afvist"
        IMPORTING = "importing", "Importerer"
        IMPORTED = "imported", "Importeret"
        FAILED = "failed", "Fejlet"

    created_at = models.DateTimeField("modtaget", default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    username = models.CharField("bruger", max_length=150, blank=True)
    origin = models.CharField("kilde", max_length=10, default="web")  # web or api
    profile = models.CharField("importprofil", max_length=100, blank=True)
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    rows_done = models.PositiveBigIntegerField("rækker læst", default=0)
    rows_total = models.PositiveBigIntegerField("rækker i alt (anslået)", default=0)
    error_count = models.PositiveIntegerField("antal fejl", default=0)
    errors = models.JSONField("fejl", default=list, blank=True)  # the first MAX_ERRORS_KEPT
    warnings = models.JSONField("advarsler", default=list, blank=True)
    preview = models.JSONField("forhåndsvisning", default=dict, blank=True)
    import_run = models.ForeignKey(
        ImportRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField("færdig", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "upload"
        verbose_name_plural = "uploads"

    def __str__(self) -> str:
        return f"Upload {self.pk} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in (
            self.Status.RECEIVED,
            self.Status.VALIDATING,
            self.Status.IMPORTING,
        )


class UploadedFile(models.Model):
    """One data file of an upload (a zip arrives as its members)."""

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="files")
    name = models.CharField("fil", max_length=255)
    size = models.PositiveBigIntegerField("bytes", default=0)
    sha256 = models.CharField("SHA-256", max_length=64)
    rows = models.PositiveBigIntegerField("rækker (anslået)", default=0)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["upload", "name"], name="upload_file_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class UploadChunk(models.Model):
    """A piece of a file's bytes, in order (``seq``)."""

    file = models.ForeignKey(UploadedFile, on_delete=models.CASCADE, related_name="chunks")
    seq = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        ordering = ["file", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["file", "seq"], name="upload_chunk_seq_unique")
        ]
