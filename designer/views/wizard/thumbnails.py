"""Gallery thumbnails drawn from the templates' own designs, on a sketch of a web page."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

from designer.models.design import Design
from designer.models.formats import FORMAT_ZONES, FORMATS
from designer.models.gallery import Template
from designer.models.placement import placement_box

PAGE_W, PAGE_H = 760, 470
EMBEDDED_SLOT_Y = 300  # the sketched page's element an embedded engagement goes into


def _place(t: Template, props: dict) -> tuple[float, float]:
    """Where the template's design sits on the sketched page (page pixels): where the tag
    puts it in a viewport of the page's size, or in the page's sketched slot."""
    box = placement_box(t.format, FORMAT_ZONES[t.format][0], props, (PAGE_W, PAGE_H))
    if box is None:
        return PAGE_W / 2 - props["width"] / 2, EMBEDDED_SLOT_Y
    return box[0], box[1]


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
    if FORMATS[t.format].veil:
        p.fillRect(QRectF(0, 0, PAGE_W, PAGE_H), QColor(0, 0, 0, 70))
    design = t.design()
    w, h = design.props["width"], design.props["height"]
    x, y = _place(t, design.props)
    paint_design(p, design, QRectF(x, y, w, h))
    p.end()
    return pix
