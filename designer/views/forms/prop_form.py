"""A form built from property declarations (PropSpec): one widget per property.

Used for condition parameters and for the design forms; the declaration gives
label, tooltip, limits and choices, so a property is described in one place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from designer.models.properties import PropSpec
from designer.views.forms.field_binder import words


def _list_text(value: Any) -> str:
    return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value or "")


class PropForm(QWidget):
    """`value_edited(name, value)` when the designer changes a property."""

    value_edited = Signal(str, object)

    def __init__(self, specs: tuple[PropSpec, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = specs
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            w = self._widget(spec)
            w.setObjectName(spec.name)
            w.setAccessibleName(spec.label)
            w.setToolTip(spec.description or spec.label)
            self.widgets[spec.name] = w
            form.addRow("" if spec.type == "bool" else spec.label, w)

    def _widget(self, spec: PropSpec) -> QWidget:
        name = spec.name
        if spec.type == "int":
            w = QSpinBox()
            w.setRange(
                int(spec.minimum if spec.minimum is not None else -(10**6)),
                int(spec.maximum if spec.maximum is not None else 10**6),
            )
            w.setKeyboardTracking(False)
            w.valueChanged.connect(lambda v: self.value_edited.emit(name, int(v)))
            return w
        if spec.type == "float":
            w = QDoubleSpinBox()
            w.setDecimals(2)
            w.setRange(spec.minimum or 0.0, spec.maximum if spec.maximum is not None else 1e9)
            w.setKeyboardTracking(False)
            w.valueChanged.connect(lambda v: self.value_edited.emit(name, float(v)))
            return w
        if spec.type == "bool":
            w = QCheckBox(spec.label)
            w.toggled.connect(lambda on: self.value_edited.emit(name, bool(on)))
            return w
        if spec.type in ("enum", "font"):
            w = QComboBox()
            for c in spec.choices:
                w.addItem(words(c), c)
            w.activated.connect(lambda i: self.value_edited.emit(name, w.itemData(i)))
            return w
        w = QLineEdit()
        if spec.type == "list":
            w.setPlaceholderText("several, separated by commas")
            w.editingFinished.connect(
                lambda: self.value_edited.emit(
                    name, [p.strip() for p in w.text().split(",") if p.strip()]
                )
            )
        else:
            if spec.type == "color":
                w.setInputMask("\\#HHHHHH")
            w.editingFinished.connect(lambda: self.value_edited.emit(name, w.text().strip()))
        return w

    def set_values(self, values: dict[str, Any]) -> None:
        for spec in self.specs:
            w, value = self.widgets[spec.name], values.get(spec.name, spec.default)
            with QSignalBlocker(w):
                if isinstance(w, QSpinBox | QDoubleSpinBox):
                    w.setValue(value if isinstance(value, int | float) else spec.default)
                elif isinstance(w, QCheckBox):
                    w.setChecked(bool(value))
                elif isinstance(w, QComboBox):
                    w.setCurrentIndex(max(0, w.findData(value)))
                elif spec.type == "list":
                    w.setText(_list_text(value))
                else:
                    w.setText(str(value or ""))
                    if spec.type == "color" and QColor.isValidColorName(str(value)):
                        w.setStyleSheet(f"border-left: 14px solid {value};")
