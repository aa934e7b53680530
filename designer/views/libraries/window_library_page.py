"""The engagement window library page: named window designs, who uses each, edited in place.

As the other libraries: a list (name, look in words, how many use it), New,
Duplicate and Delete; the first edit of a design others use says who it
touches; deleting one in use leaves each user a copy, so none changes.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFormLayout,
    QGraphicsScene,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from designer.models.design import WindowDesign
from designer.models.properties import WINDOW_PROPS
from designer.models.window_checks import window_notes
from designer.models.window_library import LibraryWindow
from designer.views.editing.commands import delete_row
from designer.views.editing.edit_session import EditSession, WriteValue
from designer.views.libraries.library_pages import LibraryPage
from designer.views.shell.sentences import confirm
from designer.views.studio.image_import import read_asset
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.property_form import PropertyForm
from designer.views.studio.window_elements import WindowElements
from designer.views.studio.window_item import WindowItem
from designer.views.studio.window_library_bar import link_command
from designer.views.studio.window_view import FittingView

KIND = "window"


class WindowLibraryPage(LibraryPage):
    """LibraryPage's list, naming and used-by; a window preview and its design as the editor."""

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(session, KIND, parent)

    def _editor_side(self) -> QWidget:
        self.editor = QSplitter(Qt.Orientation.Horizontal)
        form = QFormLayout()
        self._name_and_users(form)
        self.words = QLabel()
        self.words.setWordWrap(True)
        form.addRow("In words", self.words)
        pixmaps = PixmapCache(partial(read_asset, self.session.store))
        self.window_item = WindowItem(pixmaps)
        self.scene = QGraphicsScene(self)
        self.scene.addItem(self.window_item)
        # the elements added in the window studio, shown (they are edited there)
        self.elements = WindowElements(self.window_item, pixmaps)
        self.view = FittingView(self.scene)
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName("The window design with a sample conversation")
        self.view.part_clicked.connect(self.go_to_field)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(self.view, 1)
        holder = QWidget()
        holder.setLayout(column)
        self.design_form = PropertyForm(WINDOW_PROPS)
        self.design_form.value_edited.connect(self._on_value_edited)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.design_form)
        self.editor.addWidget(holder)
        self.editor.addWidget(self.scroll)
        self.rules = None  # the other libraries' rule editor: none here
        return self.editor

    def _load_item(self) -> None:
        if self.item_id is None:
            self.name.clear()
            self.users.setText("Pick a window design in the list, or press New to make one.")
            self.words.clear()
            return
        with self.session.store.read() as s:
            r = s.get(LibraryWindow, self.item_id)
            if r is None:
                return
            self.name.setText(r.name)
            users = [f"{u.campaign.name} › {u.name}" for u in r.used_by()]
            self.users.setText(", ".join(users) if users else "Nothing uses it yet.")
            self.words.setText(r.in_words())
            design = r.window()
        props = design.props
        self.design_form.set_values(props)
        self.design_form.set_notes(window_notes(props))
        self.window_item.sync(props)
        self.elements.sync(design.elements)
        self.scene.setSceneRect(QRectF(-32, -32, props["width"] + 64, props["height"] + 84))
        self.view.fit()

    def go_to_field(self, name: str) -> None:
        """The design's field called name, shown and focused (a part clicked, a problem)."""
        editor = self.design_form.editors.get(name)
        if editor is None:
            return
        editor.setFocus()
        self.scroll.ensureWidgetVisible(editor)

    def _on_value_edited(self, name: str, value: Any) -> None:
        if not self.may_change():
            return
        item_id = self.item_id
        with self.session.store.read() as s:
            old = s.get(LibraryWindow, item_id).window().props
        new = WindowDesign.from_dict({"props": old | {name: value}}).props
        if new == old:
            self._load_item()
            return

        def write(s: Session, props: dict[str, Any]) -> None:
            row = s.get(LibraryWindow, item_id)
            if row is not None:  # its props change; the elements added to it stay
                design = row.window()
                design.props = dict(props)
                row.design = design.to_dict()

        label = self.design_form.specs[name].label.lower()
        self.session.push(
            WriteValue(f"Set the window's {label}", LibraryWindow, item_id, old, new, write)
        )

    def _on_delete(self) -> None:
        """Delete the selected design; each engagement using it keeps a copy (one undo step)."""
        if self.item_id is None:
            return
        with self.session.store.read() as s:
            r = s.get(LibraryWindow, self.item_id)
            name, users = r.name, [(u.id, f"{u.campaign.name} › {u.name}") for u in r.used_by()]
        question, detail = f"Delete “{name}”?", "You can undo it with Ctrl+Z."
        if users:
            question = f"“{name}” is used by {len(users)}. Delete it anyway?"
            detail = (
                f"Used by: {', '.join(w for _, w in users)}. Each keeps a copy of the design. "
                + detail
            )
        if not confirm(self, question, detail, "Delete"):
            return
        stack, item_id = self.session.undo_stack, self.item_id
        stack.beginMacro(f"Delete window design {name}")
        for engagement_id, _ in users:
            self.session.push(link_command(self.session, engagement_id, None))
        with self.session.store.read() as s:
            command = delete_row(s, LibraryWindow, item_id, "Delete")
        self.item_id = None
        self.session.push(command)
        stack.endMacro()

    def _on_changed(self, entity: str, _id: int) -> None:
        if entity in ("window_design", "engagement", "campaign"):
            self.reload()
