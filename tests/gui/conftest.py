"""GUI fixtures: a main-window factory that closes its windows and fails on leaked ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from tests.gui.app_driver import ANSWERING


@pytest.fixture(scope="session", autouse=True)
def _release_clipboard_at_exit():
    """Tests never quit the app, so do what quitting does with the clipboard (see release_clipboard)."""
    yield
    if QApplication.instance() is not None:
        from designer.views.shell.app import release_clipboard

        release_clipboard()


@pytest.fixture
def isolated_settings(qapp, tmp_path: Path):
    """QSettings (geometry, recent stores, theme) kept in the test's own folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    names = qapp.organizationName(), qapp.applicationName()
    qapp.setOrganizationName("EngagementDesignerTests")
    qapp.setApplicationName("Engagement Designer")
    yield tmp_path / "settings"
    qapp.setOrganizationName(names[0])
    qapp.setApplicationName(names[1])


@pytest.fixture
def main_window(qtbot, isolated_settings):
    """make(path, seed=True) -> a shown MainWindow on the store at path (taking its lock)."""
    from designer.views.shell.main_window import MainWindow
    from designer.views.store.store_files import open_locked

    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    made: list = []
    unexpected: list[str] = []

    def close_unexpected_dialog() -> None:
        """A modal dialog no test answers would hang the suite: close it and fail the test."""
        box = QApplication.activeModalWidget()
        if box is not None and not ANSWERING[0] and not isinstance(box, QProgressDialog):
            unexpected.append(box.text() if isinstance(box, QMessageBox) else type(box).__name__)
            box.close()

    watchdog = QTimer()
    watchdog.setInterval(500)
    watchdog.timeout.connect(close_unexpected_dialog)
    watchdog.start()

    def make(path: Path, seed: bool = True) -> MainWindow:
        opened = open_locked(None, path, seed)
        assert opened is not None, f"{path} did not open"
        window = MainWindow(*opened)
        made.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    watchdog.stop()
    for window in made:
        if window.session is not None:
            window.close()
    QApplication.processEvents()
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible()
        and id(w) not in before
        and w not in made
        # the studio's offscreen page renderer is shown but never on the screen
        and not w.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    ]
    for w in leaked:
        w.close()
    assert not leaked, f"top-level widgets left open: {[type(w).__name__ for w in leaked]}"
    assert not unexpected, f"dialogs no test answered: {unexpected}"
