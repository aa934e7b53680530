"""The studio: the WYSIWYG editor of an engagement's button or banner design.

Canvas (with rulers), agent-state bar, toolbar and inspector over one
DesignDocument. Every edit is a command pushed on the EditSession: saved at
once, undoable, and announced as changed("engagement", id) for the preview.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from designer.bundle.images import ImageError
from designer.models.design import StateDesigns
from designer.models.design_document import DesignDocument
from designer.models.engagement import Engagement
from designer.models.errors import StoreError
from designer.models.formats import EngagementFormat
from designer.models.vocabulary import AgentState
from designer.preview.page_snapshot import PageSnapshots, page_choice_for, shared_snapshots
from designer.preview.profiles import DESKTOP
from designer.views.editing.edit_session import EditSession
from designer.views.studio.cut_off_bar import CutOffBar
from designer.views.studio.image_import import read_asset, store_image_file
from designer.views.studio.inspector import StudioInspector
from designer.views.studio.note_colors import note_color
from designer.views.studio.page_backdrop import PageBackdrop
from designer.views.studio.page_bar import PageBar
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.property_form import IMAGE_FILTER
from designer.views.studio.state_bar import StateBar
from designer.views.studio.studio_actions import StudioActions
from designer.views.studio.studio_canvas import CanvasFrame, StudioCanvas
from designer.views.studio.studio_scene import StudioScene
from designer.views.studio.studio_tools import PlaceTool, SelectTool
from designer.views.studio.toolbar_icons import dress_studio_toolbar

ELEMENT_TOOLS = (
    ("text", "Text", "T"),
    ("image", "Image", "I"),
    ("button", "Button", "B"),
    ("shape", "Shape", "R"),
    ("close", "Close", "X"),
)
MAX_DROPPED_SIDE = 200  # a dropped picture starts at most this big on the canvas


class StudioEditor(QWidget):
    def __init__(
        self,
        session: EditSession,
        engagement_id: int,
        parent: QWidget | None = None,
        snapshots: PageSnapshots | None = None,
    ):
        super().__init__(parent)
        self.session, self.engagement_id = session, engagement_id
        self.setAccessibleName("Studio")
        self.zone = self.element_id = ""  # set by _read
        self.rules: list[dict] = []  # the entry point's URL rules, set by _read
        designs, fmt = self._read()
        self.fmt = fmt
        self.doc = DesignDocument(designs)
        self.scene = StudioScene(
            self.doc, PixmapCache(partial(read_asset, self.session.store)), self
        )
        self.canvas = StudioCanvas(self.scene)
        self.actions = StudioActions(session, engagement_id, self.doc, self.scene)
        self._make_parts(snapshots)
        self._lay_out()
        self._connect()
        self._show_first()

    def _make_parts(self, snapshots: PageSnapshots | None) -> None:
        """The inspector, the bars above the canvas, the tools and the page behind the design."""
        fmt = self.fmt
        self.inspector = StudioInspector(self.doc, self.actions, fmt, self.import_image)
        self.state_bar = StateBar(fmt)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.cut_off = CutOffBar(self.doc)
        self.cut_off.fit.clicked.connect(lambda: self.actions.fit_text())
        self.select_tool = SelectTool(self.scene, self.actions)
        self.select_tool.start()
        self.toolbar = QToolBar("Studio")
        self._build_actions()
        dress_studio_toolbar(self.toolbar)
        self.page_bar = PageBar()
        self.backdrop = PageBackdrop(
            self.scene,
            snapshots or shared_snapshots(),
            self.page_bar,
            self.actions.set_design_props,
            self,
        )

    def _lay_out(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(CanvasFrame(self.canvas))
        splitter.addWidget(self.inspector)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.page_bar)
        layout.addWidget(self.state_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.cut_off)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        """The document, the scene and the bars drive each other; the session reaches all."""
        session = self.session
        self.scene.selectionChanged.connect(self._on_selection)
        self.doc.state_changed.connect(self._on_state_changed)
        self.doc.design_changed.connect(self._on_design_changed)
        doc_events = (self.doc.element_changed, self.doc.element_added, self.doc.element_removed)
        for callback in doc_events:
            callback.connect(self._on_elements_changed)
        self.state_bar.state_chosen.connect(self.doc.set_state)
        self.state_bar.start_from.connect(self.actions.start_state_design)
        self.state_bar.borrow_online.connect(self.actions.borrow_online_design)
        self.state_bar.display_chosen.connect(self.actions.set_display)
        self.state_bar.size_chosen.connect(self._on_size_chosen)
        self.canvas.files_dropped.connect(self._on_files_dropped)
        self.scene.element_activated.connect(self.inspector.focus_main_field)
        session.changed.connect(self._on_session_changed)
        session.failed.connect(self._on_failed)
        # The undo stack outlives the studio: its commands keep the document, which must
        # then stop calling into the deleted scene and inspector.
        scene, inspector = self.scene, self.inspector
        on_elements = self._on_elements_changed
        self.destroyed.connect(
            lambda *_: (
                scene.detach(),
                inspector.detach(),
                [c.disconnect(on_elements) for c in doc_events],
            )
        )

    def _show_first(self) -> None:
        """The state and placement now, and the page last shown behind this engagement."""
        self.state_bar.show_document(self.doc, self.scene.note)
        self.inspector.show_selection([])
        self._show_placement()
        self.backdrop.remember_as = key = (
            str(self.session.store.path or self.session.store.label),
            self.engagement_id,
        )
        self.backdrop.show(
            *self.backdrop.snapshots.chosen.get(
                key, (page_choice_for(self.rules, self.element_id), DESKTOP)
            )
        )
        self._show_cut_off()

    # Store

    def _read(self) -> tuple[StateDesigns, EngagementFormat | None]:
        with self.session.store.read() as s:
            row = s.get(Engagement, self.engagement_id)
            if row is None:
                return StateDesigns.from_dict(None), None
            self.zone, self.element_id = row.zone, row.element_id
            self.rules = list(row.entry_point.rules) if row.entry_point else []
            try:
                fmt = EngagementFormat(row.format)
            except ValueError:
                fmt = None
            return row.state_designs(), fmt

    def import_image(self, path: str | Path) -> str | None:
        """Put an image file in the store as an asset; its reference, or None (sentence shown)."""
        try:
            ref = store_image_file(self.session.store, path)
        except (ImageError, StoreError) as e:
            self.session.failed.emit(str(e))
            return None
        self.message.setVisible(False)
        return ref

    def go_to(self, field: str) -> None:
        """Show what a problem's field names: designs.<state>[.<element id>[.<property>]]."""
        parts = field.split(".")
        if len(parts) < 2 or parts[1] not in {s.value for s in AgentState}:
            return
        self.doc.set_state(AgentState(parts[1]))
        if len(parts) >= 3 and self.doc.design.element(parts[2]) is not None:
            self.scene.select_ids([parts[2]])
            editor = self.inspector.form(self.doc.design.element(parts[2]).kind).editors
            target = editor.get(parts[3] if len(parts) > 3 else "", self.canvas)
            target.setFocus()
        else:
            self.scene.select_ids([])

    # Actions

    def _build_actions(self) -> None:
        """The toolbar: tools, edits, stacking order, zoom and fitting; keys work on the canvas."""
        self._add_tools()
        self.toolbar.addSeparator()
        self._add_edits()
        self.toolbar.addSeparator()
        self._add_stacking()
        self.toolbar.addSeparator()
        self._add_view()

    def _add_tools(self) -> None:
        """Select, one tool per element kind, and an image from a file."""
        bar = self.toolbar
        tools = QActionGroup(self)
        self.tool_actions: dict[str, QAction] = {}
        select = self._action("Select", "V", self._on_select_tool, checkable=True)
        select.setChecked(True)
        tools.addAction(select)
        bar.addAction(select)
        self.tool_actions["select"] = select
        for kind, label, key in ELEMENT_TOOLS:
            action = self._action(
                label, key, lambda _=False, k=kind: self._on_place_tool(k), checkable=True
            )
            action.setToolTip(f"Add a {label.lower()} element: click or drag on the canvas ({key})")
            tools.addAction(action)
            bar.addAction(action)
            self.tool_actions[kind] = action
        bar.addAction(
            self._action(
                "Add an image from a file…",
                "Ctrl+Shift+I",
                self._on_choose_image,
                short="From file…",
            )
        )

    def _add_edits(self) -> None:
        """Undo and redo, the clipboard, duplicate and delete."""
        bar = self.toolbar
        stack = self.session.undo_stack
        for action, key, slot in (
            (stack.createUndoAction(self, "Undo"), QKeySequence.StandardKey.Undo, stack.undo),
            (stack.createRedoAction(self, "Redo"), QKeySequence.StandardKey.Redo, stack.redo),
        ):
            action.setToolTip(f"{action.text()} ({QKeySequence(key).toString()})")
            self.canvas.bind(key, slot)
            bar.addAction(action)
        bar.addSeparator()
        a = self.actions
        for label, key, slot in (
            ("Cut", QKeySequence.StandardKey.Cut, a.cut),
            ("Copy", QKeySequence.StandardKey.Copy, a.copy),
            ("Paste", QKeySequence.StandardKey.Paste, a.paste),
            ("Duplicate", "Ctrl+D", a.duplicate),
            ("Delete", QKeySequence.StandardKey.Delete, a.delete),
        ):
            bar.addAction(self._action(label, key, lambda _=False, f=slot: f()))

    def _add_stacking(self) -> None:
        a = self.actions
        for label, short, key, where in (
            ("Bring to front", "Front", "Ctrl+Shift+]", "front"),
            ("Bring forward", "Forward", "Ctrl+]", "forward"),
            ("Send backward", "Backward", "Ctrl+[", "backward"),
            ("Send to back", "Back", "Ctrl+Shift+[", "back"),
        ):
            self.toolbar.addAction(
                self._action(label, key, lambda _=False, w=where: a.restack(w), short=short)
            )

    def _add_view(self) -> None:
        """Zoom, fitting the box to its text, and the grid."""
        bar, a, c = self.toolbar, self.actions, self.canvas
        for label, short, key, slot in (
            ("Zoom in", "+", QKeySequence.StandardKey.ZoomIn, c.zoom_in),
            ("Zoom out", "−", QKeySequence.StandardKey.ZoomOut, c.zoom_out),
            ("Fit the canvas", "Fit", "Ctrl+0", c.fit),
            ("Actual size", "100%", "Ctrl+1", c.actual_size),
        ):
            bar.addAction(self._action(label, key, lambda _=False, f=slot: f(), short=short))
        bar.addSeparator()
        self.fit_action = self._action(
            "Fit box to text", "Ctrl+Shift+T", lambda _=False: a.fit_text(), short="Fit text"
        )
        bar.addAction(self.fit_action)
        grid = self._action("Snap to grid", "Ctrl+'", self._on_grid, checkable=True, short="Grid")
        grid.setChecked(True)
        bar.addAction(grid)

    def _action(self, label, key, slot, checkable: bool = False, short: str = "") -> QAction:  # noqa: ANN001
        """A toolbar action whose key works while the canvas has focus (see StudioCanvas.bind).

        short: the toolbar's label when the full one is long; the tooltip keeps the full one.
        """
        action = QAction(label, self)
        if short:
            action.setIconText(short)
        action.setCheckable(checkable)
        action.setToolTip(f"{label} ({QKeySequence(key).toString()})")
        action.triggered.connect(slot)
        self.canvas.bind(key, action.trigger)
        return action

    def _on_select_tool(self) -> None:
        if self.scene.tool:
            self.scene.tool.end()
        self.select_tool.start()
        self.tool_actions["select"].setChecked(True)
        self.canvas.setCursor(Qt.CursorShape.ArrowCursor)

    def _on_place_tool(self, kind: str) -> None:
        if self.scene.tool:
            self.scene.tool.end()
        PlaceTool(self.scene, self.actions, kind, self._on_select_tool).start()
        self.canvas.setCursor(Qt.CursorShape.CrossCursor)
        self.canvas.setFocus()

    def _on_grid(self, on: bool) -> None:
        self.scene.show_grid = on
        self.scene.update()

    def _on_choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Add an image", "", IMAGE_FILTER)
        if path:
            self.add_image(Path(path), QPointF(16, 16))

    def add_image(self, path: Path, at: QPointF) -> str | None:
        """Add the picture at path as an image element at scene point at; its id, or None."""
        ref = self.import_image(path)
        if ref is None:
            return None
        pixmap = self.scene.pixmaps.get(ref)
        w, h = (pixmap.width(), pixmap.height()) if pixmap else (96, 96)
        scale = min(1.0, MAX_DROPPED_SIDE / max(w, h))
        ox, oy = self.scene.origin()
        return self.actions.add_element(
            "image",
            x=round(at.x() - ox),
            y=round(at.y() - oy),
            width=max(1, round(w * scale)),
            height=max(1, round(h * scale)),
            src=ref,
        )

    # Following the model and the session

    def _on_files_dropped(self, paths: list[Path], at: QPointF) -> None:
        for n, path in enumerate(paths):
            self.add_image(path, at + QPointF(10 * n, 10 * n))

    def _on_selection(self) -> None:
        self.inspector.show_selection(self.scene.selected_ids())

    def _on_state_changed(self, _state: AgentState) -> None:
        self.state_bar.show_document(self.doc, self.scene.note)
        self.inspector.show_selection(self.scene.selected_ids())
        self._show_placement()
        self._show_cut_off()

    def _on_design_changed(self, _state: AgentState) -> None:
        self.state_bar.show_document(self.doc, self.scene.note)
        self._show_placement()
        self._show_cut_off()

    def _on_elements_changed(self, *_args: object) -> None:
        self._show_cut_off()

    def _show_cut_off(self) -> None:
        ids = self.actions.cut_off_ids() if self.doc.editable else []
        self.cut_off.show_cut_off(ids)
        self.fit_action.setEnabled(bool(ids))

    def _show_placement(self) -> None:
        """The page around the engagement, where its zone and placement put it."""
        self.backdrop.set_engagement(self.fmt.value if self.fmt else "", self.zone, self.element_id)
        self.backdrop.refresh()

    def _on_size_chosen(self, width: int, height: int) -> None:
        self.actions.set_design_props({"width": width, "height": height}, "Use a preset size")

    def _on_failed(self, sentence: str) -> None:
        self.message.setStyleSheet(f"color: {note_color(self, 'error')}; font-weight: 600;")
        self.message.setText(sentence)
        self.message.setVisible(True)

    def _on_session_changed(self, entity: str, entity_id: int) -> None:
        """Another view changed this engagement (its template, its format): show the store's."""
        if entity != "engagement" or entity_id not in (self.engagement_id, 0):
            return
        designs, fmt = self._read()
        if fmt is not self.fmt:
            self.fmt = self.inspector.fmt = fmt
            self.state_bar.set_format(fmt)
        self._show_placement()
        if designs.to_dict() != self.doc.designs.to_dict():
            self.doc.replace(designs)
        self.message.setVisible(False)
