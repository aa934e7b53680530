"""Startup: process start to the main window shown and painted, against a bare PySide6 window.

Each run is a fresh Python process (offscreen), timed from just before the spawn until the
main window's first frame is painted, read on the system's monotonic clock in both
processes. "Painted" is the same point for both: the first Paint event a QMainWindow gets
starts the frame; the child reads the clock on the event loop's next turn, once that frame
(the window and every child widget in it) is painted and flushed. The app starts as
`engagement-designer --store S` does (designer.cli.main) on a sample store; the bare run
makes a QApplication and an empty QMainWindow. Runs alternate, so both see the same load,
and the ratio of their medians is the figure (goal: at most 3x). Bytecode is cached by a
first, unmeasured run of each, as it is for an installed app.

The app shows its frame first and opens the store after that first paint, so the bench also
times the app until the store's campaigns are in the tree and painted (the tree's first
paint after MainWindow.store_shown): the work moved after the first paint is measured too.

The app's child also reports what it imported by the first paint, so a heavy module that
slipped into start-up (SQLAlchemy, the store, Alembic, Jinja2, Pillow, the bundle builder,
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
from typing import NamedTuple

RUNS = 9
GOAL = 3.0
# Reports the first paint of the QMainWindow shown (and, for the app, of its tree with the
# store's campaigns), then quits. QApplication.exec is wrapped before the app runs so the
# app's own start-up path is timed unchanged. PySide6 is imported first in both children:
# what is imported after it pays for shiboken's import hook, so the order is part of the figure.
FIRST_PAINT = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def now():
    return f"{time.monotonic():.6f} {time.process_time():.6f}"

class FirstPaint(QObject):
    window = None

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            if obj is self.window:
                QTimer.singleShot(0, self.painted)  # the whole frame is painted by then
            else:  # the tree, with the store's campaigns
                QTimer.singleShot(0, self.filled)
        return False

    def painted(self):
        self.shown = now()
        self.modules = " ".join(sorted(sys.modules))
        store_shown = getattr(self.window, "store_shown", None)
        if store_shown is None:  # the bare window
            self.report("- - 0")
        elif self.window.store is not None:
            raise SystemExit("the store was open before the first paint")
        else:
            store_shown.connect(self.in_tree)

    def in_tree(self):
        self.window.tree.tree.viewport().installEventFilter(self)  # its next paint shows them

    def filled(self):
        self.report(f"{now()} {self.window.tree.campaign_count()}")

    def report(self, filled):
        print(f"SHOWN {self.shown} {filled} {self.modules}", flush=True)
        QApplication.instance().quit()

first = FirstPaint()
_exec = QApplication.exec

def exec_watched(*_):
    # Only the window is watched: a filter on the whole app would slow every event.
    first.window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    first.window.installEventFilter(first)
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
    "sqlalchemy",
    "designer.models.store",
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


class Run(NamedTuple):
    """One start: seconds from spawn to the first frame painted, the child's CPU seconds by
    then, its modules; and (the app only) the same two figures when the store's campaigns
    are painted in the tree, with how many there are."""

    shown: float
    cpu: float
    modules: set[str]
    filled: float | None
    filled_cpu: float | None
    campaigns: int


def _start(code: str, args: list[str], root: Path, env: dict) -> Run:
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
    at, cpu, filled, filled_cpu, campaigns, *modules = line.split()[1:]
    return Run(
        float(at) - started,
        float(cpu),
        set(modules),
        None if filled == "-" else float(filled) - started,
        None if filled_cpu == "-" else float(filled_cpu),
        int(campaigns),
    )


def _line(label: str, wall: list[float], cpu: list[float]) -> str:
    return (
        f"  {label:40}{statistics.median(wall):.3f} s (min {min(wall):.3f}, max {max(wall):.3f})"
        f"   {statistics.median(cpu):.3f} s"
    )


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
        _start(BARE, [], root, env)
        _start(APP, [str(store)], root, env)
        runs: dict[str, list[Run]] = {"app": [], "bare": []}
        for _ in range(RUNS):
            for name, code, args in (("bare", BARE, []), ("app", APP, [str(store)])):
                runs[name].append(_start(code, args, root, env))
        app, bare = runs["app"], runs["bare"]
        if any(r.campaigns == 0 for r in app):
            raise SystemExit("the sample store's campaigns did not reach the tree")
        print(
            f"process start to main window shown and painted, medians of {RUNS} alternating runs:"
        )
        print(f"  {'':40}wall clock                     CPU time by then")
        print(_line("the app", [r.shown for r in app], [r.cpu for r in app]))
        print(_line("a bare PySide6 window", [r.shown for r in bare], [r.cpu for r in bare]))
        ratio = statistics.median(r.shown for r in app) / statistics.median(r.shown for r in bare)
        cpu_ratio = statistics.median(r.cpu for r in app) / statistics.median(r.cpu for r in bare)
        print(f"  ratio {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU (goal at most {GOAL:.0f}x)")
        print(
            _line(
                f"the app, its {app[0].campaigns} campaigns in the tree",
                [r.filled for r in app],
                [r.filled_cpu for r in app],
            )
        )
        modules = app[-1].modules
        heavy = sorted(h for h in HEAVY if h in modules)
        ours = sum(m.startswith("designer.") for m in modules)
        print(f"  imported by the first paint: {len(modules)} modules, {ours} of them designer's")
        print(f"  heavy modules among them: {', '.join(heavy) or 'none'}")
        print(f"  load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
