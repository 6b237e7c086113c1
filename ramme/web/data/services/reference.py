"""Legal paragraphs (hjemler): seeding from OS2bos data and matching legal basis text."""

from __future__ import annotations

import csv
from pathlib import Path

from ramme.core.legal import candidate_keys
from ramme.web.data.models import LegalParagraph

PARAGRAPHS_CSV = Path(__file__).resolve().parent.parent / "reference" / "paragraphs.csv"

# Barnets lov (from 1 January 2024); texts are short labels, not the law's wording.
BL_PARAGRAPHS = (
    ("BL-20", "Børnefaglig undersøgelse", ""),
    ("BL-32", "Støttende indsatser til barnet eller familien", "forebyggende"),
    ("BL-46", "Anbringelse uden for hjemmet med samtykke", "indgribende"),
    ("BL-47", "Anbringelse uden for hjemmet uden samtykke", "indgribende"),
    ("BL-86", "Merudgifter", ""),
    ("BL-87", "Tabt arbejdsfortjeneste", ""),
    ("BL-114", "Efterværn", ""),
    ("BL-132", "Underretninger", ""),
)

# SEL key prefix → Barnets lov successor (../shared/domain.md, "Legal basis"); first match.
SUCCESSORS = (
    ("SEL-52-3.7", "BL-46"),
    ("SEL-52-3.", "BL-32"),
    ("SEL-50", "BL-20"),
    ("SEL-153", "BL-132"),
    ("SEL-154", "BL-132"),
    ("SEL-155", "BL-132"),
    ("SEL-76", "BL-114"),
    ("SEL-41", "BL-86"),
    ("SEL-42", "BL-87"),
)


def _sel_rows() -> list[tuple[str, str]]:
    with PARAGRAPHS_CSV.open(encoding="utf-8") as handle:
        return [
            (row["Nøgle"].strip(), row["B&V-tekst"].strip())
            for row in csv.DictReader(handle)
            if row.get("Lgl") == "SEL" and row.get("Nøgle")
        ]


def successor_of(key: str) -> str | None:
    return next((bl for prefix, bl in SUCCESSORS if key.startswith(prefix)), None)


def seed_legal_paragraphs() -> int:
    """Create the paragraphs that are missing and link successors; returns how many created."""
    existing = set(LegalParagraph.objects.values_list("key", flat=True))
    new = [
        LegalParagraph(key=key, law="BL", text=text, ladder_step=step)
        for key, text, step in BL_PARAGRAPHS
        if key not in existing
    ]
    seen = existing | {p.key for p in new}
    for key, text in _sel_rows():
        if key not in seen:
            step = "indgribende" if key == "SEL-52-3.7" else ""
            new.append(LegalParagraph(key=key, law="SEL", text=text[:300], ladder_step=step))
            seen.add(key)
    if not new:
        return 0
    LegalParagraph.objects.bulk_create(new)
    by_key = dict(LegalParagraph.objects.values_list("key", "pk"))
    for paragraph in LegalParagraph.objects.filter(law="SEL", successor__isnull=True):
        target = successor_of(paragraph.key)
        if target in by_key:
            paragraph.successor_id = by_key[target]
            paragraph.save(update_fields=["successor"])
    return len(new)


def match_paragraphs(texts: set[str]) -> dict[str, int]:
    """Legal basis text → LegalParagraph pk, for the texts that can be matched."""
    by_key = {key.lower(): pk for key, pk in LegalParagraph.objects.values_list("key", "pk")}
    found = {}
    for text in texts:
        for key in candidate_keys(text):
            if key.lower() in by_key:
                found[text] = by_key[key.lower()]
                break
    return found
