"""Starting the app: the QApplication, the main window, then the store (with its lock).

The window shows first, with an empty tree and "Opening …"; the store opens after its
first paint (MainWindow.open_later), so start-up waits for Qt, not for the store's ORM.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from designer.models.store_target import default_store_path

if TYPE_CHECKING:
    from designer.views.shell.main_window import MainWindow


def make_application() -> QApplication:
    from designer.preview.scheme import register_scheme

    register_scheme()  # the preview's URL scheme must exist before the QApplication
    if QApplication.instance() is None:  # Qt takes the policy only before the app exists
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough  # crisp at 125 % and 150 %
        )
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Engagement Designer")
    app.setOrganizationName("EngagementDesigner")
    app.setApplicationDisplayName("Engagement Designer")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("engagement-designer")  # Wayland docks find the entry's icon
    app.aboutToQuit.connect(release_clipboard)
    return app


def app_icon() -> QIcon:
    """The app's icon, drawn once as SVG in resources/icons (Qt renders every size)."""
    icons = resources.files("designer.resources").joinpath("icons")
    return QIcon(str(icons.joinpath("engagement-designer.svg")))


def release_clipboard() -> None:
    """Clear clipboard data we put there while Qt can still free it.

    PySide6 otherwise frees copied elements' QMimeData a second time at
    interpreter exit, and the app ends in a segmentation fault.
    """
    clipboard = QGuiApplication.clipboard()
    # Off screen the clipboard is the app's own; elsewhere only clear what is ours.
    internal = QGuiApplication.platformName() in ("offscreen", "minimal")
    if clipboard is not None and (internal or clipboard.ownsClipboard()):
        clipboard.clear()


def run_app(store_target: str | None = None) -> int:
    app = make_application()
    from designer.views.shell import crash_sentence
    from designer.views.shell.palette import apply_palette

    crash_sentence.install()
    apply_palette(app, str(QSettings().value("view/theme", "system")))
    window = start_window(store_target or default_store_path())
    code = app.exec()
    # The store could not be opened (and none was chosen instead): exit status 2, as before.
    return code or (2 if window.store is None else 0)


def start_window(target: str | Path) -> MainWindow:
    """The main window, shown; the store at target opens once it has painted."""
    from designer.views.shell.main_window import MainWindow

    window = MainWindow()
    window.open_later(target)
    window.show()
    return window
