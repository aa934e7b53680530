"""The canvas item of one design element: it paints the element as the browser shows it.

Items report, they do not decide: the scene places them from the model and
the tools turn gestures into commands.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.models.design import Element
from designer.models.design_checks import text_cut_off
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.text_fit import (
    ALIGN_FLAGS,
    FONT_FAMILIES,
    inset,
    line_height,
    measure_text,
    text_layout,
)

CUT_OFF_COLOR = "#d93025"  # the mark of text the browser would cut off


class ElementItem(QGraphicsItem):
    """Paints an element in its box; `sync()` re-reads the element after a change."""

    def __init__(self, element: Element, pixmaps: PixmapCache) -> None:
        super().__init__()
        self.element = element
        self._pixmaps = pixmaps
        self._rect = QRectF()
        self.cut_off = False  # set by sync()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)
        self.setAcceptHoverEvents(False)
        # Painted once into a pixmap: a drag moves pictures, it does not lay out text again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.sync()

    @property
    def element_id(self) -> str:
        return self.element.id

    def sync(self) -> None:
        x, y, w, h = self.element.rect
        if QRectF(0, 0, w, h) != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(0, 0, w, h)
        # the browser would hide part of the text: the canvas marks it (see _paint_cut_off)
        self.cut_off = text_cut_off(self.element, measure_text)
        tip = f"{self.element.kind} {self.element.id}"
        if self.cut_off:
            tip += (
                ": its text is cut off; make the box wider or the text shorter, "
                "or use Fit box to text"
            )
        self.setToolTip(tip)
        self.update()

    def preview_box(self, width: float, height: float) -> None:
        """Show a size while a resize drag lasts, before the model has it."""
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, width, height)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        p = self.element.props
        kind = self.element.kind
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if kind == "text":
            self._paint_text(painter, p, ALIGN_FLAGS[p["align"]] | Qt.AlignmentFlag.AlignTop)
        elif kind == "button":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p["fill"]))
            painter.drawRoundedRect(self._rect, p["radius"], p["radius"])
            self._paint_text(
                painter, p, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
            )
        elif kind == "shape":
            self._paint_shape(painter, p)
        elif kind == "close":
            self._paint_close(painter, p)
        elif kind == "image":
            self._paint_image(painter, p)
        if self.cut_off:
            self._paint_cut_off(painter)
        if self.isSelected():
            pen = QPen(QColor("#ff8a00"), 0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._rect)

    def _paint_text(self, painter: QPainter, p: dict, align: Qt.AlignmentFlag) -> None:
        """Text wrapped in the box as the runtime's CSS wraps it; overflow is cut off."""
        pad = inset(self.element.kind)
        box = self._rect.adjusted(pad, 0, -pad, 0)
        layout, count, _ = text_layout(self.element, box.width())
        top = box.top()
        if align & Qt.AlignmentFlag.AlignVCenter:
            top += (box.height() - count * line_height(self.element)) / 2
        painter.save()
        painter.setClipRect(self._rect)
        painter.setPen(QColor(p["color"]))
        layout.draw(painter, QPointF(box.left(), top))
        painter.restore()

    def _paint_cut_off(self, painter: QPainter) -> None:
        """A red frame and a "…" tab at the bottom edge: here the browser cuts text off."""
        painter.save()
        painter.setPen(QPen(QColor(CUT_OFF_COLOR), 2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self._rect.adjusted(1, 1, -1, -1))
        tab = QRectF(0, 0, min(22.0, self._rect.width()), min(12.0, self._rect.height()))
        tab.moveBottomRight(self._rect.bottomRight())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(CUT_OFF_COLOR))
        painter.drawRect(tab)
        font = QFont(FONT_FAMILIES["system-ui"])
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, "…")
        painter.restore()

    def _paint_shape(self, painter: QPainter, p: dict) -> None:
        width = p["stroke_width"]
        painter.setPen(QPen(QColor(p["stroke"]), width) if width else Qt.PenStyle.NoPen)
        painter.setBrush(QColor(p["fill"]))
        inner = self._rect.adjusted(width / 2, width / 2, -width / 2, -width / 2)
        if p["shape"] == "ellipse":
            painter.drawEllipse(inner)
        elif p["shape"] == "line":
            painter.setPen(QPen(QColor(p["stroke"]), max(width, 1)))
            mid = self._rect.center().y()
            painter.drawLine(QPointF(self._rect.left(), mid), QPointF(self._rect.right(), mid))
        else:
            painter.drawRoundedRect(inner, p["radius"], p["radius"])

    def _paint_close(self, painter: QPainter, p: dict) -> None:
        # the runtime's "×" at max(14, 0.7 × height) px, centred
        font = QFont(FONT_FAMILIES["system-ui"])
        font.setPixelSize(max(14, round(self._rect.height() * 0.7)))
        painter.setFont(font)
        painter.setPen(QColor(p["color"]))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, "×")

    def _paint_image(self, painter: QPainter, p: dict) -> None:
        pixmap = self._pixmaps.get(p["src"])
        if pixmap is not None:
            # object-fit: contain, centred, as the runtime draws it
            size = pixmap.size().scaled(
                self._rect.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio
            )
            target = QRectF(0, 0, size.width(), size.height())
            target.moveCenter(self._rect.center())
            painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
            return
        # No picture yet: a hatched box says where it will go.
        painter.setPen(QPen(QColor("#8a8f98"), 0, Qt.PenStyle.DashLine))
        painter.setBrush(QBrush(QColor("#c9ced6"), Qt.BrushStyle.BDiagPattern))
        painter.drawRect(self._rect)
        painter.setPen(QColor("#3c4043"))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, "Image")
