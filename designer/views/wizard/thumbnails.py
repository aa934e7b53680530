"""Gallery thumbnails drawn from the templates' own designs, on a sketch of a web page."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

from designer.models.design import Design
from designer.models.gallery import Template
from designer.models.vocabulary import EngagementFormat

F = EngagementFormat
PAGE_W, PAGE_H = 760, 470


def _place(fmt: EngagementFormat, w: int, h: int) -> tuple[float, float]:
    """Where the format sits on the sketched page (page pixels)."""
    if fmt is F.STICKY_BUTTON:
        return PAGE_W - w - 24, PAGE_H - h - 24
    if fmt is F.SLIDE_OUT:
        return PAGE_W - w, PAGE_H / 2 - h / 2
    if fmt is F.OVERLAY:
        return PAGE_W / 2 - w / 2, PAGE_H / 2 - h / 2
    if fmt is F.TOASTER:
        return PAGE_W - w - 24, PAGE_H - h - 24
    if fmt is F.PEELING_CORNER:
        return PAGE_W - w, 0
    return PAGE_W / 2 - w / 2, 300


def paint_design(p: QPainter, design: Design, box: QRectF) -> None:
    """The design's box and elements, scaled into box."""
    props = design.props
    scale = box.width() / max(1, props["width"])
    p.save()
    p.translate(box.topLeft())
    p.scale(scale, scale)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(props["background_color"]))
    p.drawRoundedRect(
        QRectF(0, 0, props["width"], props["height"]), props["radius"], props["radius"]
    )
    for e in design.elements:
        x, y, w, h = e.rect
        r = QRectF(x, y, w, h)
        q = e.props
        if e.kind == "button":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(q["fill"]))
            p.drawRoundedRect(r, q["radius"], q["radius"])
        if e.kind == "shape":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(q["fill"]))
            p.drawRect(r)
        if e.kind in ("text", "button"):
            font = QFont(q.get("font", "system-ui"))
            font.setPixelSize(q["font_size"])
            font.setBold(bool(q.get("bold")))
            p.setFont(font)
            p.setPen(QColor(q["color"]))
            align = {"left": Qt.AlignmentFlag.AlignLeft, "right": Qt.AlignmentFlag.AlignRight}.get(
                q.get("align", "center"), Qt.AlignmentFlag.AlignHCenter
            )
            if e.kind == "button":
                align = Qt.AlignmentFlag.AlignHCenter
            p.drawText(
                r, align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, q["text"]
            )
        if e.kind == "close":
            p.setPen(QPen(QColor(q["color"]), 2))
            m = w * 0.3
            p.drawLine(QPointF(x + m, y + m), QPointF(x + w - m, y + h - m))
            p.drawLine(QPointF(x + w - m, y + m), QPointF(x + m, y + h - m))
    p.restore()


def thumbnail(t: Template, width: int = 220) -> QPixmap:
    """A small picture of the template on a page, as a visitor would see it."""
    height = round(width * PAGE_H / PAGE_W)
    pix = QPixmap(width, height)
    pix.fill(QColor("#f4f5f7"))
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    k = width / PAGE_W
    p.scale(k, k)
    p.fillRect(QRectF(0, 0, PAGE_W, 50), QColor("#d9dde3"))
    p.setBrush(QColor("#e3e6ea"))
    p.setPen(Qt.PenStyle.NoPen)
    for i in range(4):
        p.drawRect(QRectF(40, 90 + i * 50, 400 - i * 50, 20))
    if t.format is F.OVERLAY:
        p.fillRect(QRectF(0, 0, PAGE_W, PAGE_H), QColor(0, 0, 0, 70))
    design = t.design()
    w, h = design.props["width"], design.props["height"]
    x, y = _place(t.format, w, h)
    paint_design(p, design, QRectF(x, y, w, h))
    p.end()
    return pix
