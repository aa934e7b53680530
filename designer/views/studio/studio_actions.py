"""What a designer can do to a design, each as one undoable command pushed on the session.

Tools, menus, shortcuts and the inspector call these; nothing else builds
studio commands.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from designer.models.design import Element
from designer.models.design_checks import fitted_boxes, text_cut_off
from designer.models.design_document import DesignDocument
from designer.models.vocabulary import AgentState, StateDisplay
from designer.views.editing.edit_session import EditSession
from designer.views.studio.studio_commands import (
    AddElements,
    FitTextBoxes,
    RemoveElements,
    Reorder,
    SetDesignProps,
    SetDisplay,
    SetElementProps,
    SetOwnDesign,
)
from designer.views.studio.studio_scene import StudioScene
from designer.views.studio.text_fit import measure_text

ELEMENTS_MIME = "application/x-engagement-designer-elements"
PASTE_OFFSET = 10


class StudioActions:
    def __init__(
        self, session: EditSession, engagement_id: int, doc: DesignDocument, scene: StudioScene
    ) -> None:
        self.session, self.engagement_id, self.doc, self.scene = session, engagement_id, doc, scene

    @property
    def state(self) -> AgentState:
        return self.doc.state

    def _push(self, command) -> bool:  # noqa: ANN001 - a DocumentCommand
        return self.session.push(command)

    def _can_edit(self) -> bool:
        if not self.doc.editable:
            self.session.failed.emit(
                f"The {self.state} state uses the online design; "
                "start its own design first to change it."
            )
            return False
        return True

    # Elements

    def add_element(self, kind: str, **props: Any) -> str | None:
        """Add a new element on top; returns its id (selected), or None when it was refused."""
        if not self._can_edit():
            return None
        design = self.doc.design
        element = Element.new(design.next_id(kind), kind, **props)
        element.props["reading_order"] = len(design.elements) + 1
        if self._push(
            AddElements(self.doc, self.engagement_id, self.state, [(len(design.elements), element)])
        ):
            self.scene.select_ids([element.id])
            return element.id
        return None

    def set_element_props(self, values: dict[str, dict[str, Any]], text: str = "") -> bool:
        """values: {element id: {property: value}}; one command for all of them."""
        if not values or not self._can_edit():
            return False
        return self._push(SetElementProps(self.doc, self.engagement_id, self.state, values, text))

    def set_design_props(self, values: dict[str, Any], text: str = "") -> bool:
        if not self._can_edit():
            return False
        return self._push(SetDesignProps(self.doc, self.engagement_id, self.state, values, text))

    def delete(self, ids: list[str] | None = None) -> bool:
        ids = self.scene.selected_ids() if ids is None else ids
        if not ids or not self._can_edit():
            return False
        return self._push(RemoveElements(self.doc, self.engagement_id, self.state, ids))

    def nudge(self, dx: int, dy: int) -> bool:
        ids = self.scene.selected_ids()
        if not ids or not self._can_edit():
            return False
        design = self.doc.design
        values = {
            i: {"x": design.element(i).props["x"] + dx, "y": design.element(i).props["y"] + dy}
            for i in ids
        }
        return self.set_element_props(values, f"Nudge {len(ids)} element(s)")

    def grow(self, dw: int, dh: int) -> bool:
        """Make the selected elements wider / taller (or smaller), never below 1 px."""
        ids = self.scene.selected_ids()
        if not ids or not self._can_edit():
            return False
        design = self.doc.design
        values = {
            i: {
                "width": max(1, design.element(i).props["width"] + dw),
                "height": max(1, design.element(i).props["height"] + dh),
            }
            for i in ids
        }
        return self.set_element_props(values, f"Resize {len(ids)} element(s)")

    def cut_off_ids(self) -> list[str]:
        """The elements of the shown design whose text the browser would cut off."""
        return [e.id for e in self.doc.design.elements if text_cut_off(e, measure_text)]

    def fit_text(self, ids: list[str] | None = None) -> bool:
        """Make cut-off texts fit their boxes: those of ids, else the selected ones that are
        cut off, else every cut-off text of the shown design. One undoable edit."""
        every = self.cut_off_ids()
        wanted = ids if ids is not None else self.scene.selected_ids()
        cut = [i for i in wanted if i in every] or (every if ids is None else [])
        if not cut:
            self.session.failed.emit("No text is cut off here: every box fits its text.")
            return False
        if not self._can_edit():
            return False
        design = self.doc.design.copy()  # fitted one after another: the design may grow
        boxes: dict[str, dict[str, Any]] = {}
        for i in cut:
            box, size = fitted_boxes(design, design.element(i), measure_text)
            design.element(i).props.update(box)
            design.props.update(size)
            boxes[i] = box
        size = {k: design.props[k] for k in ("width", "height")}
        text = f"Fit {cut[0]}'s box to its text" if len(cut) == 1 else "Fit boxes to their text"
        return self._push(FitTextBoxes(self.doc, self.engagement_id, self.state, boxes, size, text))

    # Clipboard

    def copy(self) -> bool:
        ids = self.scene.selected_ids()
        if not ids:
            return False
        design = self.doc.design
        records = [design.element(i).to_dict() for i in ids]
        mime = QMimeData()
        mime.setData(ELEMENTS_MIME, json.dumps(records).encode())
        mime.setText("\n".join(r["props"].get("text", "") or r["id"] for r in records))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def cut(self) -> bool:
        return self.copy() and self.delete()

    def paste(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(ELEMENTS_MIME):
            return False
        try:
            records = json.loads(bytes(mime.data(ELEMENTS_MIME).data()).decode())
        except (ValueError, UnicodeDecodeError):
            records = None
        if not isinstance(records, list):
            self.session.failed.emit("The clipboard holds no elements that can be pasted.")
            return False
        return self._place_copies(
            [Element.from_dict(r) for r in records if isinstance(r, dict)], "Paste"
        )

    def duplicate(self) -> bool:
        design = self.doc.design
        return self._place_copies(
            [copy.deepcopy(design.element(i)) for i in self.scene.selected_ids()], "Duplicate"
        )

    def _place_copies(self, elements: list[Element], verb: str) -> bool:
        if not elements or not self._can_edit():
            return False
        design = self.doc.design
        taken = {e.id for e in design.elements}
        placed = []
        for n, element in enumerate(elements):
            new_id = element.kind + "1"
            i = 1
            while new_id in taken:
                i += 1
                new_id = f"{element.kind}{i}"
            taken.add(new_id)
            props = dict(element.props)
            props["x"] += PASTE_OFFSET
            props["y"] += PASTE_OFFSET
            placed.append(
                (
                    len(design.elements) + n,
                    Element.from_dict({"id": new_id, "kind": element.kind, "props": props}),
                )
            )
        text = f"{verb} {len(placed)} element(s)"
        if self._push(AddElements(self.doc, self.engagement_id, self.state, placed, text)):
            self.scene.select_ids([e.id for _, e in placed])
            return True
        return False

    # Z-order

    def restack(self, where: str) -> bool:
        """where: "front", "back", "forward" (one up) or "backward" (one down)."""
        ids = self.scene.selected_ids()
        if not ids or not self._can_edit():
            return False
        order = [e.id for e in self.doc.design.elements]
        chosen = [i for i in order if i in ids]
        rest = [i for i in order if i not in ids]
        if where == "front":
            new = rest + chosen
        elif where == "back":
            new = chosen + rest
        else:
            new = list(order)
            step = 1 if where == "forward" else -1
            for i in reversed(chosen) if step == 1 else chosen:
                at = new.index(i)
                to = at + step
                if 0 <= to < len(new) and new[to] not in chosen:
                    new[at], new[to] = new[to], new[at]
        if new == order:
            return False
        names = {"front": "Bring to front", "back": "Send to back"}
        text = names.get(where, "Bring forward" if where == "forward" else "Send backward")
        return self._push(Reorder(self.doc, self.engagement_id, self.state, new, text))

    # Agent states

    def start_state_design(self, source: AgentState) -> bool:
        """Give the current state a design of its own, copied from source's."""
        if self.state is AgentState.ONLINE and source is AgentState.ONLINE:
            return False
        design = self.doc.shown_design(source).copy()
        return self._push(
            SetOwnDesign(
                self.doc,
                self.engagement_id,
                self.state,
                design,
                f"Start the {self.state} design from the {source} one",
            )
        )

    def borrow_online_design(self) -> bool:
        """Drop the current state's own design; it shows the online one again (undoable)."""
        if self.state is AgentState.ONLINE or self.doc.own_design(self.state) is None:
            return False
        return self._push(
            SetOwnDesign(
                self.doc,
                self.engagement_id,
                self.state,
                None,
                f"Use the online design when agents are {self.state}",
            )
        )

    def set_display(self, display: StateDisplay) -> bool:
        if self.state is AgentState.ONLINE or self.doc.display(self.state) is display:
            return False
        return self._push(SetDisplay(self.doc, self.engagement_id, self.state, display))
