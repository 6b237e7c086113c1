"""A report as a file, with its PDF laid out once per document (issue 12).

WeasyPrint is most of a PDF's time (about 2 s of the monthly report at Copenhagen size, and
its import another 0.4 s in a new process), while the committee's members, the CLI and the
after-import task ask for the same document. A PDF is a function of its HTML alone, so it is
kept under the SHA-256 of that HTML (``RenderedPdf``): whatever changed (a figure, a text the
economist wrote, the date it was made, the logo), the HTML differs and the PDF is laid out
anew. The restricted management version, with case-level lists, is never kept.
"""

from __future__ import annotations

import hashlib
from datetime import date

from ramme.reports.model import Report
from ramme.reports.renderers import RENDERERS
from ramme.reports.rounding import as_printed
from ramme.web.reports.models import RenderedPdf

KEEP = 20  # documents kept, the newest: a month's reports and a few earlier ones


def render_file(report: Report, fmt: str) -> bytes:
    """``report`` in ``fmt`` (a key of ``RENDERERS``); a PDF from the kept ones when its
    document was laid out before."""
    if fmt != "pdf" or report.restricted:
        return RENDERERS[fmt].render(report)
    from ramme.reports.renderers import pdf

    document = pdf.document(as_printed(report))  # what RENDERERS["pdf"].render lays out
    key = hashlib.sha256(document.encode()).hexdigest()
    found = RenderedPdf.objects.filter(key=key).values_list("content", flat=True).first()
    if found is not None:
        return bytes(found)
    content = pdf.pdf_of(document)
    _keep(key, content)
    return content


def _keep(key: str, content: bytes) -> None:
    RenderedPdf.objects.get_or_create(key=key, defaults={"content": content})
    older = RenderedPdf.objects.order_by("-created", "-pk").values_list("pk", flat=True)[KEEP:]
    RenderedPdf.objects.filter(pk__in=list(older)).delete()


def monthly_pdf(as_of: date) -> None:
    """The monthly report on ``as_of``, made today, laid out and kept: the after-import
    task calls this once the report's figures are stored, so the first download is quick."""
    from ramme.web.reports.builders import BUILDERS

    render_file(BUILDERS["monthly"].build({"as_of": as_of, "today": date.today()}), "pdf")
