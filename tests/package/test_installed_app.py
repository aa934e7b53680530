"""The packaged app, installed into a new home folder and run from its launcher with a
clean environment: its verbs work, its window opens with the preview, and it writes the
same bundle as the development install."""

from __future__ import annotations

import filecmp
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from tests.package.installed import (
    APP_ID,
    ROOT,
    Installed,
    build_package,
    clean_env,
    descendants,
    find_window,
    install,
    quit_by_keyboard,
    screenshot,
    xdotool,
    xvfb,
)

pytestmark = pytest.mark.slow
ARTIFACTS = ROOT / "tests" / "artifacts" / "package"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    return install(build_package(), tmp_path_factory.mktemp("installed"))


@pytest.fixture(scope="module")
def sample_store(installed: Installed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stores")
    made = installed.run("new-store", "sample.sqlite", "--sample", cwd=folder)
    assert made.returncode == 0, made.stderr
    return folder / "sample.sqlite"


def assert_real_picture(path: Path, min_width: int) -> None:
    with Image.open(path) as image:
        image.load()
        assert image.width >= min_width and image.height >= 200, (path, image.size)
        stat = ImageStat.Stat(image.convert("L"))
        assert stat.stddev[0] > 8, f"{path.name} is blank"  # one flat colour is no picture
        assert len(image.convert("RGB").getcolors(1 << 20) or ()) > 50, f"{path.name} is flat"


SITE_HEADER, SITE_PAGE = (0x1D, 0x24, 0x30), (0xF6, 0xF4, 0xF0)  # sample_site/site.css


def preview_drawn(screen: Path) -> bool:
    """The preview shows the sample site: its dark header bar and its page colour."""
    with Image.open(screen) as image:
        counts = {colour: n for n, colour in image.convert("RGB").getcolors(1 << 20) or ()}
    return counts.get(SITE_HEADER, 0) > 2000 and counts.get(SITE_PAGE, 0) > 2000


def test_install_puts_launcher_menu_entry_icons_and_metainfo(installed: Installed):
    assert (installed.opt / "engagement-designer").is_file()
    # Help > About reads the version from the metadata copied into the app (importlib.metadata
    # reads a dist-info's METADATA or an egg-info's PKG-INFO).
    internal = installed.opt / "_internal"
    (metadata,) = [
        *internal.glob("engagement_designer*.dist-info/METADATA"),
        *internal.glob("engagement_designer*.egg-info/PKG-INFO"),
    ]
    assert f"\nVersion: {VERSION}\n" in metadata.read_text()
    assert (installed.opt / "VERSION").read_text().strip() == VERSION
    assert installed.launcher.stat().st_mode & 0o111
    desktop = installed.data / "applications" / "engagement-designer.desktop"
    entry = desktop.read_text()
    assert f'Exec="{installed.launcher}" %f' in entry and "Icon=engagement-designer" in entry
    check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert check.returncode == 0 and not check.stdout.strip(), check.stdout
    icons = installed.data / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "engagement-designer.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(icons / f"{size}x{size}" / "apps" / "engagement-designer.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
            assert png.getpixel((size // 2, size // 2))[3] == 255  # drawn, not transparent


def test_metainfo_describes_the_version_with_screenshots_of_the_app(installed: Installed):
    metainfo = installed.data / "metainfo" / f"{APP_ID}.metainfo.xml"
    text = metainfo.read_text()
    assert f'<release version="{VERSION}"' in text and "<description>" in text
    shots = [Path(s.split("</image>")[0][len("file://") :]) for s in text.split("<image>")[1:]]
    assert len(shots) >= 2
    for shot in shots:
        assert shot.is_relative_to(installed.opt)
        assert_real_picture(shot, 1000)
    check = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
    )
    # A local install has no web server for its screenshots: file:// URLs are the one
    # thing AppStream objects to (they want https://); everything else must be clean.
    problems = [line for line in check.stdout.splitlines() if line[:2] in ("E:", "W:", "I:", "P:")]
    assert problems, check.stdout
    assert all("web-url-expected" in p for p in problems), check.stdout


def test_installed_shots_are_real_pictures(installed: Installed, sample_store: Path, tmp_path):
    done = installed.run("shots", "--store", str(sample_store), "--out", "shots", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pictures = sorted((tmp_path / "shots").glob("*.png"))
    assert len(pictures) >= 8, done.stdout
    for picture in pictures:
        assert_real_picture(picture, 360)


def test_installed_export_is_byte_for_byte_the_development_one(
    installed: Installed, sample_store: Path, tmp_path
):
    frozen = installed.run("export", "--store", str(sample_store), "--out", "frozen", cwd=tmp_path)
    assert frozen.returncode == 0, frozen.stderr
    # Nothing said on stderr: calmjs.parse found ply's tables inside the app (without them
    # ply builds its parser again and warns that it cannot write the tables).
    assert frozen.stderr == ""
    development = subprocess.run(
        [sys.executable, "-m", "designer.cli", "export"]
        + ["--store", str(sample_store), "--out", str(tmp_path / "development")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert development.returncode == 0, development.stderr
    names = sorted(p.name for p in (tmp_path / "development").iterdir())
    assert any(n.startswith("tag.") for n in names) and "install.html" in names
    assert sorted(p.name for p in (tmp_path / "frozen").iterdir()) == names
    match, mismatch, errors = filecmp.cmpfiles(
        tmp_path / "development", tmp_path / "frozen", names, shallow=False
    )
    assert (mismatch, errors) == ([], [])


def test_installed_app_opens_its_window_and_preview_and_quits(
    installed: Installed, sample_store: Path, tmp_path
):
    log = tmp_path / "app.log"  # a file, not a pipe: a full pipe would stall the app
    with xvfb() as display, log.open("w") as output:
        app = subprocess.Popen(
            [str(installed.launcher), "--store", str(sample_store)],
            cwd=tmp_path,
            env=clean_env(installed.home, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            window = find_window(display, "Engagement Designer", app, timeout=120)
            xdotool(display, "windowsize", window, "1280", "800")
            # The window icon comes from resources/ inside the frozen app.
            icon = subprocess.run(
                ["xprop", "-id", window, "_NET_WM_ICON"],
                env={"DISPLAY": display},
                capture_output=True,
                text=True,
            ).stdout
            assert "_NET_WM_ICON(CARDINAL)" in icon, icon
            # Select "Message us button" (the tree's sixth row), then View > Preview (F5). The
            # window shows before its store is open (the tree fills a moment later, and F5 waits
            # for it), so a click that came too early is made again, as a person would.
            helper = []
            deadline = time.monotonic() + 60
            while not helper and time.monotonic() < deadline:
                xdotool(display, "mousemove", "--window", window, "100", "163", "click", "1")
                xdotool(display, "windowfocus", "--sync", window)
                xdotool(display, "key", "F5")
                again = time.monotonic() + 10
                while not helper and time.monotonic() < min(again, deadline):
                    helper = [
                        exe for _, exe in descendants(app.pid) if exe.name == "QtWebEngineProcess"
                    ]
                    time.sleep(0.2)
            assert helper, "the preview did not start QtWebEngine's helper process"
            assert helper[0].is_relative_to(installed.opt)  # the app's own, not the system's
            shot = ARTIFACTS / "installed-app.png"
            deadline = time.monotonic() + 90
            while not preview_drawn(screenshot(display, shot)) and time.monotonic() < deadline:
                time.sleep(1)
            assert preview_drawn(shot), f"the preview stayed empty: see {shot}"
            assert_real_picture(shot, 1280)
            quit_by_keyboard(display, app)
        finally:
            if app.poll() is None:
                app.kill()
                app.wait()
    said = log.read_text(errors="replace")
    assert app.returncode == 0, said
    assert "Traceback" not in said, said
    assert not [p for p, _ in descendants(app.pid)]
