"""No traceback for any input: special files, long names, closed pipes, no display, --out.

Each case runs the command line as a real process and expects one sentence and exit status 2
(1 for a reader that went away), with nothing changed on disk.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from designer.models.store import Store
from tests.unit.cli_run import assert_refused, run_cli

LONG = "n" * 5000  # far past any file system's name limit


def _unwritable(tmp_path: Path) -> Path:
    """A folder nobody may write in: root passes permission bits, but not /sys."""
    if os.geteuid() == 0:
        return Path("/sys")
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o555)
    return folder


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "bundle.zip"
    os.mkfifo(path)  # opening it for reading would wait for a writer forever
    return path


def test_a_fifo_or_a_device_as_a_bundle_is_refused_unopened(store: Store, fifo: Path) -> None:
    before = store.path.read_bytes()
    assert_refused(run_cli("import", fifo, "--store", store.path), "is a pipe (FIFO), not a bundle")
    assert_refused(
        run_cli("import", "/dev/zero", "--store", store.path), "is a device, not a bundle"
    )
    assert_refused(run_cli("import", "/dev/stdin", "--store", store.path), "not a bundle")
    assert store.path.read_bytes() == before


def test_a_fifo_as_the_store_or_the_destination_is_refused(store: Store, fifo: Path) -> None:
    assert_refused(run_cli("list", "--store", fifo), "is a pipe (FIFO), not a campaign store")
    assert_refused(run_cli("export", "--store", store.path, "--out", fifo), "is a pipe (FIFO)")
    assert_refused(run_cli("export", "--store", store.path, "--out", "/dev/null"), "is a device")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_over_long_paths_are_sentences(store: Store, tmp_path: Path) -> None:
    long = tmp_path / LONG
    assert_refused(run_cli("list", "--store", long), "Check the path")
    assert_refused(run_cli("new-store", long), "Check the path")
    assert_refused(run_cli("import", long, "--store", store.path), "Check the path")
    for out in (long, f"{long}.zip"):
        said = assert_refused(run_cli("export", "--store", store.path, "--out", out))
        assert f"({len(str(out))} characters)" in said and len(said) < 400
    assert_refused(run_cli("shots", "--store", store.path, "--out", long), "Check the path")


def test_unwritable_folders_are_sentences(store: Store, tmp_path: Path) -> None:
    locked = _unwritable(tmp_path)
    out = run_cli("export", "--store", store.path, "--out", locked / "bundle")
    assert_refused(out, "cannot be written", "Choose another place")
    assert_refused(run_cli("export", "--store", store.path, "--out", locked / "b.zip"), "Choose")
    assert_refused(run_cli("new-store", locked / "new.sqlite"), "Choose another place")
    bundle = tmp_path / "bundle"
    assert run_cli("export", "--store", store.path, "--out", bundle).returncode == 0
    made = run_cli("import", bundle, "--store", locked / "i.sqlite", "--create")
    assert_refused(made, "i.sqlite cannot be opened")
    assert ".importing" not in made.stderr  # the name given, not the hidden one built first
    assert not (locked / "bundle").exists() and not (locked / "i.sqlite").exists()


def test_a_reader_that_goes_away_ends_the_command_quietly(store: Store, tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -1` does once it has its line
    try:
        result = run_cli("export", "--store", store.path, "--out", tmp_path / "b", stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == 1
    assert result.stderr == ""  # no traceback, nor "Exception ignored ... BrokenPipeError"
    assert (tmp_path / "b" / "install.html").is_file()  # the export itself was done


@pytest.mark.parametrize(
    ("platform", "missing"),
    [(None, "DISPLAY and WAYLAND_DISPLAY not set"), ("xcb", "DISPLAY not set")],
)
def test_the_app_without_a_display_is_a_sentence(platform: str | None, missing: str) -> None:
    env = {"QT_QPA_PLATFORM": platform} if platform else {}
    drop = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    result = run_cli(env=env, drop=drop)
    assert_refused(result, "There is no display to show the app on", missing, "xvfb-run")


def test_the_app_on_a_store_that_does_not_exist_is_a_sentence(tmp_path: Path) -> None:
    typo = tmp_path / "typo.sqlite"
    assert_refused(run_cli("--store", typo), f"There is no campaign store at {typo}")
    assert not typo.exists()


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_out_never_overwrites_what_the_app_did_not_write(store: Store, tmp_path: Path) -> None:
    notes = tmp_path / "notes.zip"
    notes.write_bytes(b"my own notes")
    assert_refused(
        run_cli("export", "--store", store.path, "--out", notes), "not a bundle this app"
    )
    assert notes.read_bytes() == b"my own notes"
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("my home page")
    (site / "install.html").write_text("mine too")
    before = _tree(site)
    assert_refused(run_cli("export", "--store", store.path, "--out", site), "other files")
    assert _tree(site) == before
    lookalike = tmp_path / "lookalike"
    lookalike.mkdir()
    (lookalike / "install.html").write_text("a page of mine that happens to share the name")
    assert_refused(run_cli("export", "--store", store.path, "--out", lookalike), "other files")


def test_out_replaces_its_own_bundle_and_keeps_the_folders_permissions(
    store: Store, tmp_path: Path
) -> None:
    folder, archive = tmp_path / "bundle", tmp_path / "bundle.zip"
    for out in (folder, archive):
        assert run_cli("export", "--store", store.path, "--out", out).returncode == 0
    folder.chmod(0o2750)  # a site owner's choice: group-shared, not world-readable
    archive.chmod(0o600)
    stale = folder / "tag.0123456789.js"  # a file of an older bundle
    stale.write_text("old")
    first = folder.stat().st_ino
    drafts = ["--campaign", "Customer care", "--include-drafts"]
    for out in (folder, archive):
        result = run_cli("export", "--store", store.path, *drafts, "--out", out)
        assert result.returncode == 0, result.stderr
        assert "“Customer care”" in result.stdout
    assert stat.S_IMODE(folder.stat().st_mode) == 0o2750 and folder.stat().st_ino == first
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert not stale.exists()
    fresh = tmp_path / "fresh"
    assert run_cli("export", "--store", store.path, *drafts, "--out", fresh).returncode == 0
    assert _tree(folder) == _tree(fresh)  # exactly the new bundle: nothing old left, nothing mixed
    assert not [p for p in tmp_path.rglob(".*")]  # nothing left behind
