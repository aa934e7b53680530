"""What other designers changed, as soon as they commit: the feed a window polls.

On PostgreSQL a connection of its own LISTENs for the NOTIFY every edit sends
at commit (its socket can wake the caller at once); on SQLite the file's
`PRAGMA data_version` says whether another connection committed. Either way the
change log is then read from the last entry seen, so a missed wake-up (a
dropped connection) loses nothing: the next poll after reconnecting catches up.
"""

from __future__ import annotations

import sqlite3
import time
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from designer.models.changes import SeenChange, changes_after, last_change_id
from designer.models.edit_tracking import CHANNEL
from designer.models.errors import StoreError

if TYPE_CHECKING:
    from designer.models.store import Store

# Seconds between attempts to listen again after a dropped connection, doubling up to the
# most while the server stays away (each attempt may wait for its connect timeout).
RECONNECT_EVERY, RECONNECT_MOST = 1.0, 10.0


class ChangeFeed:
    """Polled by a window (`poll()`), it returns the changes other clients committed since."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._listener = None  # psycopg connection (team store)
        self._file: sqlite3.Connection | None = None
        self._data_version: int | None = None
        self._next_try = 0.0
        self._retry_after = RECONNECT_EVERY
        self._dirty = True  # read the log on the first poll
        self._seen: set[int] = set()
        with store.read() as s:
            self.last = last_change_id(s)
            changes_after(s, self.last, self._seen, "")  # what is there now counts as seen
        if store.is_server:
            self._listen()
        elif store.path is not None:
            self._file = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, timeout=1)
            self._data_version = self._version()

    def fileno(self) -> int | None:
        """A socket that becomes readable when another client commits (team stores), or None."""
        return self._listener.fileno() if self._listener is not None else None

    def _listen(self) -> None:
        import psycopg

        url = self.store.engine.url
        conn = None
        try:
            conn = psycopg.connect(
                host=url.host, port=url.port, user=url.username, password=url.password,
                dbname=url.database, connect_timeout=5, autocommit=True,
                application_name="Engagement Designer (changes)",
            )  # fmt: skip
            conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error:
            if conn is not None:
                conn.close()
            self._listener = None
            self._next_try = time.monotonic() + self._retry_after
            self._retry_after = min(self._retry_after * 2, RECONNECT_MOST)
            return
        self._listener, self._dirty = conn, True
        self._retry_after = RECONNECT_EVERY

    def _version(self) -> int:
        assert self._file is not None
        return self._file.execute("PRAGMA data_version").fetchone()[0]

    def _woken(self) -> bool:
        """Whether another client may have committed since the last poll."""
        if self._file is not None:
            try:
                version = self._version()
            except sqlite3.Error:
                return False  # busy or gone: the next poll looks again
            woken, self._data_version = version != self._data_version, version
            return woken
        if self._listener is None:
            if time.monotonic() >= self._next_try:
                self._listen()
            return self._listener is not None and self._dirty
        import psycopg

        try:
            notes = list(self._listener.notifies(timeout=0))
        except psycopg.Error:
            self._listener.close()
            self._listener = None
            return False
        own = self.store.tracker.client
        return any(n.payload != own for n in notes)

    def poll(self) -> list[SeenChange]:
        """The changes other clients committed since the last poll (oldest first)."""
        if not (self._woken() or self._dirty):
            return []
        try:
            with self.store.read() as s:
                found = changes_after(s, self.last, self._seen, self.store.tracker.client)
            self.last = max(self._seen, default=self.last)
        except (StoreError, DBAPIError):
            self._dirty = True  # the store is out of reach: look again next time
            return []
        self._dirty = False
        return found

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        if self._file is not None:
            self._file.close()
            self._file = None
