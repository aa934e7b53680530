"""Where an engagement shows in the visitor's viewport, as the runtime puts it.

The format's preset place for its zone (formats.py), or the design's custom
position measured from a viewport anchor. The exported manifest carries the
preset as each engagement's `placement`; the studio puts the host page around
the engagement by `placement_box`, and the gallery's thumbnails place their
sketches by it.
"""

from __future__ import annotations

from typing import Any

from designer.models.formats import FORMATS, EngagementFormat, Place, format_of
from designer.models.vocabulary import Zone

DESKTOP = (1366, 768)


def place_of(fmt: str, zone: str, props: dict[str, Any]) -> Place | None:
    """The place of a design (its props) of format fmt in zone; None when it sits in the page."""
    row = format_of(fmt)
    if zone == Zone.EMBEDDED or row is None:
        return None
    if props["placement"] == "custom":
        return Place(props["anchor"], props["offset_x"], props["offset_y"])
    return row.place_in(zone)


def box_at(
    place: Place, size: tuple[float, float], viewport: tuple[float, float]
) -> tuple[float, float, float, float]:
    """(x, y, width, height) of a box of size standing at place in the viewport."""
    (w, h), (vw, vh), a = size, viewport, place.anchor
    x = _along(a.endswith("left"), a.endswith("right"), place.x, w, vw)
    y = _along(a.startswith("top"), a.startswith("bottom"), place.y, h, vh)
    return x, y, w, h


def _along(near: bool, far: bool, offset: float, length: float, room: float) -> float:
    """Where a box begins on one axis: offset from the near or far edge, else centred."""
    if near:
        return offset
    if far:
        return room - offset - length
    return (room - length) / 2 + offset


def placement_box(
    fmt: str, zone: str, props: dict[str, Any], viewport: tuple[int, int] = DESKTOP
) -> tuple[float, float, float, float] | None:
    """(x, y, width, height) of the engagement in the viewport; None when it sits in the page."""
    place = place_of(fmt, zone, props)
    if place is None:
        return None
    return box_at(place, (props["width"], props["height"]), viewport)


def manifest_placement(fmt: EngagementFormat, zone: Zone | str) -> dict[str, Any] | None:
    """The manifest's resolved placement of an engagement: the preset place of its format in
    its zone and the gap it keeps from a side engagement it would cover (null: it stays);
    None for an engagement in a page element."""
    row = FORMATS[fmt]
    place = row.place_in(zone)
    return None if place is None else place.to_dict() | {"gap": row.gap}
