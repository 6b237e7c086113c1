"""The effort ladder (indsatstrappen) and its Danish labels."""

from __future__ import annotations

from enum import StrEnum


class LadderStep(StrEnum):
    """A step of the effort ladder, in the order reports show them."""

    PREVENTIVE = "forebyggende"  # forebyggende indsatser
    ANTICIPATING = "foregribende"  # foregribende indsatser (support at home)
    INTERVENING = "indgribende"  # indgribende foranstaltninger (placements)
    OTHER = "oevrige"  # øvrige

    @property
    def label(self) -> str:
        return LADDER_LABELS[self]

    @property
    def order(self) -> int:
        return list(LadderStep).index(self)


LADDER_LABELS = {
    LadderStep.PREVENTIVE: "Forebyggende indsatser",
    LadderStep.ANTICIPATING: "Foregribende indsatser",
    LadderStep.INTERVENING: "Indgribende foranstaltninger",
    LadderStep.OTHER: "Øvrige",
}

LADDER_CODES = frozenset(step.value for step in LadderStep)
