"""The design documents: a studio design (button or banner) and a window design.

Plain records stored as JSON on the engagement. Properties are checked
against their declaration in `properties.py` when read, so a design read from
disk is always well formed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from designer.models.properties import (
    DESIGN_PROPS,
    ELEMENT_PROPS,
    WINDOW_PROPS,
    PropSpec,
    defaults,
)
from designer.models.vocabulary import AgentState, StateDisplay


def _clean(specs: tuple[PropSpec, ...], raw: dict[str, Any]) -> dict[str, Any]:
    return {s.name: s.coerce(raw.get(s.name, s.default)) for s in specs}


@dataclass
class Element:
    id: str
    kind: str  # a key of ELEMENT_PROPS
    props: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def new(cls, element_id: str, kind: str, **props: Any) -> Element:
        if kind not in ELEMENT_PROPS:
            raise ValueError(f"Unknown element kind {kind!r}")
        values = defaults(ELEMENT_PROPS[kind])
        values.update(props)
        return cls(element_id, kind, _clean(ELEMENT_PROPS[kind], values))

    @property
    def specs(self) -> tuple[PropSpec, ...]:
        return ELEMENT_PROPS[self.kind]

    @property
    def rect(self) -> tuple[int, int, int, int]:
        p = self.props
        return p["x"], p["y"], p["width"], p["height"]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "props": dict(self.props)}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Element:
        kind = raw.get("kind", "text")
        if kind not in ELEMENT_PROPS:
            kind = "text"
        return cls(str(raw.get("id", "")), kind, _clean(ELEMENT_PROPS[kind], raw.get("props", {})))


def next_element_id(elements: list[Element], kind: str) -> str:
    """The first of kind1, kind2, … that no element has."""
    taken = {e.id for e in elements}
    n = 1
    while f"{kind}{n}" in taken:
        n += 1
    return f"{kind}{n}"


@dataclass
class Design:
    """One state's design: the engagement's own box and its elements, in z-order."""

    props: dict[str, Any] = field(default_factory=lambda: defaults(DESIGN_PROPS))
    elements: list[Element] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"props": dict(self.props), "elements": [e.to_dict() for e in self.elements]}

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> Design:
        raw = raw or {}
        return cls(
            _clean(DESIGN_PROPS, raw.get("props", {})),
            [Element.from_dict(e) for e in raw.get("elements", [])],
        )

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)

    def next_id(self, kind: str) -> str:
        return next_element_id(self.elements, kind)

    def copy(self) -> Design:
        return Design.from_dict(copy.deepcopy(self.to_dict()))


@dataclass
class StateDesigns:
    """The online design, and for offline and busy either a design of their own or hide."""

    online: Design
    offline: Design | None = None
    busy: Design | None = None
    offline_display: StateDisplay = StateDisplay.HIDE
    busy_display: StateDisplay = StateDisplay.SHOW_DESIGN

    def for_state(self, state: AgentState) -> Design | None:
        """The design shown in state, or None when the engagement hides then."""
        if state is AgentState.ONLINE:
            return self.online
        display = self.offline_display if state is AgentState.OFFLINE else self.busy_display
        if display is StateDisplay.HIDE:
            return None
        own = self.offline if state is AgentState.OFFLINE else self.busy
        return own or self.online

    def to_dict(self) -> dict[str, Any]:
        return {
            "online": self.online.to_dict(),
            "offline": self.offline.to_dict() if self.offline else None,
            "busy": self.busy.to_dict() if self.busy else None,
            "offline_display": str(self.offline_display),
            "busy_display": str(self.busy_display),
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> StateDesigns:
        raw = raw or {}

        def display(key: str, default: StateDisplay) -> StateDisplay:
            try:
                return StateDisplay(raw.get(key, default))
            except ValueError:
                return default

        return cls(
            Design.from_dict(raw.get("online")),
            Design.from_dict(raw["offline"]) if raw.get("offline") else None,
            Design.from_dict(raw["busy"]) if raw.get("busy") else None,
            display("offline_display", StateDisplay.HIDE),
            display("busy_display", StateDisplay.SHOW_DESIGN),
        )


# What a designer adds to the conversation window: drawn over it at their place (x, y from
# the window's top-left corner), as the engagement's elements are drawn in its box.
WINDOW_ELEMENT_KINDS = ("text", "image", "button", "shape")
# theme: (window background, text colour), as the runtime's window.js paints it
WINDOW_THEMES = {"light": ("#ffffff", "#1f1f1f"), "dark": ("#1e1f24", "#f1f1f1")}


@dataclass
class WindowDesign:
    props: dict[str, Any] = field(default_factory=lambda: defaults(WINDOW_PROPS))
    elements: list[Element] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # a design without added elements keeps the record it always had
        if not self.elements:
            return {"props": dict(self.props)}
        return {"props": dict(self.props), "elements": [e.to_dict() for e in self.elements]}

    @classmethod
    def from_dict(cls, raw: dict[str, Any] | None) -> WindowDesign:
        raw = raw or {}
        found = raw.get("elements")
        elements = [
            Element.from_dict(e)
            for e in (found if isinstance(found, list) else [])
            if isinstance(e, dict) and e.get("kind") in WINDOW_ELEMENT_KINDS
        ]
        return cls(_clean(WINDOW_PROPS, raw.get("props", {})), elements)

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)
