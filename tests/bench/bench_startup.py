"""Startup: time from process start to the main window shown on the sample store.

Each run is a fresh Python process (offscreen), timed from spawn until the
window has painted once; the child reports when the window first
painted, and whether a QtWebEngine module was imported (the preview registers
its URL scheme before the QApplication, which Qt requires; no web view or
profile is made until a preview is shown).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
CHILD = r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from designer.views.shell.app import make_application
from designer.views.store.store_files import open_locked
app = make_application()
t1 = time.perf_counter()
opened = open_locked(None, sys.argv[1])
t2 = time.perf_counter()
from designer.views.shell.main_window import MainWindow
window = MainWindow(*opened)
window.show()
t3 = time.perf_counter()

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "at"):
            self.at = time.perf_counter()
            QTimer.singleShot(0, shown)
        return False

def shown():
    web = any(m.startswith("PySide6.QtWebEngine") for m in sys.modules)
    painted = first.at - t3
    print(f"SHOWN {t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f} {painted:.3f} {int(web)}", flush=True)
    window.close()
    app.quit()

first = FirstPaint()
window.installEventFilter(first)
app.exec()
"""


def _sample_store(folder: Path) -> Path:
    from designer.models.store import Store

    path = folder / "sample.sqlite"
    Store.open(path).close()
    return path


def main() -> None:
    root = Path(__file__).resolve().parents[2]
    folder = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(folder / "config"))
    try:
        store = _sample_store(folder)
        totals, phases, web = [], [], False
        for _ in range(RUNS):
            started = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(store)],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            totals.append(time.perf_counter() - started)
            line = next((t for t in out.stdout.splitlines() if t.startswith("SHOWN")), None)
            if line is None:
                print(out.stdout, out.stderr)
                raise SystemExit("the window did not show")
            parts = line.split()
            phases.append([float(p) for p in parts[1:5]])
            web |= parts[5] == "1"
        med = [statistics.median(p[i] for p in phases) for i in range(4)]
        print(
            f"process start to main window shown, median of {RUNS}: {statistics.median(totals):.3f} s "
            f"(min {min(totals):.3f}, max {max(totals):.3f}; goal < 1.0 s)"
        )
        print(
            f"  Qt and app imports {med[0]:.3f} s · store open {med[1]:.3f} s · "
            f"window built {med[2]:.3f} s · then first paint {med[3]:.3f} s"
        )
        print(f"  a QtWebEngine module imported at startup: {'yes' if web else 'no'}")
        print(f"  load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
