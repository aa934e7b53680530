"""The packaged app as a designer gets it: built by `make package`, unpacked, installed by
its install.sh into a home folder, and run from its launcher in a clean environment (no
.venv, no source tree on PATH or PYTHONPATH, a temporary working folder).

Used by tests/package and tests/bench/bench_package.py.
"""

from __future__ import annotations

import os
import subprocess
import tarfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.engagementdesigner.EngagementDesigner"
SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"


def build_package() -> Path:
    """The .tar.gz `make package` builds; make rebuilds it only if a source changed since
    (so within `make test`, which builds it first, this reuses that build)."""
    subprocess.run(["make", "-s", "package"], cwd=ROOT, check=True, timeout=1200)
    found = sorted((ROOT / "dist").glob("engagement-designer-*-linux-*.tar.gz"))
    assert len(found) == 1, f"make package left {found}"
    return found[0]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop session gives a program, and nothing of the development setup."""
    env = {"HOME": str(home), "PATH": SYSTEM_PATH, "LANG": "C.UTF-8", "USER": "designer"}
    if os.geteuid() == 0:  # Chromium's sandbox refuses root (CI runs as root)
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox --disable-gpu"
    env.update(extra)
    return env


@dataclass
class Installed:
    home: Path
    unpacked: Path

    @property
    def launcher(self) -> Path:
        return self.home / ".local" / "bin" / "engagement-designer"

    @property
    def opt(self) -> Path:
        return self.home / ".local" / "opt" / "engagement-designer"

    @property
    def data(self) -> Path:
        return self.home / ".local" / "share"

    def run(self, *args: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(self.launcher), *args],
            cwd=cwd,
            env=clean_env(self.home),
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def install(package: Path, folder: Path) -> Installed:
    """Unpack the .tar.gz and run its install.sh for a new home folder."""
    home, unpack = folder / "home", folder / "unpacked"
    home.mkdir()
    unpack.mkdir()
    with tarfile.open(package) as tar:
        tar.extractall(unpack, filter="tar")
    (top,) = unpack.iterdir()
    done = subprocess.run(
        ["sh", str(top / "install.sh")],
        cwd=folder,
        env=clean_env(home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return Installed(home, top)


@contextmanager
def xvfb(size: str = "1280x800x24") -> Iterator[str]:
    """A private X display (its name, e.g. ':7') for the test's own windows.

    Other programs on the machine start X servers too: one that lost the race for its
    display number ends at once, so a server is used only once a client reaches it.
    """
    for _ in range(5):
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            display = f":{pipe.readline().strip()}"
        reached = (
            subprocess.run(
                ["xwininfo", "-root"], env={"DISPLAY": display}, capture_output=True
            ).returncode
            == 0
        )
        if reached and server.poll() is None:
            break
        server.terminate()
        server.wait(timeout=30)
    else:
        raise AssertionError("no Xvfb server could be started")
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=30)


def find_window(display: str, name: str, process: subprocess.Popen, timeout: float) -> str:
    """The id of the first visible window whose title has name, waiting for it to map."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", name],
            env={"DISPLAY": display, "PATH": SYSTEM_PATH},
            capture_output=True,
            text=True,
        ).stdout.split()
        if found:
            return found[0]
        if process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"the app ended with {process.returncode}: {out}{err}")
        time.sleep(0.02)
    raise AssertionError(f"no window named {name!r} within {timeout} s")


def quit_by_keyboard(display: str, app: subprocess.Popen) -> None:
    """Ctrl+Q on the main window. Qt remakes the native window once the web view first
    draws (a new X window id), so a key sent as that happens is lost: find the window
    again and press once more until the app has ended."""
    deadline = time.monotonic() + 60
    while app.poll() is None and time.monotonic() < deadline:
        try:
            window = find_window(display, "Engagement Designer", app, timeout=5)
            xdotool(display, "windowfocus", "--sync", window)
            xdotool(display, "key", "ctrl+q")
        except (AssertionError, subprocess.CalledProcessError):
            pass  # the window was being remade, or the app is already ending
        try:
            app.wait(timeout=5)
        except subprocess.TimeoutExpired:
            continue


def xdotool(display: str, *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args],
        env={"DISPLAY": display, "PATH": SYSTEM_PATH},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def descendants(pid: int) -> list[tuple[int, Path]]:
    """(pid, executable) of every process started by pid, its children's too."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier}
        for p in frontier:
            try:
                found.append((p, Path(os.readlink(f"/proc/{p}/exe"))))
            except OSError:
                continue
    return found


GRAB = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)
"""


def screenshot(display: str, path: Path) -> Path:
    """The whole X screen, as a person would see it (Qt on the test's own side grabs it)."""
    import sys

    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-c", GRAB, str(path)],
        env=dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
        check=True,
        timeout=60,
    )
    return path
