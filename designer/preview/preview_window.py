"""The full preview window: the preview panel in a window of its own."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QWidget

from designer.models.store import Store
from designer.preview.engine import PreviewEngine
from designer.preview.panel import PreviewPanel


class PreviewWindow(QMainWindow):
    """A large preview (F5 reloads, Ctrl+W closes); share the window's engine when there is one."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, engine: PreviewEngine | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Preview — {store.label}")
        self.panel = PreviewPanel(store, self, engine)
        self.setCentralWidget(self.panel)
        self.resize(1500, 950)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.panel.refresh)
        QShortcut(QKeySequence.StandardKey.Close, self, activated=self.close)
