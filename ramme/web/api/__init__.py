"""The JSON API, v1 (django-ninja)."""
