"""Legal bases (hjemmel) as the case systems spell them, per world's spelling family.

Only spellings ``ramme.core.legal.candidate_keys`` understands are used
(tests/worlds/test_generator.py checks every one). Barnets lov replaced Serviceloven's
child rules on 1 January 2024; a decision keeps the basis it was made under.
"""

from __future__ import annotations

from datetime import date

BARNETS_LOV_FROM = date(2024, 1, 1)

# family -> (before 2024, from 2024) per kind of decision
SPELLINGS: dict[str, dict[str, tuple[str, str]]] = {
    "long": {
        "placement": ("Serviceloven § 52, stk. 3, nr. 7", "Barnets lov § 46"),
        "preventive": ("Serviceloven § 52, stk. 3, nr. 6", "Barnets lov § 32, stk. 1"),
        "other": ("Serviceloven § 52, stk. 3, nr. 9", "Barnets lov § 32, stk. 1, nr. 9"),
        "aftercare_placed": ("Serviceloven § 76, stk. 3", "Barnets lov § 114"),
        "aftercare_contact": ("Servicelovens § 76, stk. 2", "Barnets lov § 114"),
    },
    "short": {
        "placement": ("SEL § 52 stk. 3 nr. 7", "BL § 46"),
        "preventive": ("SEL § 52 stk. 3 nr. 6", "BL § 32 stk. 1"),
        "other": ("SEL § 52 stk. 3 nr. 9", "BL § 32 stk. 1 nr. 9"),
        "aftercare_placed": ("SEL § 76 stk. 3", "BL § 114"),
        "aftercare_contact": ("SEL § 76 stk. 2", "BL § 114"),
    },
    "mixed": {
        "placement": ("Servicelovens § 52, stk. 3, nr. 7", "Barnets lov §46"),
        "preventive": ("SEL § 52, stk. 3, nr. 6", "Barnets lov § 32"),
        "other": ("SEL-52-3.9", "Barnets lov § 32"),
        "aftercare_placed": ("SEL § 76 stk. 3", "Barnets lov §114"),
        "aftercare_contact": ("Serviceloven § 76, stk. 2", "BL § 115"),
    },
}

AFTERCARE_KEYS = (
    "SEL-76",
    "BL-108",
    "BL-109",
    "BL-110",
    "BL-111",
    "BL-112",
    "BL-113",
    "BL-114",
    "BL-115",
    "BL-116",
    "BL-117",
    "BL-118",
    "BL-119",
    "BL-120",
    "BL-121",
    "BL-122",
    "BL-123",
)


def basis(family: str, kind: str, decided: date) -> str:
    """The legal basis text of a decision of ``kind`` made on ``decided``."""
    old, new = SPELLINGS[family][kind]
    return new if decided >= BARNETS_LOV_FROM else old
