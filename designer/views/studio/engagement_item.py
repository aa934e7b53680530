"""The engagement's own box on the canvas: size, background, corner radius, border, shadow."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.views.studio.pixmap_cache import PixmapCache

SHADOW_OFFSET = 6  # px below the box, as the runtime's box-shadow 0 6px 24px
SHADOW_BLUR = 12


class EngagementItem(QGraphicsItem):
    """Paints the design's box at (0, 0); elements sit inside its border."""

    def __init__(self, pixmaps: PixmapCache) -> None:
        super().__init__()
        self._pixmaps = pixmaps
        self._props: dict = {}
        self._rect = QRectF()
        self.setZValue(-1000)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def sync(self, props: dict) -> None:
        rect = QRectF(0, 0, props["width"], props["height"])
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self._props = dict(props)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(
            -SHADOW_BLUR, -SHADOW_BLUR, SHADOW_BLUR, SHADOW_OFFSET + SHADOW_BLUR
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        p = self._props
        if not p:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = min(p["radius"], self._rect.width() / 2, self._rect.height() / 2)
        path = QPainterPath()
        path.addRoundedRect(self._rect, radius, radius)
        if p["shadow"]:
            # a soft shadow from a few widening, faint copies of the outline
            painter.setPen(Qt.PenStyle.NoPen)
            for spread in range(SHADOW_BLUR, 0, -1):
                shadow = QPainterPath()
                shadow.addRoundedRect(
                    self._rect.adjusted(-spread / 2, -spread / 2, spread / 2, spread / 2),
                    radius + spread / 2,
                    radius + spread / 2,
                )
                painter.fillPath(shadow.translated(0, SHADOW_OFFSET), QColor(0, 0, 0, 4))
        painter.fillPath(path, self._background(p))
        border = p["border_width"]
        if border:
            painter.setPen(QPen(QColor(p["border_color"]), border))
            inset = border / 2
            painter.drawRoundedRect(
                self._rect.adjusted(inset, inset, -inset, -inset),
                max(radius - inset, 0),
                max(radius - inset, 0),
            )

    def _background(self, p: dict) -> QBrush:
        if p["background"] == "gradient":
            # CSS linear-gradient(135deg, …): towards the bottom right, through the centre
            w, h = self._rect.width(), self._rect.height()
            half = (w + h) * 0.7071 / 2
            c = self._rect.center()
            d = QPointF(0.7071 * half, 0.7071 * half)
            gradient = QLinearGradient(c - d, c + d)
            gradient.setColorAt(0, QColor(p["background_color"]))
            gradient.setColorAt(1, QColor(p["gradient_to"]))
            return QBrush(gradient)
        if p["background"] == "image":
            pixmap = self._pixmaps.get(p["background_image"])
            if pixmap is not None:
                # background-size: cover, centred at the top left as CSS does by default
                return QBrush(
                    pixmap.scaled(
                        self._rect.size().toSize(),
                        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
        return QBrush(QColor(p["background_color"]))
