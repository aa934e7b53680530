"""The window studio's element tools: the row that adds elements, and the selected one's fields.

The guide's "add additional elements" to the conversation window: text, an
image, a button (a link, or closing the window) and a shape. The fields come
from the same declarations (ELEMENT_PROPS) as the studio's inspector, with the
same checks (contrast against the window, alt text, a safe link, tap size).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from designer.models.design import WINDOW_ELEMENT_KINDS, Design, Element
from designer.models.design_checks import element_problems
from designer.models.properties import ELEMENT_PROPS
from designer.views.shell.icons import set_icon
from designer.views.studio.property_form import PropertyForm

KIND_WORDS = {"text": "Text", "image": "Image", "button": "Button", "shape": "Shape"}


def element_label(element: Element) -> str:
    """How the designer knows an element: its words, else its kind and number (never its id)."""
    words = " ".join(str(element.props.get("text") or "").split())
    if words:
        return f"{KIND_WORDS[element.kind]} “{words if len(words) <= 28 else words[:27] + '…'}”"
    return f"{KIND_WORDS[element.kind]} {element.id.removeprefix(element.kind)}"


KIND_TIPS = {
    "text": "Add a text to the window, e.g. your opening hours",
    "image": "Add an image to the window (choose its file in the fields)",
    "button": "Add a button: a link (e.g. your help centre) or one that closes the window",
    "shape": "Add a shape: a band, a frame or a line",
}
# what a new element starts as in the window: (width, height), and the props it starts with
NEW_ELEMENTS: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {
    "text": ((280, 28), {"text": "We usually answer within minutes.", "font_size": 14}),
    "image": ((96, 96), {}),
    "button": (
        (210, 40),
        {"text": "Visit the help centre", "action": "open_url", "url": ""},
    ),
    "shape": ((200, 4), {"shape": "line", "stroke_width": 2}),
}
ACTION_NOTE = (
    "In the window, Start conversation puts the cursor in the message field and Close "
    "closes the window."
)


def free_row(boxes: list[tuple[int, int, int, int]], x: int, w: int, h: int, bottom: int) -> int:
    """The lowest top edge, ending at most at bottom, where a w × h box at x overlaps none of
    boxes (8 px apart); under the header (64) when no row is free."""
    y = bottom - h
    while y > 64 and any(
        x < bx + bw + 8 and bx < x + w + 8 and y < by + bh + 8 and by < y + h + 8
        for bx, by, bw, bh in boxes
    ):
        y -= 4
    return max(64, y)


class ElementAddBar(QToolBar):
    add_requested = Signal(str)  # an element kind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add to the window", parent)
        self.setAccessibleName("Add to the window")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addWidget(QLabel("Add to the window: "))
        self.kind_actions = {}
        for kind in WINDOW_ELEMENT_KINDS:
            action = self.addAction(KIND_WORDS[kind])
            set_icon(action, f"element_{kind}")
            action.setToolTip(KIND_TIPS[kind])
            action.triggered.connect(lambda _checked=False, k=kind: self.add_requested.emit(k))
            self.kind_actions[kind] = action


class ElementPanel(QWidget):
    """The selected element's fields, and Delete; shown in place of the window's fields."""

    value_edited = Signal(str, str, object)  # element id, property, value
    delete_requested = Signal(str)
    done = Signal()  # back to the window's own fields

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Element")
        self.element: Element | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: 600;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.forms: dict[str, PropertyForm] = {}
        self.stack = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self.stack)
        self.delete = QPushButton("Delete element")
        set_icon(self.delete, "delete")
        self.delete.setToolTip("Remove the element from the window (Delete); Ctrl+Z brings it back")
        self.delete.clicked.connect(self._on_delete)
        self.back = QPushButton("Window design")
        self.back.setToolTip("Back to the window's own fields (Esc on the canvas)")
        self.back.clicked.connect(self.done)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.note)
        column.addWidget(scroll, 1)
        column.addWidget(self.delete)
        column.addWidget(self.back)

    def form(self, kind: str) -> PropertyForm:
        if kind not in self.forms:
            form = self.forms[kind] = PropertyForm(ELEMENT_PROPS[kind])
            form.value_edited.connect(self._on_value_edited)
            self.stack.addWidget(form)
        return self.forms[kind]

    def show_element(self, element: Element, backdrop: Design) -> None:
        self.element = element
        self.title.setText(f"{element_label(element)} in the window")
        self.note.setText(ACTION_NOTE if element.kind == "button" else "")
        self.note.setVisible(element.kind == "button")
        form = self.form(element.kind)
        form.set_values(element.props)
        notes: dict[str, list[tuple[str, str]]] = {}
        for severity, prop, sentence in element_problems(backdrop, element):
            notes.setdefault(prop, []).append((severity, sentence))
        form.set_notes(notes)
        self.stack.setCurrentWidget(form)

    def _on_value_edited(self, name: str, value: Any) -> None:
        if self.element is not None:
            self.value_edited.emit(self.element.id, name, value)

    def _on_delete(self) -> None:
        if self.element is not None:
            self.delete_requested.emit(self.element.id)
