"""The publish summary: what writing the site bundle changes in its folder, to confirm first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.bundle.build import Bundle
from designer.bundle.bundle_changes import BundleChanges, bundle_changes


class PublishDialog(QDialog):
    """Shows bundle_changes(folder, bundle); the folder can be changed, Publish confirms."""

    def __init__(
        self, title: str, bundle: Bundle, folder: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publish_dialog")
        self.setWindowTitle("Publish")
        self.setAccessibleName("Publish summary")
        self.bundle = bundle
        self.changes: BundleChanges = bundle_changes(folder, bundle)
        heading = QLabel(title)
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        names = ", ".join(f"“{n}”" for n in bundle.campaigns) or "no campaign"
        self.holds = QLabel(
            f"The site bundle holds every published campaign: {names} "
            f"({bundle.engagements} engagement{'s' * (bundle.engagements != 1)}, "
            f"{len(bundle.files)} files). Check what changes, then publish."
        )
        self.holds.setWordWrap(True)
        self.folder = QLabel()
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setAccessibleName("Folder")
        self.change_folder = QPushButton("Choose another folder…")
        self.change_folder.setAccessibleName("Choose another folder")
        self.change_folder.setToolTip("Write the site bundle to another folder")
        self.change_folder.clicked.connect(self._on_change_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.change_folder)
        self.list = QListWidget()
        self.list.setAccessibleName("What changes")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        buttons = QDialogButtonBox()
        self.publish = buttons.addButton("Publish", QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish.setToolTip("Write the bundle to the folder and record the versions")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(self.holds)
        box.addLayout(row)
        box.addWidget(self.list, 1)
        box.addWidget(buttons)
        self.resize(680, 460)
        self.ask_folder: Callable[[str], str] = self._ask_folder
        self._show()

    def _show(self) -> None:
        self.folder.setText(f"Folder: {self.changes.folder}")
        self.list.clear()
        for line in self.changes.sentences():
            item = QListWidgetItem(line)
            if not line.startswith("•"):  # the headings between the lists
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)

    def _ask_folder(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, "Write the site bundle to a folder", start)

    def _on_change_folder(self) -> None:
        folder = self.ask_folder(self.changes.folder)
        if folder:
            self.changes = bundle_changes(folder, self.bundle)
            self._show()

    def said(self) -> str:
        """What the dialog says, as plain text (tests read it as a designer would)."""
        lines = [self.holds.text(), self.folder.text()]
        lines += [self.list.item(i).text() for i in range(self.list.count())]
        return "\n".join(lines)


def confirm_publish(
    parent: QWidget, title: str, bundle: Bundle, folder: str
) -> BundleChanges | None:
    """The changes the designer confirmed (folder possibly changed), or None on Cancel."""
    dialog = PublishDialog(title, bundle, folder, parent)
    try:
        return dialog.changes if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
