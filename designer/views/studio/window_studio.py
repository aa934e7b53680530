"""The window studio: the conversation window's design, shown with a sample conversation.

Theme, header (text, image with link and alt text), agent picture, fonts,
bubble colours and shapes, corner radius, input placeholder and action
menu come from WINDOW_PROPS through the same property form as the studio's
inspector. Elements the designer adds (text, image, button, shape) sit on the
window where they are dragged, with their own fields. Every edit is one command
on the EditSession, saved in the window design (the engagement's own or the
library's it uses).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsScene,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.bundle.images import ImageError
from designer.models.design import Element, WindowDesign, next_element_id
from designer.models.engagement import Engagement
from designer.models.errors import StoreError
from designer.models.properties import WINDOW_PROPS, spec_by_name
from designer.models.window_checks import window_backdrop, window_notes
from designer.models.window_library import LibraryWindow, linked_id, window_design_of
from designer.preview.page_snapshot import PageSnapshots, page_choice_for, shared_snapshots
from designer.preview.profiles import DESKTOP
from designer.views.editing.edit_session import EditSession, WriteValue
from designer.views.studio.image_import import read_asset, store_image_file
from designer.views.studio.note_colors import note_color, pasteboard_color
from designer.views.studio.page_bar import PageBar
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.property_form import PropertyForm
from designer.views.studio.window_element_tools import (
    NEW_ELEMENTS,
    ElementAddBar,
    ElementPanel,
    free_row,
)
from designer.views.studio.window_elements import WindowElements
from designer.views.studio.window_item import WindowItem
from designer.views.studio.window_library_bar import WindowLibraryBar, link_command, save_command
from designer.views.studio.window_page import FORMS, WindowPage
from designer.views.studio.window_view import FittingView

__all__ = ["WindowStudioEditor", "window_notes"]


class WindowStudioEditor(QWidget):
    def __init__(
        self,
        session: EditSession,
        engagement_id: int,
        parent: QWidget | None = None,
        snapshots: PageSnapshots | None = None,
    ):
        super().__init__(parent)
        self.session, self.engagement_id = session, engagement_id
        self.setAccessibleName("Window studio")
        self.greeting = ""  # set by _read
        self.opens_as, self.rules = "embedded", []  # set by _read
        self.linked: int | None = None  # the library design shown, set by _read
        self.library_bar = WindowLibraryBar()
        self.library_bar.chosen.connect(self._on_library_chosen)
        self.library_bar.save_requested.connect(self._on_save_to_library)
        self.design = self._read()
        self.pixmaps = PixmapCache(partial(read_asset, self.session.store))
        self._build_canvas()
        self._build_page_bar(snapshots or shared_snapshots())
        side = self._build_side()
        self._lay_out(side)
        session.changed.connect(self._on_session_changed)
        session.failed.connect(self._on_failed)
        self._show()
        self._open_on_page()

    @property
    def props(self) -> dict[str, Any]:
        """The window design's own properties (as shown; the store has the same)."""
        return self.design.props

    def _build_canvas(self) -> None:
        """The window over its page, with the elements the designer added on it."""
        self.window_item = WindowItem(self.pixmaps)
        self.scene = QGraphicsScene(self)
        self.scene.addItem(self.window_item)
        self.elements = WindowElements(self.window_item, self.pixmaps)
        self.elements.selected.connect(self._on_element_selected)
        self.elements.edited.connect(self._on_element_edited)
        self.elements.delete_requested.connect(self._on_delete_element)
        self.view = FittingView(self.scene)
        self.view.elements = self.elements
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.view.setBackgroundBrush(pasteboard_color(self))
        self.view.setAccessibleName("Conversation window with a sample conversation")
        self.view.setToolTip(
            "Click a part of the window to edit it; drag an added element to move it, "
            "its handles to resize it"
        )
        self.view.part_clicked.connect(self.go_to_field)
        self.add_bar = ElementAddBar()
        self.add_bar.add_requested.connect(self.add_element)

    def _build_page_bar(self, snapshots: PageSnapshots) -> None:
        """The page the window opens over, its viewport, and the window's form."""
        self.page_bar = PageBar()
        self.forms = QComboBox()
        self.forms.setAccessibleName("Window form")
        self.forms.setToolTip("See the window as it opens embedded in the page or separately")
        for key, label in FORMS:
            self.forms.addItem(label, key)
        self.page_bar.insertWidget(self.page_bar.actions()[0], self.forms)
        self.on_page = WindowPage(self.scene, snapshots, self.page_bar, self._on_placed, self)
        self.forms.currentIndexChanged.connect(self._on_form_chosen)

    def _build_side(self) -> QWidget:
        """The window's fields, or the selected element's in their place."""
        self.form = PropertyForm(WINDOW_PROPS)
        self.form.value_edited.connect(self._on_value_edited)
        self.show_menu = QCheckBox("Show the action menu open")
        self.show_menu.setChecked(True)
        self.show_menu.toggled.connect(self._on_show_menu)
        self.element_panel = ElementPanel()
        self.element_panel.value_edited.connect(self._on_element_field)
        self.element_panel.delete_requested.connect(self._on_delete_element)
        self.element_panel.done.connect(lambda: self.elements.select(None))
        self.form_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # a scroll bar that comes and goes would cover the fields' right edge
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self.form)
        window_fields = QWidget()
        column = QVBoxLayout(window_fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.show_menu)
        column.addWidget(scroll, 1)
        self.side = QStackedWidget()
        self.side.setFixedWidth(410)
        self.side.addWidget(window_fields)
        self.side.addWidget(self.element_panel)
        return self.side

    def _lay_out(self, side: QWidget) -> None:
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page_bar)
        layout.addWidget(self.library_bar)
        layout.addWidget(self.add_bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _open_on_page(self) -> None:
        """The window in its form, on the page the studio showed it on (else its entry point's)."""
        self.forms.setCurrentIndex(max(0, self.forms.findData(self.opens_as)))
        self.on_page.set_form(self.forms.currentData())
        self.on_page.remember_as = key = (
            str(self.session.store.path or self.session.store.label),
            self.engagement_id,
        )
        self.on_page.show(
            *self.on_page.snapshots.chosen.get(key, (page_choice_for(self.rules), DESKTOP))
        )

    def _read(self) -> WindowDesign:
        with self.session.store.read() as s:
            row = s.get(Engagement, self.engagement_id)
            if row is None:
                return WindowDesign()
            self.greeting = row.messages_on().get("greeting", "")
            self.opens_as = row.window_opens_as
            self.rules = list(row.entry_point.rules) if row.entry_point else []
            found = linked_id(row)
            self.linked = found if found and s.get(LibraryWindow, found) else None
            self.library_bar.show_library(s, self.linked, row.name)
            return window_design_of(s, row)

    def _show(self) -> None:
        self.form.set_values(self.props)
        self.form.set_notes(window_notes(self.props))
        self.window_item.set_greeting(self.greeting)
        self.window_item.sync(self.props)
        self.elements.sync(self.design.elements)
        self._show_element_fields()
        w, h = self.props["width"], self.props["height"]
        self.scene.setSceneRect(QRectF(-32, -32, w + 64, h + 84))  # room for the shadow
        self.on_page.set_size(w, h)  # over its page, once the page's picture is there
        self.view.fit()

    def _show_element_fields(self) -> None:
        element = self.design.element(self.elements.current or "")
        if element is None:
            self.side.setCurrentIndex(0)
            return
        backdrop = window_backdrop(self.props, self.design.elements)
        self.element_panel.show_element(element, backdrop)
        self.side.setCurrentWidget(self.element_panel)

    def _on_form_chosen(self, _index: int) -> None:
        self.on_page.set_form(self.forms.currentData())

    def _on_placed(self, box: QRectF, target: str) -> None:
        """The window as it opens on the page: its size there, the page around it."""
        self.window_item.sync(self.props | {"width": box.width(), "height": box.height()})
        page = self.on_page.page.sceneBoundingRect()
        self.scene.setSceneRect(page.united(QRectF(-32, -60, box.width() + 64, box.height() + 100)))
        self.view.fit()

    # --- changes: each one undoable command on the window design ---------------------

    def set_design(self, design: WindowDesign, text: str) -> bool:
        """One undoable, saved change of the window design (its props and its elements)."""
        old, new = self.design.to_dict(), WindowDesign.from_dict(design.to_dict()).to_dict()
        if new == old:
            return False
        engagement_id, shared = self.engagement_id, self.linked

        def write(s: Session, value: dict[str, Any]) -> None:
            row = s.get(LibraryWindow, shared) if shared else s.get(Engagement, engagement_id)
            if row is None:
                raise StoreError("It was deleted meanwhile; the change was not saved.")
            if shared:  # a library design: every engagement using it shows the change
                row.design = WindowDesign.from_dict(value).to_dict()
            else:
                row.window_design = WindowDesign.from_dict(value).to_dict()

        model, row_id = (LibraryWindow, shared) if shared else (Engagement, engagement_id)
        return self.session.push(WriteValue(text, model, row_id, old, new, write))

    def set_props(self, values: dict[str, Any], text: str) -> bool:
        props = WindowDesign.from_dict({"props": self.props | values}).props
        return self.set_design(WindowDesign(props, self.design.elements), text)

    def add_element(self, kind: str) -> str | None:
        """Add an element of kind low in the message area, where the sample conversation
        leaves room, above the elements already there; returns its id (selected)."""
        elements = self.design.elements
        (w, h), props = NEW_ELEMENTS[kind]
        x = max(0, (self.props["width"] - w) // 2)
        y = free_row([e.rect for e in elements], x, w, h, self.props["height"] - 64)
        element = Element.new(
            next_element_id(elements, kind),
            kind,
            **props | {"x": x, "y": y, "width": w, "height": h},
        )
        element.props["reading_order"] = len(elements) + 1
        added = WindowDesign(dict(self.props), elements + [element])
        if not self.set_design(added, f"Add {element.id} to the window"):
            return None
        self.elements.select(element.id)
        return element.id

    def set_element(self, element_id: str, values: dict[str, Any], text: str) -> bool:
        changed = WindowDesign.from_dict(self.design.to_dict())
        element = changed.element(element_id)
        if element is None:
            return False
        specs = spec_by_name(element.specs)
        element.props.update({k: specs[k].coerce(v) for k, v in values.items() if k in specs})
        done = self.set_design(changed, text)
        if not done:
            self._show()  # the canvas and fields go back to what is saved
        return done

    def remove_element(self, element_id: str) -> bool:
        kept = [e for e in self.design.elements if e.id != element_id]
        return self.set_design(
            WindowDesign(dict(self.props), kept), f"Delete {element_id} from the window"
        )

    def _on_library_chosen(self, item_id: int | None) -> None:
        if item_id != self.linked:
            self.session.push(link_command(self.session, self.engagement_id, item_id))

    def _on_save_to_library(self, name: str) -> None:
        with self.session.store.read() as s:
            taken = s.scalar(select(LibraryWindow.id).where(LibraryWindow.name == name))
        if taken:
            self._on_failed(
                f"Another window design is already called “{name}”; choose another name."
            )
            return
        self.session.push(save_command(self.session, self.engagement_id, name, self.design))

    def _stored_image(self, value: Any) -> Any:
        """A chosen image file as an asset reference; None (the sentence shown) when refused."""
        try:
            return store_image_file(self.session.store, value)
        except (ImageError, StoreError) as e:
            self.session.failed.emit(str(e))
            self._show()
            return None

    def _on_value_edited(self, name: str, value: Any) -> None:
        spec = self.form.specs[name]
        if spec.type == "image" and value:
            value = self._stored_image(value)
            if value is None:
                return
        if not self.set_props({name: value}, f"Set the window's {spec.label.lower()}"):
            self._show()

    def _on_element_field(self, element_id: str, name: str, value: Any) -> None:
        element = self.design.element(element_id)
        if element is None:
            return
        spec = spec_by_name(element.specs)[name]
        if spec.type == "image" and value:
            value = self._stored_image(value)
            if value is None:
                return
        self.set_element(element_id, {name: value}, f"Set {element_id}'s {spec.label.lower()}")

    def _on_element_edited(self, element_id: str, values: dict, text: str) -> None:
        self.set_element(element_id, values, text)

    def _on_delete_element(self, element_id: str) -> None:
        self.remove_element(element_id)

    def _on_element_selected(self, _element_id: str | None) -> None:
        self._show_element_fields()

    def go_to_field(self, name: str) -> None:
        """The window's field called name, shown and focused (a part clicked, a problem);
        elements.<id>.<property>: that field of an added element, the element selected."""
        if name.startswith("elements."):
            _, element_id, prop = (name.split(".") + ["", ""])[:3]
            element = self.design.element(element_id)
            if element is not None:
                self.elements.select(element_id)
                self._show_element_fields()
                editor = self.element_panel.form(element.kind).editors.get(prop)
                if editor is not None:
                    editor.setFocus()
            return
        editor = self.form.editors.get(name)
        if editor is None:
            return
        self.side.setCurrentIndex(0)
        editor.setFocus()
        self.form_scroll.ensureWidgetVisible(editor)

    def _on_show_menu(self, on: bool) -> None:
        self.window_item.show_menu = on
        self.window_item.update()

    def _on_failed(self, sentence: str) -> None:
        self.message.setStyleSheet(f"color: {note_color(self, 'error')}; font-weight: 600;")
        self.message.setText(sentence)
        self.message.setVisible(True)

    def _on_session_changed(self, entity: str, entity_id: int) -> None:
        mine = entity == "engagement" and entity_id in (self.engagement_id, 0)
        if mine or entity == "window_design":
            greeting = self.greeting
            design = self._read()
            if design.to_dict() != self.design.to_dict() or greeting != self.greeting:
                self.design = design
                self._show()
            self.message.setVisible(False)
