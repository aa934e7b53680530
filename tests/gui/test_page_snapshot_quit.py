"""The studio's page pictures are made in a browser that is shown but never on the screen;
closing the designer's last window must still end the app (it stayed running, windowless)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

APP = textwrap.dedent(
    """
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWebEngineCore import QWebEngineProfile  # noqa: F401 - before the application
    from PySide6.QtWidgets import QApplication, QMainWindow
    from designer.preview.page_snapshot import SAMPLE_CHOICES, shared_snapshots
    from designer.preview.profiles import DESKTOP
    from designer.preview.scheme import register_scheme

    register_scheme()  # as the app does, before its QApplication
    app = QApplication([])
    window = QMainWindow()
    window.show()
    snapshots = shared_snapshots()
    snapshots.ready.connect(lambda shot: (print("picture made", flush=True), window.close()))
    snapshots.failed.connect(lambda job, why: (print("failed:", why, flush=True), os._exit(4)))
    snapshots.request(SAMPLE_CHOICES[0], DESKTOP)
    QTimer.singleShot(60_000, lambda: (print("still running", flush=True), os._exit(3)))
    app.exec()  # returns once the last window the designer sees is closed
    print("quit", flush=True)
    """
)


def test_closing_the_last_window_ends_the_app_after_a_page_picture_was_made(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", APP], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.stdout.splitlines() == ["picture made", "quit"], done.stdout + done.stderr
    assert done.returncode == 0
