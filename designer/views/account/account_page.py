"""Account settings: store-wide choices, skills, the shift scheduler and holidays."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.models.account import AccountSettings, Holiday, Skill, WorkingShift
from designer.models.currencies import currencies, currency_code, currency_label, currency_problem
from designer.models.engagement import Engagement
from designer.models.row_snapshots import unique_name
from designer.models.settings import ACCOUNT_SETTINGS
from designer.models.vocabulary import EngagementKind
from designer.views.account.week_calendar import ShiftEditor
from designer.views.editing.commands import create_row, delete_row
from designer.views.editing.edit_session import EditSession, SetFields, WriteValue
from designer.views.forms.field_binder import FieldBinder, words
from designer.views.forms.record_list import Column, RecordList
from designer.views.shell.sentences import confirm

ALL_SKILLS = None


def _days(n: int) -> str:
    return "same session only" if n == 0 else f"{n} day{'s' * (n != 1)}"


def _displays(n: int | None) -> str:
    return "Unlimited" if n is None else str(n)


def replace_schedule(skill_id: int | None, old: dict, new: dict, text: str) -> WriteValue:
    """Shifts and holidays of one skill (None: all skills) replaced as a whole, undoably."""

    def write(s: Session, value: dict) -> None:
        for model, key in ((WorkingShift, "shifts"), (Holiday, "holidays")):
            if key not in value:
                continue
            for row in s.scalars(select(model).where(model.skill_id.is_(skill_id))):
                s.delete(row)
            s.flush()
            for item in value[key]:
                if model is WorkingShift:
                    s.add(
                        WorkingShift(
                            skill_id=skill_id,
                            weekday=item["weekday"],
                            start_minute=item["start"],
                            end_minute=item["end"],
                        )
                    )
                else:
                    s.add(
                        Holiday(
                            skill_id=skill_id,
                            day=date.fromisoformat(item["day"]),
                            name=item.get("name", ""),
                        )
                    )

    return WriteValue(text, Skill, skill_id or 0, old, new, write)


def read_schedule(s: Session, skill_id: int | None) -> dict:
    shifts = s.scalars(
        select(WorkingShift)
        .where(WorkingShift.skill_id.is_(skill_id))
        .order_by(WorkingShift.weekday, WorkingShift.start_minute)
    )
    holidays = s.scalars(
        select(Holiday).where(Holiday.skill_id.is_(skill_id)).order_by(Holiday.day)
    )
    return {
        "shifts": [
            {"weekday": w.weekday, "start": w.start_minute, "end": w.end_minute} for w in shifts
        ],
        "holidays": [{"day": h.day.isoformat(), "name": h.name} for h in holidays],
    }


class AccountPage(QScrollArea):
    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.bind = FieldBinder(session, AccountSettings, self)
        self.setWidgetResizable(True)
        self.setAccessibleName("Account settings")
        body = QWidget()
        page = QVBoxLayout(body)
        title = QLabel("Account settings")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        page.addWidget(title)
        top = QHBoxLayout()
        top.addWidget(self._settings(), 2)
        top.addWidget(self._skills(), 1)
        page.addLayout(top)
        page.addWidget(self._scheduler())
        page.addStretch(1)
        self.setWidget(body)
        session.changed.connect(self._on_changed)
        self.reload()

    def _settings(self) -> QGroupBox:
        box = QGroupBox("Settings")
        form = QFormLayout(box)
        self._general(form)
        self._conversions(form)
        self._proactive(form)
        form.addRow("&Time zone", self._setting("time_zone"))
        form.addRow("Conversion co&llector", self._setting("collector_url"))
        return box

    def _setting(self, name: str, show: Callable[[Any], str] = words) -> QWidget:
        return self.bind.setting(ACCOUNT_SETTINGS[name], show)

    def _general(self, form: QFormLayout) -> None:
        """The account's name, how long idle conversations stay open, its currency."""
        form.addRow("Account &name", self._setting("account_name"))
        form.addRow("&Idle time", self._setting("idle_time_days"))
        form.addRow("&Currency", self._currency())
        form.addRow(self.bind.refusal("currency"))

    def _conversions(self, form: QFormLayout) -> None:
        """How conversions are credited, and who is held out to measure them."""
        form.addRow("Cross-&session period", self._setting("cross_session_days", _days))
        form.addRow("&Attribution model", self._setting("attribution_model"))
        form.addRow("Account control &group", self._setting("control_group_percent"))

    def _proactive(self, form: QFormLayout) -> None:
        """How often a visit may be invited, per kind of engagement."""
        for kind in EngagementKind:
            form.addRow(
                f"{kind.capitalize()} displays per visit",
                self._setting(f"{kind}_displays_per_visit", _displays),
            )
            form.addRow("", self._setting(f"{kind}_invite_after_decline"))

    def _currency(self) -> QComboBox:
        """The ISO 4217 currencies to pick from; a code or a name can be typed too."""
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code in currencies():
            combo.addItem(currency_label(code), code)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.bind.custom("currency", combo, self._show_currency, ACCOUNT_SETTINGS["currency"].label)
        self.bind.checks["currency"] = currency_problem
        combo.setToolTip(ACCOUNT_SETTINGS["currency"].description)
        combo.activated.connect(
            lambda i: self.bind.commit("currency", combo.itemData(i), "Currency")
        )
        combo.lineEdit().editingFinished.connect(self._on_currency_typed)
        self.currency = combo
        return combo

    def _show_currency(self, code: str) -> None:
        index = self.currency.findData(code)
        if index >= 0:
            self.currency.setCurrentIndex(index)
        else:  # a store written before the list: shown as it is, and refused if edited
            self.currency.setEditText(code or "")

    def _on_currency_typed(self) -> None:
        typed = self.currency.currentText()
        code = currency_code(typed)
        if code is not None:
            with QSignalBlocker(self.currency):
                self.currency.setCurrentIndex(self.currency.findData(code))
        self.bind.commit("currency", code or typed.strip(), "Currency")

    def _skills(self) -> QGroupBox:
        box = QGroupBox("Skills")
        col = QVBoxLayout(box)
        self.skills = QListWidget()
        self.skills.setAccessibleName("Skills")
        self.skills.setToolTip("Agents' skills; an engagement can route to one of them")
        col.addWidget(self.skills)
        row = QHBoxLayout()
        for text, tip, slot in (
            ("Add…", "Add a skill", self._on_add_skill),
            ("Rename…", "Rename the selected skill", self._on_rename_skill),
            ("Remove", "Remove the selected skill and its shifts", self._on_remove_skill),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
        col.addLayout(row)
        return box

    def _scheduler(self) -> QGroupBox:
        box = QGroupBox("Shift scheduler")
        col = QVBoxLayout(box)
        self.schedule_skill = QComboBox()
        self.schedule_skill.setAccessibleName("Scheduler skill")
        self.schedule_skill.setToolTip("Whose working hours the week grid shows")
        row = QHBoxLayout()
        row.addWidget(QLabel("Working hours of"))
        row.addWidget(self.schedule_skill, 1)
        col.addLayout(row)
        self.shifts = ShiftEditor("Working hours")
        col.addWidget(self.shifts)
        self.holidays = RecordList(
            "Holidays", [Column("day", "Date", "date"), Column("name", "Holiday", "text")]
        )
        col.addWidget(QLabel("Holidays (closed all day)"))
        col.addWidget(self.holidays)
        self.schedule_skill.currentIndexChanged.connect(lambda _: self._load_schedule())
        self.shifts.edited.connect(
            lambda v: self._edit_schedule("shifts", v, "Change working hours")
        )
        self.holidays.edited.connect(
            lambda v: self._edit_schedule("holidays", v, "Change holidays")
        )
        return box

    def reload(self) -> None:
        with self.session.store.read() as s:
            self.bind.load(self.session.store.account(s))
            skills = s.scalars(select(Skill).order_by(Skill.name)).all()
            chosen = self.schedule_skill.currentData()
            self.skills.clear()
            self.schedule_skill.blockSignals(True)
            self.schedule_skill.clear()
            self.schedule_skill.addItem("All skills", ALL_SKILLS)
            for skill in skills:
                item = QListWidgetItem(skill.name)
                item.setData(256, skill.id)
                self.skills.addItem(item)
                self.schedule_skill.addItem(skill.name, skill.id)
            self.schedule_skill.setCurrentIndex(max(0, self.schedule_skill.findData(chosen)))
            self.schedule_skill.blockSignals(False)
        self._load_schedule()

    def _load_schedule(self) -> None:
        with self.session.store.read() as s:
            sched = read_schedule(s, self.schedule_skill.currentData())
        self.shifts.set_shifts(sched["shifts"])
        self.holidays.set_records(sched["holidays"])

    def _edit_schedule(self, key: str, value: list, text: str) -> None:
        skill_id = self.schedule_skill.currentData()
        with self.session.store.read() as s:
            old = read_schedule(s, skill_id)
        self.session.push(replace_schedule(skill_id, {key: old[key]}, {key: value}, text))

    def _selected_skill(self) -> QListWidgetItem | None:
        return self.skills.currentItem()

    def _on_add_skill(self) -> None:
        name, ok = QInputDialog.getText(self, "Add a skill", "Name of the skill:")
        if ok and name.strip():
            with self.session.store.read() as s:
                name = unique_name(s, Skill, name.strip())
            self.session.push(create_row(Skill, f"Add skill {name}", name=name))

    def _on_rename_skill(self) -> None:
        item = self._selected_skill()
        if item is None:
            return
        name, ok = QInputDialog.getText(self, "Rename the skill", "New name:", text=item.text())
        if ok and name.strip() and name.strip() != item.text():
            self.session.push(
                SetFields(
                    Skill,
                    item.data(256),
                    "Rename skill",
                    {"name": item.text()},
                    {"name": name.strip()},
                )
            )

    def _on_remove_skill(self) -> None:
        item = self._selected_skill()
        if item is None:
            return
        with self.session.store.read() as s:
            users = [e.name for e in self._routed(s, item.data(256))]
            command = delete_row(s, Skill, item.data(256), f"Remove skill {item.text()}")
        if users and not confirm(
            self,
            f"{item.text()} is the routing of {len(users)} engagement{'s' * (len(users) != 1)}.",
            "They will need another skill chosen: " + ", ".join(users),
            "Remove",
        ):
            return
        self.session.push(command)

    @staticmethod
    def _routed(s: Session, skill_id: int) -> list:
        return list(s.scalars(select(Engagement).where(Engagement.skill_id == skill_id)))

    def _on_changed(self, entity: str, _id: int) -> None:
        if entity in ("account", "skill"):
            self.reload()
