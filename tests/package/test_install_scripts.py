"""install.sh replaces an earlier install; uninstall.sh removes everything it put in place
and leaves the designer's campaign stores alone."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.package.installed import build_package, clean_env, install

pytestmark = pytest.mark.slow


def test_reinstall_then_uninstall_leaves_only_the_stores(tmp_path):
    installed = install(build_package(), tmp_path)
    store = installed.data / "EngagementDesigner" / "campaigns.sqlite"
    made = installed.run("new-store", str(store), "--sample", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    placed = (installed.opt / "installed-files").read_text().split()
    assert str(installed.launcher) in placed and len(placed) >= 12  # launcher, entry, 9 icons...

    again = subprocess.run(
        ["sh", str(installed.unpacked / "install.sh")],
        cwd=tmp_path,
        env=clean_env(installed.home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert "Installed Engagement Designer" in again.stdout
    assert sorted((installed.opt / "installed-files").read_text().split()) == sorted(placed)

    removed = subprocess.run(
        ["sh", str(installed.opt / "uninstall.sh")],
        cwd=tmp_path,
        env=clean_env(installed.home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert removed.returncode == 0, removed.stderr
    assert "campaign stores are still" in removed.stdout
    assert not installed.opt.exists()
    assert [p for p in placed if Path(p).exists()] == []
    assert store.is_file()  # the designer's work stays
