"""The window studio's library row: this engagement's own window design or a shared one.

Choosing a library design links it (the engagement then shows it, and edits in
the window studio change it for every engagement using it, as the note says);
choosing "own design" keeps a copy; "Save to the library…" names the design
shown and links it. Each is one undoable command.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QWidget,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from designer.models.design import WindowDesign
from designer.models.engagement import Engagement
from designer.models.errors import StoreError
from designer.models.window_library import LibraryWindow, linked_id
from designer.views.editing.edit_session import EditSession, WriteValue

OWN = -1
GONE = "The engagement was deleted meanwhile; the change was not saved."


def users_of(s: Session, item: LibraryWindow) -> list[str]:
    return [f"{e.campaign.name} › {e.name}" for e in item.used_by()]


def link_command(session: EditSession, engagement_id: int, item_id: int | None) -> WriteValue:
    """Link the engagement to library design item_id, or (None) keep the design it shows."""
    with session.store.read() as s:
        row = s.get(Engagement, engagement_id)
        old = dict(row.window_design or {})
        if item_id is None:
            shown = s.get(LibraryWindow, linked_id(row) or 0)
            new = (shown.window() if shown else row.get_window_design()).to_dict()
        else:
            new = {"library": item_id}

    def write(s: Session, value: dict[str, Any]) -> None:
        row = s.get(Engagement, engagement_id)
        if row is None:
            raise StoreError(GONE)
        row.window_design = dict(value)

    text = "Use the engagement's own window design" if item_id is None else "Use a library window"
    return WriteValue(text, Engagement, engagement_id, old, new, write)


def save_command(
    session: EditSession, engagement_id: int, name: str, shown: WindowDesign
) -> WriteValue:
    """Put the design shown (its props and elements) in the library as name and link to it."""
    with session.store.read() as s:
        old_link = dict(s.get(Engagement, engagement_id).window_design or {})
        new_id = (s.scalar(select(func.max(LibraryWindow.id))) or 0) + 1
    design = WindowDesign.from_dict(shown.to_dict()).to_dict()
    old = {"row": None, "link": old_link}
    new = {"row": new_id, "link": {"library": new_id}}

    def write(s: Session, value: dict[str, Any]) -> None:
        row = s.get(Engagement, engagement_id)
        if row is None:
            raise StoreError(GONE)
        item = s.get(LibraryWindow, new_id)
        if value["row"] is None and item is not None:
            s.delete(item)
        elif value["row"] is not None and item is None:
            s.add(LibraryWindow(id=new_id, name=name, design=design))
        row.window_design = dict(value["link"])

    return WriteValue(f"Save the window as “{name}”", Engagement, engagement_id, old, new, write)


class WindowLibraryBar(QWidget):
    chosen = Signal(object)  # a library design's id, or None for the engagement's own
    save_requested = Signal(str)  # the name typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.designs = QComboBox()
        self.designs.setAccessibleName("Window design")
        self.designs.setToolTip("This engagement's own window design, or one from the library")
        self.designs.activated.connect(self._on_activated)
        self.save = QPushButton("Save to the library…")
        self.save.setToolTip("Name this window design so other engagements can use it")
        self.save.clicked.connect(self._on_save)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Who uses this window design")
        self.suggested = "Conversation window"  # see show_library
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(QLabel("Window design"))
        row.addWidget(self.designs)
        row.addWidget(self.save)
        row.addWidget(self.note, 1)

    def show_library(self, s: Session, linked: int | None, engagement: str = "") -> None:
        """Fill the list from the store and show which design the engagement uses; engagement
        (its name) suggests the name a design saved to the library gets."""
        self.designs.clear()
        self.designs.addItem("This engagement's own design", OWN)
        items = s.scalars(select(LibraryWindow).order_by(LibraryWindow.name)).all()
        taken = {item.name for item in items}
        self.suggested = f"{engagement or 'Conversation'} window"
        n = 2
        while self.suggested in taken:  # a name the library has not used yet
            self.suggested, n = f"{engagement or 'Conversation'} window {n}", n + 1
        for item in items:
            self.designs.addItem(item.name, item.id)
        self.designs.setCurrentIndex(max(0, self.designs.findData(linked or OWN)))
        chosen = s.get(LibraryWindow, linked) if linked else None
        self.save.setVisible(chosen is None)
        if chosen is None:
            self.note.setText("")
            return
        users = users_of(s, chosen)
        self.note.setText(
            f"Shared: used by {len(users)} ({', '.join(users)}). "
            "Changes here reach all of them; choose the own design to change a copy."
        )

    def _on_activated(self, index: int) -> None:
        value = self.designs.itemData(index)
        self.chosen.emit(None if value == OWN else value)

    def _on_save(self) -> None:
        name, ok = QInputDialog.getText(
            self, "Save to the library", "Name of the window design:", text=self.suggested
        )
        if ok and name.strip():
            self.save_requested.emit(name.strip())
