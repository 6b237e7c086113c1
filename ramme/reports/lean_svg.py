"""matplotlib's SVG rewritten to the same picture in fewer, plainer nodes (issue 12).

WeasyPrint draws the PDF's charts node by node, and at Copenhagen size the 11 charts of the
monthly report were about a third of its time: matplotlib wraps every bar, line and tick in
a ``<g id>`` of its own, draws each tick mark as a ``<use>`` of a shared definition, and
gives every element a ``style`` attribute WeasyPrint parses as CSS, each matched against a
``*`` rule. Here the bare groups and the metadata go, a tick is its own path, and the styles
become presentation attributes with the ``*`` rule's declarations written into each shape,
where they applied before: the PDF's pages stay the same picture and text, and a browser
draws the inline SVG as before. An SVG with another stylesheet is kept as it is.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
HREF = f"{{{XLINK}}}href"
# the shapes a ``*`` rule's stroke settings reach: containers draw nothing themselves
SHAPES = frozenset(
    f"{{{SVG}}}{t}" for t in ("path", "rect", "line", "polyline", "polygon", "circle", "text")
)
UNIVERSAL = re.compile(r"^\s*\*\s*\{([^{}]*)\}\s*$")

ET.register_namespace("xlink", XLINK)  # an inline SVG's HTML parser knows only ``xlink:``


def _tag(name: str) -> str:
    return f"{{{SVG}}}{name}"


def _declarations(style: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in style.split(";") if ":" in part)
    return {name.strip(): value.strip() for name, value in pairs}


def _unwrap(parent: ET.Element) -> None:
    """Drop the metadata and put the children of a group with no attribute but its id in
    its place (such a group changes nothing drawn); the whole tree, depth first."""
    kept: list[ET.Element] = []
    for child in parent:
        _unwrap(child)
        if child.tag == _tag("metadata"):
            continue
        bare = child.tag == _tag("g") and set(child.attrib) <= {"id"}
        kept.extend(list(child) if bare and not (child.text or "").strip() else [child])
    parent[:] = kept


def _inline_uses(root: ET.Element, universal: dict[str, str]) -> None:
    """Each ``<use>`` of a path (a tick mark, a line's marker) as a path of its own, moved by
    its x and y, with the styles the copy had in the cascade: what it inherits from the
    ``<use>``, the ``*`` rule over that, and the definition's own style over both."""
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    for parent in root.iter():
        for i, child in enumerate(parent):
            target = by_id.get((child.get(HREF) or "").removeprefix("#"))
            plain = child.tag == _tag("use") and set(child.attrib) <= {HREF, "x", "y", "style"}
            if not plain or target is None or target.tag != _tag("path"):
                continue
            path = ET.Element(_tag("path"), d=target.get("d", ""))
            path.set("transform", f"translate({child.get('x', '0')} {child.get('y', '0')})")
            styles = [_declarations(e.get("style", "")) for e in (child, target)]
            declarations = styles[0] | universal | styles[1]
            path.set("style", "; ".join(f"{name}: {value}" for name, value in declarations.items()))
            parent[i] = path


def _universal_rule(root: ET.Element) -> dict[str, str] | None:
    """The declarations of the one ``*`` rule matplotlib writes (its ``<style>`` removed),
    or None when the stylesheet is anything else."""
    sheets = [(defs, s) for defs in root.iter(_tag("defs")) for s in defs.findall(_tag("style"))]
    if len(sheets) != 1 or (rule := UNIVERSAL.match(sheets[0][1].text or "")) is None:
        return None
    defs, sheet = sheets[0]
    defs.remove(sheet)
    return _declarations(rule.group(1))


def _styles_as_attributes(root: ET.Element, universal: dict[str, str]) -> None:
    """Every ``style`` as presentation attributes: the ``*`` rule first on each shape, its
    own style over it, as the cascade had it."""
    for element in root.iter():
        own = _declarations(element.attrib.pop("style", ""))
        for name, value in ((universal if element.tag in SHAPES else {}) | own).items():
            element.set(name, value)


def _tidy(root: ET.Element) -> None:
    """No whitespace between tags and no empty ``<defs>`` left behind."""
    for element in root.iter():
        if not (element.text or "").strip():
            element.text = None
        element.tail = None
    for parent in root.iter():
        parent[:] = [c for c in parent if c.tag != _tag("defs") or len(c)]


def lean(svg: str) -> str:
    """``svg`` (matplotlib's, without the XML prolog) drawn the same in fewer nodes."""
    root = ET.fromstring(svg)
    # any other stylesheet than the ``*`` rule may select by id, class or nesting, which
    # the rewriting would change: such an SVG is kept as it is
    if (universal := _universal_rule(root)) is None:
        return svg
    _unwrap(root)
    _inline_uses(root, universal)
    _styles_as_attributes(root, universal)
    _tidy(root)
    return _serialised(root)


def _serialised(root: ET.Element) -> str:
    """The tree with SVG as the default namespace (``<svg xmlns=...>``, as matplotlib wrote
    it; ElementTree would prefix every tag, and an inline SVG's HTML parser knows no prefix)."""
    for element in root.iter():
        element.tag = element.tag.removeprefix(f"{{{SVG}}}")
    root.set("xmlns", SVG)
    return ET.tostring(root, encoding="unicode")
