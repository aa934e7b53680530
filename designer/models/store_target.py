"""Where a store is, as a person typed it: a file path or a database URL, never guessed.

The command line opens only stores that exist: a typo in a path must not make a
new store seeded with the sample (a pipeline would then publish demo content).
A URL is always a URL (never a file name) and is shown with its password masked.

Paths are looked at without SQLAlchemy: the app's window opens before it is imported.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from designer.models.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from designer.models.store import Store

APP_NAME = "EngagementDesigner"
STORE_ENV = "ENGAGEMENT_DESIGNER_STORE"
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def default_store_path() -> Path:
    """The embedded default store: $ENGAGEMENT_DESIGNER_STORE, else the user's data folder."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "campaigns.sqlite"


def short(path: str | Path, limit: int = 160) -> str:
    """A path as a sentence may hold it: a very long one shows its start, end and length."""
    text = str(path)
    if len(text) <= limit:
        return text
    return f"{text[: limit // 2]}…{text[-limit // 4 :]} ({len(text)} characters)"


def is_url(target: str | Path) -> bool:
    return not isinstance(target, Path) and "://" in target


def shown(target: str | Path) -> str:
    """The target as it may be printed: a URL's password is always masked."""
    if not is_url(target):
        return str(target)
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(str(target)).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _PASSWORD.sub(r"\1***@", str(target))


def _url(target: str) -> URL:
    from sqlalchemy import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(target)
    except (ArgumentError, ValueError):
        raise StoreError(
            f"{shown(target)} is not a database URL this app can read; "
            "give a store file or a URL like postgresql://host/campaigns."
        ) from None


def kind_of_file(mode: int) -> str | None:
    """What a special file is, in words; None for a regular file or a folder."""
    for test, words in (
        (stat.S_ISFIFO, "a pipe (FIFO)"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return words
    return None


def stat_or_none(path: Path) -> os.stat_result | None:
    """The file's status without opening it (following links); None when nothing is there.

    Names too long or unreadable folders become a StoreError sentence.
    """
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        return None
    except OSError as e:
        raise StoreError(
            f"{short(path)} cannot be looked at ({e.strerror or e}). Check the path."
        ) from None


def check_store_file(path: Path) -> None:
    """Refuse, without opening it, a path that is not an existing store file."""
    st = stat_or_none(path)
    if st is None:
        raise StoreError(
            f"There is no campaign store at {path}. Check the path, or make a new store "
            f"with: engagement-designer new-store {path}"
        )
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{path} is a folder, not a campaign store. Give a store file.")
    kind = kind_of_file(st.st_mode)
    if kind:
        raise StoreError(f"{path} is {kind}, not a campaign store. Give a store file.")
    if st.st_size == 0:
        raise StoreError(
            f"{path} is an empty file, not a campaign store. Give a store file, or make one "
            f"with: engagement-designer new-store {path}"
        )


def holds_store(target: str) -> bool | None:
    """Whether the database at URL target holds a campaign store; None when it cannot be asked.

    Asked without creating anything: a SQLite URL's file must be a store file already.
    """
    from sqlalchemy import create_engine, inspect
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    from designer.models.account import AccountSettings

    url = _url(target)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return False
        path = Path(url.database).expanduser()
        st = stat_or_none(path)
        if st is None or (stat.S_ISREG(st.st_mode) and st.st_size == 0):
            return False
        check_store_file(path)  # a folder or a special file: say which
        return True
    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError):
        return None  # Store.open says which driver or form is missing
    try:
        with engine.connect() as conn:
            return inspect(conn).has_table(AccountSettings.__tablename__)
    except SQLAlchemyError:
        return None  # cannot connect: Store.open says why, in its words
    finally:
        engine.dispose()


def check_exists(target: str | Path) -> None:
    """StoreError unless target names a store that exists (checked without creating anything)."""
    if is_url(target):
        url = _url(str(target))
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            check_store_file(Path(url.database).expanduser())  # missing or empty: say which
        elif holds_store(str(target)) is False:
            raise StoreError(
                f"The database {shown(target)} holds no campaign store. Check the URL, or make "
                f"a new store there with: engagement-designer new-store '{shown(target)}'"
            )
    else:
        check_store_file(Path(target).expanduser())


def chosen(store_option: str | None) -> str | Path:
    """The store a --store option names: the default store when it was not given."""
    if store_option is None:
        return default_store_path()
    if not store_option.strip():
        raise StoreError("--store was given an empty name; give a store file or a database URL.")
    return store_option


def open_existing(target: str | Path, *, create: bool = False) -> Store:
    """Open the store at target; one that does not exist is an error unless create.

    Never seeds the sample: with create, a new store is empty.
    """
    from designer.models.store import Store

    if is_url(target):
        _url(str(target))  # a sentence, not a parser's error, for a malformed URL
    if not create:
        check_exists(target)
    elif not is_url(target):
        path = Path(target).expanduser()
        st = stat_or_none(path)
        if st is not None and not (stat.S_ISREG(st.st_mode) and st.st_size == 0):
            check_store_file(path)  # a folder, a pipe or a device is never opened
    return Store.open(target, seed=False)
