"""Alembic migrations, run when a store is opened, after a backup of the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from designer.models.errors import StoreError

SCRIPTS = Path(__file__).with_name("migrations")


def config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_path(path: Path, revision: str) -> Path:
    return path.with_name(f"{path.name}.before-upgrade-from-{revision}")


def backup(path: Path, to: Path) -> None:
    """A consistent copy of a live SQLite store, through SQLite's backup API."""
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    dst = sqlite3.connect(to)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def upgrade(engine: Engine, path: Path | None, target: str = "head") -> str | None:
    """Bring the store's schema to target; returns the revision it had (None when new)."""
    cfg = config(engine)
    script = ScriptDirectory.from_config(cfg)
    current = current_revision(engine)
    head = script.get_current_head()
    if current == head and target == "head":
        return current
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(
            f"{path.name if path else 'This store'} was made by a newer version of "
            "Engagement Designer. Update the app to open it; the file was left as it is."
        )
    if current is not None and path is not None:
        backup(path, backup_path(path, current))
    command.upgrade(cfg, target)
    return current
