"""The pages of the main window, each made the first time it is shown (a quick start)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from designer.views.edit_session import EditSession

LIBRARY_KINDS = ("entry_point", "audience", "behavior")


def _factories() -> dict[str, Callable[[EditSession], QWidget]]:
    # Imported here: the account page, libraries and wizard are not needed to show the window.
    from designer.views.account_page import AccountPage
    from designer.views.campaign_page import CampaignPage
    from designer.views.library_pages import LibraryPage
    from designer.views.wizard.engagement_wizard import EngagementWizard

    made: dict[str, Callable[[EditSession], QWidget]] = {
        "campaign": CampaignPage,
        "account": AccountPage,
        "wizard": EngagementWizard,
    }
    for kind in LIBRARY_KINDS:
        made[kind] = lambda session, k=kind: LibraryPage(session, k)
    return made


class Pages(QStackedWidget):
    """`page(name)` makes it when first asked for; `made(name, page)` lets the window wire it."""

    made = Signal(str, QWidget)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pages: dict[str, QWidget] = {}
        self.empty = QLabel("The store has no campaigns yet. Press Ctrl+Shift+N to make one.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName("No campaign")
        self.addWidget(self.empty)

    def page(self, name: str) -> QWidget:
        if name not in self._pages:
            page = _factories()[name](self.session)
            self._pages[name] = page
            self.addWidget(page)
            self.made.emit(name, page)
        return self._pages[name]

    def built(self, name: str) -> QWidget | None:
        return self._pages.get(name)

    def current_name(self) -> str:
        w = self.currentWidget()
        return next((n for n, p in self._pages.items() if p is w), "empty")
