"""Template tags of the shared layout: the municipality's name and the main navigation."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from ramme.web.front.nav import entries_for

register = template.Library()


@register.simple_tag
def municipality_name() -> str:
    return str(settings.MUNICIPALITY_NAME)


@register.inclusion_tag("front/nav.html", takes_context=True)
def main_nav(context: dict[str, Any]) -> dict[str, Any]:
    """The navigation entries the current user may see; the current page is marked."""
    request = context.get("request")
    user = getattr(request, "user", None)
    links = []
    for entry in entries_for(user) if user is not None else []:
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue  # a page registered by an app that is not wired yet
        links.append({"label": entry.label, "url": url, "current": False})
    path: str = getattr(request, "path", "")
    # The longest matching prefix is the current page: /handleplaner/opfoelgning/ marks
    # «Opfølgning», not also «Handleplaner».
    urls = [str(link["url"]) for link in links]
    matching = [u for u in urls if path == u or (u != "/" and path.startswith(u))]
    if matching:
        links[urls.index(max(matching, key=len))]["current"] = True
    return {"links": links}


@register.simple_tag(takes_context=True)
def page_query(context: dict[str, Any], param: str, number: int) -> str:
    """The current query string with ``param`` set to ``number`` (other lists keep theirs)."""
    query = context["request"].GET.copy()
    query[param] = str(number)
    return "?" + str(query.urlencode())


@register.inclusion_tag("front/_pager.html", takes_context=True)
def pager(
    context: dict[str, Any], page: Any, param: str, label: str, anchor: str
) -> dict[str, Any]:
    """Previous/next links of one paginated list, back to the list's heading (``anchor``)."""
    return {
        "request": context["request"],
        "page": page,
        "param": param,
        "label": label,
        "anchor": anchor,
    }
