"""The packaged app: build time and sizes (from `make package`), and the start time of the
installed app against the development install, measured in the same run.

Start time is from spawning the launcher until its main window is on the X screen
(Xvfb, xcb), for the installed launcher and the development install's
`.venv/bin/engagement-designer`, alternately, each in a clean environment.
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from tests.package.installed import (
    ROOT,
    clean_env,
    find_window,
    install,
    quit_by_keyboard,
    xvfb,
)

RUNS = 5


def _start(command: list[str], home: Path, display: str, cwd: Path) -> float:
    log = cwd / "app.log"
    with log.open("w") as output:
        started = time.perf_counter()
        app = subprocess.Popen(
            command,
            cwd=cwd,
            env=clean_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            find_window(display, "Engagement Designer", app, timeout=120)
            shown = time.perf_counter() - started
            quit_by_keyboard(display, app)
        except AssertionError as e:
            raise SystemExit(f"{command[0]} did not start: {e}\n{log.read_text()}") from None
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
    return shown


def main() -> None:
    packages = sorted((ROOT / "dist").glob("engagement-designer-*-linux-*.tar.gz"))
    if not packages:
        print("no package: run `make package` first (this bench measures its build)")
        return
    package = packages[-1]
    figures = dict(
        line.split("=", 1)
        for line in (ROOT / "build" / "package" / "figures.txt").read_text().split()
    )
    print(
        f"{package.name}: built in {figures['build_seconds']} s; "
        f"{figures['unpacked_mb']} MB unpacked, {package.stat().st_size / 2**20:.0f} MB .tar.gz"
    )
    folder = Path(tempfile.mkdtemp(prefix="bench-package-"))
    started = time.perf_counter()
    installed = install(package, folder)
    print(f"install.sh into a new home: {time.perf_counter() - started:.1f} s")
    made = installed.run("new-store", "sample.sqlite", "--sample", cwd=folder)
    assert made.returncode == 0, made.stderr
    store = str(folder / "sample.sqlite")
    commands = {
        "installed": [str(installed.launcher), "--store", store],
        "development": [str(ROOT / ".venv" / "bin" / "engagement-designer"), "--store", store],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    with xvfb() as display:
        for _ in range(RUNS):
            for name, command in commands.items():
                times[name].append(_start(command, installed.home, display, folder))
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, t in times.items():
        print(
            f"  {name}: launcher to main window on screen, median of {RUNS}: "
            f"{medians[name]:.2f} s (min {min(t):.2f}, max {max(t):.2f})"
        )
    print(f"  installed / development: {medians['installed'] / medians['development']:.2f}×")
