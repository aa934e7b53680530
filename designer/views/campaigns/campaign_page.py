"""The campaign page: goal, audience, time frame, priority, control group, status, publish."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from designer.models import clock
from designer.models.campaign import Campaign
from designer.models.engagement import Engagement
from designer.models.errors import StoreUnreachable
from designer.models.libraries import TargetAudience
from designer.models.schedule import time_frame_problem
from designer.models.settings import CAMPAIGN_SETTINGS
from designer.models.versions import site_state
from designer.models.vocabulary import PRIORITY_WEIGHT, CampaignStatus, HoursMode, Priority
from designer.views.account.week_calendar import ShiftEditor
from designer.views.editing.edit_session import EditSession, SetFields
from designer.views.forms.field_binder import FieldBinder
from designer.views.forms.record_list import Column, RecordList
from designer.views.publishing.history_panel import HistoryPanel

# The out-of-date sentence stands out; an up-to-date one reads as plain text.
BEHIND_STYLE = "background: #fef3c7; color: #78350f; border-left: 4px solid #b45309; padding: 6px;"
OCCASION_COLUMNS = [
    Column("name", "Occasion", "text"),
    Column("date", "Date", "date"),
    Column("closed", "Closed all day", "bool"),
    Column("start", "From", "time"),
    Column("end", "Until", "time", "17:00"),
]


class CampaignPage(QScrollArea):
    """Edits one campaign; `publish_requested` and `add_engagement_requested` carry its id."""

    publish_requested = Signal(int)
    add_engagement_requested = Signal(int)
    preview_requested = Signal(int)
    # What Enable/Disable would do now, e.g. "Disable engagement “Cart toaster”".
    toggle_changed = Signal(str)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.campaign_id: int | None = None
        self.engagement_id: int | None = None  # selected in the tree: Enable/Disable act on it
        self.bind = FieldBinder(session, Campaign, self)
        self.setWidgetResizable(True)
        self.setAccessibleName("Campaign")
        body = QWidget()
        page = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setObjectName("page_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        page.addWidget(self.title)
        self.site = QLabel()
        self.site.setObjectName("site_state")
        self.site.setAccessibleName("Site bundle state")
        self.site.setWordWrap(True)
        page.addWidget(self.site)
        row = self._actions()
        page.addWidget(self.status)  # its own line: the buttons' row stays narrow
        page.addLayout(row)
        page.addWidget(self._basics())
        page.addWidget(self._time_frame())
        self.history = HistoryPanel(session)
        page.addWidget(self.history)
        page.addStretch(1)
        self.setWidget(body)
        session.changed.connect(self._on_changed)

    def _actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setAccessibleName("Status")
        # Their text names what they act on: the engagement selected in the tree, or the campaign.
        self.enable = QPushButton("Enable")
        self.disable = QPushButton("Disable")
        self.add_engagement = QPushButton("Add engagement…")
        self.add_engagement.setToolTip(
            "Make a new engagement in this campaign with the wizard (Ctrl+E)"
        )
        self.preview = QPushButton("Preview")
        self.preview.setToolTip("Show the campaign in the live preview (F5)")
        self.publish = QPushButton("Publish…")
        self.publish.setToolTip(
            "Check the campaign, then write the site's whole bundle and record a version (Ctrl+P)"
        )
        self.status.setWordWrap(True)
        for b in (self.enable, self.disable, self.add_engagement, self.preview, self.publish):
            b.setAccessibleName(b.text().rstrip("…"))
            row.addWidget(b)
        self.enable.clicked.connect(lambda: self._toggle(True))
        self.disable.clicked.connect(lambda: self._toggle(False))
        self.publish.clicked.connect(lambda: self.publish_requested.emit(self.campaign_id))
        self.add_engagement.clicked.connect(
            lambda: self.add_engagement_requested.emit(self.campaign_id)
        )
        self.preview.clicked.connect(lambda: self.preview_requested.emit(self.campaign_id))
        row.addStretch(1)
        return row

    def _basics(self) -> QGroupBox:
        box = QGroupBox("Campaign")
        form = QFormLayout(box)
        b = self.bind
        name = b.setting(CAMPAIGN_SETTINGS["name"])
        b.checks["name"] = self._name_problem
        form.addRow("&Name", name)
        form.addRow("&Description", b.setting(CAMPAIGN_SETTINGS["description"]))
        goal = QHBoxLayout()
        goal.addWidget(b.setting(CAMPAIGN_SETTINGS["goal"]))
        goal.addWidget(b.setting(CAMPAIGN_SETTINGS["goal_once_per_visit"]))
        form.addRow("Business goal", goal)
        self.audience = QComboBox()
        b.custom("audience_id", self.audience, self._load_audience, "Target audience")
        self.audience.setToolTip("Who the campaign is for; edit audiences in the library")
        self.audience.activated.connect(
            lambda i: b.commit("audience_id", self.audience.itemData(i), "Target audience")
        )
        form.addRow("Target &audience", self.audience)
        form.addRow(
            "&Priority",
            b.setting(
                CAMPAIGN_SETTINGS["priority"],
                show=lambda p: f"{p.capitalize()} ({PRIORITY_WEIGHT[Priority(p)]}%)",
            ),
        )
        form.addRow("&Control group", b.setting(CAMPAIGN_SETTINGS["control_group_percent"]))
        return box

    def _time_frame(self) -> QGroupBox:
        box = QGroupBox("Time frame")
        form = QFormLayout(box)
        self.dates: dict[str, tuple[QCheckBox, QDateTimeEdit]] = {}
        for field, label in (("starts_at", "Starts"), ("ends_at", "Ends")):
            on, edit = QCheckBox("on"), QDateTimeEdit()  # the row reads "Starts ☑ on <date>"
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setAccessibleName(f"{label} at")
            on.setAccessibleName(f"{label} on a date")
            on.setToolTip(f"Unticked: the campaign has no {label.lower()} date")
            row = QHBoxLayout()
            row.addWidget(on)
            row.addWidget(edit, 1)
            form.addRow(label, row)
            self.bind.custom(field, edit, lambda v, f=field: self._load_date(f, v), f"{label} at")
            form.addRow(self.bind.refusal(field))  # "ends before it starts", beside the field
            self.dates[field] = (on, edit)
            on.toggled.connect(lambda _, f=field: self._on_date_edited(f))
            edit.dateTimeChanged.connect(lambda _, f=field: self._on_date_edited(f))  # as typed
        b = self.bind
        b.checks["starts_at"] = lambda v: time_frame_problem(v, b.value("ends_at"))
        b.checks["ends_at"] = lambda v: time_frame_problem(b.value("starts_at"), v)
        form.addRow("Time &zone", b.setting(CAMPAIGN_SETTINGS["time_zone"]))
        form.addRow("&Hours", b.setting(CAMPAIGN_SETTINGS["hours_mode"]))
        self.all_hours = QLabel(
            "Runs at all hours. Choose Specific hours or Weekly to draw shifts on the week calendar."
        )
        form.addRow(self.all_hours)
        self.shifts = ShiftEditor("Shifts")
        self.bind.custom("shifts", self.shifts, self._load_shifts, "Shifts")
        self.shifts.edited.connect(lambda v: self.bind.commit("shifts", v, "Shifts"))
        form.addRow(self.shifts)
        self.occasions = RecordList("Special occasions", OCCASION_COLUMNS)
        self.bind.custom(
            "special_occasions", self.occasions, self.occasions.set_records, "Special occasions"
        )
        self.occasions.edited.connect(
            lambda v: self.bind.commit("special_occasions", v, "Special occasions")
        )
        form.addRow("Special occasions", self.occasions)
        return box

    def _name_problem(self, name: str) -> str | None:
        if not name:
            return "A campaign needs a name; the old name was kept."
        try:
            with self.session.store.read() as s:
                taken = s.scalar(
                    select(Campaign.id).where(
                        Campaign.name == name, Campaign.id != self.campaign_id
                    )
                )
        except StoreUnreachable:  # the rename waits with the edit; the store's rule checks it
            return None
        return (
            f"Another campaign is already called “{name}”; choose another name." if taken else None
        )

    def _load_date(self, field: str, value: datetime | None) -> None:
        on, edit = self.dates[field]
        with QSignalBlocker(on), QSignalBlocker(edit):
            on.setChecked(value is not None)
            edit.setEnabled(value is not None)
            edit.setDateTime(QDateTime(value or clock.now().astimezone().replace(tzinfo=None)))

    def _on_date_edited(self, field: str, retry: bool = True) -> None:
        on, edit = self.dates[field]
        edit.setEnabled(on.isChecked())
        value = (
            edit.dateTime().toPython().replace(second=0, microsecond=0) if on.isChecked() else None
        )
        other = "ends_at" if field == "starts_at" else "starts_at"
        refused = retry and not self.bind.refusal(other).isHidden()
        pending = self.dates[other][1].dateTime() if refused else None  # the reload drops it
        self.bind.commit(field, value, "Time frame")
        if pending is not None:  # the other date was refused against this one: try it again
            with QSignalBlocker(self.dates[other][0]), QSignalBlocker(self.dates[other][1]):
                self.dates[other][0].setChecked(True)
                self.dates[other][1].setDateTime(pending)
            self._on_date_edited(other, retry=False)

    def _load_shifts(self, shifts: list) -> None:
        mode = self.bind.widget_for("hours_mode").currentData()
        self.all_hours.setVisible(mode == HoursMode.ALL_HOURS)
        self.shifts.setVisible(mode != HoursMode.ALL_HOURS)
        self.shifts.set_shifts(shifts, mode == HoursMode.SPECIFIC_HOURS)

    def _load_audience(self, audience_id: int | None) -> None:
        self.audience.clear()
        self.audience.addItem("Every visitor (no audience)", None)
        with self.session.store.read() as s:
            for a in s.scalars(select(TargetAudience).order_by(TargetAudience.name)):
                self.audience.addItem(a.name, a.id)
        self.audience.setCurrentIndex(max(0, self.audience.findData(audience_id)))

    def show_campaign(self, campaign_id: int, engagement_id: int | None = None) -> None:
        self.campaign_id, self.engagement_id = campaign_id, engagement_id
        self.reload()

    def reload(self) -> None:
        if self.campaign_id is None:
            return
        with self.session.store.read() as s:
            c = s.get(Campaign, self.campaign_id)
            if c is None:
                self.campaign_id = None
                return
            self.title.setText(c.name)
            n = len(c.engagements)
            self.status.setText(f"Status: {c.status} · {n} engagement{'s' * (n != 1)}")
            behind, sentence = site_state(s, c)
            self.site.setText(sentence)
            self.site.setStyleSheet(BEHIND_STYLE if behind else "")
            self._show_toggle(c)
            # hours_mode loads before shifts so the calendar knows its mode
            self.bind.load(c)
            self._load_shifts(c.shifts)
        self.history.show_campaign(self.campaign_id)

    def _toggle_target(self, c: Campaign) -> tuple[str, str, bool]:
        """(entity, name, on now) of what Enable/Disable act on."""
        e = next((e for e in c.engagements if e.id == self.engagement_id), None)
        if e is not None:
            return "engagement", e.name, e.enabled
        return "campaign", c.name, c.status != CampaignStatus.DISABLED

    def _show_toggle(self, c: Campaign) -> None:
        entity, name, on = self._toggle_target(c)
        for button, verb, visible in (
            (self.enable, "Enable", not on),
            (self.disable, "Disable", on),
        ):
            button.setText(f"{verb} {entity} “{name}”")
            button.setAccessibleName(f"{verb} {entity}")
            button.setVisible(visible)
        self.enable.setToolTip(
            "Let the engagement show again"
            if entity == "engagement"
            else "Let the campaign's engagements show again (as a draft until published)"
        )
        self.disable.setToolTip(
            "Keep the engagement but stop it from showing"
            if entity == "engagement"
            else "Stop every engagement of the campaign from showing"
        )
        self.toggle_changed.emit(self.toggle_text())

    def _toggle_button(self) -> QPushButton:
        return self.enable if self.enable.isVisibleTo(self) else self.disable

    def toggle_text(self) -> str:
        """What Enable/Disable does now, e.g. "Disable campaign “Winter sale”"."""
        return self._toggle_button().text()

    def toggle(self) -> None:
        """Enable or disable what is selected, whichever it is not now."""
        if self.campaign_id is not None:
            self._toggle_button().click()

    def _toggle(self, on: bool) -> None:
        with self.session.store.read() as s:
            c = s.get(Campaign, self.campaign_id)
            if c is None:
                return
            entity, name, _ = self._toggle_target(c)
            old = c.status if entity == "campaign" else True
        text = f"{'Enable' if on else 'Disable'} {entity} “{name}”"
        if entity == "engagement":
            command = SetFields(
                Engagement, self.engagement_id, text, {"enabled": not on}, {"enabled": on}
            )
        else:
            status = CampaignStatus.DRAFT if on else CampaignStatus.DISABLED
            command = SetFields(
                Campaign, self.campaign_id, text, {"status": old}, {"status": status}
            )
        self.session.push(command)

    def _on_changed(self, entity: str, entity_id: int) -> None:
        if self.campaign_id is not None and entity in ("campaign", "engagement", "audience"):
            self.reload()
