"""The status bar's word on the site bundle: out of date after an edit to a published campaign."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from designer.models.versions import deleted_on_site, out_of_date, out_of_date_sentence
from designer.views.editing.edit_session import EditSession
from designer.views.publishing.bundle_memory import last_site

# a campaign's own rows, and the shared rows a version keeps resolved (versions.site_dependencies)
FOLLOWED = ("campaign", "engagement", "audience", "entry_point", "behavior", "window_design")


class BundleState(QLabel):
    """Names the campaigns the site bundle no longer matches; empty when it is up to date."""

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Site bundle")
        self.setToolTip("Publish again (Ctrl+P) to bring the site bundle up to date")
        self.setStyleSheet("color: palette(highlighted-text); background: #b45309; padding: 0 6px;")
        session.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        with self.session.store.read() as s:
            gone = deleted_on_site(s, last_site(self.session.store))
            text = out_of_date_sentence(out_of_date(s), gone)
        self.setText(text)
        self.setVisible(bool(text))

    def _on_changed(self, entity: str, _id: int) -> None:
        if entity in FOLLOWED:
            self.refresh()
