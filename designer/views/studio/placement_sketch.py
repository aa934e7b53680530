"""Where the engagement shows in the visitor's viewport.

`placement_box` follows the runtime's placement rules (render.js `placement`):
presets per format and zone, or a custom position measured from a viewport
edge. The studio puts the host page around the engagement by it (page_backdrop).
"""

from __future__ import annotations

from typing import Any

GAP = 24  # the runtime's distance from the viewport edge for sticky buttons and toasters
DESKTOP = (1366, 768)


def placement_box(
    fmt: str, zone: str, props: dict[str, Any], viewport: tuple[int, int] = DESKTOP
) -> tuple[float, float, float, float] | None:
    """(x, y, width, height) of the engagement in the viewport; None when it sits in the page."""
    vw, vh = viewport
    w, h = props["width"], props["height"]
    if zone == "embedded":
        return None
    if props["placement"] == "custom":
        anchor, ox, oy = props["anchor"], props["offset_x"], props["offset_y"]
        if anchor == "center":
            return (vw - w) / 2 + ox, (vh - h) / 2 + oy, w, h
        x = ox if anchor.endswith("left") else vw - ox - w
        y = oy if anchor.startswith("top") else vh - oy - h
        return x, y, w, h
    if zone in ("left", "right"):
        if fmt == "sticky_button":
            return (GAP if zone == "left" else vw - GAP - w), vh - GAP - h, w, h
        return (0 if zone == "left" else vw - w), (vh - h) / 2, w, h
    if fmt == "toaster":
        return vw - GAP - w, vh - GAP - h, w, h
    if fmt == "peeling_corner":
        return vw - w, 0, w, h
    return (vw - w) / 2, (vh - h) / 2, w, h
