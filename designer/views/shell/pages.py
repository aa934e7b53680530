"""The pages of the main window, each made the first time it is shown (a quick start)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from designer.views.shell.welcome import EmptyPage

if TYPE_CHECKING:
    from designer.views.editing.edit_session import EditSession

LIBRARY_KINDS = ("entry_point", "audience", "behavior")


def _make(name: str, session: EditSession) -> QWidget:
    """The page called name; each module is imported only when its page is first shown."""
    if name == "campaign":
        from designer.views.campaigns.campaign_page import CampaignPage

        return CampaignPage(session)
    if name == "account":
        from designer.views.account.account_page import AccountPage

        return AccountPage(session)
    if name == "wizard":
        from designer.views.wizard.engagement_wizard import EngagementWizard

        return EngagementWizard(session)
    if name == "url_tester":
        from designer.views.libraries.url_tester import UrlTester

        return UrlTester(session)
    if name == "window":  # the engagement window library
        from designer.views.libraries.window_library_page import WindowLibraryPage

        return WindowLibraryPage(session)
    from designer.views.libraries.library_pages import LibraryPage

    return LibraryPage(session, name)


class Pages(QStackedWidget):
    """`page(name)` makes it when first asked for; `made(name, page)` lets the window wire it."""

    made = Signal(str, QWidget)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._pages: dict[str, QWidget] = {}
        self.empty = EmptyPage()
        self.addWidget(self.empty)

    def page(self, name: str) -> QWidget:
        if name not in self._pages:
            page = _make(name, self.session)
            self._pages[name] = page
            self.addWidget(page)
            self.made.emit(name, page)
        return self._pages[name]

    def current_name(self) -> str:
        w = self.currentWidget()
        return next((n for n, p in self._pages.items() if p is w), "empty")
