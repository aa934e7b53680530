"""Alembic migrations, run when a store is opened, after a backup of the file.

Opening a store that is already at the head revision is the common case and
must be fast, so the revisions are read from the version files' own
`revision = ...` lines and Alembic is imported only when there is work to do.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from designer.models.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPTS = Path(__file__).with_name("migrations")
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?([^'\"\s]+)?['\"]?", re.M)


def config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["engine"] = engine
    return cfg


@cache
def revisions() -> dict[str, str | None]:
    """Every revision this version of the app knows, with the one it revises."""
    known: dict[str, str | None] = {}
    for script in sorted((SCRIPTS / "versions").glob("*.py")):
        found = dict((key, value) for key, value in _REVISION_LINE.findall(script.read_text()))
        if "revision" in found:
            down = found.get("down_revision")
            known[found["revision"]] = None if down in (None, "", "None") else down
    return known


def head_revision() -> str:
    """The newest revision: the one no other revision revises."""
    known = revisions()
    heads = set(known) - {down for down in known.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"The migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    """The store's revision, or None for a database without one (a new store)."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError) as e:
            if "alembic_version" in str(e.orig) or "no such table" in str(e.orig):
                return None
            raise


def backup_path(path: Path, revision: str) -> Path:
    return path.with_name(f"{path.name}.before-upgrade-from-{revision}")


def backup(path: Path, to: Path) -> None:
    """A consistent copy of a live SQLite store, through SQLite's backup API.

    Without its backup a store is not upgraded: a failure here is a sentence.
    """
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(to)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except (sqlite3.Error, OSError) as e:
        raise StoreError(
            f"{path.name} needs an upgrade, but its backup copy {to.name} could not be "
            f"written ({e}). Free some space or make the folder writable, then open it again; "
            "the store was left as it is."
        ) from None


def newer_schema_error(name: str) -> StoreError:
    return StoreError(
        f"{name} was made by a newer version of Engagement Designer. "
        "Update the app to open it; the file was left as it is."
    )


def upgrade(
    engine: Engine, path: Path | None, target: str = "head", *, backed_up: bool = False
) -> str | None:
    """Bring the store's schema to target; returns the revision it had (None when new).

    The file at path is backed up first, unless the caller already did (backed_up).
    """
    current = current_revision(engine)
    if target == "head" and current == head_revision():
        return current
    if current is not None and current not in revisions():
        raise newer_schema_error(path.name if path else "This store")
    if current is not None and path is not None and not backed_up:
        backup(path, backup_path(path, current))
    from alembic import command

    command.upgrade(config(engine), target)
    return current
