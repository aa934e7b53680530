"""The preview engine: one off-the-record web profile serving one store's preview files.

Made once per window and passed to every preview in it, so the previews share
one QtWebEngine profile, one scheme handler and one in-memory bundle.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings

from designer.bundle.errors import BundleError
from designer.models.errors import StoreError
from designer.models.store import Store
from designer.preview.scheme import PreviewSchemeHandler, scheme_registered
from designer.preview.served_files import SCHEME, PreviewFiles
from designer.preview.store_bundle import preview_bundle

log = logging.getLogger(__name__)


class PreviewEngine(QObject):
    """The store's bundle, rebuilt in memory on `rebuild()`, served to the preview pages."""

    # Emitted after each rebuild; the sentence is empty when the bundle was built.
    rebuilt = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not scheme_registered():
            raise RuntimeError(
                "designer.preview.scheme.register_scheme() must run before the QApplication is made"
            )
        self.store = store
        self.campaign_ids: list[int] | None = None
        self.files = PreviewFiles()
        self.profile = QWebEngineProfile(self)  # off the record: the visitor is new each run
        # As headless Chromium does: the runtime opens the window from its own click handler.
        settings = self.profile.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False)
        self.handler = PreviewSchemeHandler(self.files, self)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self.handler)
        self.problem = ""
        self.rebuild()

    def focus(self, campaign_ids: list[int] | None) -> None:
        """Preview only these campaigns (None: all of the store's)."""
        self.campaign_ids = campaign_ids
        self.rebuild()

    def rebuild(self) -> bool:
        """Build the bundle again from the store; False (and `problem` set) when it cannot be."""
        try:
            self.files.set_bundle(preview_bundle(self.store, self.campaign_ids))
            self.problem = ""
        except (BundleError, StoreError) as e:
            self.problem = f"The preview shows the last good version: {e}"
            log.warning("preview: %s", e)
        self.rebuilt.emit(self.problem)
        return not self.problem
