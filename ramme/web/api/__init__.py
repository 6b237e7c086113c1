"""The JSON API v1 (``/api/v1/``): the same figures and access rules as the pages."""
