"""Form widgets bound to one row's columns: each edit is one undoable command.

The binder builds the widget, loads it from the row with signals blocked (so
loading never records an edit), and turns the designer's change into
a SetFields command. `widget_for(field)` lets the problems panel jump to a field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from designer.models.properties import PropSpec
from designer.views.editing.edit_session import EditSession, SetFields
from designer.views.forms.refusal import refusal_label, refuse
from designer.views.forms.zone_combo import ZoneCombo


def words(value: str) -> str:
    """'service_activity' -> 'Service activity', for choices shown to the designer."""
    return str(value).replace("_", " ").capitalize()


class FieldBinder(QObject):
    def __init__(self, session: EditSession, model: type, parent: QObject) -> None:
        super().__init__(parent)
        self.session, self.model = session, model
        self.row_id: int | None = None
        self._values: dict[str, Any] = {}
        self._loaders: dict[str, Callable[[Any], None]] = {}
        self._widgets: dict[str, QWidget] = {}
        # field -> check(value) giving a sentence when the value cannot be saved
        self.checks: dict[str, Callable[[Any], str | None]] = {}
        self._refusals: dict[str, QLabel] = {}

    def refusal(self, field: str) -> QLabel:
        """The label beside field where a refused value is explained; the page places it.

        With one, a refused value stays in the field for the designer to correct, with
        the sentence beside it (the store keeps its last valid value); without one the
        field goes back to the stored value and the session says why.
        """
        if field not in self._refusals:
            label = self._refusals[field] = refusal_label(f"Why this {field} was refused")
            label.setObjectName(f"{field}_refusal")
        return self._refusals[field]

    def _name(self, widget: QWidget, field: str, label: str, tip: str) -> None:
        widget.setObjectName(field)
        widget.setAccessibleName(label)
        widget.setToolTip(tip or label)
        self._widgets[field] = widget

    def commit(self, field: str, value: Any, label: str) -> None:
        if self.row_id is None:
            return
        same = self._values.get(field) == value
        problem = self.checks[field](value) if field in self.checks and not same else None
        if field in self._refusals:
            refuse(self._refusals[field], problem)  # a corrected value takes the sentence away
            if problem:
                return
        if same:
            return
        if problem:
            loader = self._loaders.get(field)
            if loader is not None:
                with QSignalBlocker(self._widgets[field]):
                    loader(self._values.get(field))
            self.session.failed.emit(problem)
            return
        old = {field: self._values.get(field)}
        self._values[field] = value
        text = f"Change {label.lower()}"
        self.session.push(SetFields(self.model, self.row_id, text, old, {field: value}))

    def load(self, row: Any) -> None:
        self.row_id = row.id
        for field, loader in self._loaders.items():
            value = getattr(row, field)
            self._values[field] = value
            with QSignalBlocker(self._widgets[field]):
                loader(value)
            if field in self._refusals:
                refuse(self._refusals[field], None)

    def value(self, field: str) -> Any:
        """The field's stored value (the last one saved or loaded)."""
        return self._values.get(field)

    def widget_for(self, field: str) -> QWidget | None:
        return self._widgets.get(field)

    def line(self, field: str, label: str, tip: str = "") -> QLineEdit:
        w = QLineEdit()
        self._name(w, field, label, tip)
        self._loaders[field] = lambda v: w.setText(v or "")
        w.editingFinished.connect(lambda: self.commit(field, w.text().strip(), label))
        return w

    def combo(
        self, field: str, label: str, choices: Sequence[Any], tip: str = "", show=words
    ) -> QComboBox:
        w = QComboBox()
        self._name(w, field, label, tip)
        for c in choices:
            w.addItem(show(c), c)
        self._loaders[field] = lambda v: w.setCurrentIndex(max(0, w.findData(v)))
        w.activated.connect(lambda i: self.commit(field, w.itemData(i), label))
        return w

    def spin(
        self, field: str, label: str, lo: int, hi: int, suffix: str = "", tip: str = ""
    ) -> QSpinBox:
        w = QSpinBox()
        w.setRange(lo, hi)
        w.setSuffix(suffix)
        w.setKeyboardTracking(False)
        self._name(w, field, label, tip)
        self._loaders[field] = lambda v: w.setValue(int(v or 0))
        w.valueChanged.connect(lambda v: self.commit(field, int(v), label))
        return w

    def check(self, field: str, label: str, tip: str = "") -> QCheckBox:
        w = QCheckBox(label)
        self._name(w, field, label, tip)
        self._loaders[field] = lambda v: w.setChecked(bool(v))
        w.toggled.connect(lambda on: self.commit(field, bool(on), label))
        return w

    def zone(self, field: str, label: str, tip: str = "") -> ZoneCombo:
        w = ZoneCombo()
        self._name(w, field, label, tip)
        self._loaders[field] = w.set_zone
        w.activated.connect(lambda i: self.commit(field, w.itemData(i), label))
        return w

    def setting(self, spec: PropSpec, show: Callable[[Any], str] = words) -> QWidget:
        """The widget a declared setting is edited with, from its type, limits and words."""
        name, label, tip = spec.name, spec.label, spec.description
        if spec.choices:
            return self.combo(name, label, spec.choices, tip, show)
        if spec.type == "int":
            lo, hi = int(spec.minimum or 0), int(spec.maximum or 0)
            return self.spin(name, label, lo, hi, spec.unit, tip)
        if spec.type == "bool":
            return self.check(name, label, tip)
        if spec.type == "time_zone":
            return self.zone(name, label, tip)
        return self.line(name, label, tip)

    def custom(
        self, field: str, widget: QWidget, loader: Callable[[Any], None], label: str
    ) -> None:
        """A widget of its own kind (the week calendar) that calls commit itself."""
        self._name(widget, field, label, "")
        self._loaders[field] = loader
