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


# The kinds of placement (anbringelse) the law knows: plejefamilie, netværksplejefamilie,
# opholdssted, døgninstitution, eget værelse, kost-/efterskole, sikret institution. A type's
# name with one of these words is a placement; other types on the intervening step are
# document 001's «øvrige indgribende foranstaltninger».
PLACEMENT_WORDS = ("anbring", "pleje", "opholdssted", "institution", "døgn", "eget værelse",
                   "egen bolig", "kostskole", "efterskole", "kost-")  # fmt: skip


def is_placement(step: LadderStep, type_name: str) -> bool:
    """A measure type that places the child outside the home (anbringelse)."""
    name = type_name.casefold()
    return step is LadderStep.INTERVENING and any(word in name for word in PLACEMENT_WORDS)
