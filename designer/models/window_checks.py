"""The checks of a conversation window design, each rule and its sentence declared once.

The window studio shows them beside the window's fields as the designer types;
validation lists the failing ones in Problems, where an error stops a publish
or an export as a design problem of an engagement does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.models.contrast import contrast_ratio, ratio_text, verdict
from designer.models.design import WINDOW_THEMES, Design, Element, WindowDesign
from designer.models.design_checks import SAFE_URL_SCHEMES, element_problems
from designer.models.properties import WINDOW_PROPS, spec_by_name

TEXT_PAIRS = (  # (text colour, background colour, field the note goes beside)
    ("header_text_color", "header_color", "header_text_color"),
    ("agent_text_color", "agent_bubble_color", "agent_text_color"),
    ("visitor_text_color", "visitor_bubble_color", "visitor_text_color"),
)
OK = "ok"  # a check that passes: said beside the field, never a problem


@dataclass(frozen=True)
class WindowCheck:
    field: str  # the window design's property it concerns
    severity: str  # ok, warning or error
    sentence: str


def window_checks(props: dict[str, Any]) -> list[WindowCheck]:
    """Every check of a window design's properties: contrast of each text, alt text and
    link of the header image, bubbles told apart; passing checks included."""
    out: list[WindowCheck] = []
    for fg, bg, field in TEXT_PAIRS:
        ratio, ok = verdict(props[fg], props[bg], props["font_size"], False)
        if ok:
            out.append(WindowCheck(field, OK, f"Contrast {ratio_text(ratio)}: passes WCAG AA."))
        else:
            out.append(
                WindowCheck(
                    field,
                    "error",
                    f"Fails WCAG AA: contrast is {ratio_text(ratio)}; "
                    "darken or lighten the text or its background.",
                )
            )
    if props["header_image"] and not props["header_image_alt"].strip():
        out.append(
            WindowCheck(
                "header_image_alt", "error", "The header image has no alt text; describe it."
            )
        )
    link = props["header_image_link"]
    if link and not link.startswith(SAFE_URL_SCHEMES):
        out.append(
            WindowCheck(
                "header_image_link",
                "error",
                "The link must start with https://, http://, mailto: or tel:.",
            )
        )
    if contrast_ratio(props["visitor_bubble_color"], props["agent_bubble_color"]) < 1.2:
        out.append(
            WindowCheck(
                "visitor_bubble_color",
                "warning",
                "Visitor and agent bubbles look alike; make them easier to tell apart.",
            )
        )
    return out


def window_notes(props: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """The notes beside the window studio's fields: {field: [(severity, sentence)]}."""
    notes: dict[str, list[tuple[str, str]]] = {}
    for check in window_checks(props):
        notes.setdefault(check.field, []).append((check.severity, check.sentence))
    return notes


def window_problems(props: dict[str, Any]) -> list[WindowCheck]:
    """The checks a window design fails: what validation reports (errors and warnings)."""
    return [check for check in window_checks(props) if check.severity != OK]


def window_backdrop(props: dict[str, Any], elements: list[Element]) -> Design:
    """The window as a design the element checks read: its theme's background behind all."""
    design = Design(elements=list(elements))
    design.props["background_color"] = WINDOW_THEMES.get(props["theme"], WINDOW_THEMES["light"])[0]
    return design


def window_design_problems(design: WindowDesign) -> list[tuple[str, str, str]]:
    """Every problem of a window design, as (severity, field, sentence): its own fields'
    (field: the property) and the added elements' (field: elements.<id>.<property>)."""
    specs = spec_by_name(WINDOW_PROPS)
    out = [
        (c.severity, c.field, f"Window, {specs[c.field].label.lower()}: {c.sentence}")
        for c in window_problems(design.props)
    ]
    backdrop = window_backdrop(design.props, design.elements)
    for el in design.elements:
        out += [
            (severity, f"elements.{el.id}.{prop}", f"Window, {el.id}: {sentence}")
            for severity, prop, sentence in element_problems(backdrop, el)
        ]
    return out
