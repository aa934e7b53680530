"""The store's change log: who added, changed or removed which row, for the other open windows.

Every flush that writes a versioned row appends one entry per row. Another
window (or computer) reads the entries after the last one it saw and reloads
what they name; the status bar says who changed what. On PostgreSQL a NOTIFY
in the same transaction wakes the others at commit; a SQLite file's data
version tells a window that someone wrote to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Integer, String, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from designer.models.base import Base, utcnow
from designer.models.errors import ROW_NAMES

KEEP = timedelta(days=2)  # older entries are of no use to a window that is open now

# Table -> the entity word views listen for (EditSession.changed).
ENTITIES = {
    "account_settings": "account",
    "behaviors": "behavior",
    "campaigns": "campaign",
    "engagements": "engagement",
    "entry_points": "entry_point",
    "holidays": "skill",
    "skills": "skill",
    "target_audiences": "audience",
    "window_designs": "window_design",
    "working_shifts": "skill",
}


def entity_of(model: type) -> str:
    """The entity word of a model's rows (an edit of a Campaign tells views "campaign")."""
    table = model.__tablename__
    return ENTITIES.get(table, table)


class Change(Base):
    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int]
    action: Mapped[str] = mapped_column(String(10))  # added / changed / removed
    row_name: Mapped[str] = mapped_column(String(200), default="")
    changed_by: Mapped[str] = mapped_column(String(200), default="")
    client: Mapped[str] = mapped_column(String(40), default="")  # the writing Store's id


@dataclass(frozen=True)
class SeenChange:
    """One change by someone else, as the views and the status bar need it."""

    id: int
    table: str
    entity_id: int
    action: str
    name: str
    who: str

    @property
    def entity(self) -> str:
        return ENTITIES.get(self.table, self.table)

    def sentence(self) -> str:
        """For the status bar: "Bea changed the campaign “Spring sale”." """
        thing = ROW_NAMES.get(self.table, self.table.replace("_", " "))
        named = f" “{self.name}”" if self.name and self.table != "account_settings" else ""
        return f"{self.who or 'Another designer'} {self.action} the {thing}{named}."


def last_change_id(s: Session) -> int:
    return s.scalar(select(func.max(Change.id))) or 0


# On PostgreSQL ids are handed out at insert, not at commit: a slower transaction may
# commit a lower id after a higher one was read. Reading a little before the last id
# seen (and skipping ids already seen) catches those.
OVERLAP = 200


def changes_after(s: Session, after: int, seen: set[int], client: str) -> list[SeenChange]:
    """Changes committed after entry `after` (not yet in `seen`) by any other client.

    Adds what it read to `seen` (which it also trims).
    """
    rows = s.scalars(select(Change).where(Change.id > after - OVERLAP).order_by(Change.id)).all()
    fresh = [r for r in rows if r.id not in seen]
    seen.update(r.id for r in fresh)
    if len(seen) > 4 * OVERLAP:
        newest = max(seen)
        seen.difference_update({i for i in seen if i <= newest - 2 * OVERLAP})
    return [
        SeenChange(r.id, r.table_name, r.row_id, r.action, r.row_name, r.changed_by)
        for r in fresh
        if r.client != client
    ]


def prune(s: Session) -> None:
    """Forget old entries, but never the newest: SQLite numbers a new row after the highest
    one left, and an emptied log would start again at 1, below what open windows have seen."""
    newest = s.scalar(select(func.max(Change.id)))
    s.execute(delete(Change).where(Change.at < utcnow() - KEEP, Change.id != newest))
