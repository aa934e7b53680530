"""The decision panel: for every engagement, whether it shows and why not, in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

STATE_WORDS = {"online": "agents online", "offline": "agents offline", "busy": "agents busy"}


def decision_words(decision: dict[str, Any]) -> str:
    """One decision of `EngagementTag.decisions()` as a sentence a designer reads."""
    name = decision.get("name", "")
    if decision.get("shows"):
        state = STATE_WORDS.get(decision.get("state") or "", "")
        zone = str(decision.get("zone") or "")
        where = (
            f"in the page element #{zone.split(':', 1)[1]}"
            if zone.startswith("embedded:")
            else f"in the {zone} zone"
        )
        return f"✓ {name}: shows {where}" + (f", {state} design." if state else ".")
    reason = decision.get("reason") or "It does not show."
    return f"✗ {name}: {reason}"


class DecisionList(QWidget):
    """Shows the runtime's decisions; `show_decisions` replaces them when they changed.

    With several viewports, `viewport` picks whose decisions are shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("Decisions", self)
        self.viewport = QComboBox(self)
        self.viewport.setAccessibleName("Decisions of which viewport")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Decisions: which engagements show and why")
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.viewport)
        layout.addWidget(self.list, 1)
        self.decisions: list[dict[str, Any]] = []

    def set_viewports(self, labels: list[str]) -> None:
        """The viewports to choose from (the chooser hides when there is one)."""
        self.viewport.blockSignals(True)
        self.viewport.clear()
        self.viewport.addItems(labels)
        self.viewport.blockSignals(False)
        self.viewport.setVisible(len(labels) > 1)

    def show_decisions(self, decisions: list[dict[str, Any]], where: str = "") -> None:
        if where:
            self.heading.setText(f"Decisions for {where}")
        if decisions == self.decisions:
            return
        self.decisions = decisions
        self.list.clear()
        if not decisions:
            self.list.addItem("The previewed campaigns have no engagements yet.")
        for d in decisions:
            item = QListWidgetItem(decision_words(d))
            item.setToolTip(item.text())
            self.list.addItem(item)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]
