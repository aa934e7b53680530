"""A form built from property declarations (PropSpec): one keyboard-editable field each.

Bound both ways: `set_values` shows the model with signals blocked (so
nothing loops back), and an edit the user finishes is reported once through
`value_edited(name, value)`. A value that does not fit its declaration is
not reported; the field says what is wrong instead.
"""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from designer.models.design_checks import SAFE_URL_SCHEMES
from designer.models.properties import PropSpec
from designer.views.studio.note_colors import note_color

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)"
NOTE_WIDTH = 42  # characters per line of a note
NOTE_MARKS = {"error": "✖", "warning": "⚠", "ok": "✔", "info": "ℹ"}


class CommitOnLeave(QPlainTextEdit):
    """Multi-line text that commits when focus leaves (Enter makes a new line)."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class PropertyForm(QWidget):
    value_edited = Signal(str, object)

    def __init__(self, specs: tuple[PropSpec, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = {s.name: s for s in specs}
        self.editors: dict[str, QWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self.swatches: dict[str, QPushButton] = {}
        self._note_texts: dict[str, str] = {}
        self._values: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        # In a scroll area the form must scroll, not squeeze its rows (notes wrap).
        outer.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout = self.form_layout = QFormLayout()
        outer.addLayout(layout)
        outer.addStretch(1)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            editor = self._make_editor(spec)
            editor.setAccessibleName(spec.label)
            editor.setToolTip(spec.description or spec.label)
            self.editors[spec.name] = editor
            label = QLabel(spec.label + ":")
            label.setBuddy(editor)
            layout.addRow(label, self._with_button(spec, editor))
            # The check's sentences, in a row of their own under the field (hidden when none);
            # set_notes wraps them, as a word-wrapped label would squeeze its row.
            note = QLabel()
            note.setAccessibleName(f"{spec.label} check")
            self.notes[spec.name] = note
            layout.addRow(note)  # across both columns: room for the sentence
            layout.setRowVisible(note, False)

    # Model -> fields

    def set_values(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            editor = self.editors.get(name)
            if editor is None:
                continue
            self._values[name] = value
            editor.blockSignals(True)
            try:
                _show(editor, self.specs[name], value)
            finally:
                editor.blockSignals(False)
            if name in self.swatches:
                self.swatches[name].setStyleSheet(
                    f"background: {value}; border: 1px solid #8a8f98;"
                )

    def set_notes(self, notes: dict[str, list[tuple[str, str]]]) -> None:
        """Sentences beside fields: {name: [(severity, sentence)]}; fields not named are cleared."""
        self._note_texts = {
            name: " ".join(f"{NOTE_MARKS[sev]} {text}" for sev, text in lines)
            for name, lines in notes.items()
        }
        for name, label in self.notes.items():
            lines = notes.get(name, [])
            self.form_layout.setRowVisible(label, bool(lines))
            label.setText(
                "<br>".join(
                    f'<span style="color:{note_color(self, sev)}">'
                    + "<br>".join(
                        _escape(t) for t in textwrap.wrap(f"{NOTE_MARKS[sev]} {text}", NOTE_WIDTH)
                    )
                    + "</span>"
                    for sev, text in lines
                )
            )

    def note_text(self, name: str) -> str:
        """The sentences shown beside a field, as plain text ("" when none)."""
        return self._note_texts.get(name, "")

    # Fields -> model

    def _edited(self, name: str, value: Any) -> None:
        spec = self.specs[name]
        if spec.type in ("int", "float", "bool"):
            value = spec.coerce(value)
        problem = spec.problem(value)
        if spec.type == "url" and value and not value.lower().startswith(SAFE_URL_SCHEMES):
            problem = f"{spec.label} must start with https://, http://, mailto: or tel:."
        if problem is not None:
            self.set_notes({name: [("error", problem)]})
            return
        if value != self._values.get(name):
            self._values[name] = value
            self.value_edited.emit(name, value)

    def _make_editor(self, spec: PropSpec) -> QWidget:
        name = spec.name
        if spec.type == "int":
            box = QSpinBox()
            box.setRange(int(spec.minimum or -(10**6)), int(spec.maximum or 10**6))
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda v, n=name: self._edited(n, v))
            return box
        if spec.type == "float":
            dbox = QDoubleSpinBox()
            dbox.setRange(spec.minimum or -(10.0**6), spec.maximum or 10.0**6)
            dbox.setKeyboardTracking(False)
            dbox.valueChanged.connect(lambda v, n=name: self._edited(n, v))
            return dbox
        if spec.type == "bool":
            check = QCheckBox()
            check.toggled.connect(lambda v, n=name: self._edited(n, v))
            return check
        if spec.type in ("enum", "font"):
            combo = QComboBox()
            for choice in spec.choices:
                combo.addItem(choice.replace("_", " "), choice)
            combo.activated.connect(lambda i, n=name, c=combo: self._edited(n, c.itemData(i)))
            return combo
        if spec.type == "multiline":
            text = CommitOnLeave()
            text.setTabChangesFocus(True)
            text.setFixedHeight(54)
            text.committed.connect(lambda n=name, t=text: self._edited(n, t.toPlainText()))
            return text
        line = QLineEdit()
        if spec.type == "color":
            line.setPlaceholderText("#1a56db")
        elif spec.type == "url":
            line.setPlaceholderText("https://…, mailto:… or tel:…")
        line.editingFinished.connect(lambda n=name, e=line: self._edited(n, e.text().strip()))
        return line

    def _with_button(self, spec: PropSpec, editor: QWidget) -> QWidget:
        if spec.type not in ("color", "image"):
            return editor
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(editor, 1)
        button = QPushButton("Choose…" if spec.type == "image" else "")
        button.setAccessibleName(f"Choose {spec.label.lower()}")
        button.setToolTip(f"Choose {spec.label.lower()}")
        if spec.type == "color":
            button.setFixedWidth(28)
            self.swatches[spec.name] = button
            button.clicked.connect(lambda _=False, s=spec: self._on_choose_color(s))
        else:
            button.clicked.connect(lambda _=False, s=spec: self._on_choose_image(s))
        layout.addWidget(button)
        return row

    def _on_choose_color(self, spec: PropSpec) -> None:
        current = QColor(str(self._values.get(spec.name, spec.default)))
        color = QColorDialog.getColor(current, self, spec.label)
        if color.isValid():
            self.set_values({spec.name: color.name()})
            self._values[spec.name] = None  # so the same colour still commits
            self._edited(spec.name, color.name())

    def _on_choose_image(self, spec: PropSpec) -> None:
        path, _ = QFileDialog.getOpenFileName(self, spec.label, "", IMAGE_FILTER)
        if path:
            self._edited(spec.name, path)


def _show(editor: QWidget, spec: PropSpec, value: Any) -> None:
    if isinstance(editor, QSpinBox):
        editor.setValue(int(value))
    elif isinstance(editor, QDoubleSpinBox):
        editor.setValue(float(value))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QComboBox):
        editor.setCurrentIndex(max(0, editor.findData(value)))
    elif isinstance(editor, QPlainTextEdit):
        if editor.toPlainText() != value:
            editor.setPlainText(str(value))
    elif isinstance(editor, QLineEdit):
        editor.setText(str(value))
        editor.setCursorPosition(0)  # show the start of a long value


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
