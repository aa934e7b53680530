"""A field's refusal: the sentence beside a field that says why what was typed is not kept.

The store keeps its last valid value; the sentence goes once the field is fixed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy

from designer.views.studio.note_colors import note_color


def refusal_label(name: str) -> QLabel:
    """A hidden, word-wrapped label for a field's refusals, named for screen readers."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setVisible(False)
    # it hugs its field: the layout's spare room goes elsewhere
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return label


def refuse(label: QLabel, sentence: str | None) -> None:
    """Show sentence beside the field in the error colour, or hide the label (None)."""
    label.setVisible(bool(sentence))
    label.setText(sentence or "")
    if sentence:
        label.setStyleSheet(f"color: {note_color(label, 'error')}; font-weight: 600;")
