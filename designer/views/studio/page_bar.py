"""The studio's page bar: which host page the design is shown on, and in which viewport."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from designer.preview.page_snapshot import SAMPLE_CHOICES, PageChoice
from designer.preview.profiles import PROFILES, ViewportProfile, profile
from designer.views.studio.toolbar_icons import dress_viewport_actions

SHORT = {
    "desktop": "Desktop",
    "tablet": "Tablet",
    "phone": "Phone",
    "phone-no-meta": "Phone, no meta",
}
LOCAL_FILE, WEB_ADDRESS = "Local file…", "Web address…"


class StatusLabel(QLabel):
    """The bar's last word on the page: it takes the room left and is elided to fit, so it
    never pushes the bar's commands into the "»" menu. The whole text is its tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(0)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(40, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.width()
        )
        painter.drawText(
            self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown
        )


class PageBar(QToolBar):
    page_chosen = Signal(object)  # a PageChoice
    profile_chosen = Signal(object)  # a ViewportProfile

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Page", parent)
        self.setAccessibleName("Page and viewport")
        self.pages = QComboBox()
        self.pages.setAccessibleName("Host page")
        self.pages.setToolTip("The page the engagement is shown on")
        self.choices: list[PageChoice] = list(SAMPLE_CHOICES)
        self._current = 0
        self.pages.addItems([c.label for c in self.choices] + [LOCAL_FILE, WEB_ADDRESS])
        self.pages.activated.connect(self._on_page_activated)
        self.addWidget(QLabel(" Page "))
        self.addWidget(self.pages)
        self.addSeparator()
        self.viewports = QActionGroup(self)
        self.viewport_actions: dict[str, QAction] = {}
        for p in PROFILES:
            action = QAction(SHORT.get(p.key, p.label), self)
            action.setCheckable(True)
            action.setData(p.key)
            action.setToolTip(f"Show the page as on a {p.label}")
            self.viewports.addAction(action)
            self.addAction(action)
            self.viewport_actions[p.key] = action
        self.viewports.triggered.connect(self._on_viewport)
        dress_viewport_actions(self, self.viewport_actions)
        self.addSeparator()
        self.status = StatusLabel()
        self.status.setAccessibleName("Page status")
        self.addWidget(self.status)

    def _on_viewport(self, action: QAction) -> None:
        self.profile_chosen.emit(profile(action.data()))

    def show_choice(self, choice: PageChoice, profile: ViewportProfile) -> None:
        if choice not in self.choices:
            self.choices.append(choice)
            self.pages.insertItem(len(self.choices) - 1, choice.label)
        self._current = self.choices.index(choice)
        self.pages.setCurrentIndex(self._current)
        self.viewport_actions[profile.key].setChecked(True)

    def _on_page_activated(self, index: int) -> None:
        if index < len(self.choices):
            self.page_chosen.emit(self.choices[index])
            return
        choice = self._ask(self.pages.itemText(index))
        if choice is None:  # cancelled: back to the page shown
            self.pages.setCurrentIndex(self._current)
            return
        self.page_chosen.emit(choice)

    def _ask(self, what: str) -> PageChoice | None:
        if what == LOCAL_FILE:
            name, _ = QFileDialog.getOpenFileName(
                self, "Show the engagement on a page", "", "Web pages (*.html *.htm)"
            )
            return PageChoice("file", str(Path(name))) if name else None
        address, ok = QInputDialog.getText(self, "Show the engagement on a page", "Web address:")
        address = address.strip()
        if not ok or not address:
            return None
        if "://" not in address:
            address = "https://" + address
        return PageChoice("url", address)
