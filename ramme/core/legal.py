"""Legal basis text (hjemmel) → keys of legal paragraphs, for both code sets.

``Barnets lov § 46`` → ``BL-46``; ``SEL § 52 stk. 3 nr. 7`` → ``SEL-52-3.7``; a key such as
``SEL-52-3.7`` is taken as it is. The most specific key comes first, so a caller can fall
back to the paragraph when the subsection is not in its list.
"""

from __future__ import annotations

import re

_LAWS = (
    (re.compile(r"^\s*(barnets\s+lov|bl)\b", re.I), "BL"),
    (re.compile(r"^\s*(servicelov(en|ens)?|sel|lov\s+om\s+social\s+service)\b", re.I), "SEL"),
)
_KEY = re.compile(r"^\s*(SEL|BL)-[0-9a-z.\-]+\s*$", re.I)
_PARTS = re.compile(
    r"§\s*(?P<par>\d+(?:\s?[a-z](?![a-z]))?)(?:\s*,?\s*stk\.?\s*(?P<stk>\d+))?(?:\s*,?\s*nr\.?\s*(?P<nr>\d+))?",
    re.I,
)


def candidate_keys(text: str) -> list[str]:
    """Paragraph keys to try for ``text``, most specific first; empty if not understood."""
    if _KEY.match(text):
        key = text.strip()
        law, _, rest = key.partition("-")
        return [f"{law.upper()}-{rest.lower()}"]
    law = next((code for pattern, code in _LAWS if pattern.search(text)), "")
    match = _PARTS.search(text)
    if not law or match is None:
        return []
    par = match["par"].replace(" ", "").lower()
    keys = []
    if match["stk"] and match["nr"]:
        keys.append(f"{law}-{par}-{match['stk']}.{match['nr']}")
    if match["stk"]:
        keys.append(f"{law}-{par}-{match['stk']}")
    keys.append(f"{law}-{par}")
    return keys


# Aftercare (efterværn): support for young people from 18 until the day before the 23rd
# birthday. Serviceloven § 76 until 2023 (every subsection concerns 18-22-year-olds);
# Barnets lov §§ 108-123 from 2024 (§ 114 the general aftercare paragraph).
_AFTERCARE_SEL = "76"
_AFTERCARE_BL = range(108, 124)


def _key_is_aftercare(key: str) -> bool:
    law, _, rest = key.partition("-")
    par = rest.partition("-")[0]
    if law == "SEL":
        return par == _AFTERCARE_SEL
    digits = par.rstrip("abcdefghijklmnopqrstuvwxyz")
    return law == "BL" and digits.isdigit() and int(digits) in _AFTERCARE_BL


def is_aftercare_basis(text: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether a legal basis text (hjemmel) is an aftercare paragraph, in either code set
    and every spelling the importer accepts. ``extra`` holds a municipality's own codes or
    paragraph keys (compared case-insensitively with the text and with its keys)."""
    if not text:
        return False
    wanted = {code.strip().lower() for code in extra if code.strip()}
    keys = candidate_keys(text)
    if wanted and ({text.strip().lower()} | {k.lower() for k in keys}) & wanted:
        return True
    return bool(keys) and _key_is_aftercare(keys[0])
