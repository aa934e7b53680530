"""What the canvas draws over the design while editing: snap guides and resize handles."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.views.studio.snapping import Box, handle_points

GUIDE_COLOR = QColor("#e8388a")
HANDLE_COLOR = QColor("#ff8a00")


class GuidesItem(QGraphicsItem):
    """The lines a moved box snapped to, shown while the drag lasts, across the scene."""

    def __init__(self) -> None:
        super().__init__()
        self.guides: list[tuple[str, float]] = []
        self.setZValue(10000)

    def set_guides(self, guides: list[tuple[str, float]]) -> None:
        if guides != self.guides:
            # repaint only the strips of the old and new lines, not the whole canvas
            for axis, pos in self.guides + guides:
                self.update(self._strip(axis, pos))
            self.guides = guides

    def _strip(self, axis: str, pos: float) -> QRectF:
        area = self._area()
        if axis == "x":
            return QRectF(pos - 1, area.top(), 2, area.height())
        return QRectF(area.left(), pos - 1, area.width(), 2)

    def _area(self) -> QRectF:
        scene = self.scene()
        return scene.sceneRect() if scene is not None else QRectF()

    def boundingRect(self) -> QRectF:
        return self._area()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(GUIDE_COLOR, 0))
        area = self._area()
        for axis, pos in self.guides:
            if axis == "x":
                painter.drawLine(QPointF(pos, area.top()), QPointF(pos, area.bottom()))
            else:
                painter.drawLine(QPointF(area.left(), pos), QPointF(area.right(), pos))


class HandlesItem(QGraphicsItem):
    """The eight resize handles around the selected element, a constant size on screen."""

    def __init__(self) -> None:
        super().__init__()
        self.box: Box | None = None
        self.size = 8.0  # scene px; the canvas sets it from its zoom
        self.setZValue(10001)

    def set_box(self, box: Box | None) -> None:
        self.prepareGeometryChange()
        self.box = box
        self.update()

    def set_size(self, size: float) -> None:
        self.prepareGeometryChange()
        self.size = size

    def handle_at(self, point: QPointF) -> str | None:
        if self.box is None:
            return None
        reach = self.size * 0.75
        for name, (hx, hy) in handle_points(self.box).items():
            if abs(point.x() - hx) <= reach and abs(point.y() - hy) <= reach:
                return name
        return None

    def boundingRect(self) -> QRectF:
        if self.box is None:
            return QRectF()
        x, y, w, h = self.box
        s = self.size
        return QRectF(x - s, y - s, w + 2 * s, h + 2 * s)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.box is None:
            return
        painter.setPen(QPen(HANDLE_COLOR, 0))
        painter.setBrush(Qt.GlobalColor.white)
        half = self.size / 2
        for hx, hy in handle_points(self.box).values():
            painter.drawRect(QRectF(hx - half, hy - half, self.size, self.size))


class VeilItem(QGraphicsItem):
    """A white veil over the design when it cannot be edited in this state (borrowed or hidden)."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self._radius = 0.0
        self.setZValue(9000)
        self.setVisible(False)

    def cover(self, rect: QRectF | None, radius: float = 0) -> None:
        self.prepareGeometryChange()
        self._rect = rect or QRectF()
        self._radius = min(radius, self._rect.width() / 2, self._rect.height() / 2)
        self.setVisible(rect is not None)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 170))
        painter.drawRoundedRect(self._rect, self._radius, self._radius)
