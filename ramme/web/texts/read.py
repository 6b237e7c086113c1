"""Read the report texts of a period, with last period's texts carried forward as drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ramme.web.texts.elements import ANNUAL
from ramme.web.texts.models import ReportText


@dataclass(frozen=True)
class Text:
    body: str
    draft_from: date | None = None  # carried forward from this period; None: saved for it

    @property
    def is_draft(self) -> bool:
        return self.draft_from is not None


def period_of(report: str, day: date) -> date:
    """A monthly text belongs to the month, an annual one to the year."""
    return date(day.year, 1, 1) if report == ANNUAL else day.replace(day=1)


def saved_texts(report: str, period: date) -> dict[tuple[str, str], str]:
    """What is saved for exactly ``period``: what the report prints."""
    rows = ReportText.objects.filter(report=report, period=period)
    return {(r.element, r.area): r.body for r in rows if r.body}


def texts_for_editing(report: str, period: date) -> dict[tuple[str, str], Text]:
    """The period's texts, and for every slot without one the latest earlier text as a
    draft (the economist edits last month's wording rather than starting blank)."""
    result: dict[tuple[str, str], Text] = {}
    earlier = ReportText.objects.filter(report=report, period__lt=period).order_by("period")
    for row in earlier:  # oldest first: the latest earlier one wins
        result[(row.element, row.area)] = Text(row.body, row.period)
    for row in ReportText.objects.filter(report=report, period=period):
        result[(row.element, row.area)] = Text(row.body)
    return result
