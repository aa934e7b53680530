"""The campaign store: open any SQLAlchemy URL or SQLite file, migrate, edit safely.

SQLite stores run in WAL mode with foreign keys on; every edit is one
transaction (`Store.edit()`), so a crash never leaves half an edit behind.
Known failures become `StoreError` sentences and never overwrite the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from designer.models import migrate
from designer.models.account import AccountSettings
from designer.models.errors import StoreError, sentence_for

SQLITE_MAGIC = b"SQLite format 3\x00"
APP_NAME = "EngagementDesigner"
STORE_ENV = "ENGAGEMENT_DESIGNER_STORE"


def default_store_path() -> Path:
    """The embedded default store: $ENGAGEMENT_DESIGNER_STORE, else the user's data folder."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "campaigns.sqlite"


def _is_url(target: str) -> bool:
    return "://" in target


def _check_sqlite_file(path: Path) -> None:
    """Refuse, without writing, a file that cannot be a writable SQLite store."""
    name = path.name
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a campaign store. Choose a store file.")
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except PermissionError:
        raise StoreError(f"{name} cannot be read: you do not have permission to open it.") from None
    if len(head) == 0:
        return  # an empty file is a new store
    if not head.startswith(SQLITE_MAGIC):
        raise StoreError(
            f"{name} is not a campaign store (it is not a SQLite database). "
            "Choose a .sqlite file made by Engagement Designer."
        )
    page_size = int.from_bytes(head[16:18], "big") if len(head) >= 100 else 0
    page_size = 65536 if page_size == 1 else page_size
    size = path.stat().st_size
    if not page_size or size % page_size or size < int.from_bytes(head[28:32], "big") * page_size:
        raise StoreError(
            f"{name} is damaged (the file is cut short) and cannot be read. "
            "Open the backup copy next to it, or a store you exported earlier."
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"{name} is read-only, so changes could not be saved. "
            "Save a copy somewhere you can write, or change the file's permissions."
        )
    _quick_check(path)


def _quick_check(path: Path) -> None:
    """Read-only integrity look: damage and foreign databases become sentences."""
    name = path.name
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            ok = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        error = sentence_for(e, name)
        raise error or StoreError(f"{name} cannot be read: {e}.") from None
    if ok != "ok":
        raise StoreError(
            f"{name} is damaged and cannot be read. "
            "Open the backup copy next to it, or a store you exported earlier."
        )
    if tables and "alembic_version" not in tables:
        raise StoreError(
            f"{name} is a database, but not a campaign store. "
            "Choose a store made by Engagement Designer, or make a new one."
        )


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy, not pysqlite, decide where transactions begin.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=3000")
    mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy connection
    conn.exec_driver_sql("BEGIN")


class Store:
    """An open campaign store. Make one with `Store.open(url_or_path)`."""

    def __init__(self, engine: Engine, label: str, path: Path | None) -> None:
        self.engine = engine
        self.label = label
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, target: str | Path | None = None, *, seed: bool = True) -> Store:
        """Open (creating when missing, migrating when old) the store at target.

        A new SQLite store is seeded with the sample campaign unless seed is False.
        """
        path: Path | None = None
        if target is None:
            target = default_store_path()
        if isinstance(target, Path) or not _is_url(str(target)):
            path = Path(target).expanduser().resolve()
            fresh = not path.exists() or path.stat().st_size == 0
            if fresh:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError:
                    raise StoreError(
                        f"The folder {path.parent} cannot be made. Choose another place for the store."
                    ) from None
            else:
                _check_sqlite_file(path)
            url = f"sqlite:///{path}"
            label = path.name
        else:
            url, label, fresh = str(target), str(target).split("/")[-1] or str(target), False
        engine = create_engine(url)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _begin)
        store = cls(engine, label, path)
        try:
            revision = migrate.upgrade(engine, path)
            with store.edit() as s:
                if s.scalar(select(AccountSettings).limit(1)) is None:
                    s.add(AccountSettings())
                    fresh = True
            if fresh and seed and revision is None:
                from designer.models.seed import seed_sample

                with store.edit() as s:
                    seed_sample(s)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as e:
            engine.dispose()
            raise sentence_for(e, label) or e from None
        return store

    @contextmanager
    def edit(self) -> Iterator[Session]:
        """One edit, one transaction: committed on exit, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except DBAPIError as e:
            session.rollback()
            error = sentence_for(e, self.label)
            if error is None:
                raise
            raise error from None
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it changes is saved."""
        session = self._sessions()
        try:
            yield session
        except DBAPIError as e:
            error = sentence_for(e, self.label)
            if error is None:
                raise
            raise error from None
        finally:
            session.rollback()
            session.close()

    def account(self, session: Session) -> AccountSettings:
        return session.scalars(select(AccountSettings).order_by(AccountSettings.id)).first()

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def close(self) -> None:
        self.engine.dispose()
