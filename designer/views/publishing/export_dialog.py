"""File > Export…: a bundle to a folder or a .zip, of all published campaigns or chosen ones.

What is written is exactly what `engagement-designer export` writes (the
same export function); the result's folder opens afterwards, and the last
destination is remembered per store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from designer.bundle.errors import BundleError, ExportCancelled
from designer.bundle.export import export
from designer.models.campaign import Campaign
from designer.models.store import Store
from designer.views.publishing.bundle_memory import last_destination, remember_destination
from designer.views.publishing.bundle_progress import bundle_progress
from designer.views.shell.sentences import show_error
from designer.views.studio.text_fit import measure_text


class ExportDialog(QDialog):
    """Asks where and what; `run()` exports and opens the folder. `last_message` says how it went."""

    # How the written folder is shown: the desktop's file browser (tests keep the URL instead).
    open_url = staticmethod(QDesktopServices.openUrl)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.last_message = ""
        self.setObjectName("export_dialog")
        self.setWindowTitle("Export a bundle")
        self.setAccessibleName("Export a bundle")
        kind_row, where = self._destination(last_destination(store, "export"))
        self._campaign_choice()
        self.drafts = QCheckBox("Include &drafts and turned-off engagements (for testing)")
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_export)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Write to", kind_row)
        form.addRow("", where)
        form.addRow("Campaigns", self.all_published)
        form.addRow("", self.chosen)
        form.addRow("", self.campaigns)
        form.addRow("", self.drafts)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)
        self.resize(560, 420)

    def _destination(self, last: str) -> tuple[QHBoxLayout, QHBoxLayout]:
        """A folder or a .zip file, and where: the last export's destination to start with."""
        self.as_folder = QRadioButton("A &folder")
        self.as_zip = QRadioButton("A .&zip file")
        kinds = QButtonGroup(self)
        for b in (self.as_folder, self.as_zip):
            kinds.addButton(b)
        (self.as_zip if last.lower().endswith(".zip") else self.as_folder).setChecked(True)
        self.path = QLineEdit(last)
        self.path.setAccessibleName("Destination")
        self.path.setPlaceholderText("Where to write the bundle")
        browse = QPushButton("Choose…")
        browse.setAccessibleName("Choose the destination")
        browse.clicked.connect(self._on_browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.as_folder)
        kind_row.addWidget(self.as_zip)
        kind_row.addStretch(1)
        return kind_row, where

    def _campaign_choice(self) -> None:
        """Every published campaign, or those ticked in the store's list."""
        self.all_published = QRadioButton("&All published campaigns")
        self.chosen = QRadioButton("&Only the campaigns ticked below")
        which = QButtonGroup(self)
        for b in (self.all_published, self.chosen):
            which.addButton(b)
        self.all_published.setChecked(True)
        self.campaigns = QListWidget()
        self.campaigns.setAccessibleName("Campaigns to export")
        with self.store.read() as s:
            for name, status in s.execute(
                select(Campaign.name, Campaign.status).order_by(Campaign.name)
            ):
                item = QListWidgetItem(f"{name} ({status})")
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.campaigns.addItem(item)
        self.campaigns.setEnabled(False)
        self.chosen.toggled.connect(self.campaigns.setEnabled)

    def chosen_names(self) -> list[str] | None:
        if not self.chosen.isChecked():
            return None
        items = (self.campaigns.item(i) for i in range(self.campaigns.count()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def destination(self) -> str:
        path = self.path.text().strip()
        if path and self.as_zip.isChecked() and not path.lower().endswith(".zip"):
            path += ".zip"
        return path

    def _on_browse(self) -> None:
        start = self.path.text() or str(Path.home())
        if self.as_zip.isChecked():
            path, _ = QFileDialog.getSaveFileName(
                self, "Export the bundle to a .zip file", start, "Zip files (*.zip)"
            )
        else:
            path = QFileDialog.getExistingDirectory(self, "Export the bundle to a folder", start)
        if path:
            self.path.setText(path)

    def _on_export(self) -> None:
        if self.run():
            self.accept()

    def run(self) -> bool:
        """Export as chosen; False (the dialog stays) when it could not, with a sentence."""
        out, names = self.destination(), self.chosen_names()
        if not out:
            return self._tell("Choose where to write the bundle: a folder, or a .zip file.")
        if names == []:
            return self._tell("Tick the campaigns to export, or choose All published campaigns.")
        try:
            with bundle_progress(self, "Export", "Building the bundle…") as p:
                result = export(
                    self.store,
                    names,
                    out,
                    self.drafts.isChecked(),
                    p.progress,
                    p.cancelled,
                    measure_text,
                )
        except ExportCancelled:
            self.last_message = "Export cancelled; nothing was written."
            return False
        except BundleError as e:
            return self._tell(str(e))
        remember_destination(self.store, "export", str(result.out))
        self.last_message = result.in_words()
        folder = result.out if result.out.is_dir() else result.out.parent
        self.open_url(QUrl.fromLocalFile(str(folder)))
        return True

    def _tell(self, sentence: str) -> bool:
        self.last_message = sentence
        show_error(self, sentence)
        return False
