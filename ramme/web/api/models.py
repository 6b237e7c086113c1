"""Personal API tokens (adgangstokens): only a hash of each token is stored."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A user's token for ``Authorization: Bearer``; the token itself is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name="bruger",
    )
    name = models.CharField("navn", max_length=100, blank=True)
    # The token's first characters let its owner tell tokens apart; they prove nothing.
    prefix = models.CharField("start", max_length=12)
    key_hash = models.CharField("SHA-256", max_length=64, unique=True)
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    last_used_at = models.DateTimeField("senest brugt", null=True, blank=True)
    revoked_at = models.DateTimeField("tilbagekaldt", null=True, blank=True)

    class Meta:
        ordering = ["user__username", "created_at"]
        verbose_name = "adgangstoken"
        verbose_name_plural = "adgangstokens"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"
