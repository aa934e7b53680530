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
# wrapped before the app runs so the app's own start-up path is timed unchanged. The app's
# child imports designer.cli first, as the real start does: what is imported after PySide6
# pays for shiboken's import hook, so the order is part of the figure.
FIRST_PAINT = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow) and not hasattr(self, "at"):
            self.at, self.cpu = time.monotonic(), time.process_time()
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(f"SHOWN {self.at:.6f} {self.cpu:.6f} {' '.join(sorted(sys.modules))}", flush=True)
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


def _shown_after(
    code: str, args: list[str], root: Path, env: dict
) -> tuple[float, float, set[str]]:
    """Seconds from spawn to the first paint, the child's CPU seconds by then, its modules."""
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
    at, cpu, *modules = line.split()[1:]
    return float(at) - started, float(cpu), set(modules)


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
        wall: dict[str, list[float]] = {"app": [], "bare": []}
        cpu: dict[str, list[float]] = {"app": [], "bare": []}
        modules: set[str] = set()
        for _ in range(RUNS):
            for name, code, args in (("bare", BARE, []), ("app", APP, [str(store)])):
                seconds, cpu_seconds, modules_now = _shown_after(code, args, root, env)
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
                modules = modules_now if name == "app" else modules
        print(f"process start to main window shown, medians of {RUNS} alternating runs:")
        print("                      wall clock                  CPU time by the first paint")
        for name, label in (("app", "the app"), ("bare", "a bare PySide6 window")):
            w, c = wall[name], cpu[name]
            print(
                f"  {label:22}{statistics.median(w):.3f} s (min {min(w):.3f}, max {max(w):.3f})"
                f"   {statistics.median(c):.3f} s"
            )
        ratio = statistics.median(wall["app"]) / statistics.median(wall["bare"])
        cpu_ratio = statistics.median(cpu["app"]) / statistics.median(cpu["bare"])
        print(f"  ratio {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (goal at most {GOAL:.0f}x)")
        heavy = sorted(h for h in HEAVY if h in modules)
        ours = sum(m.startswith("designer.") for m in modules)
        print(f"  imported by the first paint: {len(modules)} modules, {ours} of them designer's")
        print(f"  heavy modules among them: {', '.join(heavy) or 'none'}")
        print(f"  load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
