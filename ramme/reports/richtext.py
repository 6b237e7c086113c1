"""Light formatting of the texts economists write (paragraphs, bullets, bold), safe.

A text is Markdown (``**fed**``, ``- punkt``, a blank line between paragraphs). It becomes
HTML through ``markdown`` and is then cleaned by ``nh3`` to a handful of tags, so nothing a
user types can run in a page or a PDF. The same cleaned HTML is read back into report
paragraphs (runs of plain and bold text, bullets) for Word and Excel, so every format
shows the same text.
"""

from __future__ import annotations

from collections.abc import Mapping
from html.parser import HTMLParser

import markdown
import nh3

from ramme.reports.model import Paragraph

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "br"}


def to_html(text: str) -> str:
    """Markdown → HTML with only paragraphs, lists, bold, italics and line breaks."""
    raw = markdown.markdown(text or "", output_format="html")
    raw = raw.replace("<b>", "<strong>").replace("</b>", "</strong>")
    return nh3.clean(raw, tags=ALLOWED_TAGS, attributes={}, link_rel=None).strip()


class _Blocks(HTMLParser):
    """Cleaned HTML → paragraphs; a list item is a bullet paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[Paragraph] = []
        self.runs: list[tuple[str, bool]] = []
        self.bold = 0
        self.bullet = False

    def _flush(self) -> None:
        runs = [(t, b) for t, b in self.runs if t]
        text = "".join(t for t, _ in runs).strip()
        if text:
            all_bold = all(b for _, b in runs)
            self.paragraphs.append(Paragraph(text, all_bold, tuple(runs), self.bullet))
        self.runs = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li"):
            self._flush()
            self.bullet = tag == "li"
        elif tag == "strong":
            self.bold += 1
        elif tag == "br":
            self.runs.append(("\n", bool(self.bold)))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li"):
            self._flush()
            self.bullet = False
        elif tag == "strong":
            self.bold = max(0, self.bold - 1)

    def handle_data(self, data: str) -> None:
        text = data if self.runs else data.lstrip()
        if text.strip() or self.runs:
            self.runs.append((text.replace("\n", " "), bool(self.bold)))


def to_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The text as report paragraphs: one per paragraph or bullet, bold kept as runs."""
    parser = _Blocks()
    parser.feed(to_html(text))
    parser.close()
    parser._flush()
    return tuple(parser.paragraphs)


def written_text(
    texts: Mapping[tuple[str, str], str], element: str, area: str = "", heading: str = ""
) -> tuple[Paragraph, ...]:
    """An economist's text (element, area) as paragraphs, under ``heading`` when given;
    nothing when no text is written, so an unwritten element leaves no empty heading."""
    body = texts.get((element, area), "")
    paragraphs = to_paragraphs(body) if body.strip() else ()
    if not paragraphs:
        return ()
    return ((Paragraph(heading, emphasis=True),) if heading else ()) + paragraphs
