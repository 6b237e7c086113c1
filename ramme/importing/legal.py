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
