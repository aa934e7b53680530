"""Settings: conversation type, authentication, routing, window, language, messages, content."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.models.account import Skill
from designer.models.engagement import Engagement
from designer.models.formats import FORMAT_ZONES, EngagementFormat
from designer.models.settings import AUTOMATIC_MESSAGES, ENGAGEMENT_SETTINGS
from designer.models.vocabulary import (
    EngagementKind,
    Routing,
    Zone,
)
from designer.views.forms.field_binder import FieldBinder, words
from designer.views.forms.record_list import Column, RecordList
from designer.views.wizard.stage import Stage


class SettingsStage(Stage):
    key, title = "settings", "Settings"
    fields = (
        "conversation_type",
        "authenticated",
        "routing",
        "skill_id",
        "window_opens_as",
        "language",
        "automatic_messages",
        "predefined_content",
        "zone",
        "element_id",
        "content_url",
    )

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.bind = FieldBinder(session, Engagement, self)
        self.messages: dict = {}
        form_widget = QWidget()
        self.form = QFormLayout(form_widget)
        self._conversation_rows()
        self._placement_rows()
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(form_widget)
        outer.addWidget(self._automatic_messages())
        outer.addWidget(QLabel("Predefined content (answers agents can send with one click)"))
        outer.addWidget(self._predefined_content())
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        QVBoxLayout(self).addWidget(scroll)

    def _setting(self, name: str, show: Callable[[Any], str] = words) -> QWidget:
        return self.bind.setting(ENGAGEMENT_SETTINGS[name], show)

    def _conversation_rows(self) -> None:
        """How the conversation starts: its type, who may start it, where it is routed."""
        form, b = self.form, self.bind
        form.addRow("Conversation &type", self._setting("conversation_type"))
        form.addRow("", self._setting("authenticated"))
        form.addRow("&Routing", self._setting("routing"))
        self.skill = QComboBox()
        b.custom("skill_id", self.skill, self._load_skill, "Skill")
        self.skill.setToolTip("The skill conversations route to")
        self.skill.activated.connect(
            lambda i: b.commit("skill_id", self.skill.itemData(i), "Skill")
        )
        form.addRow("&Skill", self.skill)
        form.addRow("&Window opens as", self._setting("window_opens_as"))
        form.addRow("&Language", self._setting("language", str))

    def _placement_rows(self) -> None:
        """Where it stands on the page and, for content, what it opens."""
        form = self.form
        self.zone = self.bind.combo(
            "zone", "Side", ("right", "left"), "Which side of the page the engagement stands on"
        )
        form.addRow("Si&de", self.zone)
        self.element = self._setting("element_id")
        form.addRow("Page &element id", self.element)
        self.content = self._setting("content_url")
        form.addRow("Content &link", self.content)

    def _automatic_messages(self) -> QGroupBox:
        auto = QGroupBox("Automatic messages")
        grid = QGridLayout(auto)
        self.message_widgets: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for row, (key, label, _) in enumerate(AUTOMATIC_MESSAGES):
            on, text = QCheckBox(label), QLineEdit()
            on.setAccessibleName(f"{label} message on")
            on.setToolTip(f"Send the {label.lower()} message automatically")
            text.setAccessibleName(f"{label} message text")
            text.setToolTip(f"The {label.lower()} message")
            grid.addWidget(on, row, 0)
            grid.addWidget(text, row, 1)
            on.toggled.connect(lambda _, k=key: self._on_message(k))
            text.editingFinished.connect(lambda k=key: self._on_message(k))
            self.message_widgets[key] = (on, text)
        self.bind.custom("automatic_messages", auto, self._load_messages, "Automatic messages")
        return auto

    def _predefined_content(self) -> RecordList:
        self.content_list = RecordList(
            "Predefined content", [Column("title", "Title", "text"), Column("text", "Text", "text")]
        )
        self.bind.custom(
            "predefined_content",
            self.content_list,
            self.content_list.set_records,
            "Predefined content",
        )
        self.content_list.edited.connect(
            lambda v: self.bind.commit("predefined_content", v, "Predefined content")
        )
        return self.content_list

    def _load_skill(self, skill_id: int | None) -> None:
        self.skill.clear()
        self.skill.addItem("(choose a skill)", None)
        with self.session.store.read() as s:
            for skill in s.scalars(select(Skill).order_by(Skill.name)):
                self.skill.addItem(skill.name, skill.id)
        self.skill.setCurrentIndex(max(0, self.skill.findData(skill_id)))

    def _load_messages(self, messages: dict) -> None:
        self.messages = copy.deepcopy(messages or {})
        lang = self.messages.get(self.bind.widget_for("language").currentData(), {})
        for key, _, default in AUTOMATIC_MESSAGES:
            on, text = self.message_widgets[key]
            m = lang.get(key, {"enabled": False, "text": default})
            on.blockSignals(True)
            on.setChecked(bool(m.get("enabled")))
            on.blockSignals(False)
            text.setText(m.get("text", ""))

    def _on_message(self, key: str) -> None:
        messages = copy.deepcopy(self.messages)
        lang = self.bind.widget_for("language").currentData()
        on, text = self.message_widgets[key]
        messages.setdefault(lang, {})[key] = {"enabled": on.isChecked(), "text": text.text()}
        self.bind.commit("automatic_messages", messages, "Automatic messages")

    def load(self, s: Session, e: Engagement) -> None:
        self.bind.load(e)
        self._load_messages(e.automatic_messages)
        fmt = EngagementFormat(e.format)
        # Only the fields that apply to this format, kind and routing are shown.
        self.form.setRowVisible(self.zone, len(FORMAT_ZONES[fmt]) > 1)
        self.form.setRowVisible(self.element, e.zone == Zone.EMBEDDED)
        self.form.setRowVisible(self.content, e.kind == EngagementKind.CONTENT)
        self.form.setRowVisible(self.skill, e.routing == Routing.SPECIFIC_SKILL)
        self.form.invalidate()  # hidden rows give their height back
        self.form.parentWidget().updateGeometry()
        self._routing, self._skill, self._zone, self._element = (
            e.routing,
            e.skill_id,
            e.zone,
            e.element_id,
        )

    def problem(self) -> str | None:
        if self._routing == Routing.SPECIFIC_SKILL and self._skill is None:
            return "Routing goes to a specific skill, but none is chosen: pick a skill or route to all skills."
        if self._zone == Zone.EMBEDDED and not self._element.strip():
            return "An embedded engagement needs the id of the page element it goes into: fill in Page element id."
        return None
