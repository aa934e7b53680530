"""The wizard's stages as a bar of links with icons: where the engagement is, and a way back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from designer.views.shell.icons import set_icon


class StageBar(QWidget):
    """One button per stage; `chosen(index)` when the designer clicks one that can be reached."""

    chosen = Signal(int)

    def __init__(self, stages: list, parent: QWidget | None = None) -> None:  # list[Stage]
        super().__init__(parent)
        self.setAccessibleName("Stages")
        self.buttons: list[QToolButton] = []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for i, stage in enumerate(stages):
            if i:
                row.addWidget(QLabel("›"))
            b = QToolButton(self)
            b.setText(f"{i + 1}. {stage.title}" if i < len(stages) - 1 else stage.title)
            set_icon(b, f"stage_{stage.key}")
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setAutoRaise(True)
            b.setCheckable(True)
            b.setAccessibleName(f"Stage {stage.title}")
            b.clicked.connect(lambda _=False, n=i: self.chosen.emit(n))
            self.buttons.append(b)
            row.addWidget(b)
        row.addStretch(1)

    def show_stage(self, index: int, reachable: int) -> None:
        """Mark the stage shown; stages up to reachable can be clicked, later ones cannot yet."""
        for i, b in enumerate(self.buttons):
            b.setChecked(i == index)
            b.setEnabled(i <= reachable)
            b.setToolTip(
                "You are here"
                if i == index
                else f"Go to {b.text().split('. ', 1)[-1]}"
                if i <= reachable
                else "Reached with Next, once the stages before it are done"
            )

    def text(self) -> str:
        return " › ".join(b.text() for b in self.buttons)
