"""A campaign's published versions: the history, each publish's summary, compare and restore."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.models.campaign import Campaign, CampaignVersion
from designer.models.version_compare import publish_sentences, version_comparison
from designer.models.versions import apply_content, content_of, content_snapshot
from designer.views.editing.edit_session import EditSession, StoreCommand
from designer.views.shell.sentences import TITLE

ID = Qt.ItemDataRole.UserRole


class RestoreVersion(StoreCommand):
    """The campaign's content back to a version's, as one edit; undo puts today's back."""

    def __init__(self, s: Session, version: CampaignVersion) -> None:
        campaign = version.campaign
        text = f"Restore “{campaign.name}” to version {version.number}"
        super().__init__(text, Campaign, campaign.id)
        self.now = content_of(content_snapshot(campaign))
        self.then = copy.deepcopy(content_of(version.snapshot))
        self.notes: list[str] = []  # references the version had that are gone now

    def forward(self, s: Session) -> None:
        self.notes = apply_content(s, self.entity_id, self.then)

    def backward(self, s: Session) -> None:
        self.notes = apply_content(s, self.entity_id, self.now)


class HistoryPanel(QGroupBox):
    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__("History", parent)
        self.session = session
        self.campaign_id: int | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Published versions")
        self.list.setToolTip(
            "Select a version to read its publish summary, compare it with the campaign now "
            "or restore it; select two to compare them"
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMaximumHeight(130)
        self.list.setWordWrap(True)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName("Publish summary")
        self.summary.setPlaceholderText("Select a version to read what its publish changed.")
        self.summary.setMaximumHeight(110)
        self.compare = QPushButton("Compare…")
        self.compare.setAccessibleName("Compare versions")
        self.compare.setToolTip(
            "What changed between the two selected versions, or from the selected one to now"
        )
        self.restore = QPushButton("Restore this version")
        self.restore.setAccessibleName("Restore this version")
        self.restore.setToolTip(
            "Bring the campaign's content back to the selected version (one edit: Ctrl+Z undoes "
            "it); publish again to put it on the site"
        )
        buttons = QVBoxLayout()
        buttons.addWidget(self.compare)
        buttons.addWidget(self.restore)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list)
        left.addWidget(self.summary)
        row = QHBoxLayout(self)
        row.addLayout(left, 1)
        row.addLayout(buttons)
        self.compare.clicked.connect(self._on_compare)
        self.restore.clicked.connect(self._on_restore)
        self.list.itemSelectionChanged.connect(self._on_selection)

    def show_campaign(self, campaign_id: int) -> None:
        self.campaign_id = campaign_id
        self.list.clear()
        with self.session.store.read() as s:
            versions = s.scalars(
                select(CampaignVersion)
                .where(CampaignVersion.campaign_id == campaign_id)
                .order_by(CampaignVersion.number.desc())
            ).all()
            for v in versions:
                item = QListWidgetItem(
                    f"Version {v.number} · {v.published_at:%Y-%m-%d %H:%M} UTC"
                    + (f" · {v.note}" if v.note else "")
                )
                item.setData(ID, v.id)
                item.setToolTip(item.text())
                self.list.addItem(item)
        if not versions:
            self.list.addItem("Not published yet: Publish records version 1 here.")
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._on_selection()

    def selected_ids(self) -> list[int]:
        return [i.data(ID) for i in self.list.selectedItems() if i.data(ID) is not None]

    def _on_selection(self) -> None:
        ids = self.selected_ids()
        self.compare.setEnabled(len(ids) in (1, 2))
        self.restore.setEnabled(len(ids) == 1)
        text = ""
        if len(ids) == 1:
            with self.session.store.read() as s:
                sentences = publish_sentences(s.get(CampaignVersion, ids[0]))
                text = "\n".join(sentences) or (
                    "This version was recorded before publishes kept their summary."
                )
        self.summary.setPlainText(text)

    def compare_text(self, older_id: int, newer_id: int | None = None) -> str:
        """Sentences from one version to another, or (newer_id None) to the campaign now."""
        with self.session.store.read() as s:
            heading, lines = version_comparison(s, older_id, newer_id)
        return "\n".join([heading, *(f"• {line}" for line in lines or ["Nothing changed."])])

    def restore_version(self, version_id: int) -> bool:
        """Push the restore of version_id as one undoable edit; notes shown when refs were lost."""
        with self.session.store.read() as s:
            command = RestoreVersion(s, s.get(CampaignVersion, version_id))
        if not self.session.push(command):
            return False
        if command.notes:
            QMessageBox.information(self, TITLE, "\n".join(command.notes))
        return True

    def _on_restore(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.restore_version(ids[0])

    def _on_compare(self) -> None:
        ids = self.selected_ids()
        if len(ids) not in (1, 2):
            return
        dialog = QDialog(self)
        dialog.setWindowTitle("Compare versions")
        text = QPlainTextEdit(self.compare_text(*ids))
        text.setReadOnly(True)
        text.setAccessibleName("Differences")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        box = QVBoxLayout(dialog)
        box.addWidget(text)
        box.addWidget(buttons)
        dialog.said = text.toPlainText
        dialog.resize(640, 420)
        dialog.exec()
        dialog.deleteLater()
