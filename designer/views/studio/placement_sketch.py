"""Where the engagement shows in the visitor's window: a small sketch of the viewport.

`placement_box` follows the runtime's placement rules (tag.js `placement`):
presets per format and zone, or a custom position measured from a viewport
edge; the sketch draws it so a designer sees what offsets and anchors mean.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

GAP = 24  # the runtime's distance from the viewport edge for sticky buttons and toasters
DESKTOP = (1366, 768)


def placement_box(
    fmt: str, zone: str, props: dict[str, Any], viewport: tuple[int, int] = DESKTOP
) -> tuple[float, float, float, float] | None:
    """(x, y, width, height) of the engagement in the viewport; None when it sits in the page."""
    vw, vh = viewport
    w, h = props["width"], props["height"]
    if zone == "embedded":
        return None
    if props["placement"] == "custom":
        anchor, ox, oy = props["anchor"], props["offset_x"], props["offset_y"]
        if anchor == "center":
            return (vw - w) / 2 + ox, (vh - h) / 2 + oy, w, h
        x = ox if anchor.endswith("left") else vw - ox - w
        y = oy if anchor.startswith("top") else vh - oy - h
        return x, y, w, h
    if zone in ("left", "right"):
        if fmt == "sticky_button":
            return (GAP if zone == "left" else vw - GAP - w), vh - GAP - h, w, h
        return (0 if zone == "left" else vw - w), (vh - h) / 2, w, h
    if fmt == "toaster":
        return vw - GAP - w, vh - GAP - h, w, h
    if fmt == "peeling_corner":
        return vw - w, 0, w, h
    return (vw - w) / 2, (vh - h) / 2, w, h


class PlacementSketch(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fmt, self.zone = "", ""
        self.props: dict[str, Any] = {}
        self.setAccessibleName("Where the engagement shows on a desktop window")
        self.setToolTip("Where the engagement shows in a 1366×768 browser window")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def show_placement(self, fmt: str, zone: str, props: dict[str, Any]) -> None:
        self.fmt, self.zone, self.props = fmt, zone, dict(props)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(300, 120)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.props:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        vw, vh = DESKTOP
        k = min((self.width() - 8) / vw, (self.height() - 22) / vh)
        screen = QRectF(4, 4, vw * k, vh * k)
        painter.setPen(QPen(QColor("#8a8f98"), 1))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(screen)
        painter.fillRect(QRectF(screen.left(), screen.top(), screen.width(), 8), QColor("#dfe3ea"))
        box = placement_box(self.fmt, self.zone, self.props)
        fill = QColor(self.props["background_color"])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        if box is None:  # embedded: in its page element, in the flow of the page
            w, h = self.props["width"] * k, self.props["height"] * k
            painter.drawRect(QRectF(screen.left() + 20 * k, screen.top() + 200 * k, w, h))
            caption = "In the page element it is embedded in"
        else:
            x, y, w, h = box
            painter.drawRect(QRectF(screen.left() + x * k, screen.top() + y * k, w * k, h * k))
            if self.props["placement"] == "custom":
                caption = (
                    f"{self.props['offset_x']} px, {self.props['offset_y']} px "
                    f"from the {self.props['anchor'].replace('-', ' ')}"
                )
            else:
                words = self.fmt.replace("_", " ")
                article = "an" if words[:1] in "aeiou" else "a"
                caption = f"Preset place for {article} {words} ({self.zone})"
        painter.setPen(self.palette().windowText().color())
        painter.drawText(
            QRectF(4, screen.bottom() + 2, self.width() - 8, 16),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            caption,
        )
        painter.end()
