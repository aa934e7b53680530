"""Files that are not a usable store: each gives its sentence and is left byte-identical."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from designer.models.errors import StoreError
from designer.models.store import Store


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def refused(path: Path, **kw) -> str:
    """The sentence Store.open gives for path, checking that the file did not change."""
    before = sha256(path)
    with pytest.raises(StoreError) as caught:
        Store.open(path, **kw)
    assert sha256(path) == before
    return str(caught.value)


@pytest.fixture
def closed_store(store_path: Path) -> Path:
    """A sample store, closed, so its file holds everything."""
    Store.open(store_path).close()
    return store_path


def test_random_bytes_are_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "holiday-photo.sqlite"
    path.write_bytes(os.urandom(8192))
    assert refused(path) == (
        "holiday-photo.sqlite is not a campaign store (it is not a SQLite database). "
        "Choose a .sqlite file made by Engagement Designer."
    )


def test_a_text_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("campaign ideas\n")
    assert "is not a campaign store" in refused(path)


def test_truncated_store_is_damaged(closed_store: Path) -> None:
    data = closed_store.read_bytes()
    for cut in (len(data) // 2 + 100, 4096, 50):
        closed_store.write_bytes(data[:cut])
        assert refused(closed_store) == (
            "campaigns.sqlite is damaged (the file is cut short) and cannot be read. "
            "Open a copy you saved earlier (File > Save a copy), or import a bundle you exported."
        )


def test_store_with_its_schema_overwritten_is_damaged(closed_store: Path) -> None:
    data = bytearray(closed_store.read_bytes())
    data[100:4096] = os.urandom(4096 - 100)  # the first page's schema table
    closed_store.write_bytes(bytes(data))
    assert "campaigns.sqlite is damaged and cannot be read" in refused(closed_store)


def test_store_from_a_newer_schema_is_refused(closed_store: Path) -> None:
    con = sqlite3.connect(closed_store)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    assert refused(closed_store) == (
        "campaigns.sqlite was made by a newer version of Engagement Designer. "
        "Update the app to open it; the file was left as it is."
    )


def test_other_database_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "crm.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    assert refused(path) == (
        "crm.db is a database, but not a campaign store. "
        "Choose a store made by Engagement Designer, or make a new one."
    )


def test_read_only_file_is_refused_even_for_root(closed_store: Path) -> None:
    closed_store.chmod(0o444)
    try:
        assert refused(closed_store) == (
            "campaigns.sqlite is read-only, so changes could not be saved. "
            "Save a copy somewhere you can write, or change the file's permissions."
        )
    finally:
        closed_store.chmod(0o644)
    Store.open(closed_store).close()  # writable again: opens as before


def test_empty_read_only_file_is_not_made_into_a_store(tmp_path: Path) -> None:
    path = tmp_path / "placeholder.sqlite"
    path.touch(mode=0o444)
    assert "placeholder.sqlite is read-only" in refused(path)
    assert path.stat().st_size == 0


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder, not a campaign store"):
        Store.open(tmp_path)


def test_unknown_url_scheme_gives_a_sentence() -> None:
    with pytest.raises(StoreError, match="needs a database driver|neither a store file"):
        Store.open("nosuchdb://host/campaigns")


def test_damage_deep_in_the_file_is_reported_by_the_read_that_meets_it(
    closed_store: Path,
) -> None:
    # Opening does not read every page (that would take seconds on a large
    # store), so the list that reads the damaged table says so instead.
    con = sqlite3.connect(closed_store)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'campaigns'").fetchone()[0]
    con.close()
    data = bytearray(closed_store.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    closed_store.write_bytes(bytes(data))
    before = sha256(closed_store)

    from designer.models.summary import campaign_rows

    store = Store.open(closed_store)
    with pytest.raises(StoreError) as caught, store.read() as s:
        campaign_rows(s)
    store.close()
    assert str(caught.value) == (
        "campaigns.sqlite is damaged and cannot be read. "
        "Open a copy you saved earlier (File > Save a copy), or import a bundle you exported."
    )
    assert sha256(closed_store) == before
