"""The command line refuses a conversation window that fails its checks, as the app does:
`validate` names it and exits 1, `export` writes nothing; once fixed both go through.
Run as a real process with no display."""

from __future__ import annotations

from pathlib import Path

from designer.models.store import Store
from tests.unit.cli_run import run_cli
from tests.unit.window_samples import HEADER_FAILS, set_own_window

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY")
WHERE = "Winter sale › Message us button"


def store_with_header(path: Path, text_color: str) -> None:
    """The sample store, the published sticky button's window header text in text_color
    over a white header."""
    store = Store.open(path)
    set_own_window(store, "Message us button", header_color="#ffffff", header_text_color=text_color)
    store.close()


def test_validate_names_an_unreadable_window_header_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store_with_header(path, "#eeeeee")
    result = run_cli("validate", "--store", path, drop=NO_DISPLAY)
    assert result.returncode == 1, result.stderr
    assert f"error: {WHERE}: {HEADER_FAILS}" in result.stdout.splitlines()
    assert "Traceback" not in result.stderr

    store_with_header(path, "#1f1f1f")
    result = run_cli("validate", "--store", path, drop=NO_DISPLAY)
    assert result.returncode == 0 and "Window" not in result.stdout, result.stdout


def test_export_refuses_an_unreadable_window_header_until_fixed(tmp_path: Path) -> None:
    path, out = tmp_path / "s.sqlite", tmp_path / "site"
    store_with_header(path, "#eeeeee")
    result = run_cli("export", "--store", path, "--out", out, drop=NO_DISPLAY)
    assert result.returncode == 2, result.stderr
    assert f"{WHERE}: {HEADER_FAILS}" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()

    store_with_header(path, "#1f1f1f")
    result = run_cli("export", "--store", path, "--out", out, drop=NO_DISPLAY)
    assert result.returncode == 0, result.stderr
    assert (out / "install.html").is_file()
