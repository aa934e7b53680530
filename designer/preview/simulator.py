"""The visitor simulator: a form to be a visitor, emitting the Visitor it describes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from designer.models import clock as app_clock
from designer.models.vocabulary import MarketingSource
from designer.preview.visitor import AGENT_STATES, CONTROL_GROUP, DEVICES, VISITOR_TYPES, Visitor

FAST_FORWARD_SECONDS = 30


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.replace(";", ",").split(",") if w.strip()]


def _choices(parent: QWidget, name: str, choices: dict[str, str]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    # Long choices must not widen the panel; the open list shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    for value, label in choices.items():
        combo.addItem(label, value)
    return combo


def _spin(parent: QWidget, name: str, unset: str, maximum: int, suffix: str = "") -> QSpinBox:
    """A spin box whose lowest value (-1) means "leave it to the page"."""
    spin = QSpinBox(parent)
    spin.setAccessibleName(name)
    spin.setRange(-1, maximum)
    spin.setValue(-1)
    spin.setSpecialValueText(unset)
    spin.setSuffix(suffix)
    return spin


class VisitorSimulator(QWidget):
    """Every change emits visitor_changed(Visitor) at once."""

    visitor_changed = Signal(object)

    def __init__(self, time_zone: str = "UTC", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        try:
            self.zone = ZoneInfo(time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            self.zone = ZoneInfo("UTC")
        form = QFormLayout(self)
        self._behavior_rows(form)
        self._profile_rows(form)
        self._situation_rows(form)
        reset = QPushButton("Reset the visitor", self)
        reset.clicked.connect(self.reset)
        form.addRow(reset)
        self._connect()

    def _behavior_rows(self, form: QFormLayout) -> None:
        """What the visitor does: time, pages, scrolling, leaving, the cart, errors seen."""
        self.time_on_page = _spin(self, "Time on page", "Real time", 86400, " s")
        forward = QPushButton(f"+{FAST_FORWARD_SECONDS} s", self)
        forward.setAccessibleName(f"Fast-forward {FAST_FORWARD_SECONDS} seconds")
        forward.setToolTip("Fast-forward the visitor's time on the page")
        forward.clicked.connect(self._on_fast_forward)
        row = QHBoxLayout()
        row.addWidget(self.time_on_page, 1)
        row.addWidget(forward)
        form.addRow("Time on page", row)
        self.pages_viewed = _spin(self, "Pages viewed", "As browsed", 999)
        form.addRow("Pages viewed", self.pages_viewed)
        self.scroll_depth = _spin(self, "Scroll depth", "As scrolled", 100, " %")
        form.addRow("Scroll depth", self.scroll_depth)
        self.exit_intent = QCheckBox("About to leave the page", self)
        self.exit_intent.setAccessibleName("Exit intent")
        form.addRow("Exit intent", self.exit_intent)
        self.cart_value = QDoubleSpinBox(self)
        self.cart_value.setAccessibleName("Cart value")
        self.cart_value.setRange(-1, 1_000_000)
        self.cart_value.setValue(-1)
        self.cart_value.setSpecialValueText("No cart")
        form.addRow("Cart value", self.cart_value)
        self.products = self._line("Products in cart", "jacket, scarf", form)
        self.error_message = self._line("Visitor error", "message the page showed", form)
        self.error_code = self._line("Error code", "e.g. 402", form)

    def _profile_rows(self, form: QFormLayout) -> None:
        """Who the visitor is: customer, where they came from, new or returning, device."""
        self.customer_type = self._line("Customer type", "e.g. vip", form)
        self.customer_status = self._line("Customer status", "e.g. gold", form)
        sources = {"": "As the page says"} | {
            s.value: s.value.replace("_", " ") for s in MarketingSource
        }
        self.marketing_source = _choices(self, "Marketing source", sources)
        form.addRow("Marketing source", self.marketing_source)
        self.search_keywords = self._line("Search keywords", "winter jacket", form)
        self.visitor_type = _choices(self, "New or returning", VISITOR_TYPES)
        form.addRow("New or returning", self.visitor_type)
        self.device = _choices(self, "Device", DEVICES)
        form.addRow("Device", self.device)

    def _situation_rows(self, form: QFormLayout) -> None:
        """What the visitor meets: the agents' state, the clock, the control group's draw."""
        self.agent_state = _choices(self, "Agent state", AGENT_STATES)
        form.addRow("Agent state", self.agent_state)
        self.set_clock = QCheckBox("Set the clock", self)
        self.set_clock.setAccessibleName("Set the clock")
        self.clock = QDateTimeEdit(app_clock.now().astimezone().replace(tzinfo=None), self)
        self.clock.setAccessibleName(f"Clock ({self.zone.key})")
        self.clock.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.clock.setCalendarPopup(True)
        self.clock.setEnabled(False)
        form.addRow(f"Clock ({self.zone.key})", self.set_clock)
        form.addRow("", self.clock)
        self.control_group = _choices(self, "Control group", CONTROL_GROUP)
        form.addRow("Control group", self.control_group)

    def _connect(self) -> None:
        """Every field's change emits the visitor it now describes."""
        for spin in (self.time_on_page, self.pages_viewed, self.scroll_depth):
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
            spin.valueChanged.connect(self._on_changed)
        self.cart_value.valueChanged.connect(self._on_changed)
        self.exit_intent.toggled.connect(self._on_changed)
        self.set_clock.toggled.connect(self.clock.setEnabled)
        self.set_clock.toggled.connect(self._on_changed)
        self.clock.dateTimeChanged.connect(self._on_changed)
        for combo in (self.marketing_source, self.visitor_type, self.device, self.agent_state):
            combo.currentIndexChanged.connect(self._on_changed)
        self.control_group.currentIndexChanged.connect(self._on_changed)

    def _line(self, name: str, placeholder: str, form: QFormLayout) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(self._on_changed)
        form.addRow(name, edit)
        return edit

    def visitor(self) -> Visitor:
        def opt(spin: QSpinBox) -> int | None:
            return None if spin.value() < 0 else spin.value()

        clock = None
        if self.set_clock.isChecked():
            local = self.clock.dateTime().toPython()
            clock = datetime(*local.timetuple()[:6], tzinfo=self.zone)
        return Visitor(
            time_on_page=opt(self.time_on_page),
            pages_viewed=opt(self.pages_viewed),
            scroll_depth=opt(self.scroll_depth),
            exit_intent=self.exit_intent.isChecked(),
            cart_value=None if self.cart_value.value() < 0 else self.cart_value.value(),
            products=_words(self.products.text()),
            error_message=self.error_message.text().strip(),
            error_code=self.error_code.text().strip(),
            customer_type=self.customer_type.text().strip(),
            customer_status=self.customer_status.text().strip(),
            marketing_source=self.marketing_source.currentData(),
            search_keywords=_words(self.search_keywords.text()),
            visitor_type=self.visitor_type.currentData(),
            device=self.device.currentData(),
            agent_state=self.agent_state.currentData(),
            clock=clock,
            control_group=self.control_group.currentData(),
        )

    def reset(self) -> None:
        widgets = self.findChildren(QWidget)
        for w in widgets:
            w.blockSignals(True)
        for spin in (self.time_on_page, self.pages_viewed, self.scroll_depth):
            spin.setValue(-1)
        self.cart_value.setValue(-1)
        self.exit_intent.setChecked(False)
        self.set_clock.setChecked(False)
        self.clock.setEnabled(False)
        for edit in self.findChildren(QLineEdit):
            edit.clear()
        for combo in self.findChildren(QComboBox):
            combo.setCurrentIndex(0)
        for w in widgets:
            w.blockSignals(False)
        self._on_changed()

    def _on_fast_forward(self) -> None:
        self.time_on_page.setValue(max(self.time_on_page.value(), 0) + FAST_FORWARD_SECONDS)

    def _on_changed(self) -> None:
        self.visitor_changed.emit(self.visitor())
