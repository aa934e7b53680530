"""The preview's web page: console to logging, and windows the page opens, reported by mode."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

log = logging.getLogger("designer.preview.console")

_LEVELS = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: logging.INFO,
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: logging.WARNING,
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: logging.ERROR,
}
TAB, WINDOW = "tab", "window"


class PreviewPage(QWebEnginePage):
    """A host page in the preview.

    window_opened(mode, page): the page opened a new tab ("tab") or a separate
    window ("window"); page is the new QWebEnginePage, kept alive by this one.
    """

    window_opened = Signal(str, QWebEnginePage)

    def __init__(self, profile: QWebEngineProfile, parent=None) -> None:  # noqa: ANN001 - QObject
        super().__init__(profile, parent)
        self.opened: list[tuple[str, QWebEnginePage]] = []

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: ANN001, N802 - Qt override
        log.log(_LEVELS.get(level, logging.INFO), "%s (%s:%d)", message, source, line)

    def createWindow(self, kind):  # noqa: ANN001, N802 - Qt override
        page_kind = QWebEnginePage.WebWindowType
        mode = (
            TAB if kind in (page_kind.WebBrowserTab, page_kind.WebBrowserBackgroundTab) else WINDOW
        )
        page = PreviewPage(self.profile(), self)
        self.opened.append((mode, page))
        self.window_opened.emit(mode, page)
        return page
