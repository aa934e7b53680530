"""The simulated visitor: what the designer sets in the visitor simulator, as runtime calls.

Qt-free. The runtime's `EngagementTag.preview(options)` takes the visitor's
circumstances (time on page, clock, agent state, control group, ...) and
`EngagementTag.push(item)` the attributes a site pushes (cart, errors,
customer, marketing source, search). The same visitor is applied before the
page's own scripts on every load, and live to the page already open.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from designer.models import clock as app_clock

# Runtime state names, and the words the simulator shows for them.
AGENT_STATES = {
    "": "As the shift scheduler says",
    "online": "Online",
    "offline": "Offline",
    "busy": "Busy",
}
DEVICES = {"": "As the viewport says", "desktop": "Desktop", "tablet": "Tablet", "phone": "Phone"}
CONTROL_GROUP = {
    "": "As chance has it (stable for the visitor)",
    "in": "In the control group",
    "out": "Not in the control group",
}
VISITOR_TYPES = {
    "": "As the browser remembers",
    "new": "New visitor",
    "returning": "Returning visitor",
}


@dataclass
class Visitor:
    """A visitor's circumstances; None or "" leaves a value to the page; the clock is the app's.

    A pinned app clock (tests) is the visitor's clock too; otherwise the page reads the real time.
    """

    time_on_page: int | None = None
    pages_viewed: int | None = None
    scroll_depth: int | None = None
    exit_intent: bool = False
    cart_value: float | None = None
    products: list[str] = field(default_factory=list)
    error_message: str = ""
    error_code: str = ""
    customer_type: str = ""
    customer_status: str = ""
    marketing_source: str = ""
    search_keywords: list[str] = field(default_factory=list)
    visitor_type: str = ""
    device: str = ""
    agent_state: str = ""
    clock: datetime | None = None  # aware; None is the app's clock (designer.models.clock)
    control_group: str = ""

    def preview_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {}
        for key in ("time_on_page", "pages_viewed", "scroll_depth"):
            if getattr(self, key) is not None:
                options[key] = getattr(self, key)
        if self.exit_intent:
            options["exit_intent"] = True
        if self.visitor_type:
            options["returning"] = self.visitor_type == "returning"
        for key in ("device", "agent_state", "control_group"):
            if getattr(self, key):
                options[key] = getattr(self, key)
        moment = self.clock if self.clock is not None else app_clock.pinned_now()
        if moment is not None:
            options["now"] = round(moment.timestamp() * 1000)
        return options

    def pushes(self) -> list[dict[str, Any]]:
        """What a site would push for this visitor, in the runtime's words."""
        items: list[dict[str, Any]] = []
        if self.cart_value is not None or self.products:
            items.append({"type": "cart", "value": self.cart_value or 0, "products": self.products})
        if self.error_message or self.error_code:
            items.append({"type": "error", "message": self.error_message, "code": self.error_code})
        if self.customer_type or self.customer_status:
            items.append(
                {
                    "type": "customer",
                    "customer_type": self.customer_type,
                    "status": self.customer_status,
                }
            )
        if self.marketing_source:
            items.append({"type": "marketing_source", "source": self.marketing_source})
        if self.search_keywords:
            items.append({"type": "search", "keywords": self.search_keywords})
        return items

    def script(self) -> str:
        """JavaScript that applies this visitor: queued before the tag loads, or live after."""
        options = json.dumps(self.preview_options())
        pushes = json.dumps(self.pushes())
        return (
            "(function () {"
            " var q = window.EngagementTag = window.EngagementTag || [];"
            f" var options = {options}, pushes = {pushes};"
            " if (q.preview) { q.preview(options); pushes.forEach(function (p) { q.push(p); }); }"
            " else { q.push(function (api) { api.preview(options); });"
            " pushes.forEach(function (p) { q.push(p); }); }"
            "})();"
        )
