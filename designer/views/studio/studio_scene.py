"""The studio scene: mirrors the design document, one item per element.

The scene follows the document's callbacks (element added, removed,
changed; design changed; state changed) through an element -> item dict, and
hands mouse and key events to the active tool first. It never changes the
document itself.
"""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QLineF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene, QGraphicsSceneMouseEvent

from designer.models.design import Design, Element
from designer.models.design_document import DesignDocument
from designer.models.vocabulary import AgentState, StateDisplay
from designer.views.studio.element_item import ElementItem
from designer.views.studio.engagement_item import EngagementItem
from designer.views.studio.overlay_items import GuidesItem, HandlesItem, VeilItem
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.snapping import Box

GRID_PICTURE_PIXELS = 6_000_000  # beyond this (a big design zoomed in) lines are drawn


class PagePicture(QGraphicsPixmapItem):
    """The host page's picture. A Python subclass, so Python hears when the scene deletes it."""


MARGIN = 48  # px of pasteboard around the engagement


class StudioScene(QGraphicsScene):
    # the scene rect of the engagement box changed (so the canvas can refit)
    box_resized = Signal()
    # an element was double-clicked: the editor opens its main field (its text, its picture)
    element_activated = Signal(str)

    def __init__(
        self, doc: DesignDocument, pixmaps: PixmapCache | None = None, parent=None
    ) -> None:
        super().__init__(parent)
        self._grid_key: tuple | None = None  # what the grid's picture was drawn for
        self._grid: QPixmap | None = None
        self.doc = doc
        self.items_by_id: dict[str, ElementItem] = {}
        self.pixmaps = pixmaps or PixmapCache()
        self.grid = 8
        self.show_grid = True  # snap to the grid
        self.grid_visible = False  # drawn while a drag lasts
        self.tool = None  # the active tool; see studio_tools
        self._mirrored: Design | None = None
        self._rect = QRectF()
        self.box = EngagementItem(self.pixmaps)
        self.guides = GuidesItem()
        self.handles = HandlesItem()
        self.veil = VeilItem()
        self.note = ""  # why the design cannot be edited in this state, or ""
        # The host page around the engagement: a picture under everything, never clicked.
        self.page = PagePicture()
        self.page.setZValue(-1_000_000)
        self.page.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.page.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.page.setVisible(False)
        # scaled once per zoom, then blitted: a drag repaints parts of it at every move
        self.page.setCacheMode(QGraphicsPixmapItem.CacheMode.DeviceCoordinateCache)
        for item in (self.page, self.box, self.guides, self.handles, self.veil):
            self.addItem(item)
        self.selectionChanged.connect(self._on_selection)
        doc.element_added.connect(self._on_element_added)
        doc.element_removed.connect(self._on_element_removed)
        doc.element_changed.connect(self._on_element_changed)
        doc.design_changed.connect(self._on_design_changed)
        doc.state_changed.connect(self._on_state_changed)
        self._rebuild()

    def detach(self) -> None:
        """Stop following the document (the editor is closing)."""
        self.doc.element_added.disconnect(self._on_element_added)
        self.doc.element_removed.disconnect(self._on_element_removed)
        self.doc.element_changed.disconnect(self._on_element_changed)
        self.doc.design_changed.disconnect(self._on_design_changed)
        self.doc.state_changed.disconnect(self._on_state_changed)

    # Geometry

    def origin(self) -> tuple[int, int]:
        """Scene position of the design's (0, 0): inside the border, as CSS positions children."""
        b = self.doc.design.props["border_width"]
        return b, b

    def element_box(self, element: Element) -> Box:
        ox, oy = self.origin()
        x, y, w, h = element.rect
        return ox + x, oy + y, w, h

    def frame_box(self) -> Box:
        p = self.doc.design.props
        return 0, 0, p["width"], p["height"]

    def selected_ids(self) -> list[str]:
        """The selected elements' ids in z-order, bottom first."""
        chosen = {i.element_id for i in self.selectedItems() if isinstance(i, ElementItem)}
        return [e.id for e in self.doc.design.elements if e.id in chosen]

    def select_ids(self, ids: list[str]) -> None:
        self.blockSignals(True)
        self.clearSelection()
        for i in ids:
            if i in self.items_by_id:
                self.items_by_id[i].setSelected(True)
        self.blockSignals(False)
        self._on_selection()
        self.selectionChanged.emit()

    # Mirroring the document

    def _rebuild(self) -> None:
        selected = self.selected_ids() if self._mirrored is self.doc.design else []
        for item in self.items_by_id.values():
            self.removeItem(item)
        self.items_by_id.clear()
        self._mirrored = self.doc.design
        for element in self._mirrored.elements:
            self._add_item(element)
        self._sync_box()
        self.select_ids(selected)

    def _add_item(self, element: Element) -> None:
        item = ElementItem(element, self.pixmaps)
        self.items_by_id[element.id] = item
        self.addItem(item)
        self._place(item)

    def _place(self, item: ElementItem) -> None:
        x, y, _, _ = self.element_box(item.element)
        item.setPos(x, y)

    def _restack(self) -> None:
        for z, element in enumerate(self.doc.design.elements):
            item = self.items_by_id.get(element.id)
            if item is not None:
                item.setZValue(z)

    def _sync_box(self) -> None:
        state = self.doc.state
        note = ""
        if self.doc.display(state) is StateDisplay.HIDE:
            note = f"Hidden while agents are {state}: visitors see nothing."
        elif not self.doc.editable:
            note = (
                f"Uses the online design while agents are {state}; "
                "start this state's own design to change it."
            )
        self.note = note
        self.box.sync(self.doc.design.props)
        p = self.doc.design.props
        self.veil.cover(QRectF(0, 0, p["width"], p["height"]) if note else None, p["radius"])
        for item in self.items_by_id.values():
            self._place(item)
        self._restack()
        self._on_selection()
        self.fit_rect()

    def fit_rect(self) -> None:
        """The scene rect: the engagement with a margin, and the page when one is shown."""
        p = self.doc.design.props
        rect = QRectF(-MARGIN, -MARGIN, p["width"] + 2 * MARGIN, p["height"] + 2 * MARGIN)
        if self.page.isVisible():
            page = self.page.sceneBoundingRect()
            rect = rect.united(page.adjusted(-MARGIN / 2, -MARGIN / 2, MARGIN / 2, MARGIN / 2))
        if rect != self._rect:  # never ask sceneRect() before one is set: it measures the items
            self._rect = rect
            self.setSceneRect(rect)
            self.box_resized.emit()

    def show_page(
        self, pixmap: QPixmap | None, x: float = 0, y: float = 0, scale: float = 1
    ) -> None:
        """Put the page picture with its top-left at scene (x, y), scaled; None hides it."""
        if pixmap is None:
            self.page.setVisible(False)
        else:
            if self.page.pixmap().cacheKey() != pixmap.cacheKey():
                self.page.setPixmap(pixmap)
            self.page.setPos(x, y)
            self.page.setScale(scale)
            self.page.setVisible(True)
        self.fit_rect()

    def _mine(self, state: AgentState) -> bool:
        return state is self.doc.state and self._mirrored is self.doc.design

    def _on_element_added(self, state: AgentState, index: int, element: Element) -> None:
        if self._mine(state):
            self._add_item(element)
            self._restack()

    def _on_element_removed(self, state: AgentState, element: Element) -> None:
        if self._mine(state):
            item = self.items_by_id.pop(element.id, None)
            if item is not None:
                self.removeItem(item)
                self._restack()
                self._on_selection()

    def _on_element_changed(self, state: AgentState, element: Element, names: list[str]) -> None:
        item = self.items_by_id.get(element.id) if self._mine(state) else None
        if item is not None:
            item.sync()
            self._place(item)
            self._on_selection()

    def _on_design_changed(self, state: AgentState) -> None:
        if state is not self.doc.state:
            return
        if self._mirrored is not self.doc.design:
            self._rebuild()
        else:
            self._sync_box()

    def _on_state_changed(self, state: AgentState) -> None:
        self.clearSelection()
        self._rebuild()

    def _on_selection(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1 and self.doc.editable:
            self.handles.set_box(self.element_box(self.doc.design.element(ids[0])))
        else:
            self.handles.set_box(None)

    # Painting and events

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if not (self.show_grid and self.grid_visible and self.grid > 1):
            return
        scale = painter.transform().m11()
        if self.grid * scale < 6:  # too dense to help
            return
        w, h = self.doc.design.props["width"], self.doc.design.props["height"]
        area = rect.intersected(QRectF(0, 0, w, h))  # only the part being repainted
        if area.isEmpty():
            return
        grid = self._grid_picture(w, h, max(2, int(self.grid)), scale)
        if grid is None:  # too large a picture at this zoom: the lines themselves
            self._draw_grid_lines(painter, area, max(2, int(self.grid)))
            return
        source = QRectF(
            area.left() * scale, area.top() * scale, area.width() * scale, area.height() * scale
        )
        painter.drawPixmap(area, grid, source)  # a copy of the repainted part, pixel for pixel

    def _grid_picture(self, w: int, h: int, g: int, scale: float) -> QPixmap | None:
        """The grid over the design at this zoom, drawn once: a drag repaints by copying it."""
        size = (ceil(w * scale), ceil(h * scale))
        if size[0] * size[1] > GRID_PICTURE_PIXELS:
            return None
        if self._grid_key != (w, h, g, scale):
            picture = QPixmap(*size)
            picture.fill(Qt.GlobalColor.transparent)
            painter = QPainter(picture)
            painter.scale(scale, scale)
            self._draw_grid_lines(painter, QRectF(0, 0, w, h), g)
            painter.end()
            self._grid_key, self._grid = (w, h, g, scale), picture
        return self._grid

    @staticmethod
    def _draw_grid_lines(painter: QPainter, area: QRectF, g: int) -> None:
        top, bottom, left, right = area.top(), area.bottom(), area.left(), area.right()
        lines = [
            QLineF(x, top, x, bottom) for x in range(int(left // g) * g, int(right) + 1, g)
        ] + [QLineF(left, y, right, y) for y in range(int(top // g) * g, int(bottom) + 1, g)]
        painter.save()
        # hairlines on whole pixels: no antialiasing needed, and drawn in one call
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(QColor(120, 130, 150, 60), 0))
        painter.drawLines(lines)
        painter.restore()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.tool is not None and self.tool.press(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.tool is not None and self.tool.move(event):
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.tool is not None and self.tool.release(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, ElementItem):
                self.element_activated.emit(item.element_id)
                event.accept()
                return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.tool is not None and self.tool.key(event):
            event.accept()
            return
        super().keyPressEvent(event)
