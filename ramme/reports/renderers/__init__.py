"""The renderers: one per format, each ``render(report) -> bytes``.

``RENDERERS["pdf"].render(report)``; ``.content_type`` and ``.extension`` serve downloads.
A new format is one module with those three names and one line here.
"""

from __future__ import annotations

from types import ModuleType
from typing import NamedTuple

from ramme.reports.model import Report
from ramme.reports.rounding import as_printed


class Renderer(NamedTuple):
    name: str
    label: str  # Danish, for download buttons
    module: str

    def _load(self) -> ModuleType:
        # Imported on use: WeasyPrint and python-docx take a moment to load.
        import importlib

        return importlib.import_module(self.module)

    def render(self, report: Report) -> bytes:
        """The file; every format draws the report rounded by the one rule (rounding.py)."""
        return bytes(self._load().render(as_printed(report)))

    @property
    def content_type(self) -> str:
        return str(self._load().CONTENT_TYPE)

    @property
    def extension(self) -> str:
        return str(self._load().EXTENSION)

    def filename(self, report: Report) -> str:
        return f"{report.slug}.{self.extension}"


RENDERERS: dict[str, Renderer] = {
    "html": Renderer("html", "HTML", "ramme.reports.renderers.html"),
    "pdf": Renderer("pdf", "PDF", "ramme.reports.renderers.pdf"),
    "docx": Renderer("docx", "Word", "ramme.reports.renderers.docx"),
    "xlsx": Renderer("xlsx", "Excel", "ramme.reports.renderers.xlsx"),
}


def render(report: Report, fmt: str) -> bytes:
    """The report as a file in ``fmt`` (a key of :data:`RENDERERS`)."""
    return RENDERERS[fmt].render(report)
