"""The window studio: the conversation window's design, shown with a sample conversation.

Theme, header (text, image with link and alt text), agent picture, fonts,
bubble colours and shapes, corner radius, input placeholder and action
menu come from WINDOW_PROPS through the same property form as the studio's
inspector; every edit is one command on the EditSession.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.bundle.images import ImageError
from designer.models.contrast import contrast_ratio, ratio_text, verdict
from designer.models.design import WindowDesign
from designer.models.design_checks import SAFE_URL_SCHEMES
from designer.models.engagement import Engagement
from designer.models.errors import StoreError
from designer.models.properties import WINDOW_PROPS
from designer.models.window_library import LibraryWindow, linked_id, window_design_of
from designer.preview.page_snapshot import PageSnapshots, page_choice_for, shared_snapshots
from designer.preview.profiles import DESKTOP
from designer.views.editing.edit_session import EditSession, WriteValue
from designer.views.studio.image_import import read_asset, store_image_file
from designer.views.studio.note_colors import note_color, pasteboard_color
from designer.views.studio.page_bar import PageBar
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.property_form import PropertyForm
from designer.views.studio.window_item import WindowItem
from designer.views.studio.window_library_bar import WindowLibraryBar, link_command, save_command
from designer.views.studio.window_page import FORMS, WindowPage

TEXT_PAIRS = (  # (text colour, background colour, field the note goes beside)
    ("header_text_color", "header_color", "header_text_color"),
    ("agent_text_color", "agent_bubble_color", "agent_text_color"),
    ("visitor_text_color", "visitor_bubble_color", "visitor_text_color"),
)


def window_notes(props: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Live checks of a window design: contrast of each text, alt text and link of the header image."""
    notes: dict[str, list[tuple[str, str]]] = {}
    for fg, bg, field in TEXT_PAIRS:
        ratio, ok = verdict(props[fg], props[bg], props["font_size"], False)
        if ok:
            notes[field] = [("ok", f"Contrast {ratio_text(ratio)}: passes WCAG AA.")]
        else:
            notes[field] = [
                (
                    "error",
                    f"Fails WCAG AA: contrast is {ratio_text(ratio)}; "
                    "darken or lighten the text or its background.",
                )
            ]
    if props["header_image"] and not props["header_image_alt"].strip():
        notes["header_image_alt"] = [("error", "The header image has no alt text; describe it.")]
    link = props["header_image_link"]
    if link and not link.startswith(SAFE_URL_SCHEMES):
        notes["header_image_link"] = [
            ("error", "The link must start with https://, http://, mailto: or tel:.")
        ]
    if contrast_ratio(props["visitor_bubble_color"], props["agent_bubble_color"]) < 1.2:
        notes.setdefault("visitor_bubble_color", []).append(
            ("warning", "Visitor and agent bubbles look alike; make them easier to tell apart.")
        )
    return notes


def greeting_of(e: Engagement) -> str:
    """The engagement's greeting in its language, when that automatic message is on."""
    messages = e.automatic_messages if isinstance(e.automatic_messages, dict) else {}
    greeting = (messages.get(e.language) or {}).get("greeting") or {}
    if isinstance(greeting, dict) and greeting.get("enabled"):
        return str(greeting.get("text", ""))
    return ""


class FittingView(QGraphicsView):
    """Shows the scene at actual size when it fits, else scaled down to fit; refits on resize.

    A click on a part of the window reports the property that designs it.
    """

    part_clicked = Signal(str)

    def fit(self) -> None:
        rect, port = self.sceneRect(), self.viewport().size()
        if rect.isEmpty() or port.width() < 10:
            return
        scale = min(1.0, port.width() / rect.width(), port.height() / rect.height())
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event) -> None:  # noqa: ANN001
        if event.type() == QEvent.Type.PaletteChange:  # light or dark chosen while open
            self.setBackgroundBrush(pasteboard_color(self))
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        for item in self.scene().items(point):
            if isinstance(item, WindowItem):
                name = item.part_at(item.mapFromScene(point))
                if name:
                    self.part_clicked.emit(name)
                    return
        super().mousePressEvent(event)


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
        self.props = self._read().props
        self.pixmaps = PixmapCache(partial(read_asset, self.session.store))
        self.window_item = WindowItem(self.pixmaps)
        self.scene = QGraphicsScene(self)
        self.scene.addItem(self.window_item)
        self.view = FittingView(self.scene)
        self.view.setRenderHints(QPainter.RenderHint.Antialiasing)
        self.view.setBackgroundBrush(pasteboard_color(self))
        self.view.setAccessibleName("Conversation window with a sample conversation")
        self.view.setToolTip("Click a part of the window to edit it")
        self.form = PropertyForm(WINDOW_PROPS)
        self.form.value_edited.connect(self._on_value_edited)
        self.view.part_clicked.connect(self._on_part_clicked)
        self.page_bar = PageBar()
        self.forms = QComboBox()
        self.forms.setAccessibleName("Window form")
        self.forms.setToolTip("See the window as it opens embedded in the page or separately")
        for key, label in FORMS:
            self.forms.addItem(label, key)
        self.page_bar.insertWidget(self.page_bar.actions()[0], self.forms)
        self.on_page = WindowPage(
            self.scene, snapshots or shared_snapshots(), self.page_bar, self._on_placed, self
        )
        self.forms.currentIndexChanged.connect(self._on_form_chosen)
        self.show_menu = QCheckBox("Show the action menu open")
        self.show_menu.setChecked(True)
        self.show_menu.toggled.connect(self._on_show_menu)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        side = QWidget()
        side.setFixedWidth(410)
        column = QVBoxLayout(side)
        column.addWidget(self.show_menu)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # a scroll bar that comes and goes would cover the fields' right edge
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self.form)
        column.addWidget(scroll, 1)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page_bar)
        layout.addWidget(self.library_bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        session.changed.connect(self._on_session_changed)
        session.failed.connect(self._on_failed)
        self._show()
        self.forms.setCurrentIndex(max(0, self.forms.findData(self.opens_as)))
        self.on_page.set_form(self.forms.currentData())
        # on the page the studio showed it on
        self.on_page.remember_as = key = (
            str(session.store.path or session.store.label),
            engagement_id,
        )
        self.on_page.show(
            *self.on_page.snapshots.chosen.get(key, (page_choice_for(self.rules), DESKTOP))
        )

    def _read(self) -> WindowDesign:
        with self.session.store.read() as s:
            row = s.get(Engagement, self.engagement_id)
            if row is None:
                return WindowDesign()
            self.greeting = greeting_of(row)
            self.opens_as = row.window_opens_as
            self.rules = list(row.entry_point.rules) if row.entry_point else []
            found = linked_id(row)
            self.linked = found if found and s.get(LibraryWindow, found) else None
            self.library_bar.show_library(s, self.linked)
            return window_design_of(s, row)

    def _show(self) -> None:
        self.form.set_values(self.props)
        self.form.set_notes(window_notes(self.props))
        self.window_item.set_greeting(self.greeting)
        self.window_item.sync(self.props)
        w, h = self.props["width"], self.props["height"]
        self.scene.setSceneRect(QRectF(-32, -32, w + 64, h + 84))  # room for the shadow
        self.on_page.set_size(w, h)  # over its page, once the page's picture is there
        self.view.fit()

    def _on_form_chosen(self, _index: int) -> None:
        self.on_page.set_form(self.forms.currentData())

    def _on_placed(self, box: QRectF, target: str) -> None:
        """The window as it opens on the page: its size there, the page around it."""
        self.window_item.sync(self.props | {"width": box.width(), "height": box.height()})
        page = self.on_page.page.sceneBoundingRect()
        self.scene.setSceneRect(page.united(QRectF(-32, -60, box.width() + 64, box.height() + 100)))
        self.view.fit()

    def set_props(self, values: dict[str, Any], text: str) -> bool:
        """One undoable, saved change of the window design."""
        old = dict(self.props)
        new = WindowDesign.from_dict({"props": old | values}).props
        if new == old:
            return False
        engagement_id, shared = self.engagement_id, self.linked

        def write(s: Session, props: dict[str, Any]) -> None:
            row = s.get(LibraryWindow, shared) if shared else s.get(Engagement, engagement_id)
            if row is None:
                raise StoreError("It was deleted meanwhile; the change was not saved.")
            if shared:  # a library design: every engagement using it shows the change
                row.design = WindowDesign(dict(props)).to_dict()
            else:
                row.window_design = WindowDesign(dict(props)).to_dict()

        model, row_id = (LibraryWindow, shared) if shared else (Engagement, engagement_id)
        return self.session.push(WriteValue(text, model, row_id, old, new, write))

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
        self.session.push(save_command(self.session, self.engagement_id, name, self.props))

    def _on_value_edited(self, name: str, value: Any) -> None:
        spec = self.form.specs[name]
        if spec.type == "image" and value:
            try:
                value = store_image_file(self.session.store, value)
            except (ImageError, StoreError) as e:
                self.session.failed.emit(str(e))
                self._show()
                return
        if not self.set_props({name: value}, f"Set the window's {spec.label.lower()}"):
            self._show()

    def _on_part_clicked(self, name: str) -> None:
        editor = self.form.editors[name]
        editor.setFocus()
        self.form.parentWidget().parentWidget().ensureWidgetVisible(editor)

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
            props = self._read().props
            if props != self.props or greeting != self.greeting:
                self.props = props
                self._show()
            self.message.setVisible(False)
