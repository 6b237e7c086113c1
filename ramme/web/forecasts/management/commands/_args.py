"""Argument parsing shared by the forecast commands (Danish messages, no tracebacks)."""

from __future__ import annotations

from ramme.web.front.danish_input import date_argument

# ``31.03.2024`` or ``2024-03-31``: the one date parser of forms, pages and commands
iso_date = date_argument
