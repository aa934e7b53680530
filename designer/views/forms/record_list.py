"""A small list of records (special occasions, holidays) with a form row to add one.

Records are plain dicts; `edited` carries the whole new list, which the page
turns into one undoable command.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from designer.models import clock as app_clock
from designer.views.account.week_calendar import clock


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str  # text, date, bool, time
    default: str = "09:00"  # the time a new entry starts with (time columns)


def _show(kind: str, value: Any) -> str:
    if kind == "bool":
        return "yes" if value else "no"
    if kind == "time":
        return clock(int(value or 0))
    return str(value or "")


class RecordList(QWidget):
    edited = Signal(list)

    def __init__(self, label: str, columns: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.records = columns, []
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([c.label for c in columns])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(label)
        self.table.setMaximumHeight(130)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.inputs: dict[str, QWidget] = {}
        form = QHBoxLayout()
        for c in columns:
            w = self._input(c)
            w.setAccessibleName(f"{c.label} of the new entry")
            w.setToolTip(c.label)
            self.inputs[c.key] = w
            form.addWidget(w)
        self.add = QPushButton("Add")
        self.add.setToolTip(f"Add to {label.lower()}")
        self.add.setAccessibleName(f"Add to {label.lower()}")
        self.remove = QPushButton("Remove")
        self.remove.setToolTip("Remove the selected entry")
        self.remove.setAccessibleName(f"Remove from {label.lower()}")
        buttons = QHBoxLayout()  # under the entry, so the list is no wider than its entry
        buttons.addStretch(1)
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table)
        box.addLayout(form)
        box.addLayout(buttons)
        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)

    def _input(self, c: Column) -> QWidget:
        if c.kind == "date":
            w = QDateEdit(app_clock.now().astimezone().date())
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            return w
        if c.kind == "bool":
            return QCheckBox(c.label)
        if c.kind == "time":
            w = QTimeEdit(QTime.fromString(c.default, "HH:mm"))
            w.setDisplayFormat("HH:mm")
            return w
        w = QLineEdit()
        w.setPlaceholderText(c.label)
        return w

    def _value(self, c: Column) -> Any:
        w = self.inputs[c.key]
        if isinstance(w, QDateEdit):
            return w.date().toPython().isoformat()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QTimeEdit):
            t = w.time()
            return (t.hour() * 60 + t.minute()) // 5 * 5
        return w.text().strip()

    def set_records(self, records: list[dict]) -> None:
        self.records = [dict(r) for r in records]
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            for col, c in enumerate(self.columns):
                value = record.get(c.key)
                if isinstance(value, date):
                    value = value.isoformat()
                if c.kind == "time" and record.get("closed"):
                    value = None  # a day closed all day has no hours to show
                text = "—" if c.kind == "time" and value is None else _show(c.kind, value)
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _on_add(self) -> None:
        self.edited.emit(self.records + [{c.key: self._value(c) for c in self.columns}])

    def _on_remove(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.records):
            self.edited.emit(self.records[:row] + self.records[row + 1 :])
