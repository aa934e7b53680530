"""Accessibility and size checks of an engagement's designs.

The studio shows these beside the field as the designer types; validation
repeats them for the whole store. Each returns (severity, field, sentence).
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil
from typing import TYPE_CHECKING, Any

from designer.models.contrast import ratio_text, required_ratio, verdict
from designer.models.design import Design, Element
from designer.models.formats import FORMATS, EngagementFormat, Format

if TYPE_CHECKING:
    from designer.models.engagement import Engagement

MIN_TARGET = 24  # WCAG 2.2 target size (minimum), px
CLICKABLE = ("button", "close")
SAFE_URL_SCHEMES = ("http://", "https://", "mailto:", "tel:")
TEXT_KINDS = ("text", "button")
# (element, box width or None for one line per paragraph) -> the (width, height) its text
# needs, padding included, in the runtime's fonts. The views measure with Qt.
TextMeasure = Callable[[Element, float | None], tuple[float, float]]
FIT_SLACK = 0.01  # px: the browser rounds scroll sizes; a hair over is not a cut
FIT_ROOM = 1  # px a fitted box leaves beside its widest line: engines differ by a tenth


def text_cut_off(element: Element, measure: TextMeasure) -> bool:
    """Whether the browser would cut off (hide part of) the element's text."""
    if element.kind not in TEXT_KINDS or not element.props["text"]:
        return False
    x, y, w, h = element.rect
    need_w, need_h = measure(element, w)
    return need_w > w + FIT_SLACK or need_h > h + FIT_SLACK


def cut_off_sentence(state: str, element: Element) -> str:
    if element.kind == "button":
        return (
            f"The {state} design's button label is cut off: "
            "make the button wider or the label shorter."
        )
    return f"The {state} design's text is cut off: make the box wider or the text shorter."


def fitted_boxes(
    design: Design, element: Element, measure: TextMeasure
) -> tuple[dict[str, Any], dict[str, Any]]:
    """ "Fit box to text": the element's new box and the design's new size, as property values.

    A box drawn for one line becomes as wide as its text (a label stays a label);
    a taller box keeps its width and grows down. The design grows when the box would
    pass its edge, keeping the box's margins, so the engagement does not cut the text.
    """
    x, y, w, h = element.rect
    one_line_w, one_line_h = measure(element, None)
    new_w = max(w, ceil(one_line_w + FIT_ROOM)) if h < 2 * one_line_h else w
    need_w, _ = measure(element, new_w)  # a word wider than the box (a button's label)
    new_w = max(new_w, ceil(need_w + FIT_ROOM) if need_w > new_w + FIT_SLACK else new_w)
    new_h = max(h, ceil(measure(element, new_w)[1] - FIT_SLACK))
    dp = design.props
    right = max(0, dp["width"] - 2 * dp["border_width"] - (x + w))
    bottom = max(0, dp["height"] - 2 * dp["border_width"] - (y + h))
    box = {"width": new_w, "height": new_h}
    size = {}
    if x + new_w + right + 2 * dp["border_width"] > dp["width"]:
        size["width"] = x + new_w + right + 2 * dp["border_width"]
    if y + new_h + bottom + 2 * dp["border_width"] > dp["height"]:
        size["height"] = y + new_h + bottom + 2 * dp["border_width"]
    return box, size


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


def reading_text(design: Design) -> str:
    """What the engagement visibly says: a launcher (no button of its own) says all its
    text, in reading order; a banner with buttons is named by its first text."""
    texts = [
        " ".join(el.props["text"].split())
        for _, el in sorted(
            enumerate(design.elements), key=lambda ie: (ie[1].props["reading_order"], ie[0])
        )
        if el.kind == "text" and el.props["text"].strip()
    ]
    if any(el.kind == "button" for el in design.elements):
        texts = texts[:1]
    return " ".join(texts)


def accessible_name(design: Design) -> str:
    """The name screen readers announce for the design: its label when the label says
    what the engagement visibly says (WCAG's label in name), else the visible text."""
    label = " ".join(design.props["label"].split())
    visible = reading_text(design)
    if not visible or visible.casefold() in label.casefold():
        return label
    return visible


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


def design_problems(
    e: Engagement, fmt: EngagementFormat | None, measure: TextMeasure | None = None
) -> list[tuple[str, str, str]]:
    """Every design problem of engagement e, as (severity, field, sentence).

    measure: how the views measure text; with it, text the browser would cut off is an error.
    """
    out: list[tuple[str, str, str]] = []
    designs = e.state_designs()
    for state, design in (
        ("online", designs.online),
        ("offline", designs.offline),
        ("busy", designs.busy),
    ):
        if design is not None:
            out += state_design_problems(state, design, measure)
    if fmt is not None:
        size = designs.online.props["width"], designs.online.props["height"]
        out += phone_problems(FORMATS[fmt], size)
    return out


def state_design_problems(
    state: str, design: Design, measure: TextMeasure | None
) -> list[tuple[str, str, str]]:
    """The problems of one agent state's design: its elements, its name, its content."""
    out: list[tuple[str, str, str]] = []
    for el in design.elements:
        for sev, prop, msg in element_problems(design, el):
            out.append(
                (sev, f"designs.{state}.{el.id}.{prop}", f"{state.title()} design, {el.id}: {msg}")
            )
        if measure is not None and text_cut_off(el, measure):
            out.append(("error", f"designs.{state}.{el.id}.text", cut_off_sentence(state, el)))
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
            ("warning", f"designs.{state}", f"{state.title()} design has nothing to read or click.")
        )
    return out


def phone_problems(row: Format, size: tuple[int, int]) -> list[tuple[str, str, str]]:
    """The reference's mobile guideline for the format, and its policy on phones."""
    out: list[tuple[str, str, str]] = []
    guide, (w, h) = row.mobile, size
    if guide is not None and guide.height is not None and (w > guide.width or h > guide.height):
        out.append(
            (
                "warning",
                "designs.online.width",
                f"The {row.noun} is {w}×{h} px; on phones keep it within "
                f"{guide.width}×{guide.height} px.",
            )
        )
    elif guide is not None and guide.height is None and w > guide.width:
        out.append(
            (
                "warning",
                "designs.online.width",
                f"The {row.noun} is {w} px wide; the mobile guideline is {guide.width} px.",
            )
        )
    if not row.on_phones:
        out.append(
            (
                "warning",
                "format",
                f"{row.a_noun.capitalize()} is not accessible on mobile web; "
                "phones will not show it.",
            )
        )
    return out
