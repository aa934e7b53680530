"""Help > About names the version pyproject.toml declares, what the app runs on, and the store."""

from __future__ import annotations

import platform
import tomllib
from pathlib import Path

from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


def declared_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def test_about_names_version_qt_webengine_python_and_store(main_window, store_path, qtbot):
    from designer.views.shell.about_dialog import AboutDialog

    window = main_window(store_path)
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AboutDialog):
            QTimer.singleShot(50, read_and_close)
            return
        seen.extend(dialog.lines)
        dialog.copy_details()
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    window.actions_by_name["about"].trigger()
    assert seen[0] == f"Engagement Designer {declared_version()}"
    assert seen[1].startswith(f"Qt {qVersion()} ")
    assert seen[2].startswith("QtWebEngine 6.") and "Chromium" in seen[2]
    assert seen[3] == f"Python {platform.python_version()}"
    assert seen[4] == f"Store: {store_path}"
    assert QApplication.clipboard().text().splitlines() == seen


def test_the_app_has_its_own_icon(qapp):
    from designer.views.shell.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(48, 48).toImage()
    # The accent-coloured tile with a white bubble: both colours are drawn.
    colours = {image.pixelColor(x, y).name() for x in range(0, 48, 3) for y in range(0, 48, 3)}
    assert "#ffffff" in colours
    assert any(c.startswith(("#1", "#2", "#3")) and c[-2:] >= "c0" for c in colours)
