"""Screenshots of the app for its AppStream metainfo, taken off screen on a sample store.

python packaging/screenshots.py OUT  ->  OUT/main-window.png, OUT/wizard-gallery.png
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

SIZE = (1280, 800)


def take(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix="ed-screenshots-"))
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")  # the build's settings, not yours
    from PySide6.QtWidgets import QApplication

    from designer.views.shell.app import make_application
    from designer.views.shell.main_window import MainWindow
    from designer.views.shell.palette import apply_palette
    from designer.views.store.store_files import open_locked

    app = make_application()
    apply_palette(app, "light")
    window = MainWindow(*open_locked(None, scratch / "sample.sqlite"))
    window.setGeometry(0, 0, *SIZE)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def shot(name: str) -> None:
        deadline = time.monotonic() + 1.0  # let the pages finish laying out
        while time.monotonic() < deadline:
            app.processEvents()
        path = out / f"{name}.png"
        if not window.grab().save(str(path)):
            raise SystemExit(f"Could not write {path}.")
        written.append(path)

    shot("main-window")
    window.actions_by_name["add_engagement"].trigger()
    shot("wizard-gallery")
    window.wizard.close()
    window.close()
    QApplication.processEvents()
    return written


if __name__ == "__main__":
    for path in take(Path(sys.argv[1])):
        print(path)
