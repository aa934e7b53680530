"""Settings: conversation type, authentication, routing, window, language, messages, content."""

from __future__ import annotations

import copy

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
from designer.models.vocabulary import ConversationType, Routing, WindowOpensAs
from designer.views.forms.field_binder import FieldBinder
from designer.views.forms.record_list import Column, RecordList
from designer.views.wizard.stage import Stage

LANGUAGES = ("en", "de", "es", "fr", "it", "nl", "pt", "ja")
MESSAGES = (
    ("greeting", "Greeting", "Hi! Thanks for reaching out. How can we help?"),
    ("agent_away", "Agents away", "Our team is away right now; we will reply soon."),
    ("closing", "Closing", "Thanks for messaging us. Have a great day!"),
)


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
        b = self.bind = FieldBinder(session, Engagement, "engagement", self)
        self.messages: dict = {}
        form_widget = QWidget()
        form = self.form = QFormLayout(form_widget)
        form.addRow(
            "Conversation &type",
            b.combo("conversation_type", "Conversation type", list(ConversationType)),
        )
        form.addRow(
            "",
            b.check(
                "authenticated",
                "Authenticated visitors only",
                "On: only visitors signed in to the site can start a conversation",
            ),
        )
        form.addRow(
            "&Routing",
            b.combo("routing", "Routing", list(Routing), "Which agents get the conversation"),
        )
        self.skill = QComboBox()
        b.custom("skill_id", self.skill, self._load_skill, "Skill")
        self.skill.setToolTip("The skill conversations route to")
        self.skill.activated.connect(
            lambda i: b.commit("skill_id", self.skill.itemData(i), "Skill")
        )
        form.addRow("&Skill", self.skill)
        form.addRow(
            "&Window opens as", b.combo("window_opens_as", "Window opens as", list(WindowOpensAs))
        )
        form.addRow(
            "&Language",
            b.combo("language", "Language", LANGUAGES, "Language of the automatic messages", str),
        )
        self.zone = b.combo(
            "zone", "Side", ("right", "left"), "Which side of the page the engagement stands on"
        )
        form.addRow("Si&de", self.zone)
        self.element = b.line(
            "element_id",
            "Page element id",
            "The id of the page element it goes into, e.g. promo-slot",
        )
        form.addRow("Page &element id", self.element)
        self.content = b.line("content_url", "Content link", "The link a content engagement opens")
        form.addRow("Content &link", self.content)
        auto = QGroupBox("Automatic messages")
        grid = QGridLayout(auto)
        self.message_widgets: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        for row, (key, label, _) in enumerate(MESSAGES):
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
        b.custom("automatic_messages", auto, self._load_messages, "Automatic messages")
        self.content_list = RecordList(
            "Predefined content", [Column("title", "Title", "text"), Column("text", "Text", "text")]
        )
        b.custom(
            "predefined_content",
            self.content_list,
            self.content_list.set_records,
            "Predefined content",
        )
        self.content_list.edited.connect(
            lambda v: b.commit("predefined_content", v, "Predefined content")
        )
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(form_widget)
        outer.addWidget(auto)
        outer.addWidget(QLabel("Predefined content (answers agents can send with one click)"))
        outer.addWidget(self.content_list)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        QVBoxLayout(self).addWidget(scroll)

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
        for key, _, default in MESSAGES:
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
        self.form.setRowVisible(self.element, e.zone == "embedded")
        self.form.setRowVisible(self.content, e.kind == "content")
        self.form.setRowVisible(self.skill, e.routing == "specific_skill")
        self.form.invalidate()  # hidden rows give their height back
        self.form.parentWidget().updateGeometry()
        self._routing, self._skill, self._zone, self._element = (
            e.routing,
            e.skill_id,
            e.zone,
            e.element_id,
        )

    def problem(self) -> str | None:
        if self._routing == "specific_skill" and self._skill is None:
            return "Routing goes to a specific skill, but none is chosen: pick a skill or route to all skills."
        if self._zone == "embedded" and not self._element.strip():
            return "An embedded engagement needs the id of the page element it goes into: fill in Page element id."
        return None
