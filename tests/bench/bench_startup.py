"""Startup: process start to the main window shown, against a bare PySide6 window.

Each run is a fresh Python process (offscreen), timed from just before the
spawn until the window's first paint, read on the system's monotonic clock in
both processes. The app starts as `engagement-designer --store S` does
(designer.cli.main) on a sample store; the bare run makes a QApplication and an
empty QMainWindow. Runs alternate, so both see the same load, and the ratio of
their medians is the figure (goal: at most 3x). Bytecode is cached by a first,
unmeasured run of each, as it is for an installed app.

The app's child also reports what it imported by the first paint, so a heavy
module that slipped into start-up (Alembic, Jinja2, Pillow, the bundle builder,
QtWebEngine's widgets, the forecast) is named here.
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

RUNS = 9
GOAL = 3.0
# Reports the first paint of the first QMainWindow shown, then quits. QApplication.exec is
# wrapped before the app runs so the app's own start-up path is timed unchanged.
FIRST_PAINT = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow) and not hasattr(self, "at"):
            self.at = time.monotonic()
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(f"SHOWN {self.at:.6f} {' '.join(sorted(sys.modules))}", flush=True)
        QApplication.instance().quit()

first = FirstPaint()
_exec = QApplication.exec

def exec_watched(*_):
    QApplication.instance().installEventFilter(first)
    return _exec()

QApplication.exec = staticmethod(exec_watched)
"""
APP = (
    FIRST_PAINT
    + r"""
from designer.cli import main
sys.exit(main(["--store", sys.argv[1]]))
"""
)
BARE = (
    FIRST_PAINT
    + r"""
app = QApplication(sys.argv)
window = QMainWindow()
window.show()
sys.exit(app.exec())
"""
)
# Imported by the first paint, these would mean start-up does more than the window needs.
HEAVY = (
    "alembic",
    "jinja2",
    "PIL",
    "jsonschema",
    "calmjs",
    "psycopg",
    "keyring",
    "qtawesome",
    "PySide6.QtWebEngineWidgets",
    "designer.bundle.build",
    "designer.bundle.export",
    "designer.models.forecast_model",
    "designer.preview.browser",
    "designer.preview.panel",
)


def _sample_store(folder: Path) -> Path:
    from designer.models.store import Store

    path = folder / "sample.sqlite"
    Store.open(path).close()
    return path


def _shown_after(code: str, args: list[str], root: Path, env: dict) -> tuple[float, set[str]]:
    """Seconds from spawn to the first paint, and the modules imported by then."""
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next((t for t in out.stdout.splitlines() if t.startswith("SHOWN ")), None)
    if line is None:
        print(out.stdout, out.stderr)
        raise SystemExit("the window did not show")
    at, *modules = line.split()[1:]
    return float(at) - started, set(modules)


def main() -> None:
    root = Path(__file__).resolve().parents[2]
    folder = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
    )
    # An installed app starts from cached bytecode: let the children write it, and warm up.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        store = _sample_store(folder)
        _shown_after(BARE, [], root, env)
        _shown_after(APP, [str(store)], root, env)
        app_times, bare_times, modules = [], [], set()
        for _ in range(RUNS):
            bare, _ = _shown_after(BARE, [], root, env)
            app, modules = _shown_after(APP, [str(store)], root, env)
            bare_times.append(bare)
            app_times.append(app)
        app_med, bare_med = statistics.median(app_times), statistics.median(bare_times)
        print(f"process start to main window shown, medians of {RUNS} alternating runs:")
        print(
            f"  the app            {app_med:.3f} s (min {min(app_times):.3f}, max {max(app_times):.3f})"
        )
        print(
            f"  a bare PySide6 one {bare_med:.3f} s (min {min(bare_times):.3f}, max {max(bare_times):.3f})"
        )
        print(f"  ratio {app_med / bare_med:.2f}x (goal at most {GOAL:.0f}x)")
        heavy = sorted(h for h in HEAVY if h in modules)
        ours = sum(m.startswith("designer.") for m in modules)
        print(f"  imported by the first paint: {len(modules)} modules, {ours} of them designer's")
        print(f"  heavy modules among them: {', '.join(heavy) or 'none'}")
        print(f"  load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
