"""The forecast window's small widgets: its number fields, its result tables and their captions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox, QTableWidget, QWidget


def spin_box(parent: QWidget, name: str, low: int, high: int, value: int, tip: str) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setAccessibleName(name)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setToolTip(tip)
    spin.setGroupSeparatorShown(True)
    return spin


def results_table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(parent)
    table.setAccessibleName(name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    return table


def caption(parent: QWidget, text: str, centred: bool = False) -> QLabel:
    """A line above a plot or table saying what its numbers count; centred, a sentence in
    place of a plot or table that has nothing to show yet."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
