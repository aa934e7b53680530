"""The window studio's canvas view: the window at actual size when it fits, else scaled to fit.

A click on a part of the window reports the property that designs it; with
`elements` set (the window studio's added elements), presses, drags and keys
go to them first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGraphicsView

from designer.views.studio.note_colors import pasteboard_color
from designer.views.studio.window_elements import WindowElements
from designer.views.studio.window_item import WindowItem


class FittingView(QGraphicsView):
    part_clicked = Signal(str)

    elements: WindowElements | None = None

    def fit(self) -> None:
        rect, port = self.sceneRect(), self.viewport().size()
        if rect.isEmpty() or port.width() < 10:
            return
        scale = min(1.0, port.width() / rect.width(), port.height() / rect.height())
        self.resetTransform()
        self.scale(scale, scale)
        self.centerOn(rect.center())
        if self.elements is not None:
            self.elements.set_scale(scale)

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event) -> None:  # noqa: ANN001
        if event.type() == QEvent.Type.PaletteChange:  # light or dark chosen while open
            self.setBackgroundBrush(pasteboard_color(self))
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and self.elements is not None:
            self.setFocus(Qt.FocusReason.MouseFocusReason)  # Delete and the arrows act on it
            if self.elements.press(point):
                return
        for item in self.scene().items(point):
            if isinstance(item, WindowItem):
                name = item.part_at(item.mapFromScene(point))
                if name:
                    self.part_clicked.emit(name)
                    return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.elements is not None:
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            point = self.mapToScene(event.position().toPoint())
            if self.elements.move(point, keep_ratio=shift):
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        left = event.button() == Qt.MouseButton.LeftButton
        if left and self.elements is not None and self.elements.release():
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.elements is not None and self.elements.key(event):
            return
        super().keyPressEvent(event)
