"""Summary: the engagement in words, its name, enable, and publish."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout
from sqlalchemy.orm import Session

from designer.models.engagement import Engagement
from designer.models.window_library import window_in_words
from designer.views.forms.field_binder import FieldBinder, words
from designer.views.wizard.stage import Stage


def engagement_name_problem(name: str) -> str | None:
    if not name.strip():
        return "An engagement needs a name, so it was not saved; the old name is kept."
    return None


def engagement_in_words(e: Engagement) -> list[tuple[str, str]]:
    routing = f"to the skill {e.skill.name}" if e.skill else "to all skills"
    return [
        ("Campaign", e.campaign.name),
        ("Format", f"{words(e.format)} in the {e.zone_key} zone, a {e.kind} engagement"),
        (
            "Settings",
            f"{words(e.conversation_type)}, {'authenticated' if e.authenticated else 'unauthenticated'}, "
            f"routed {routing}, window {words(e.window_opens_as).lower()}, language {e.language}",
        ),
        (
            "Entry point",
            f"{e.entry_point.name}: {e.entry_point.in_words()}" if e.entry_point else "none chosen",
        ),
        (
            "Behavior",
            f"{e.behavior.name}: {e.behavior.in_words()}" if e.behavior else "none: shows at once",
        ),
    ] + (
        []  # a content engagement opens its link, not a conversation window
        if e.kind == "content"
        else [("Window", window_in_words(Session.object_session(e), e))]
    )


class SummaryStage(Stage):
    key, title = "summary", "Summary"
    fields = ("name", "enabled")
    publish_requested = Signal()

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.bind = FieldBinder(session, Engagement, self)
        self._name = ""
        form = QFormLayout()
        self.name = self.bind.line(
            "name", "Engagement name", "How the engagement is called in the campaign"
        )
        self.bind.checks["name"] = engagement_name_problem
        form.addRow("&Name", self.name)
        form.addRow(self.bind.refusal("name"))
        form.addRow(
            "", self.bind.check("enabled", "Enabled", "Off: the engagement is kept but not shown")
        )
        self.facts = QFormLayout()
        self.publish = QPushButton("Finish and publish the campaign…")
        self.publish.setAccessibleName("Finish and publish")
        self.publish.setToolTip(
            "Finish the wizard, then check, record and export the campaign (Ctrl+P)"
        )
        self.publish.clicked.connect(self.publish_requested)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addLayout(self.facts)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.publish)
        box.addLayout(row)
        box.addStretch(1)

    def load(self, s: Session, e: Engagement) -> None:
        self.bind.load(e)
        self._name = e.name
        while self.facts.rowCount():
            self.facts.removeRow(0)
        for label, text in engagement_in_words(e):
            value = QLabel(text)
            value.setWordWrap(True)
            value.setAccessibleName(label)
            self.facts.addRow(f"{label}:", value)

    def problem(self) -> str | None:
        return None if self._name.strip() else "Give the engagement a name."
