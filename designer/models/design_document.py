"""The studio's design document: an engagement's state designs, observable.

Plain Python, no Qt. The studio scene mirrors it through the callbacks
(element_added, element_removed, element_changed, design_changed); the
studio's undo commands call its operations, which report what they replaced
so the command can put it back. Every operation names the agent state it
changes, so undo puts the change back in the design it was made in.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from designer.models.design import Design, Element, StateDesigns
from designer.models.properties import DESIGN_PROPS, spec_by_name
from designer.models.vocabulary import AgentState, StateDisplay

_DESIGN_SPECS = spec_by_name(DESIGN_PROPS)


class Callbacks:
    """A plain-Python signal: `connect(fn)`, `disconnect(fn)`, `emit(*args)`."""

    def __init__(self) -> None:
        self._listeners: list[Callable[..., None]] = []

    def connect(self, listener: Callable[..., None]) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Callable[..., None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, *args: Any) -> None:
        for listener in list(self._listeners):
            listener(*args)


class DesignDocument:
    """The online, offline and busy designs of one engagement, and the state being edited.

    Callbacks (state is an AgentState):
      element_added(state, index, element)
      element_removed(state, element)
      element_changed(state, element, names)   names: the properties that changed
      design_changed(state)                    the design's own props, its z-order,
                                               its display or the whole design changed
      state_changed(state)                     another state is being edited
    """

    def __init__(self, designs: StateDesigns, state: AgentState = AgentState.ONLINE) -> None:
        self.designs = designs
        self.state = state
        self.element_added = Callbacks()
        self.element_removed = Callbacks()
        self.element_changed = Callbacks()
        self.design_changed = Callbacks()
        self.state_changed = Callbacks()

    # Reading

    def own_design(self, state: AgentState) -> Design | None:
        """The state's own design; offline and busy may have none and borrow online's."""
        if state is AgentState.ONLINE:
            return self.designs.online
        return self.designs.offline if state is AgentState.OFFLINE else self.designs.busy

    def shown_design(self, state: AgentState) -> Design:
        """What the canvas shows for state: its own design, else the online one it borrows."""
        return self.own_design(state) or self.designs.online

    @property
    def design(self) -> Design:
        return self.shown_design(self.state)

    @property
    def editable(self) -> bool:
        """True when the current state has a design of its own to edit."""
        return self.own_design(self.state) is not None

    def display(self, state: AgentState) -> StateDisplay:
        if state is AgentState.ONLINE:
            return StateDisplay.SHOW_DESIGN
        if state is AgentState.OFFLINE:
            return self.designs.offline_display
        return self.designs.busy_display

    def element(self, state: AgentState, element_id: str) -> Element:
        element = self._design(state).element(element_id)
        if element is None:
            raise KeyError(element_id)
        return element

    def snapshot(self) -> StateDesigns:
        """An independent copy of every state's design, for saving."""
        return StateDesigns.from_dict(copy.deepcopy(self.designs.to_dict()))

    # Changing

    def set_state(self, state: AgentState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)

    def replace(self, designs: StateDesigns) -> None:
        """Take every state's design from elsewhere (the store changed under the studio)."""
        self.designs = designs
        self.design_changed.emit(self.state)

    def insert_element(self, state: AgentState, index: int, element: Element) -> None:
        design = self._design(state)
        if design.element(element.id) is not None:
            raise ValueError(f"An element {element.id!r} is already in the design")
        self._show(state)
        index = max(0, min(index, len(design.elements)))
        design.elements.insert(index, element)
        self.element_added.emit(state, index, element)

    def remove_element(self, state: AgentState, element_id: str) -> tuple[int, Element]:
        """Take the element out; returns (its index, it) so it can be put back."""
        design = self._design(state)
        element = self.element(state, element_id)
        self._show(state)
        index = design.elements.index(element)
        design.elements.remove(element)
        self.element_removed.emit(state, element)
        return index, element

    def update_element(
        self, state: AgentState, element_id: str, values: dict[str, Any]
    ) -> dict[str, Any]:
        """Set some properties (coerced by their declaration); returns the values they replace."""
        element = self.element(state, element_id)
        specs = spec_by_name(element.specs)
        unknown = set(values) - set(specs)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        old = {name: element.props[name] for name in values}
        new = {name: specs[name].coerce(value) for name, value in values.items()}
        changed = [name for name in new if new[name] != old[name]]
        if changed:
            self._show(state)
            element.props.update(new)
            self.element_changed.emit(state, element, changed)
        return old

    def update_design(self, state: AgentState, values: dict[str, Any]) -> dict[str, Any]:
        """Set some of the design's own properties; returns the values they replace."""
        design = self._design(state)
        unknown = set(values) - set(_DESIGN_SPECS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        old = {name: design.props[name] for name in values}
        new = {name: _DESIGN_SPECS[name].coerce(v) for name, v in values.items()}
        if new != old:
            self._show(state)
            design.props.update(new)
            self.design_changed.emit(state)
        return old

    def reorder(self, state: AgentState, order: list[str]) -> list[str]:
        """Put the elements in this z-order (bottom first); returns the order it replaces."""
        design = self._design(state)
        old = [e.id for e in design.elements]
        if sorted(order) != sorted(old):
            raise ValueError("A new order must name every element once")
        if order != old:
            by_id = {e.id: e for e in design.elements}
            self._show(state)
            design.elements[:] = [by_id[i] for i in order]
            self.design_changed.emit(state)
        return old

    def set_own_design(self, state: AgentState, design: Design | None) -> Design | None:
        """Give offline or busy a design of its own (None: borrow online's); returns the old one."""
        if state is AgentState.ONLINE:
            if design is None:
                raise ValueError("The online design cannot be removed")
            old: Design | None = self.designs.online
            self.designs.online = design
        elif state is AgentState.OFFLINE:
            old, self.designs.offline = self.designs.offline, design
        else:
            old, self.designs.busy = self.designs.busy, design
        self._show(state)
        self.design_changed.emit(state)
        return old

    def set_display(self, state: AgentState, display: StateDisplay) -> StateDisplay:
        """Show a design or hide the engagement in offline or busy; returns the old choice."""
        old = self.display(state)
        if state is AgentState.OFFLINE:
            self.designs.offline_display = display
        elif state is AgentState.BUSY:
            self.designs.busy_display = display
        elif display is StateDisplay.HIDE:
            raise ValueError("The engagement always shows when agents are online")
        if old is not display:
            self._show(state)
            self.design_changed.emit(state)
        return old

    # Inside

    def _design(self, state: AgentState) -> Design:
        design = self.own_design(state)
        if design is None:
            raise LookupError(f"The {state} state has no design of its own")
        return design

    def _show(self, state: AgentState) -> None:
        """Switch to the state a change is made in, so the designer sees it happen."""
        self.set_state(state)
