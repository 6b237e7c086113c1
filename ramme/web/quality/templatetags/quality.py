"""``{% findings_badge %}``: the open findings the user may see, linked to their page."""

from __future__ import annotations

from typing import Any

from django import template

from ramme.web.front.danish_input import default_as_of
from ramme.web.quality.services.findings import unexplained_count

register = template.Library()


@register.inclusion_tag("quality/_badge.html", takes_context=True)
def findings_badge(context: template.Context, as_of: Any = None) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    day = as_of or default_as_of()
    return {"show": True, "as_of": day, "count": unexplained_count(user, day)}
