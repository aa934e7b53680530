"""The problems panel: every validation problem of the store, live; a click jumps to the field."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from designer.models.validation import ERROR, Problem, Where, validate
from designer.views.editing.edit_session import EditSession
from designer.views.studio.text_fit import measure_text


class ProblemsPanel(QWidget):
    jump_requested = Signal(object)  # a validation.Where
    counted = Signal(int, int)  # errors, warnings

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.problems: list[Problem] = []
        self.list = QListWidget()
        self.list.setAccessibleName("Problems")
        self.list.setToolTip("Click or press Enter on a problem to go to the field it concerns")
        self.list.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.list)
        waiting = QListWidgetItem("Checking the store for problems…")
        waiting.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.addItem(waiting)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)  # one validation for a burst of edits
        self._timer.timeout.connect(self.refresh)
        session.changed.connect(lambda *_: self._timer.start())
        self.list.itemActivated.connect(self._on_activated)
        self.list.itemClicked.connect(self._on_activated)

    def refresh(self) -> None:
        with self.session.store.read() as s:
            self.problems = validate(s, measure_text)
        self.list.clear()
        style = self.style()
        icons = {
            ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for p in self.problems:
            item = QListWidgetItem(icons[p.severity], f"{p.where.label}: {p.message}")
            item.setData(Qt.ItemDataRole.UserRole, p.where)
            item.setToolTip(f"{p.severity.capitalize()} in {p.where.label}")
            self.list.addItem(item)
        if not self.problems:
            item = QListWidgetItem("No problems: everything can be published.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        errors = sum(p.severity == ERROR for p in self.problems)
        self.counted.emit(errors, len(self.problems) - errors)

    def _on_activated(self, item: QListWidgetItem) -> None:
        where = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(where, Where):
            self.jump_requested.emit(where)
