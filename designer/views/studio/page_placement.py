"""Where the host page lies around the engagement, and what a drop on the page means.

The design keeps its own coordinates (the engagement's box at the scene's
origin, as the inspector and the snapping know it); the page picture is put
around it so the engagement sits where the runtime's placement puts it
(models/placement.py, as draw.js `placement` does: the format's preset for its
zone, or a custom position from a viewport edge; shrunk to fit a narrow viewport
around its centre).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.models.placement import placement_box

SIDE_ROOM = 16  # draw.js: an engagement wider than the viewport less this is shrunk
SNAP_CSS = 40  # a drop this close (CSS px) to the preset place takes the preset


@dataclass(frozen=True)
class PageGeometry:
    """Scene position of the layout viewport's (0, 0) and scene units per CSS px of the page."""

    x: float
    y: float
    units: float
    note: str = ""

    def to_scene(self, vx: float, vy: float) -> tuple[float, float]:
        return self.x + vx * self.units, self.y + vy * self.units

    def to_page(self, sx: float, sy: float) -> tuple[float, float]:
        return (sx - self.x) / self.units, (sy - self.y) / self.units


def shrink(zone: str, width: float, layout_width: float) -> float:
    """The runtime's scale of a fixed engagement too wide for the viewport (1 when it fits)."""
    if zone == "embedded" or width <= 0:
        return 1.0
    return max(0.05, min(1.0, (layout_width - SIDE_ROOM) / width))


def page_geometry(
    fmt: str,
    zone: str,
    element_id: str,
    props: dict[str, Any],
    layout: tuple[float, float],
    slot: tuple[float, float, float] | None,
) -> PageGeometry:
    w, h = props["width"], props["height"]
    if zone == "embedded":
        if slot is None:
            return PageGeometry(
                -SIDE_ROOM,
                -SIDE_ROOM,
                1.0,
                f"This page has no element with the id “{element_id}”: "
                "the engagement does not show on it. Choose a page that has one.",
            )
        return PageGeometry(-slot[0], -slot[1], 1.0)
    x, y, _, _ = placement_box(fmt, zone, props, (round(layout[0]), round(layout[1])))
    s = shrink(zone, w, layout[0])
    cx, cy = x + w / 2, y + h / 2
    return PageGeometry(w / 2 - cx / s, h / 2 - cy / s, 1 / s)


def placement_for_drop(
    fmt: str, zone: str, props: dict[str, Any], layout: tuple[float, float], x: float, y: float
) -> dict[str, Any]:
    """The design props that put the box's top-left at (x, y) of the layout viewport (CSS px).

    Near the format's preset place: the preset. Elsewhere: a custom position measured
    from the nearest viewport corner (or the centre, when dropped near it).
    """
    vw, vh = round(layout[0]), round(layout[1])
    w, h = props["width"], props["height"]
    preset = placement_box(fmt, zone, {**props, "placement": "preset"}, (vw, vh))
    if preset is not None and abs(x - preset[0]) + abs(y - preset[1]) <= SNAP_CSS:
        return {"placement": "preset"}
    cx, cy = x + w / 2, y + h / 2

    def clamp(v: float) -> int:
        return max(0, min(2000, round(v)))

    if abs(cx - vw / 2) < vw / 8 and abs(cy - vh / 2) < vh / 8:
        anchor, ox, oy = "center", cx - vw / 2, cy - vh / 2
    else:
        left, top = cx < vw / 2, cy < vh / 2
        anchor = f"{'top' if top else 'bottom'}-{'left' if left else 'right'}"
        ox = x if left else vw - x - w
        oy = y if top else vh - y - h
    return {"placement": "custom", "anchor": anchor, "offset_x": clamp(ox), "offset_y": clamp(oy)}
