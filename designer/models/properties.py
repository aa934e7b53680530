"""Typed property declarations, written once.

The inspector builds its fields from these, validation checks values against
them and the exporter reads the same names, so a property exists in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class PropSpec:
    name: str
    type: str  # text, multiline, int, float, bool, color, enum, url, font, image, time_zone
    default: Any
    label: str
    description: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] = ()
    unit: str = ""  # shown after the value: " days", "% of visitors"
    # The sentence for a value outside the limits or choices, over {minimum}, {maximum},
    # {choices}; without one the sentence is made from the label.
    refusal: str = ""

    def refusal_sentence(self) -> str:
        """The declared sentence for a value outside the limits or choices, filled in."""
        words = [str(c) for c in self.choices]
        choices = ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)
        return self.refusal.format(
            minimum=f"{self.minimum:g}" if self.minimum is not None else "",
            maximum=f"{self.maximum:g}" if self.maximum is not None else "",
            choices=choices,
        )

    def problem(self, value: Any) -> str | None:
        """A sentence saying what is wrong with value, or None when it fits."""
        if self.refusal and self._outside(value):
            return self.refusal_sentence()
        if self.type in ("int", "float"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                return f"{self.label} must be a number."
            if self.type == "int" and not float(value).is_integer():
                return f"{self.label} must be a whole number."
            if self.minimum is not None and value < self.minimum:
                return f"{self.label} must be at least {self.minimum:g}."
            if self.maximum is not None and value > self.maximum:
                return f"{self.label} must be at most {self.maximum:g}."
        elif self.type == "bool":
            if not isinstance(value, bool):
                return f"{self.label} must be on or off."
        elif self.type == "color":
            if not isinstance(value, str) or not COLOR_RE.match(value):
                return f"{self.label} must be a colour like #1a73e8."
        elif self.type == "enum":
            if value not in self.choices:
                return f"{self.label} must be one of: {', '.join(self.choices)}."
        elif not isinstance(value, str):
            return f"{self.label} must be text."
        return None

    def _outside(self, value: Any) -> bool:
        if self.choices:
            return value not in self.choices
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        return is_number and (
            (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
        )

    def between_sql(self) -> str:
        """The check constraint of a column holding this setting: its limits or its choices."""
        if self.choices:
            return f"{self.name} IN ({', '.join(str(c) for c in self.choices)})"
        return f"{self.name} BETWEEN {self.minimum:g} AND {self.maximum:g}"

    def coerce(self, value: Any) -> Any:
        """Value as this property's type when it can be read as one, else the default."""
        try:
            if self.type == "int":
                value = int(round(float(value)))
            elif self.type == "float":
                value = float(value)
            elif self.type == "bool":
                value = bool(value)
            elif self.type not in ("int", "float", "bool"):
                value = "" if value is None else str(value)
        except (TypeError, ValueError):
            return self.default
        return value if self.problem(value) is None else self.default


def P(
    name: str, type_: str, default: Any, label: str, description: str = "", **kw: Any
) -> PropSpec:
    if "choices" in kw:
        kw["choices"] = tuple(kw["choices"])
    return PropSpec(name, type_, default, label, description, **kw)


FONTS = ("system-ui", "Arial", "Georgia", "Verdana", "Trebuchet MS", "Courier New")
ALIGN = ("left", "center", "right")
BUTTON_ACTIONS = ("start_conversation", "close", "open_url")
SHAPES = ("rectangle", "ellipse", "line")
BACKGROUND_KINDS = ("color", "gradient", "image")

_BOX = [
    P("x", "int", 0, "X", "Left edge inside the engagement, px", minimum=-2000, maximum=4000),
    P("y", "int", 0, "Y", "Top edge inside the engagement, px", minimum=-2000, maximum=4000),
    P("width", "int", 120, "Width", "px", minimum=1, maximum=4000),
    P("height", "int", 40, "Height", "px", minimum=1, maximum=4000),
]
_A11Y = [
    P(
        "reading_order",
        "int",
        0,
        "Reading order",
        "Order a screen reader reads elements in",
        minimum=0,
        maximum=999,
    )
]
_TEXT = [
    P("text", "multiline", "Message us", "Text"),
    P("font", "font", "system-ui", "Font", choices=FONTS),
    P("font_size", "int", 16, "Font size", "px", minimum=8, maximum=96),
    P("bold", "bool", False, "Bold"),
    P("color", "color", "#1f1f1f", "Text colour"),
    P("align", "enum", "left", "Alignment", choices=ALIGN),
]

ELEMENT_PROPS: dict[str, tuple[PropSpec, ...]] = {
    "text": tuple(_BOX + _TEXT + _A11Y),
    "image": tuple(
        _BOX
        + [
            P("src", "image", "", "Image", "An image file from the campaign's assets"),
            P(
                "alt",
                "text",
                "",
                "Alt text",
                "What the image shows, read to people who cannot see it",
            ),
            P("decorative", "bool", False, "Decorative", "Decorative images need no alt text"),
        ]
        + _A11Y
    ),
    "button": tuple(
        _BOX
        + [
            P("text", "text", "Chat now", "Label"),
            P("font", "font", "system-ui", "Font", choices=FONTS),
            P("font_size", "int", 16, "Font size", "px", minimum=8, maximum=96),
            P("bold", "bool", True, "Bold"),
            P("color", "color", "#ffffff", "Label colour"),
            P("fill", "color", "#1a56db", "Fill colour"),
            P("radius", "int", 6, "Corner radius", "px", minimum=0, maximum=200),
            P("action", "enum", "start_conversation", "Action", choices=BUTTON_ACTIONS),
            P("url", "url", "", "Link", "http(s), mailto or tel address, for Open URL"),
        ]
        + _A11Y
    ),
    "shape": tuple(
        _BOX
        + [
            P("shape", "enum", "rectangle", "Shape", choices=SHAPES),
            P("fill", "color", "#e8eefc", "Fill colour"),
            P("stroke", "color", "#1a56db", "Line colour"),
            P("stroke_width", "int", 0, "Line width", "px", minimum=0, maximum=40),
            P("radius", "int", 0, "Corner radius", "px", minimum=0, maximum=200),
        ]
        + _A11Y
    ),
    "close": tuple(
        _BOX
        + [
            P("color", "color", "#1f1f1f", "Colour"),
            P("label", "text", "Close", "Accessible name"),
        ]
        + _A11Y
    ),
}

DESIGN_PROPS: tuple[PropSpec, ...] = (
    P("width", "int", 160, "Width", "px", minimum=24, maximum=2000),
    P("height", "int", 48, "Height", "px", minimum=24, maximum=2000),
    P("background", "enum", "color", "Background", choices=BACKGROUND_KINDS),
    P("background_color", "color", "#1a56db", "Background colour"),
    P("gradient_to", "color", "#0b3a9e", "Gradient to"),
    P("background_image", "image", "", "Background image"),
    P("radius", "int", 8, "Corner radius", "px", minimum=0, maximum=400),
    P("border_width", "int", 0, "Border width", "px", minimum=0, maximum=40),
    P("border_color", "color", "#0b3a9e", "Border colour"),
    P("shadow", "bool", True, "Shadow"),
    P("padding", "int", 8, "Padding", "px", minimum=0, maximum=200),
    P("placement", "enum", "preset", "Placement", choices=("preset", "custom")),
    P(
        "anchor",
        "enum",
        "bottom-right",
        "Anchor",
        "Viewport edge a custom position is measured from",
        choices=("top-left", "top-right", "bottom-left", "bottom-right", "center"),
    ),
    P(
        "offset_x",
        "int",
        24,
        "Horizontal offset",
        "px from the anchor edge",
        minimum=0,
        maximum=2000,
    ),
    P("offset_y", "int", 24, "Vertical offset", "px from the anchor edge", minimum=0, maximum=2000),
    P(
        "label",
        "text",
        "Message us",
        "Accessible name",
        "What a screen reader announces for the engagement",
    ),
)

WINDOW_PROPS: tuple[PropSpec, ...] = (
    P("theme", "enum", "light", "Theme", choices=("light", "dark")),
    P("header_text", "text", "Chat with us", "Header text"),
    P("header_color", "color", "#1a56db", "Header background"),
    P("header_text_color", "color", "#ffffff", "Header text colour"),
    P("header_image", "image", "", "Header image"),
    P("header_image_alt", "text", "", "Header image alt text"),
    P("header_image_link", "url", "", "Header image link"),
    P("agent_picture", "image", "", "Agent picture"),
    P("agent_name", "text", "Agent", "Agent display name"),
    P("font", "font", "system-ui", "Font", choices=FONTS),
    P("font_size", "int", 15, "Font size", "px", minimum=10, maximum=32),
    P("agent_bubble_color", "color", "#eef1f6", "Agent bubble"),
    P("agent_text_color", "color", "#1f1f1f", "Agent text colour"),
    P("visitor_bubble_color", "color", "#1a56db", "Visitor bubble"),
    P("visitor_text_color", "color", "#ffffff", "Visitor text colour"),
    P("bubble_shape", "enum", "rounded", "Bubble shape", choices=("rounded", "square", "pill")),
    P("corner_radius", "int", 12, "Window corner radius", "px", minimum=0, maximum=40),
    P("width", "int", 360, "Width", "px", minimum=280, maximum=800),
    P("height", "int", 520, "Height", "px", minimum=320, maximum=1000),
    P("input_placeholder", "text", "Type a message", "Input placeholder"),
    P(
        "action_menu",
        "bool",
        True,
        "Action menu",
        "Menu with end conversation and download transcript",
    ),
)


def defaults(specs: tuple[PropSpec, ...]) -> dict[str, Any]:
    return {s.name: s.default for s in specs}


def spec_by_name(specs: tuple[PropSpec, ...]) -> dict[str, PropSpec]:
    return {s.name: s for s in specs}
