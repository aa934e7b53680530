"""A progress dialog for building and writing a bundle: the label follows the engagement, Cancel stops."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


@dataclass
class BundleProgress:
    dialog: QProgressDialog

    def progress(self, done: int, total: int, what: str) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(what)
        QApplication.processEvents()  # paints the bar and lets Cancel be pressed

    def cancelled(self) -> bool:
        return self.dialog.wasCanceled()


@contextmanager
def bundle_progress(parent: QWidget, title: str, label: str) -> Iterator[BundleProgress]:
    """with bundle_progress(w, "Publish", "Building…") as p: export(..., p.progress, p.cancelled)"""
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setObjectName("bundle_progress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAccessibleName(f"{title} progress")
    try:
        yield BundleProgress(dialog)
    finally:
        dialog.close()
        dialog.deleteLater()
