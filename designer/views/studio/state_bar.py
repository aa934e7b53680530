"""The bar above the canvas: which agent state's design is edited, and the engagement's size.

Online / offline / busy switch the design shown; for offline and busy it
offers to start the state's own design from another state's, and to hide
the engagement in that state. The size presets follow the format and the
reference's mobile guidelines.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.models.design_document import DesignDocument
from designer.models.formats import FORMATS, EngagementFormat, Format, Guideline
from designer.models.vocabulary import AgentState, StateDisplay
from designer.views.studio.note_colors import note_color

BORROW = "borrow"


def size_presets(fmt: EngagementFormat | None) -> list[tuple[str, tuple[int, int]]]:
    """(label, (width, height)): the format's own size and guideline first, then the others."""
    out: list[tuple[str, tuple[int, int]]] = []
    if fmt is not None:
        row = FORMATS[fmt]
        w, h = row.size
        out.append((f"{row.noun.capitalize()} {w}×{h}", (w, h)))
        if row.mobile is not None:
            out.append(_mobile_preset(row, row.mobile))
    for other in FORMATS.values():
        if other.key is not fmt:
            w, h = other.size
            out.append((f"{other.noun.capitalize()} {w}×{h}", (w, h)))
    return out


def _mobile_preset(row: Format, guide: Guideline) -> tuple[str, tuple[int, int]]:
    """The reference's phone guideline as a size: its width, and its height or the format's."""
    size = (guide.width, guide.height or row.size[1])
    label = f"Mobile {row.noun} guideline"
    if guide.height is None:
        label += f", {guide.width} wide"
    return f"{label} {size[0]}×{size[1]}", size


# The state being edited reads at a glance in both themes (Fusion's pressed shade does not
# in dark): the theme's highlight.
CHOSEN_STYLE = (
    "QPushButton:checked { background-color: palette(highlight); color: palette(highlighted-text);"
    " border: 1px solid palette(highlight); border-radius: 3px; padding: 4px 14px; }"
)


class StateBar(QWidget):
    state_chosen = Signal(object)  # AgentState
    start_from = Signal(object)  # AgentState to copy the current state's design from
    borrow_online = Signal()  # drop the state's own design and show the online one again
    display_chosen = Signal(object)  # StateDisplay
    size_chosen = Signal(int, int)

    def __init__(self, fmt: EngagementFormat | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 2, 4, 2)
        layout = QHBoxLayout()
        column.addLayout(layout)
        layout.addWidget(QLabel("Agents:"))
        self.state_buttons: dict[AgentState, QPushButton] = {}
        group = QButtonGroup(self)
        group.setExclusive(True)
        for state in AgentState:
            button = QPushButton(state.value.title())
            button.setCheckable(True)
            button.setStyleSheet(CHOSEN_STYLE)
            button.setAccessibleName(f"Edit the {state} design")
            button.setToolTip(f"Show and edit the design visitors see when agents are {state}")
            button.clicked.connect(lambda _=False, s=state: self.state_chosen.emit(s))
            group.addButton(button)
            layout.addWidget(button)
            self.state_buttons[state] = button
        self.display = QComboBox()
        self.display.addItem("Show a design", StateDisplay.SHOW_DESIGN)
        self.display.addItem("Hide the engagement", StateDisplay.HIDE)
        self.display.setAccessibleName("What visitors see in this state")
        # Qt hands enum data back as plain strings
        self.display.activated.connect(
            lambda i: self.display_chosen.emit(StateDisplay(self.display.itemData(i)))
        )
        layout.addWidget(self.display)
        self.start = QComboBox()
        self.start.setAccessibleName("Start this state's design from another")
        self.start.setToolTip("Give this state a design of its own, copied from another state's")
        self.start.activated.connect(self._on_start)
        layout.addWidget(self.start)
        layout.addStretch(1)
        layout.addWidget(QLabel("Size:"))
        self.sizes = QComboBox()
        self.sizes.setAccessibleName("Size preset")
        self.sizes.setToolTip("Preset sizes per format, with the mobile guidelines")
        self.set_format(fmt)
        self.sizes.activated.connect(self._on_size)
        layout.addWidget(self.sizes)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("About this state's design")
        self.note.setVisible(False)
        column.addWidget(self.note)

    def set_format(self, fmt: EngagementFormat | None) -> None:
        self.sizes.clear()
        self.sizes.addItem("Choose a preset…", None)
        for label, size in size_presets(fmt):
            self.sizes.addItem(label, size)

    def show_document(self, doc: DesignDocument, note: str = "") -> None:
        """Show the state being edited; note says why its design cannot be edited, if so."""
        self.note.setText(note)
        self.note.setStyleSheet(f"color: {note_color(self, 'warning')};")
        self.note.setVisible(bool(note))
        state = doc.state
        self.state_buttons[state].setChecked(True)
        online = state is AgentState.ONLINE
        self.display.setVisible(not online)
        self.display.setCurrentIndex(max(0, self.display.findData(doc.display(state))))
        self.start.clear()
        self.start.addItem("Start this design from…", None)
        for other in AgentState:
            if other is not state:
                self.start.addItem(f"the {other} design", other)
        if not online and doc.own_design(state) is not None:
            self.start.addItem("Use the online design again", BORROW)
        self.start.setVisible(not online)

    def _on_start(self, index: int) -> None:
        source = self.start.itemData(index)
        self.start.setCurrentIndex(0)
        if source == BORROW:
            self.borrow_online.emit()
        elif source is not None:
            self.start_from.emit(AgentState(source))

    def _on_size(self, index: int) -> None:
        size = self.sizes.itemData(index)
        self.sizes.setCurrentIndex(0)
        if size is not None:
            self.size_chosen.emit(size[0], size[1])
