"""The template gallery: ready-to-edit designs for each format, grouped by use case."""

from __future__ import annotations

from dataclasses import dataclass

from designer.models.design import Design, Element, StateDesigns
from designer.models.properties import DESIGN_PROPS, defaults
from designer.models.vocabulary import (
    FORMAT_SIZES,
    EngagementFormat,
    EngagementKind,
    StateDisplay,
)

F = EngagementFormat
OFFLINE_TEXT = "Leave us a message"
OFFLINE_BUTTON_WIDTH = 216  # px: the offline text on one line, with the online margins


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

    def design(self) -> Design:
        w, h = FORMAT_SIZES[self.format]
        props = defaults(DESIGN_PROPS) | {
            "width": w,
            "height": h,
            "background_color": self.background,
            "label": self.headline,
        }
        if self.format in (F.STICKY_BUTTON, F.EMBEDDED_BUTTON):
            props["radius"] = 24 if self.format is F.STICKY_BUTTON else 6
            return Design(
                props,
                [
                    Element.new(
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
                    ),
                ],
            )
        pad = 16
        close = 28
        elements = [
            Element.new(
                "text1",
                "text",
                x=pad,
                y=pad,
                width=w - 2 * pad - close,
                height=min(64, h // 2 - 8),
                text=self.headline,
                color=self.text_color,
                bold=True,
                font_size=20 if w >= 300 else 15,
                reading_order=1,
            ),
            Element.new(
                "button1",
                "button",
                x=pad,
                y=h - pad - 40,
                width=min(180, w - 2 * pad),
                height=40,
                text=self.action_label,
                fill="#ffffff",
                color=self.background,
                action="start_conversation"
                if self.kind is EngagementKind.CONVERSATION
                else "open_url",
                url=""
                if self.kind is EngagementKind.CONVERSATION
                else "https://example.com/offers",
                reading_order=2,
            ),
        ]
        if self.format is not F.EMBEDDED_BANNER:
            elements.append(
                Element.new(
                    "close1",
                    "close",
                    x=w - close - 4,
                    y=4,
                    width=close,
                    height=close,
                    color=self.text_color,
                    reading_order=3,
                )
            )
        return Design(props, elements)

    def state_designs(self) -> StateDesigns:
        """A conversation template asks for a message while agents are offline; a content
        one (an offer, a link) needs no agent and shows the same design in every state."""
        online = self.design()
        if self.kind is EngagementKind.CONTENT:
            return StateDesigns(online, offline_display=StateDisplay.SHOW_DESIGN)
        offline = online.copy()
        offline.elements[0].props["text"] = offline.props["label"] = OFFLINE_TEXT
        if self.format in (F.STICKY_BUTTON, F.EMBEDDED_BUTTON):
            # one line of bold 16 px "Leave us a message" needs 182 px: a wider button
            grow = max(0, OFFLINE_BUTTON_WIDTH - offline.props["width"])
            offline.props["width"] += grow
            offline.elements[0].props["width"] += grow
        return StateDesigns(online, offline=offline, offline_display=StateDisplay.SHOW_DESIGN)


TEMPLATES: tuple[Template, ...] = (
    Template(
        "sales-sticky",
        "Questions? Message us",
        "Sales help",
        F.STICKY_BUTTON,
        EngagementKind.CONVERSATION,
        "Message us",
        "Message us",
    ),
    Template(
        "sales-slide-out",
        "Product expert slide-out",
        "Sales help",
        F.SLIDE_OUT,
        EngagementKind.CONVERSATION,
        "Talk to a product expert",
        "Start messaging",
    ),
    Template(
        "checkout-overlay",
        "Checkout rescue overlay",
        "Checkout rescue",
        F.OVERLAY,
        EngagementKind.CONVERSATION,
        "Need a hand finishing your order?",
        "Message us",
    ),
    Template(
        "checkout-toaster",
        "Checkout toaster",
        "Checkout rescue",
        F.TOASTER,
        EngagementKind.CONVERSATION,
        "Stuck? We can help",
        "Message",
    ),
    Template(
        "service-embedded",
        "Help centre button",
        "Service",
        F.EMBEDDED_BUTTON,
        EngagementKind.CONVERSATION,
        "Message support",
        "Message support",
        "#0f7b4a",
    ),
    Template(
        "service-sticky",
        "Support sticky button",
        "Service",
        F.STICKY_BUTTON,
        EngagementKind.CONVERSATION,
        "Support",
        "Support",
        "#0f7b4a",
    ),
    Template(
        "promo-banner",
        "Offer banner",
        "Promotions",
        F.EMBEDDED_BANNER,
        EngagementKind.CONTENT,
        "Free delivery on orders over 50",
        "See the offer",
        "#7a2e8e",
    ),
    Template(
        "promo-peel",
        "Peeling corner offer",
        "Promotions",
        F.PEELING_CORNER,
        EngagementKind.CONTENT,
        "10% off today",
        "Get it",
        "#b3261e",
    ),
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
