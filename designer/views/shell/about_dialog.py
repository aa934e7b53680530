"""Help > About: the app's version and what it runs on, to quote in a bug report."""

from __future__ import annotations

import platform
import tomllib
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from designer.views.shell.app import app_icon

DISTRIBUTION = "engagement-designer"


def app_version() -> str:
    """The version pyproject.toml declares: from the installed (or frozen) app's metadata,
    or from pyproject.toml itself when the source tree runs uninstalled."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        try:
            return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]
        except (OSError, KeyError, tomllib.TOMLDecodeError):
            return "unknown"


def about_lines(store_place: str) -> list[str]:
    """Version, Qt, QtWebEngine (and its Chromium), Python and the store, one a line."""
    from PySide6.QtWebEngineCore import qWebEngineChromiumVersion, qWebEngineVersion

    return [
        f"Engagement Designer {app_version()}",
        f"Qt {qVersion()} (PySide6 {PySide6.__version__})",
        f"QtWebEngine {qWebEngineVersion()} (Chromium {qWebEngineChromiumVersion()})",
        f"Python {platform.python_version()}",
        f"Store: {store_place}",
    ]


def store_place(store) -> str:  # noqa: ANN001 - a designer.models.store.Store
    """The store file's full path, or the team store's name (never its password)."""
    if store is None:
        return "none is open"
    return str(store.path) if store.path is not None else f"team store {store.label}"


class AboutDialog(QDialog):
    def __init__(self, store_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Engagement Designer")
        self.setObjectName("about_dialog")
        self.setMinimumWidth(380)
        self.lines = about_lines(store_text)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(f"<h2>{self.lines[0]}</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        blurb = QLabel(
            "Draft website messaging campaigns offline, preview them in a real browser "
            "engine and export engagement bundles."
        )
        blurb.setWordWrap(True)
        details = QLabel("\n".join(self.lines[1:]))
        details.setObjectName("about_details")
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.setAccessibleName("Versions and store")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("&Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        copy.setToolTip("Copy the versions and the store's place, to paste in a bug report")
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (icon, title, blurb, details, buttons):
            layout.addWidget(widget)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.lines))


def show_about(window) -> None:  # noqa: ANN001 - the MainWindow
    AboutDialog(store_place(window.store), window).exec()
