"""What every wizard stage is: a page that loads an engagement and says why it cannot go on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from designer.models.engagement import Engagement
from designer.views.editing.edit_session import EditSession, SetFields


class Stage(QWidget):
    """A stage of the wizard. `key` is its Engagement.wizard_stage name."""

    key = ""
    title = ""
    fields: tuple[str, ...] = ()  # the engagement fields it edits, for jumps from problems
    problem_changed = Signal()

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.engagement_id: int | None = None
        self.setAccessibleName(self.title)

    def load(self, s: Session, e: Engagement) -> None:
        """Show e; called on entering the stage and after every change."""

    def problem(self) -> str | None:
        """Why Next cannot go on, as a sentence; None when it can."""
        return None

    def focus_field(self, field: str) -> None:
        w = self.findChild(QWidget, field)
        if w is not None:
            w.setFocus()

    def set(self, text: str, **new: object) -> None:
        """Save new values of the engagement as one undoable edit."""
        with self.session.store.read() as s:
            e = s.get(Engagement, self.engagement_id)
            old = {k: getattr(e, k) for k in new}
        if old != new:
            self.session.push(SetFields(Engagement, self.engagement_id, text, old, new))
