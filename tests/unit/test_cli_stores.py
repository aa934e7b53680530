"""The command line never guesses a store: only new-store makes one (CLI run as a process)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from designer.models.store import Store
from tests.unit.cli_run import assert_refused, run_cli

OPENING_VERBS = {
    "list": [],
    "validate": [],
    "export": ["--out", "bundle"],
    "import": ["bundle.zip"],
    "shots": ["--out", "shots"],
}


@pytest.mark.parametrize("verb", sorted(OPENING_VERBS))
def test_a_store_that_does_not_exist_is_an_error_and_nothing_is_made(
    verb: str, tmp_path: Path
) -> None:
    typo = tmp_path / "campains.sqlite"
    (tmp_path / "bundle.zip").write_bytes(b"PK\x05\x06" + bytes(18))  # exists, for import
    extra = [
        str(tmp_path / a) if a in ("bundle", "shots", "bundle.zip") else a
        for a in OPENING_VERBS[verb]
    ]
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run_cli(verb, *extra, "--store", typo)
    err = assert_refused(result, f"There is no campaign store at {typo}")
    if verb == "import":
        assert "--create" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no store, no bundle


def test_the_default_store_is_not_made_by_a_verb(_isolated_default_store: Path) -> None:
    assert_refused(run_cli("list"), str(_isolated_default_store))
    assert_refused(run_cli("export", "--out", _isolated_default_store.parent / "b"), "no campaign")
    assert not _isolated_default_store.exists()


def test_an_empty_file_a_folder_and_a_device_are_not_stores(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert_refused(run_cli("list", "--store", empty), "is an empty file, not a campaign store")
    assert empty.stat().st_size == 0  # not made into a store either
    assert_refused(run_cli("validate", "--store", tmp_path), "is a folder, not a campaign store")
    assert_refused(run_cli("list", "--store", "/dev/zero"), "/dev/zero is a device")


def test_a_url_is_never_a_file_name_and_its_password_is_never_printed(tmp_path: Path) -> None:
    for url in (
        "postgresql://designer:s3cret-pw@127.0.0.1:1/campaigns",
        "postgresql://designer:s3cret-pw@127.0.0.1:notaport/campaigns",
        "nosuchdb://designer:s3cret-pw@127.0.0.1/campaigns",
    ):
        for verb in (["list"], ["new-store"]):
            args = [*verb, url] if verb == ["new-store"] else [*verb, "--store", url]
            result = run_cli(*args)
            assert result.returncode == 2, result
            assert "s3cret-pw" not in result.stdout + result.stderr
            assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())
    assert not list(Path.cwd().glob("postgresql*")) and not Path("nosuchdb:").exists()


def test_a_sqlite_url_names_a_file_that_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "team.sqlite"
    url = f"sqlite:///{path}"
    assert_refused(run_cli("list", "--store", url), f"There is no campaign store at {path}")
    assert not path.exists()
    made = run_cli("new-store", url, "--sample")
    assert made.returncode == 0, made.stderr
    assert made.stdout == f"Made {url} with the sample campaigns.\n"
    assert path.is_file()
    listed = run_cli("list", "--store", url)
    assert "Winter sale\tpublished" in listed.stdout
    assert_refused(run_cli("new-store", url), "already holds a campaign store")


def test_import_makes_a_store_only_when_asked_and_leaves_none_when_it_fails(
    store: Store, tmp_path: Path
) -> None:
    exported = run_cli("export", "--store", store.path, "--out", tmp_path / "b.zip")
    assert exported.returncode == 0, exported.stderr
    target = tmp_path / "new" / "imported.sqlite"
    target.parent.mkdir()
    assert_refused(run_cli("import", tmp_path / "b.zip", "--store", target), "--create")
    assert not target.exists()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = run_cli("import", broken, "--store", target, "--create")
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert list(target.parent.iterdir()) == []  # not even a hidden half store
    result = run_cli("import", tmp_path / "b.zip", "--store", target, "--create")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Imported “Winter sale” (5 engagements")
    assert result.stdout.rstrip().endswith("into imported.sqlite.")
    assert [p.name for p in target.parent.iterdir()] == ["imported.sqlite"]
    listed = run_cli("list", "--store", target)
    assert listed.stdout.startswith("Winter sale\tpublished")


def test_new_store_makes_and_seeds_only_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    result = run_cli("new-store", path, "--sample")
    assert result.stdout == f"Made {path} with the sample campaigns.\n"
    before = path.read_bytes()
    assert_refused(run_cli("new-store", path), "already exists; choose a new file name")
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    assert_refused(run_cli("new-store", notes), "already exists")
    assert path.read_bytes() == before and notes.read_text() == "mine"


def test_a_copy_of_a_store_opens_as_it_is(store: Store, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    store.close()
    shutil.copyfile(store.path, copy)
    result = run_cli("validate", "--store", copy)
    assert result.returncode == 0 and "0 errors" in result.stdout


def test_an_empty_store_name_is_not_the_default_store(_isolated_default_store: Path) -> None:
    assert_refused(run_cli("list", "--store", ""), "--store was given an empty name")
    assert_refused(run_cli("--store", " "), "--store was given an empty name")
    assert not _isolated_default_store.exists()
