"""Keyboard helpers for the browser tests: move with Tab, read what has focus, and measure
the focus ring against what lies behind it (WCAG 2.4.7 and 1.4.11: at least 3:1)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MIN_RING_CONTRAST = 3.0
MIN_RING_WIDTH = 2.0  # CSS pixels

# What has focus, and the contrast of its outline against the colour just outside it (found
# with elementsFromPoint, so a skip link over the dark header is measured on the header).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rgba = c => { const m = c.match(/[\\d.]+/g).map(Number);
    return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = ({r, g, b}) => { const f = v => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = node => { for (; node; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor); if (c.a > 0) return c; }
    return {r: 255, g: 255, b: 255, a: 1}; };
  const labelledBy = (el.getAttribute("aria-labelledby") || "").split(" ")
    .map(id => document.getElementById(id)).filter(Boolean).map(n => n.innerText).join(" ");
  const name = labelledBy || el.getAttribute("aria-label") || el.innerText || el.value || "";
  const style = getComputedStyle(el), box = el.getBoundingClientRect();
  const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) + 2;
  const x = box.right + reach < innerWidth ? box.right + reach : Math.max(box.left - reach, 0);
  const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
  const behind = document.elementsFromPoint(x, y).find(n => n !== el && !el.contains(n));
  const [a, b] = [lum(rgba(style.outlineColor)), lum(background(behind))].sort((p, q) => q - p);
  return {
    name: name.trim().slice(0, 60),
    tag: el.tagName.toLowerCase(), role: el.getAttribute("role") || "",
    ring: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
    contrast: (a + 0.05) / (b + 0.05),
    visible: box.width > 0 && box.height > 0,
    // focus on a part inside a native control (the date field's calendar button): the
    // browser draws that ring, and the page's styles cannot be measured on it
    inner: !el.matches(":focus"),
  };
}"""


def focused(page: Any) -> dict[str, Any] | None:
    info: dict[str, Any] | None = page.evaluate(FOCUSED)
    return info


def ring_problem(info: dict[str, Any]) -> str:
    """Why the focus of ``info`` cannot be seen well enough ("" when it can)."""
    if info["inner"]:
        return ""
    if not info["visible"]:
        return f"{info['tag']} «{info['name']}» har fokus, men kan ikke ses"
    if info["ring"] < MIN_RING_WIDTH:
        return f"{info['tag']} «{info['name']}»: fokusring {info['ring']} px"
    if info["contrast"] < MIN_RING_CONTRAST:
        return f"{info['tag']} «{info['name']}»: fokusring {info['contrast']:.2f}:1"
    return ""


def tab_through(page: Any, limit: int = 400) -> list[dict[str, Any]]:
    """Every tab stop of the page in order, from the top until focus comes round again."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = focused(page)
        if info is None or (stops and info == stops[0]):
            break
        stops.append(info)
    return stops


def tab_to(page: Any, wanted: Callable[[dict[str, Any]], bool], limit: int = 400) -> dict[str, Any]:
    """Press Tab until the focused element is ``wanted``; fail when it never comes."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = focused(page)
        if info is not None and wanted(info):
            return info
    raise AssertionError("fandt ikke elementet med Tab")
