"""A store another program holds, and a full disk: sentences, no hang, no change to the file."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from designer.models import Campaign
from designer.models.errors import StoreError
from designer.models.store import Store

BUSY = (
    "campaigns.sqlite is busy: another program is writing to it. "
    "Try again in a moment, or close the other program."
)

# Another program: takes the lock, says so, and keeps it until its stdin closes.
HOLDER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive-mode":
    con.execute("PRAGMA locking_mode=EXCLUSIVE")
con.execute("BEGIN EXCLUSIVE")
con.execute("UPDATE account_settings SET currency = currency")
print("locked", flush=True)
sys.stdin.read()
con.execute("ROLLBACK")
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def held_by_another_program(path: Path, how: str) -> Iterator[None]:
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout.readline().strip() == "locked"
            yield
        finally:
            holder.stdin.close()
            holder.wait(timeout=10)


@pytest.fixture
def closed_store(store_path: Path) -> Path:
    Store.open(store_path).close()
    return store_path


def test_editing_a_store_another_program_is_writing_says_busy(closed_store: Path) -> None:
    before = sha256(closed_store)
    with held_by_another_program(closed_store, "transaction"):
        store = Store.open(closed_store, busy_timeout=0.2)  # reading is still allowed
        with pytest.raises(StoreError) as caught, store.edit() as s:
            s.add(Campaign(name="Spring sale"))
        store.close()
    assert str(caught.value) == BUSY
    assert sha256(closed_store) == before
    store = Store.open(closed_store)  # once the other program is done, the edit goes through
    with store.edit() as s:
        s.add(Campaign(name="Spring sale"))
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Campaign)) == 3
    store.close()


def test_opening_a_store_another_program_holds_exclusively_says_busy(closed_store: Path) -> None:
    before = sha256(closed_store)
    with held_by_another_program(closed_store, "exclusive-mode"):
        with pytest.raises(StoreError) as caught:
            Store.open(closed_store, busy_timeout=0.2)
        assert str(caught.value) == BUSY
    assert sha256(closed_store) == before


def test_disk_full_keeps_the_store_as_it_was(closed_store: Path) -> None:
    before = sha256(closed_store)
    store = Store.open(closed_store)

    # The disk fills up: the store may not grow by a single page.
    @event.listens_for(store.engine, "connect")
    def _no_room(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    store.engine.dispose()
    with pytest.raises(StoreError) as caught, store.edit() as s:
        s.add(Campaign(name="Big launch", description="x" * 200_000))
    assert str(caught.value) == (
        "The disk holding campaigns.sqlite is full, so the last change was not saved. "
        "Free some space and try again; the store is as it was before the change."
    )
    with store.read() as s:
        assert s.scalar(select(Campaign).filter_by(name="Big launch")) is None
    store.close()
    assert sha256(closed_store) == before
