"""The studio's undo commands: one small command per operation on the design document.

Each changes the DesignDocument (the scene follows its callbacks) and saves
the engagement's designs in one transaction; when saving fails the document
change is taken back, so what the canvas shows is always what is saved.
"""

from __future__ import annotations

from typing import Any

from designer.models.design import Design, Element, StateDesigns
from designer.models.design_document import DesignDocument
from designer.models.edit_tracking import stale_edit
from designer.models.engagement import Engagement
from designer.models.errors import StaleEdit, StoreError
from designer.models.properties import spec_by_name
from designer.models.vocabulary import AgentState, StateDisplay
from designer.views.editing.edit_session import StoreCommand


class DocumentCommand(StoreCommand):
    """Base: each subclass's forward() and backward() change the document (no session:
    the base reads the stored designs before and saves them after, in one transaction)."""

    def __init__(self, text: str, doc: DesignDocument, engagement_id: int, state: AgentState):
        super().__init__(text, Engagement, engagement_id)
        self.doc, self.state = doc, state

    def apply(self, forward: bool) -> None:
        """Catch up with the stored designs, step, and save, in one transaction.

        The engagement's row is locked (on a team store) from the read to the write, so
        another designer's move of another element is kept: each command changes only
        its own elements. A write that still met a newer version is tried again.
        """
        assert self.session is not None
        for attempt in range(3):
            try:
                self._apply_once(forward)
                break
            except StaleEdit:
                if attempt == 2:
                    raise
        self.session.changed.emit(self.entity, self.entity_id)

    def _apply_once(self, forward: bool) -> None:
        assert self.session is not None
        step, back = (self.forward, self.backward) if forward else (self.backward, self.forward)
        stepped = False
        try:
            with self.session.store.edit() as s:
                row = s.get(
                    Engagement, self.entity_id, with_for_update=True, populate_existing=True
                )
                if row is None:
                    raise StoreError(
                        "The engagement was deleted meanwhile; the change was not saved."
                    )
                self._catch_up(row.designs)
                if self.overwritten(forward):
                    raise stale_edit("engagements", row.changed_by)
                try:
                    step()
                except (KeyError, LookupError, ValueError):
                    # the design was changed elsewhere under this command
                    raise StoreError(
                        f"“{self.text()}” no longer fits the design as it is now, so it was "
                        "not applied; the design on screen is what is saved."
                    ) from None
                stepped = True
                row.set_state_designs(self.doc.snapshot())
        except BaseException:
            if stepped:
                back()
            raise

    def overwritten(self, forward: bool) -> bool:
        """Whether someone else has since changed what this redo (or undo) would set back."""
        return False

    def _catch_up(self, stored: dict | None) -> None:
        """Start from the store's designs: another designer, or another view, may have
        changed the engagement since this document was read."""
        if (
            stored is not None
            and StateDesigns.from_dict(stored).to_dict() != self.doc.designs.to_dict()
        ):
            self.doc.replace(StateDesigns.from_dict(stored))


class AddElements(DocumentCommand):
    """Add elements at their indices (a paste or duplicate adds several at once)."""

    def __init__(self, doc, engagement_id, state, placed: list[tuple[int, Element]], text=""):
        super().__init__(text or f"Add {_names(e for _, e in placed)}", doc, engagement_id, state)
        self.placed = placed

    def forward(self) -> None:
        for index, element in self.placed:
            self.doc.insert_element(self.state, index, element)

    def backward(self) -> None:
        for _, element in reversed(self.placed):
            self.doc.remove_element(self.state, element.id)


class RemoveElements(DocumentCommand):
    def __init__(self, doc, engagement_id, state, element_ids: list[str], text=""):
        design = doc.own_design(state)
        assert design is not None
        order = [e.id for e in design.elements]
        self.ids = sorted(element_ids, key=order.index)
        super().__init__(text or f"Delete {_names_of(self.ids)}", doc, engagement_id, state)
        self.removed: list[tuple[int, Element]] = []

    def forward(self) -> None:
        self.removed = [self.doc.remove_element(self.state, i) for i in reversed(self.ids)]

    def backward(self) -> None:
        for index, element in reversed(self.removed):
            self.doc.insert_element(self.state, index, element)


class SetElementProps(DocumentCommand):
    """Set properties of one or more elements: {element id: {name: value}}.

    A drag of several elements, a resize, a nudge or an inspector edit is one of these.
    """

    def __init__(self, doc, engagement_id, state, values: dict[str, dict[str, Any]], text=""):
        super().__init__(text or "Change " + _names_of(list(values)), doc, engagement_id, state)
        self.values = values
        self.old_values: dict[str, dict[str, Any]] = {}

    def forward(self) -> None:
        self.old_values = {
            i: self.doc.update_element(self.state, i, v) for i, v in self.values.items()
        }

    def backward(self) -> None:
        for i, v in self.old_values.items():
            self.doc.update_element(self.state, i, v)

    def overwritten(self, forward: bool) -> bool:
        design = self.doc.own_design(self.state)
        expected = self.old_values if forward else self.values
        for element_id, values in expected.items():
            element = design.element(element_id) if design is not None else None
            if element is None:
                return False  # gone: the step says it no longer fits
            specs = spec_by_name(element.specs)
            if any(
                element.props.get(k) != specs[k].coerce(v) for k, v in values.items() if k in specs
            ):
                return True
        return False


class SetDesignProps(DocumentCommand):
    def __init__(self, doc, engagement_id, state, values: dict[str, Any], text=""):
        super().__init__(
            text or "Change the engagement's " + ", ".join(values), doc, engagement_id, state
        )
        self.values = values
        self.old_values: dict[str, Any] = {}

    def forward(self) -> None:
        self.old_values = self.doc.update_design(self.state, self.values)

    def backward(self) -> None:
        self.doc.update_design(self.state, self.old_values)


class FitTextBoxes(DocumentCommand):
    """ "Fit box to text": new boxes for some elements and, when they need it, a bigger design."""

    def __init__(self, doc, engagement_id, state, boxes: dict[str, dict], size: dict, text=""):
        super().__init__(text or "Fit box to text", doc, engagement_id, state)
        self.boxes, self.size = boxes, size
        self.old_boxes: dict[str, dict[str, Any]] = {}
        self.old_size: dict[str, Any] = {}

    def forward(self) -> None:
        self.old_size = self.doc.update_design(self.state, self.size)
        self.old_boxes = {
            i: self.doc.update_element(self.state, i, v) for i, v in self.boxes.items()
        }

    def backward(self) -> None:
        for i, v in self.old_boxes.items():
            self.doc.update_element(self.state, i, v)
        self.doc.update_design(self.state, self.old_size)


class Reorder(DocumentCommand):
    """Change the z-order (bottom first)."""

    def __init__(self, doc, engagement_id, state, order: list[str], text="Change the order"):
        super().__init__(text, doc, engagement_id, state)
        self.order = order
        self.old_order: list[str] = []

    def forward(self) -> None:
        self.old_order = self.doc.reorder(self.state, self.order)

    def backward(self) -> None:
        self.doc.reorder(self.state, self.old_order)


class SetOwnDesign(DocumentCommand):
    """Start a state's design from another state's, or go back to borrowing online's."""

    def __init__(self, doc, engagement_id, state, design: Design | None, text=""):
        super().__init__(text or f"Start the {state} design", doc, engagement_id, state)
        self.design = design
        self.old_design: Design | None = None

    def forward(self) -> None:
        self.old_design = self.doc.set_own_design(self.state, self.design)

    def backward(self) -> None:
        self.doc.set_own_design(self.state, self.old_design)


class SetDisplay(DocumentCommand):
    def __init__(self, doc, engagement_id, state, display: StateDisplay):
        verb = "Hide" if display is StateDisplay.HIDE else "Show"
        super().__init__(f"{verb} the engagement when {state}", doc, engagement_id, state)
        self.display = display
        self.old_display = display

    def forward(self) -> None:
        self.old_display = self.doc.set_display(self.state, self.display)

    def backward(self) -> None:
        self.doc.set_display(self.state, self.old_display)


def _names(elements) -> str:
    return _names_of([e.id for e in elements])


def _names_of(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else f"{len(ids)} elements"
