"""The studio canvas: the view of the scene, with zoom, fit, rulers and image drops."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QGridLayout, QWidget

from designer.views.studio.note_colors import pasteboard_color
from designer.views.studio.rulers import Ruler
from designer.views.studio.studio_scene import StudioScene

ZOOMS = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)


class StudioCanvas(QGraphicsView):
    # local files dropped from the file manager, and the design position they landed at
    files_dropped = Signal(list, QPointF)
    zoom_changed = Signal(float)

    def __init__(self, scene: StudioScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.studio_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(pasteboard_color(self))
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Design canvas")
        self.setToolTip(
            "Drag to move, handles to resize (Shift keeps proportions, Alt skips snapping); "
            "arrows nudge, Ctrl+arrows resize (Shift: 10 px); Tab walks the elements"
        )
        self.fitted = True
        # (key, what it does): the canvas's own shortcuts, see event()
        self.bindings: list[
            tuple[QKeySequence | QKeySequence.StandardKey, Callable[[], object]]
        ] = []
        scene.box_resized.connect(self._on_box_resized)

    def bind(self, key: str | QKeySequence.StandardKey, slot: Callable[[], object]) -> None:
        """Give key to slot while the canvas has focus, before any window-wide shortcut."""
        self.bindings.append((QKeySequence(key) if isinstance(key, str) else key, slot))

    def _binding(self, event: QKeyEvent) -> Callable[[], object] | None:
        pressed = QKeySequence(event.keyCombination())
        for key, slot in self.bindings:
            if isinstance(key, QKeySequence):
                if key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                    return slot
            elif event.matches(key):
                return slot
        return None

    def event(self, event: QEvent) -> bool:
        # The main window has its own Delete, Ctrl+D and Ctrl+Z; while the canvas has
        # focus its keys win (as a text field's Ctrl+C does), so they never clash.
        if event.type() == QEvent.Type.ShortcutOverride and self._binding(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        slot = self._binding(event)
        if slot is not None:
            slot()
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = max(ZOOMS[0], min(ZOOMS[-1], zoom))
        self.resetTransform()
        self.scale(zoom, zoom)
        self.studio_scene.handles.set_size(8 / zoom)
        self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self.fitted = False
        self.set_zoom(next((z for z in ZOOMS if z > self.zoom + 1e-6), ZOOMS[-1]))

    def zoom_out(self) -> None:
        self.fitted = False
        self.set_zoom(next((z for z in reversed(ZOOMS) if z < self.zoom - 1e-6), ZOOMS[0]))

    def actual_size(self) -> None:
        self.fitted = False
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Zoom so the page around the engagement fills the canvas (never above 4×)."""
        self.fitted = True
        rect = self.sceneRect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        # room for a scroll bar that the zoom before may leave shown until the next layout
        room = self.verticalScrollBar().sizeHint().width()
        sx = (self.viewport().width() - room) / rect.width()
        sy = (self.viewport().height() - room) / rect.height()
        self.set_zoom(min(sx, sy, 4.0))
        self.centerOn(rect.center())

    def _on_box_resized(self) -> None:
        if self.fitted:
            self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitted:
            self.fit()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab and Shift+Tab walk the elements in reading order, then leave the canvas."""
        scene = self.studio_scene
        if not self.hasFocus():
            return super().focusNextPrevChild(next)
        order = [
            e.id for e in sorted(scene.doc.design.elements, key=lambda e: e.props["reading_order"])
        ]
        chosen = scene.selected_ids()
        at = order.index(chosen[0]) if len(chosen) == 1 and chosen[0] in order else None
        step = 1 if next else -1
        to = (0 if next else len(order) - 1) if at is None else at + step
        if 0 <= to < len(order):
            scene.select_ids([order[to]])
            item = scene.items_by_id[order[to]]
            self.ensureVisible(item)
            return True
        scene.select_ids([])
        return super().focusNextPrevChild(next)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # light or dark chosen while open
            self.setBackgroundBrush(pasteboard_color(self))
        super().changeEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_in() if event.angleDelta().y() > 0 else self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.zoom_changed.emit(self.zoom)  # the rulers follow scrolling too

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_files(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event)
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths, self.mapToScene(event.position().toPoint()))


def _local_files(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


class CanvasFrame(QFrame):
    """The canvas with its two rulers."""

    def __init__(self, canvas: StudioCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.top_ruler = Ruler(canvas, Qt.Orientation.Horizontal)
        self.left_ruler = Ruler(canvas, Qt.Orientation.Vertical)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        corner = QWidget()
        corner.setFixedSize(self.left_ruler.width(), self.top_ruler.height())
        layout.addWidget(corner, 0, 0)
        layout.addWidget(self.top_ruler, 0, 1)
        layout.addWidget(self.left_ruler, 1, 0)
        layout.addWidget(canvas, 1, 1)
        canvas.zoom_changed.connect(self._on_view_moved)

    def _on_view_moved(self, _zoom: float) -> None:
        self.top_ruler.update()
        self.left_ruler.update()
