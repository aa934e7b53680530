"""The tab above the engagement that moves it on the page: drop it on its preset place or anywhere.

While the drag lasts, a dashed outline follows the mouse and the format's preset
place is marked on the page; the drop is reported once, as a scene offset.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

GRIP_COLOR = QColor("#1a56db")
LABEL = "✥ Move on the page"


class Outline(QGraphicsRectItem):
    """A dashed box on the page. A Python subclass, so Python hears when the scene deletes it."""


class PageGrip(QGraphicsItem):
    """Drawn at screen size above the engagement's top-left corner."""

    def __init__(self, on_drop: Callable[[float, float], None]) -> None:
        super().__init__()
        # weakly: the studio holds the grip, the grip must not keep the studio (a cycle the
        # garbage collector would break by deleting items the scene already deleted)
        self._on_drop = weakref.WeakMethod(on_drop)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(10003)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setToolTip(
            "Drag the engagement on the page: near its preset place it takes the preset, "
            "elsewhere a custom position from the nearest corner"
        )
        self.font = QFont()
        self.font.setPointSizeF(8.5)
        width = QFontMetricsF(self.font).horizontalAdvance(LABEL) + 12
        self._rect = QRectF(0, -20, width, 18)
        self.frame = QRectF()  # the engagement's box (scene)
        self.preset: QRectF | None = None  # the preset place (scene), marked while dragging
        self.ghost = Outline()
        self.ghost.setPen(QPen(GRIP_COLOR, 0, Qt.PenStyle.DashLine))
        self.ghost.setBrush(QColor(26, 86, 219, 40))
        self.ghost.setZValue(10002)
        self.ghost.setVisible(False)
        self.target = Outline()
        self.target.setPen(QPen(QColor("#0f7b4a"), 0, Qt.PenStyle.DashLine))
        self.target.setZValue(10001)
        self.target.setVisible(False)
        self._press = QPointF()

    def attach(self, scene) -> None:  # noqa: ANN001 - a QGraphicsScene
        for item in (self, self.ghost, self.target):
            scene.addItem(item)

    def set_frame(self, frame: QRectF, preset: QRectF | None) -> None:
        self.frame, self.preset = frame, preset
        self.setPos(frame.topLeft())

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(GRIP_COLOR)
        painter.drawRoundedRect(self._rect.adjusted(0, 0, 0, 4), 4, 4)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(self.font)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, LABEL)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press = event.scenePos()
        self.ghost.setRect(self.frame)
        self.ghost.setVisible(True)
        if self.preset is not None:
            self.target.setRect(self.preset)
            self.target.setVisible(True)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        delta = event.scenePos() - self._press
        self.ghost.setRect(self.frame.translated(delta))

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.ghost.setVisible(False)
        self.target.setVisible(False)
        delta = event.scenePos() - self._press
        if abs(delta.x()) + abs(delta.y()) >= 2:
            on_drop = self._on_drop()
            if on_drop is not None:
                on_drop(delta.x(), delta.y())
