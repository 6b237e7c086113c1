"""The written parts (tekstelementer) of the committee documents: every narrative element
of the monthly report (document 001) and the annual accounts (002), per report, period and
area. A registry: a new element is one line here, and the text page and reports show it."""

from __future__ import annotations

from typing import NamedTuple

from ramme.core.ladder import LadderStep

MONTHLY = "monthly"
ANNUAL = "annual"
REPORT_LABELS = {MONTHLY: "Månedsrapport", ANNUAL: "Regnskab"}


class Element(NamedTuple):
    key: str
    label: str  # Danish, as the heading in the document
    report: str
    per_area: bool = False
    hint: str = ""


ELEMENTS: tuple[Element, ...] = (
    Element("intro", "Indledning", MONTHLY, hint="Rammen og hvad rapporten bygger på"),
    Element("challenges", "Udfordringerne", MONTHLY, hint="Hovedforklaringer, fx punktopstilling"),
    Element("ladder_area", "Beskrivelse af området", MONTHLY, True,
            "Forebyggende, foregribende og indgribende område"),
    Element("effect_note", "Beregningsforudsætninger", MONTHLY,
            hint="Under tabellen over handleplanens effekt"),
    Element("economic_status", "Økonomisk status", MONTHLY,
            hint="Den samlede økonomiske forventning i ord"),
    Element("budget_notes", "Noter til budgettabellen", MONTHLY,
            hint="Fodnoter (*, **, ***) til budget og forventet forbrug"),
    Element("closing", "Øvrige bemærkninger", MONTHLY,
            hint="Fx decentrale institutioner, omstilling"),
    Element("marked_by", "Området har været præget af", MONTHLY, True),
    Element("plan_actions", "Handleplanen", MONTHLY, True),
    Element("indicator_text", "Pejlemærker", MONTHLY, True, "Hvad pejlemærket måler og hvorfor"),
    Element("conclusion", "Delkonklusion", MONTHLY, True, "Månedens konklusion for området"),
    Element("tasks", "Beskrivelse af opgaver", ANNUAL),
    Element("goals", "Politiske målsætninger", ANNUAL),
    Element("economy_intro", "Økonomisk driftsramme", ANNUAL,
            hint="Hvem der beslutter anvendelsen af rammen; før tabel 1"),
    Element("result_note", "Bemærkninger til årets resultat", ANNUAL, hint="Under tabel 1"),
    Element("activity_comments", "Bemærkninger til de vigtigste aktiviteter", ANNUAL, True,
            "Pr. trin på indsatstrappen"),
    Element("development_comments", "Bemærkninger til udviklingstabellerne", ANNUAL,
            hint="Under tabel 3 og 4"),
)  # fmt: skip

LADDER_AREAS = tuple(step.label for step in LadderStep)
# the monthly report's areas (the five of document 001), then the ladder's steps
MONTHLY_AREAS = ("Underretninger", "Anbringelser", "Kontaktpersoner", "Aflastning",
                 "Familiebehandling", "Dagbehandling", "Øvrige foregribende indsatser",
                 "Øvrige indgribende foranstaltninger")  # fmt: skip


def elements(report: str) -> tuple[Element, ...]:
    return tuple(e for e in ELEMENTS if e.report == report)


def areas_of(element: Element) -> tuple[str, ...]:
    """The areas an element is written for ("" is the whole report)."""
    if not element.per_area:
        return ("",)
    if element.key in ("ladder_area", "activity_comments"):
        return LADDER_AREAS
    return MONTHLY_AREAS
