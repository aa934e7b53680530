"""The banner above the pages while an edit waits for the team store: what happened, and Retry."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from designer.views.store.waiting_edit import WAITING, WaitingEdit


class WaitingBanner(QFrame):
    """Shown while `waiting` holds an edit; Retry tries it at once (it is also retried by itself)."""

    def __init__(self, waiting: WaitingEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.waiting = waiting
        self.setObjectName("waiting_banner")
        self.setAccessibleName("Team store out of reach")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#waiting_banner { background: palette(tool-tip-base); border: 1px solid #c9a227; }"
        )
        self.label = QLabel(WAITING)
        self.label.setWordWrap(True)
        self.retry_button = QPushButton("Retry")
        self.retry_button.setAccessibleName("Retry saving the waiting change")
        self.retry_button.setToolTip("Try to save the waiting change now")
        self.retry_button.clicked.connect(self._on_retry)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        self.setVisible(waiting.waiting)
        waiting.waiting_changed.connect(self.setVisible)

    def _on_retry(self) -> None:
        self.waiting.retry()
