"""The app ends cleanly after the designer copied elements to the clipboard."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication
from designer.views.shell.app import make_application
from designer.views.studio.studio_actions import ELEMENTS_MIME

app = make_application()
mime = QMimeData()
mime.setData(ELEMENTS_MIME, b"[]")
QGuiApplication.clipboard().setMimeData(mime)
QTimer.singleShot(0, app.quit)
app.exec()
print("quit")
"""


def test_quitting_after_a_copy_does_not_crash() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "quit"
