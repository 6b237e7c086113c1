"""Argument parsing shared by the forecast commands (Danish messages, no tracebacks)."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"'{text}' er ikke en dato på formen ÅÅÅÅ-MM-DD (fx 2024-09-30)."
        ) from error
