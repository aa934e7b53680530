"""The template gallery: ready-to-edit designs for each format, grouped by use case.

The templates are data (resources/gallery/, one JSON file each: name, use case,
format, kind, words and colours); their designs are drawn here by the format's
row (formats.py): its size, and whether it is one button or a card.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from designer.models.design import Design, Element, StateDesigns
from designer.models.formats import FORMATS, EngagementFormat
from designer.models.properties import DESIGN_PROPS, defaults
from designer.models.vocabulary import EngagementKind, StateDisplay

log = logging.getLogger(__name__)
OFFLINE_TEXT = "Leave us a message"
OFFLINE_BUTTON_WIDTH = 216  # px: the offline text on one line, with the online margins
PAD, CLOSE = 16, 28  # px: a card's margin, and its close button's size


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    use_case: str
    format: EngagementFormat
    kind: EngagementKind
    headline: str
    action_label: str
    background: str = "#1a56db"
    text_color: str = "#ffffff"

    @classmethod
    def from_file(cls, file_name: str, data: dict[str, Any]) -> Template:
        key = file_name.removesuffix(".json").split("-", 1)[1]
        return cls(
            key,
            data["name"],
            data["use_case"],
            EngagementFormat(data["format"]),
            EngagementKind(data["kind"]),
            data["headline"],
            data["action_label"],
            **{k: data[k] for k in ("background", "text_color") if k in data},
        )

    def design(self) -> Design:
        """The online design: one button of text, or a card with a headline, an action and
        (unless the format says otherwise) a close button; sized and shaped by the format."""
        row = FORMATS[self.format]
        w, h = row.size
        props = defaults(DESIGN_PROPS) | {
            "width": w,
            "height": h,
            "background_color": self.background,
            "label": self.headline,
        }
        if row.button_radius is not None:
            props["radius"] = row.button_radius
            return Design(props, [self._button_text(w, h)])
        elements = [self._headline(w, h), self._action(w, h)]
        if row.closable:
            elements.append(self._close(w))
        return Design(props, elements)

    def _button_text(self, w: int, h: int) -> Element:
        return Element.new(
            "text1",
            "text",
            x=12,
            y=12,
            width=w - 24,
            height=h - 24,
            text=self.headline,
            color=self.text_color,
            align="center",
            bold=True,
            font_size=16,
        )

    def _headline(self, w: int, h: int) -> Element:
        return Element.new(
            "text1",
            "text",
            x=PAD,
            y=PAD,
            width=w - 2 * PAD - CLOSE,
            height=min(64, h // 2 - 8),
            text=self.headline,
            color=self.text_color,
            bold=True,
            font_size=20 if w >= 300 else 15,
            reading_order=1,
        )

    def _action(self, w: int, h: int) -> Element:
        """The card's button: starts the conversation, or opens a content engagement's link."""
        conversation = self.kind is EngagementKind.CONVERSATION
        return Element.new(
            "button1",
            "button",
            x=PAD,
            y=h - PAD - 40,
            width=min(180, w - 2 * PAD),
            height=40,
            text=self.action_label,
            fill="#ffffff",
            color=self.background,
            action="start_conversation" if conversation else "open_url",
            url="" if conversation else "https://example.com/offers",
            reading_order=2,
        )

    def _close(self, w: int) -> Element:
        return Element.new(
            "close1",
            "close",
            x=w - CLOSE - 4,
            y=4,
            width=CLOSE,
            height=CLOSE,
            color=self.text_color,
            reading_order=3,
        )

    def state_designs(self) -> StateDesigns:
        """A conversation template asks for a message while agents are offline; a content
        one (an offer, a link) needs no agent and shows the same design in every state."""
        online = self.design()
        if self.kind is EngagementKind.CONTENT:
            return StateDesigns(online, offline_display=StateDisplay.SHOW_DESIGN)
        offline = online.copy()
        offline.elements[0].props["text"] = offline.props["label"] = OFFLINE_TEXT
        if FORMATS[self.format].button_radius is not None:
            # one line of bold 16 px "Leave us a message" needs 182 px: a wider button
            grow = max(0, OFFLINE_BUTTON_WIDTH - offline.props["width"])
            offline.props["width"] += grow
            offline.elements[0].props["width"] += grow
        return StateDesigns(online, offline=offline, offline_display=StateDisplay.SHOW_DESIGN)


def read_templates(folder: Traversable) -> tuple[Template, ...]:
    """The templates in folder, one JSON file each, in file name order: the number before
    the key orders the gallery ("10-sales-sticky.json" is "sales-sticky"). A damaged file
    is left out, with a warning in the log: the gallery shows the others."""
    out = []
    for f in sorted(
        (f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name
    ):
        try:
            out.append(Template.from_file(f.name, json.loads(f.read_text("utf-8"))))
        except (OSError, ValueError, KeyError, TypeError, IndexError) as e:
            log.warning(
                "The gallery template %s is damaged (%s): left out. Reinstall the app.", f.name, e
            )
    return tuple(out)


TEMPLATES: tuple[Template, ...] = read_templates(
    resources.files("designer.resources").joinpath("gallery")
)


def template(key: str) -> Template:
    for t in TEMPLATES:
        if t.key == key:
            return t
    raise KeyError(key)


def by_use_case() -> dict[str, list[Template]]:
    groups: dict[str, list[Template]] = {}
    for t in TEMPLATES:
        groups.setdefault(t.use_case, []).append(t)
    return groups
