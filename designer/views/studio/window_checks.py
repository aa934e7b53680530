"""What the window studio says beside the window's fields, and the greeting it starts with."""

from __future__ import annotations

from typing import Any

from designer.models.contrast import contrast_ratio, ratio_text, verdict
from designer.models.design_checks import SAFE_URL_SCHEMES
from designer.models.engagement import Engagement

TEXT_PAIRS = (  # (text colour, background colour, field the note goes beside)
    ("header_text_color", "header_color", "header_text_color"),
    ("agent_text_color", "agent_bubble_color", "agent_text_color"),
    ("visitor_text_color", "visitor_bubble_color", "visitor_text_color"),
)


def window_notes(props: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Live checks of a window design: contrast of each text, alt text and link of the header image."""
    notes: dict[str, list[tuple[str, str]]] = {}
    for fg, bg, field in TEXT_PAIRS:
        ratio, ok = verdict(props[fg], props[bg], props["font_size"], False)
        if ok:
            notes[field] = [("ok", f"Contrast {ratio_text(ratio)}: passes WCAG AA.")]
        else:
            notes[field] = [
                (
                    "error",
                    f"Fails WCAG AA: contrast is {ratio_text(ratio)}; "
                    "darken or lighten the text or its background.",
                )
            ]
    if props["header_image"] and not props["header_image_alt"].strip():
        notes["header_image_alt"] = [("error", "The header image has no alt text; describe it.")]
    link = props["header_image_link"]
    if link and not link.startswith(SAFE_URL_SCHEMES):
        notes["header_image_link"] = [
            ("error", "The link must start with https://, http://, mailto: or tel:.")
        ]
    if contrast_ratio(props["visitor_bubble_color"], props["agent_bubble_color"]) < 1.2:
        notes.setdefault("visitor_bubble_color", []).append(
            ("warning", "Visitor and agent bubbles look alike; make them easier to tell apart.")
        )
    return notes


def greeting_of(e: Engagement) -> str:
    """The engagement's greeting in its language, when that automatic message is on."""
    messages = e.automatic_messages if isinstance(e.automatic_messages, dict) else {}
    greeting = (messages.get(e.language) or {}).get("greeting") or {}
    if isinstance(greeting, dict) and greeting.get("enabled"):
        return str(greeting.get("text", ""))
    return ""
