"""Rulers beside the canvas, in design pixels, following its zoom and scroll. With the host
page behind the design, they measure the page: 0 is its top-left corner, as the site's CSS
pixels count."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

THICKNESS = 20
STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)


class Ruler(QWidget):
    def __init__(self, view: QGraphicsView, orientation: Qt.Orientation, parent=None) -> None:
        super().__init__(parent)
        self.view, self.orientation = view, orientation
        horizontal = orientation is Qt.Orientation.Horizontal
        if horizontal:
            self.setFixedHeight(THICKNESS)
        else:
            self.setFixedWidth(THICKNESS)
        self.setAccessibleName("Horizontal ruler" if horizontal else "Vertical ruler")

    def origin(self) -> QPointF:
        """The scene point the rulers count from: the page's corner when the page shows."""
        page = getattr(self.view.scene(), "page", None)
        if page is not None and page.isVisible():
            return page.scenePos()
        return QPointF(0, 0)

    def value_at(self, position: float) -> float:
        """What the ruler reads at a position along it (widget pixels)."""
        horizontal = self.orientation is Qt.Orientation.Horizontal
        scale = self.view.transform().m11() or 1.0
        zero = self.view.mapFromScene(self.origin())
        return (position - (zero.x() if horizontal else zero.y())) / scale

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        painter.setPen(self.palette().windowText().color())
        font = QFont(self.font())
        font.setPixelSize(9)
        painter.setFont(font)
        horizontal = self.orientation is Qt.Orientation.Horizontal
        scale = self.view.transform().m11() or 1.0
        step = next((s for s in STEPS if s * scale >= 50), STEPS[-1])
        length = self.width() if horizontal else self.height()
        origin = self.view.mapFromScene(self.origin())
        start = origin.x() if horizontal else origin.y()
        # first labelled mark left of the visible area
        first = int((0 - start) / scale // step) * step
        mark = first
        minor = step / 5
        while (mark - first) * scale <= length + step * scale:
            for k in range(5):
                value = mark + k * minor
                at = start + value * scale
                tick = THICKNESS // 2 if k == 0 else THICKNESS // 5
                if horizontal:
                    painter.drawLine(int(at), THICKNESS - tick, int(at), THICKNESS)
                else:
                    painter.drawLine(THICKNESS - tick, int(at), THICKNESS, int(at))
            if horizontal:
                painter.drawText(int(start + mark * scale) + 2, 10, f"{mark:g}")
            else:
                painter.save()
                painter.translate(2, int(start + mark * scale) + 2)  # beside the ticks
                painter.rotate(90)
                painter.drawText(0, 0, f"{mark:g}")
                painter.restore()
            mark += step
        painter.setPen(QColor(128, 128, 128))
        if horizontal:
            painter.drawLine(0, THICKNESS - 1, self.width(), THICKNESS - 1)
        else:
            painter.drawLine(THICKNESS - 1, 0, THICKNESS - 1, self.height())
