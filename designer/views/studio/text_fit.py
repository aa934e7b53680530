"""How much room an element's text takes in the browser, measured with Qt's font engine.

Qt and Chromium read the same font files through fontconfig, and both shape
with HarfBuzz and break lines by Unicode's rules, so a QTextLayout laid out as
the runtime's CSS lays it out (engagements.css.j2 and render.js) gives the
browser's line count. tests/gui/test_studio_text_fit.py checks this against
Chromium. The canvas paints with the same layout.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication

from designer.models.design import Element
from designer.models.design_checks import TextMeasure

# The browser's font for each choice of the font property. system-ui is fontconfig's
# default font; a named font the machine lacks falls back to its kind (render.js adds
# serif, sans-serif or monospace), which Chromium reads as Times New Roman, Arial or
# Courier New (their metric twins, Liberation, on Debian), never fontconfig's guess.
FONT_FAMILIES = {"system-ui": "DejaVu Sans"}
GENERIC_FALLBACK = {"Georgia": "Times New Roman", "Courier New": "Courier New"}
# The runtime's line-height for text (render.js) and for button labels (.ed-button).
LINE_HEIGHT = {"text": 1.25, "button": 1.2}
UNBOUNDED = 1e6  # px: a line that never wraps
BUTTON_INSET = 8  # the runtime's button padding: 0 8px
ALIGN_FLAGS = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}


def font_family(choice: str) -> str:
    """The family Chromium draws the font property's choice with."""
    if choice in FONT_FAMILIES:
        return FONT_FAMILIES[choice]
    if QFontDatabase.hasFamily(choice):
        return choice
    return GENERIC_FALLBACK.get(choice, "Arial")


def element_font(props: dict) -> QFont:
    font = QFont(font_family(props["font"]))
    font.setPixelSize(int(props["font_size"]))
    font.setBold(bool(props["bold"]))
    return font


def inset(kind: str) -> int:
    return BUTTON_INSET if kind == "button" else 0


def line_height(element: Element) -> float:
    return element.props["font_size"] * LINE_HEIGHT[element.kind]


def text_layout(element: Element, width: float | None) -> tuple[QTextLayout, int, float]:
    """The element's text laid out in width px of text (None: no wrapping).

    Returns the layout, its line count and its widest line. A text element breaks a
    word that cannot fit (overflow-wrap: anywhere); a button's label does not.
    """
    p = element.props
    layout = QTextLayout(p["text"].replace("\n", "\u2028"), element_font(p))
    align = ALIGN_FLAGS.get(p.get("align", "center"), Qt.AlignmentFlag.AlignHCenter)
    option = QTextOption(align if element.kind == "text" else Qt.AlignmentFlag.AlignHCenter)
    if width is None:
        option.setWrapMode(QTextOption.WrapMode.ManualWrap)
    elif element.kind == "text":
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    else:
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    step = line_height(element)
    layout.beginLayout()
    count, widest = 0, 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(UNBOUNDED if width is None else max(0.0, width))
        # CSS puts the font's height in the middle of each line box
        line.setPosition(QPointF(0, count * step + (step - line.height()) / 2))
        widest = max(widest, line.naturalTextWidth())
        count += 1
    layout.endLayout()
    return layout, count, widest


def measure_text(element: Element, width: float | None) -> tuple[float, float]:
    """The (width, height) the element's text needs in a box width px wide (None: one line
    per paragraph), padding included: what design_checks.TextMeasure asks for."""
    pad = inset(element.kind)
    if not element.props["text"]:
        return 0.0, 0.0
    _, count, widest = text_layout(element, None if width is None else width - 2 * pad)
    return widest + 2 * pad, count * line_height(element)


_headless_app: list[QApplication] = []  # kept alive for the process's life


def headless_measure() -> TextMeasure:
    """measure_text for a process with no window (the command line): Qt's font engine
    needs an application, started offscreen so no display is touched (a QApplication,
    so a window may still open in the same process)."""
    if QApplication.instance() is None:
        _headless_app.append(QApplication(["engagement-designer", "-platform", "offscreen"]))
    return measure_text
