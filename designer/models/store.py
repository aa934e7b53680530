"""The campaign store: open a SQLite file or a PostgreSQL URL, migrate, edit safely.

SQLite stores run in WAL mode with foreign keys on; a team store is any
`postgresql://` URL (driven by psycopg 3). Every edit is one transaction
(`Store.edit()`), so a crash never leaves half an edit behind, and every row it
writes passes the value checks both databases accept. Known failures become
`StoreError` sentences, which never show a password.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event, inspect, make_url, select, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from designer.models import import_mapped, migrate
from designer.models.account import AccountSettings, account_row
from designer.models.campaign import Campaign
from designer.models.edit_tracking import Tracker, stale_edit
from designer.models.errors import StoreError, StoreUnreachable, sentence_for
from designer.models.store_target import default_store_path
from designer.models.value_checks import check_before_flush

import_mapped()  # a store's sessions may meet any table: every class mapped before the first

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT = 3.0  # seconds to wait for another program holding the store
CONNECT_TIMEOUT = 5  # seconds to wait for a team store's server to answer
# Held while a team store is migrated and seeded, so two first openings do it once.
_OPEN_LOCK = 0x45_44_53_54  # "EDST"
_CREDENTIALS = re.compile(r"(://)[^/@]*@")


def _is_url(target: str) -> bool:
    return "://" in target


def _is_read_only(path: Path) -> bool:
    """No write bit set, or no permission: root passes os.access, so look at the mode too."""
    mode = path.stat().st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _check_sqlite_file(path: Path, busy_timeout: float = BUSY_TIMEOUT) -> str | None:
    """Refuse, without writing, a file that cannot be a writable SQLite store.

    Returns the store's schema revision (None for a new, empty file).
    """
    name = path.name
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a campaign store. Choose a store file.")
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except PermissionError:
        raise StoreError(f"{name} cannot be read: you do not have permission to open it.") from None
    if len(head) == 0:
        return None  # an empty file is a new store
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
            "Open a copy you saved earlier (File > Save a copy), or import a bundle you exported."
        )
    revision = _check_schema(path, busy_timeout)
    if _is_read_only(path) or not os.access(path.parent, os.W_OK):
        raise _read_only_error(name)
    return revision


def _read_only_error(name: str) -> StoreError:
    return StoreError(
        f"{name} is read-only, so changes could not be saved. "
        "Save a copy somewhere you can write, or change the file's permissions."
    )


def _check_schema(path: Path, busy_timeout: float) -> str | None:
    """Read-only look at the schema: foreign, damaged and newer stores become sentences.

    A full PRAGMA quick_check would read every page of a large store on each
    open; damage deeper in the file is reported by the query that meets it.
    """
    name = path.name
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=busy_timeout)
        try:
            tables = {
                r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = (
                con.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
        finally:
            con.close()
    except sqlite3.DatabaseError as e:
        error = sentence_for(e, name)
        raise error or StoreError(f"{name} cannot be read: {e}.") from None
    if tables and "alembic_version" not in tables:
        raise StoreError(
            f"{name} is a database, but not a campaign store. "
            "Choose a store made by Engagement Designer, or make a new one."
        )
    if revision is not None and revision[0] not in migrate.revisions():
        raise migrate.newer_schema_error(name)
    return revision[0] if revision else None


def _sqlite_pragmas(
    dbapi_connection: sqlite3.Connection, _record: object, busy_ms: int = 3000
) -> None:
    # Let SQLAlchemy, not pysqlite, decide where transactions begin.
    dbapi_connection.isolation_level = None
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
    mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy connection
    conn.exec_driver_sql("BEGIN")


def server_url(target: str) -> URL:
    """The SQLAlchemy URL for a team store: any postgresql:// URL is driven by psycopg 3."""
    url = make_url(target)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _url_label(url: str) -> str:
    """A URL as a designer may see it: a file's name, or `database on host`, never a password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return _CREDENTIALS.sub(r"\1", url)
    if parsed.get_backend_name() == "sqlite":
        return Path(parsed.database).name if parsed.database else "a store in memory"
    where = parsed.host or "this computer"
    if parsed.port:
        where = f"{where}:{parsed.port}"
    return f"{parsed.database or parsed.username or 'the database'} on {where}"


def _engine(url: str | URL, label: str, busy_timeout: float, **pool: object) -> Engine:
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "postgresql":
            engine = create_engine(
                parsed,
                pool_pre_ping=True,
                hide_parameters=True,
                **pool,
                connect_args={
                    "connect_timeout": CONNECT_TIMEOUT,
                    "application_name": "Engagement Designer",
                },
            )
        else:
            engine = create_engine(parsed, hide_parameters=True)
    except ArgumentError:
        raise StoreError(
            f"{label} is neither a store file nor a database URL; "
            "give a file path or a URL like postgresql://host/campaigns."
        ) from None
    except (ImportError, NoSuchModuleError) as e:
        raise StoreError(
            f"{label} needs a database driver this installation does not have ({e}). "
            "Install it, or use a store file."
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", partial(_sqlite_pragmas, busy_ms=busy_timeout * 1000))
        event.listen(engine, "begin", _begin)
    return engine


@contextmanager
def _opening(engine: Engine) -> Iterator[None]:
    """On a team store, one client at a time migrates and seeds (a session advisory lock)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _OPEN_LOCK})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _OPEN_LOCK})
            conn.commit()


def _has_account(engine: Engine) -> bool:
    """Whether the store has its account row, asked without the ORM: opening stays light."""
    with engine.connect() as conn:
        table = AccountSettings.__table__
        return conn.execute(select(table.c.id).limit(1)).first() is not None


def _first_line(error: DBAPIError) -> str:
    return _CREDENTIALS.sub(r"\1", str(error.orig).strip().splitlines()[0])


class Store:
    """An open campaign store. Make one with `Store.open(url_or_path)`."""

    def __init__(self, engine: Engine, label: str, path: Path | None) -> None:
        self.engine = engine
        self.label = label
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", check_before_flush)
        self.tracker = Tracker(self._sessions, server=engine.dialect.name != "sqlite")

    @property
    def is_server(self) -> bool:
        """True for a team store on a database server (PostgreSQL)."""
        return self.engine.dialect.name != "sqlite"

    @classmethod
    def open(
        cls,
        target: str | Path | None = None,
        *,
        seed: bool = True,
        busy_timeout: float = BUSY_TIMEOUT,
    ) -> Store:
        """Open (creating when missing, migrating when old) the store at target.

        A new store is seeded with the sample campaign unless seed is False.
        busy_timeout is how long to wait, in seconds, for another program
        writing to the store before saying it is busy.
        """
        path: Path | None = None
        if target is None:
            target = default_store_path()
        if isinstance(target, Path) or not _is_url(str(target)):
            path = Path(target).expanduser().resolve()
            if path.is_file() and path.stat().st_size > 0:
                revision = _check_sqlite_file(path, busy_timeout)
                if revision is not None and revision != migrate.head_revision():
                    # Before anything touches the file, even the switch to WAL.
                    migrate.backup(path, migrate.backup_path(path, revision))
            elif path.is_file() and _is_read_only(path):
                raise _read_only_error(path.name)
            elif not path.exists():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError:
                    raise StoreError(
                        f"The folder {path.parent} cannot be made. Choose another place for the store."
                    ) from None
            else:
                _check_sqlite_file(path, busy_timeout)  # a folder, or an empty file: say which
            url, label = f"sqlite:///{path}", path.name
        else:
            label = _url_label(str(target))
            try:
                url = server_url(str(target))
            except ArgumentError:
                url = str(target)  # _engine says what is wrong with it
        engine = _engine(url, label, busy_timeout)
        store = cls(engine, label, path)
        try:
            with _opening(engine):
                migrate.upgrade(engine, path, backed_up=path is not None)
                if not _has_account(engine):
                    store._add_account(seed)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as e:
            engine.dispose()
            raise sentence_for(e, label, editing=False) or StoreError(
                f"{label} cannot be opened: {_first_line(e)}."
            ) from None
        return store

    def _add_account(self, seed: bool) -> None:
        # The account row and the sample go in one transaction, so a crash
        # in between cannot leave a store that is never seeded.
        with self.edit() as s:
            if s.scalar(select(AccountSettings.id).limit(1)) is not None:
                return
            if seed and s.scalar(select(Campaign.id).limit(1)) is None:
                from designer.models.seed import seed_sample

                seed_sample(s)
            else:
                s.add(AccountSettings())

    @contextmanager
    def edit(self) -> Iterator[Session]:
        """One edit, one transaction: committed on exit, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as e:
            session.rollback()
            raise self._stale(e) from None
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
            if isinstance(error, StoreUnreachable):
                error = StoreUnreachable(
                    f"The team store {self.label} cannot be reached, so this could not be read; "
                    "it is read again when the store is back."
                )
            raise error from None
        finally:
            try:
                session.rollback()
                session.close()
            except DBAPIError:
                session.invalidate()  # the connection died with the server: let it go

    def _stale(self, error: StaleDataError) -> StoreError:
        """Someone else's edit was committed between this edit's read and its write."""
        found = re.search(r"table '(\w+)'", str(error))
        table = found.group(1) if found else ""
        with self.read() as s:
            return stale_edit(table, self.tracker.last_writer(s, table))

    def account(self, session: Session) -> AccountSettings:
        return account_row(session)

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def close(self) -> None:
        self.engine.dispose()
        if self.is_server:
            # A view's read that comes after the close (a timer that fired as the window
            # switched stores) opens a connection of its own and closes it again.
            late = _engine(self.engine.url, self.label, BUSY_TIMEOUT, poolclass=NullPool)
            self._sessions.configure(bind=late)
