"""The conversation window on the window studio's canvas, with a sample conversation.

It paints by the same rules as the runtime's window.js: header with logo,
title, action menu and close; the message log with agent and visitor
bubbles; the input with its placeholder.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.models.design import WINDOW_THEMES
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.text_fit import FONT_FAMILIES

SAMPLE_CONVERSATION = (
    ("agent", "Hi! Thanks for reaching out. How can we help?"),
    ("visitor", "Can I still change the delivery address of my order?"),
    ("agent", "Yes, until it ships. Send me the order number and the new address."),
)
BUBBLE_RADIUS = {"square": 2, "pill": 999, "rounded": 12}
MENU_ITEMS = ("End conversation", "Download transcript")


class WindowItem(QGraphicsItem):
    def __init__(self, pixmaps: PixmapCache) -> None:
        super().__init__()
        self._pixmaps = pixmaps
        self.props: dict = {}
        self._rect = QRectF()
        self.show_menu = True  # the action menu drawn open, so its look can be judged
        # where each part was drawn, topmost last: (rect, the property it is designed by)
        self.parts: list[tuple[QRectF, str]] = []
        self.conversation = SAMPLE_CONVERSATION

    def set_greeting(self, greeting: str) -> None:
        """Start the sample conversation with the engagement's own greeting, when it has one."""
        first = (("agent", greeting),) if greeting.strip() else SAMPLE_CONVERSATION[:1]
        self.conversation = first + SAMPLE_CONVERSATION[1:]
        self.update()

    def sync(self, props: dict) -> None:
        self.prepareGeometryChange()
        self.props = dict(props)
        self._rect = QRectF(0, 0, props["width"], props["height"])
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-24, -24, 24, 40)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        p = self.props
        if not p:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        back, ink = WINDOW_THEMES.get(p["theme"], WINDOW_THEMES["light"])
        radius = p["corner_radius"]
        outline = QPainterPath()
        outline.addRoundedRect(self._rect, radius, radius)
        for spread in range(24, 0, -4):  # box-shadow 0 12px 40px
            shadow = QPainterPath()
            shadow.addRoundedRect(
                self._rect.adjusted(-spread / 2, -spread / 2, spread / 2, spread / 2),
                radius + spread / 2,
                radius + spread / 2,
            )
            painter.fillPath(shadow.translated(0, 12), QColor(0, 0, 0, 10))
        painter.fillPath(outline, QColor(back))
        self.parts = [(QRectF(self._rect), "theme")]
        painter.save()
        painter.setClipPath(outline)
        base = self._font(p["font_size"])
        header_bottom = self._paint_header(painter, p)
        input_top = self._paint_input(painter, p, base, ink)
        self._paint_messages(painter, p, base, header_bottom, input_top)
        if p["action_menu"] and self.show_menu:
            self._paint_menu(painter, base, back, ink, header_bottom)
        painter.restore()

    def part_at(self, point: QPointF) -> str | None:
        """The property that designs the part of the window at point (item coordinates)."""
        return next((name for rect, name in reversed(self.parts) if rect.contains(point)), None)

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILIES.get(self.props["font"], self.props["font"]))
        font.setPixelSize(round(size))
        font.setBold(bold)
        return font

    def _paint_header(self, painter: QPainter, p: dict) -> float:
        title_font = self._font(p["font_size"] * 1.1, bold=True)
        line = QFontMetricsF(title_font).height()
        logo = self._pixmaps.get(p["header_image"])
        height = 20 + max(line, 28 if logo else 0)
        header = QRectF(0, 0, self._rect.width(), height)
        painter.fillRect(header, QColor(p["header_color"]))
        self.parts.append((header, "header_text"))
        x = 12.0
        if logo is not None:
            w = logo.width() * 28 / max(1, logo.height())
            painter.drawPixmap(QRectF(x, (height - 28) / 2, w, 28), logo, QRectF(logo.rect()))
            self.parts.append((QRectF(x, (height - 28) / 2, w, 28), "header_image"))
            x += w + 8
        painter.setPen(QColor(p["header_text_color"]))
        right = header.right() - 12 - 24 - (32 if p["action_menu"] else 0)
        painter.setFont(title_font)
        painter.drawText(
            QRectF(x, 0, right - x, height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            p["header_text"],
        )
        painter.setFont(self._font(p["font_size"] * 1.4))
        painter.drawText(
            QRectF(header.right() - 36, 0, 24, height), Qt.AlignmentFlag.AlignCenter, "×"
        )
        if p["action_menu"]:
            painter.setFont(self._font(p["font_size"] * 1.2))
            painter.drawText(
                QRectF(header.right() - 68, 0, 24, height), Qt.AlignmentFlag.AlignCenter, "⋮"
            )
        return height

    def _paint_input(self, painter: QPainter, p: dict, font: QFont, ink: str) -> float:
        line = QFontMetricsF(font).height()
        height = 20 + line + 14
        top = self._rect.height() - height
        painter.setPen(QPen(QColor(127, 127, 127, 77), 1))
        painter.drawLine(QPointF(0, top), QPointF(self._rect.width(), top))
        send_w = QFontMetricsF(font).horizontalAdvance("Send") + 20
        field = QRectF(10, top + 10, self._rect.width() - 28 - send_w, line + 14)
        self.parts.append((field, "input_placeholder"))
        painter.setPen(QPen(QColor("#8a8f98"), 1))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(field)
        painter.setFont(font)
        painter.setPen(QColor("#757575"))
        painter.drawText(
            field.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, p["input_placeholder"]
        )
        send = QRectF(field.right() + 8, field.top(), send_w, field.height())
        painter.setPen(QPen(QColor("#8a8f98"), 1))
        painter.setBrush(QColor("#efefef"))
        painter.drawRoundedRect(send, 3, 3)
        painter.setPen(QColor("#1f1f1f"))
        painter.drawText(send, Qt.AlignmentFlag.AlignCenter, "Send")
        return top

    def _paint_messages(
        self, painter: QPainter, p: dict, font: QFont, top: float, bottom: float
    ) -> None:
        metrics = QFontMetricsF(font)
        face = self._pixmaps.get(p["agent_picture"])
        radius = BUBBLE_RADIUS.get(p["bubble_shape"], 12)
        y = top + 12
        painter.setFont(font)
        for who, text in self.conversation:
            agent = who == "agent"
            room = self._rect.width() * 0.8 - 24 - (30 if agent and face else 0)
            flags = int(Qt.TextFlag.TextWordWrap)
            text_box = metrics.boundingRect(QRectF(0, 0, room, 10000), flags, text)
            bubble = QRectF(0, y, text_box.width() + 24, text_box.height() + 16)
            if agent:
                bubble.moveLeft(12 + (30 if face else 0))
                if face is not None:
                    painter.save()
                    circle = QPainterPath()
                    spot = QRectF(12, bubble.bottom() - 24, 24, 24)
                    self.parts.append((spot, "agent_picture"))
                    circle.addEllipse(spot)
                    painter.setClipPath(circle, Qt.ClipOperation.IntersectClip)
                    painter.drawPixmap(spot, face, QRectF(face.rect()))
                    painter.restore()
            else:
                bubble.moveRight(self._rect.width() - 12)
            if bubble.bottom() > bottom:
                break
            self.parts.append((bubble, "agent_bubble_color" if agent else "visitor_bubble_color"))
            r = min(radius, bubble.height() / 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p["agent_bubble_color" if agent else "visitor_bubble_color"]))
            painter.drawRoundedRect(bubble, r, r)
            painter.setPen(QColor(p["agent_text_color" if agent else "visitor_text_color"]))
            painter.drawText(bubble.adjusted(12, 8, -12, -8), flags, text)
            y = bubble.bottom() + 8

    def _paint_menu(self, painter: QPainter, font: QFont, back: str, ink: str, top: float) -> None:
        metrics = QFontMetricsF(font)
        width = max(metrics.horizontalAdvance(t) for t in MENU_ITEMS) + 24
        box = QRectF(self._rect.width() - width - 8, top + 4, width, len(MENU_ITEMS) * 28 + 8)
        self.parts.append((box, "action_menu"))
        painter.setPen(QPen(QColor(127, 127, 127, 120), 1))
        painter.setBrush(QColor(back))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(QColor(ink))
        painter.setFont(font)
        for n, text in enumerate(MENU_ITEMS):
            row = QRectF(box.left() + 12, box.top() + 4 + 28 * n, width - 24, 28)
            painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, text)
