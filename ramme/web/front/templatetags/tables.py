"""``{% excel_link "opfoelgning" "Budget pr. aktivitet" %}``: a table's Excel download."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def excel_link(context: template.Context, table_id: str, name: str = "") -> str:
    """The current page's query with ``excel=<id>``: the same figures, as a workbook."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is None:
        href = f"?excel={table_id}"
    else:
        query["excel"] = table_id
        href = f"?{query.urlencode()}"
    label = f"Hent «{name}» i Excel" if name else "Hent tabellen i Excel"
    return format_html('<a class="excel-link" href="{}" download>{}</a>', href, label)
