"""The studio's cut-off bar: says which text of the shown design the browser would cut off,
with the one-click "Fit box to text"."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from designer.models.design_checks import cut_off_sentence
from designer.models.design_document import DesignDocument
from designer.views.studio.note_colors import note_color


class CutOffBar(QWidget):
    def __init__(self, doc: DesignDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName("Cut-off text")
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.fit = QPushButton("Fit box to text")
        self.fit.setAccessibleName("Fit box to text")
        self.fit.setToolTip(
            "Make each cut-off text's box fit its text, and the engagement with it (Ctrl+Shift+T)"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.sentence, 1)
        row.addWidget(self.fit)
        self.setVisible(False)

    def show_cut_off(self, ids: list[str]) -> None:
        """Show the sentence for the shown design's cut-off elements (none: the bar hides)."""
        self.setVisible(bool(ids))
        if not ids:
            return
        design = self.doc.design
        sentences = dict.fromkeys(
            cut_off_sentence(str(self.doc.state), design.element(i)) for i in ids
        )
        names = ", ".join(ids)
        self.sentence.setText(" ".join(sentences) + f" ({names})")
        self.sentence.setStyleSheet(f"color: {note_color(self, 'error')}; font-weight: 600;")
