"""Who edits, and which version of each row this window last saw: the store's side of
"nobody loses an edit".

A `Tracker` listens to the store's sessions. It stamps every written versioned row
with the designer's name, appends one change-log entry per row (and, on PostgreSQL,
a NOTIFY, delivered to the other clients at commit), and remembers the version of
every row this window read or wrote, so an edit based on an older one is refused.
"""

from __future__ import annotations

import getpass
import os
import pwd
import uuid
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from designer.models.base import Versioned, utcnow
from designer.models.changes import Change, prune
from designer.models.errors import ROW_NAMES, StaleEdit

USER_ENV = "ENGAGEMENT_DESIGNER_USER"
CHANNEL = "designer_changes"  # PostgreSQL NOTIFY channel


def designer_name() -> str:
    """The name others see beside this designer's changes: $ENGAGEMENT_DESIGNER_USER,
    else the account's full name, else its login."""
    if os.environ.get(USER_ENV):
        return os.environ[USER_ENV][:200]
    login = getpass.getuser()
    try:
        full = pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
    except KeyError:
        full = ""
    return (full or login)[:200]


def _key(row: Any) -> tuple[str, int]:
    return row.__table__.name, row.id


class Tracker:
    """Attached to one Store's sessionmaker; `seen` maps (table, id) to the version last read."""

    def __init__(self, sessions: sessionmaker, server: bool) -> None:
        from sqlalchemy import event

        self.user = designer_name()
        self.client = uuid.uuid4().hex[:16]
        self.server = server
        self.seen: dict[tuple[str, int], int] = {}
        self._pending: dict[int, dict[tuple[str, int], int | None]] = {}
        self._pruned = False
        event.listen(sessions, "loaded_as_persistent", self._on_loaded)
        event.listen(sessions, "before_flush", self._stamp)
        event.listen(sessions, "after_flush", self._log)
        event.listen(sessions, "after_commit", self._committed)
        event.listen(sessions, "after_rollback", self._rolled_back)

    def _on_loaded(self, _session: Session, row: Any) -> None:
        if isinstance(row, Versioned):
            self.seen[_key(row)] = row.version

    def _stamp(self, session: Session, _context: object, _instances: object) -> None:
        for row in list(session.new) + list(session.dirty):
            if isinstance(row, Versioned) and (
                row in session.new or session.is_modified(row, include_collections=False)
            ):
                row.changed_by = self.user

    def _log(self, session: Session, _context: object) -> None:
        entries = []
        pending = self._pending.setdefault(id(session), {})
        for action, rows in (
            ("added", session.new),
            ("changed", session.dirty),
            ("removed", session.deleted),
        ):
            for row in rows:
                if not isinstance(row, Versioned):
                    continue
                if action == "changed" and not session.is_modified(row, include_collections=False):
                    continue
                pending[_key(row)] = None if action == "removed" else row.version
                name = getattr(row, "name", "") or getattr(row, "account_name", "")
                entries.append(
                    {
                        "at": utcnow(),
                        "table_name": row.__table__.name,
                        "row_id": row.id,
                        "action": action,
                        "row_name": str(name)[:200],
                        "changed_by": self.user,
                        "client": self.client,
                    }
                )
        if entries:
            if not self._pruned:  # tidied with the first edit, never by just opening a store
                prune(session)
                self._pruned = True
            session.execute(insert(Change.__table__), entries)
            if self.server:
                session.execute(text("SELECT pg_notify(:channel, :client)"),
                                {"channel": CHANNEL, "client": self.client})  # fmt: skip

    def _committed(self, session: Session) -> None:
        for key, version in self._pending.pop(id(session), {}).items():
            if version is None:
                self.seen.pop(key, None)
            else:
                self.seen[key] = version

    def _rolled_back(self, session: Session) -> None:
        self._pending.pop(id(session), None)

    def current(
        self,
        s: Session,
        model: type,
        row_id: int,
        expected: int | None,
        values: dict[str, Any] | None = None,
    ) -> Any:
        """The row as the store has it now, or None when gone; StaleEdit when someone
        else changed it since version `expected`, or changed one of `values` (the
        values this edit was based on)."""
        row = s.get(model, row_id, populate_existing=True)
        if row is None or not isinstance(row, Versioned):
            return row
        differs = values is not None and any(getattr(row, k) != v for k, v in values.items())
        if (expected is not None and row.version != expected) or differs:
            raise stale_edit(row.__table__.name, row.changed_by)
        return row

    def last_writer(self, s: Session, table: str) -> str:
        """Who last changed a row of table, as the change log tells (after a refused UPDATE)."""
        return (
            s.scalar(
                select(Change.changed_by)
                .where(Change.table_name == table, Change.client != self.client)
                .order_by(Change.id.desc())
                .limit(1)
            )
            or ""
        )


def stale_edit(table: str, who: str) -> StaleEdit:
    thing = ROW_NAMES.get(table, table.replace("_", " "))
    this = "These account settings were" if table == "account_settings" else f"This {thing} was"
    return StaleEdit(
        f"{this} just changed by {who or 'another designer'} on another computer; "
        "it now shows that change — make yours again.",
        table=table,
        who=who,
    )
