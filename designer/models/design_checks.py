"""Accessibility and size checks of an engagement's designs.

The studio shows these beside the field as the designer types; validation
repeats them for the whole store. Each returns (severity, field, sentence).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from designer.models.contrast import ratio_text, required_ratio, verdict
from designer.models.design import Design, Element
from designer.models.vocabulary import EngagementFormat

if TYPE_CHECKING:
    from designer.models.engagement import Engagement

MIN_TARGET = 24  # WCAG 2.2 target size (minimum), px
MOBILE_OVERLAY = (440, 305)
MOBILE_TOASTER_WIDTH = 140
CLICKABLE = ("button", "close")
SAFE_URL_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def backdrop_color(design: Design, element: Element) -> str:
    """The colour behind element: the topmost filled shape or button under it, else the design's."""
    x, y, w, h = element.rect
    cx, cy = x + w / 2, y + h / 2
    color = design.props["background_color"]
    for other in design.elements:
        if other is element:
            break
        ox, oy, ow, oh = other.rect
        if other.kind in ("shape", "button") and ox <= cx <= ox + ow and oy <= cy <= oy + oh:
            color = other.props["fill"]
    return color


def text_colors(design: Design, element: Element) -> tuple[str, str] | None:
    """(text colour, background colour) of an element that shows text."""
    if element.kind == "text":
        return element.props["color"], backdrop_color(design, element)
    if element.kind == "button":
        return element.props["color"], element.props["fill"]
    if element.kind == "close":
        return element.props["color"], backdrop_color(design, element)
    return None


def element_problems(design: Design, element: Element) -> list[tuple[str, str, str]]:
    """The problems of one element, as (severity, property, sentence)."""
    out: list[tuple[str, str, str]] = []
    p = element.props
    colors = text_colors(design, element)
    if colors and (element.kind != "close"):
        ratio, ok = verdict(colors[0], colors[1], p["font_size"], p["bold"])
        if not ok:
            need = required_ratio(p["font_size"], p["bold"])
            out.append(
                (
                    "error",
                    "color",
                    f"Text contrast is {ratio_text(ratio)}, below the {need:g}:1 "
                    "that people with low vision need; darken or lighten the text or background.",
                )
            )
    if element.kind in CLICKABLE and (p["width"] < MIN_TARGET or p["height"] < MIN_TARGET):
        out.append(
            (
                "error",
                "width",
                f"The {element.kind} is {p['width']}×{p['height']} px; "
                f"make it at least {MIN_TARGET}×{MIN_TARGET} px so it can be tapped.",
            )
        )
    if element.kind == "image" and not p["decorative"] and not p["alt"].strip():
        out.append(
            ("error", "alt", "The image has no alt text; describe it, or mark it decorative.")
        )
    if element.kind == "text" and not p["text"].strip():
        out.append(("warning", "text", "The text element is empty."))
    if (
        element.kind == "button"
        and p["action"] == "open_url"
        and not p["url"].startswith(SAFE_URL_SCHEMES)
    ):
        out.append(
            (
                "error",
                "url",
                "The button's link must start with https://, http://, mailto: or tel:.",
            )
        )
    if element.kind == "button" and not p["text"].strip():
        out.append(("error", "text", "The button needs a label people can read and hear."))
    return out


def design_problems(e: Engagement, fmt: EngagementFormat | None) -> list[tuple[str, str, str]]:
    """Every design problem of engagement e, as (severity, field, sentence)."""
    out: list[tuple[str, str, str]] = []
    designs = e.state_designs()
    for state, design in (
        ("online", designs.online),
        ("offline", designs.offline),
        ("busy", designs.busy),
    ):
        if design is None:
            continue
        for el in design.elements:
            for sev, prop, msg in element_problems(design, el):
                out.append(
                    (
                        sev,
                        f"designs.{state}.{el.id}.{prop}",
                        f"{state.title()} design, {el.id}: {msg}",
                    )
                )
        if not design.props["label"].strip():
            out.append(
                (
                    "error",
                    f"designs.{state}.label",
                    f"{state.title()} design: give the engagement an accessible name.",
                )
            )
        if design.props["background"] == "color" and not any(
            el.kind != "shape" for el in design.elements
        ):
            out.append(
                (
                    "warning",
                    f"designs.{state}",
                    f"{state.title()} design has nothing to read or click.",
                )
            )
    size = designs.online.props["width"], designs.online.props["height"]
    if fmt is EngagementFormat.OVERLAY and (
        size[0] > MOBILE_OVERLAY[0] or size[1] > MOBILE_OVERLAY[1]
    ):
        out.append(
            (
                "warning",
                "designs.online.width",
                f"The overlay is {size[0]}×{size[1]} px; on phones keep it within 440×305 px.",
            )
        )
    if fmt is EngagementFormat.TOASTER:
        if size[0] > MOBILE_TOASTER_WIDTH:
            out.append(
                (
                    "warning",
                    "designs.online.width",
                    f"The toaster is {size[0]} px wide; the mobile guideline is 140 px.",
                )
            )
        out.append(
            (
                "warning",
                "format",
                "A toaster is not accessible on mobile web; phones will not show it.",
            )
        )
    return out
