"""Undoable commands that add, remove and copy rows, beside EditSession's set_fields.

A row travels as a snapshot: its columns, the rows it owns (an engagement of a
campaign, a shift of a skill) and the rows that point at it (engagements using
an entry point). Removing and restoring the same snapshot is what undo and redo
do, so a deleted campaign comes back with its engagements and their ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.models.account import Holiday, Skill, WorkingShift
from designer.models.campaign import Campaign, CampaignVersion
from designer.models.engagement import Engagement
from designer.models.errors import StoreError
from designer.models.libraries import Behavior, EntryPoint, TargetAudience
from designer.models.versions import columns
from designer.views.editing.edit_session import StoreCommand

# Rows a row owns: deleted with it, restored with it.
OWNED: dict[type, tuple[tuple[type, str], ...]] = {
    Campaign: ((Engagement, "campaign_id"), (CampaignVersion, "campaign_id")),
    Skill: ((WorkingShift, "skill_id"), (Holiday, "skill_id")),
}
# Rows that point at a row: their pointer is cleared on delete, set back on undo.
REFERRERS: dict[type, tuple[tuple[type, str], ...]] = {
    EntryPoint: ((Engagement, "entry_point_id"),),
    Behavior: ((Engagement, "behavior_id"),),
    TargetAudience: ((Campaign, "audience_id"),),
    Skill: ((Engagement, "skill_id"),),
}


@dataclass
class Snapshot:
    model: type
    values: dict[str, Any]
    owned: list[tuple[type, dict[str, Any]]] = field(default_factory=list)
    pointers: list[tuple[type, int, str]] = field(default_factory=list)

    @property
    def row_id(self) -> int | None:
        return self.values.get("id")


def snapshot(s: Session, model: type, row_id: int) -> Snapshot:
    row = s.get(model, row_id)
    if row is None:
        raise StoreError("It was deleted meanwhile; nothing was changed.")
    snap = Snapshot(model, columns(row))
    for child, fk in OWNED.get(model, ()):
        for c in s.scalars(select(child).where(getattr(child, fk) == row_id)):
            snap.owned.append((child, columns(c)))
    for user, fk in REFERRERS.get(model, ()):
        for uid in s.scalars(select(user.id).where(getattr(user, fk) == row_id)):
            snap.pointers.append((user, uid, fk))
    return snap


def _restore(s: Session, snap: Snapshot) -> None:
    row = snap.model(**snap.values)
    s.add(row)
    s.flush()
    snap.values["id"] = row.id  # a new row keeps its id for redo
    for child, values in snap.owned:
        for model, fk in OWNED[snap.model]:
            if model is child:
                values[fk] = row.id
        c = child(**values)
        s.add(c)
        s.flush()
        values["id"] = c.id
    for user, uid, fk in snap.pointers:
        target = s.get(user, uid)
        if target is not None:
            setattr(target, fk, row.id)


def _remove(s: Session, snap: Snapshot) -> None:
    # What the row is now, not when the command was made: a publish since (not an edit on
    # the undo stack) recorded versions and a status that must come back with it on redo.
    if s.get(snap.model, snap.row_id) is not None:
        now = snapshot(s, snap.model, snap.row_id)
        snap.values, snap.owned, snap.pointers = now.values, now.owned, now.pointers
    for user, uid, fk in snap.pointers:
        target = s.get(user, uid)
        if target is not None:
            setattr(target, fk, None)
    s.flush()
    row = s.get(snap.model, snap.row_id)
    if row is not None:
        s.delete(row)


class RowCommand(StoreCommand):
    """Adds (new=snapshot) or removes (old=snapshot) one row with what it owns."""

    def __init__(self, text: str, entity: str, snap: Snapshot, adding: bool) -> None:
        self.snap = snap

        def write(s: Session, value: Snapshot | None) -> None:
            if value is None:
                _remove(s, snap)
            else:
                _restore(s, snap)
            self.entity_id = snap.row_id or 0

        old, new = (None, snap) if adding else (snap, None)
        super().__init__(text, entity, snap.row_id or 0, old, new, write, snap.model)

    @property
    def row_id(self) -> int | None:
        return self.snap.row_id


def create_row(model: type, entity: str, text: str, **values: Any) -> RowCommand:
    """Add a new row of model with values, e.g. create_row(EntryPoint, "entry_point", ...)."""
    return RowCommand(text, entity, Snapshot(model, dict(values)), adding=True)


def delete_row(s: Session, model: type, entity: str, row_id: int, text: str) -> RowCommand:
    """Delete a row (read with s now), clearing who points at it; undo brings all back."""
    return RowCommand(text, entity, snapshot(s, model, row_id), adding=False)


def duplicate_row(
    s: Session, model: type, entity: str, row_id: int, text: str, **changes: Any
) -> RowCommand:
    """A copy of a row and what it owns, under new ids, with changes (a new name)."""
    snap = snapshot(s, model, row_id)
    snap.values.pop("id")
    snap.values.update(changes)
    # A copy starts without history: published versions stay with the original.
    snap.owned = [(m, v) for m, v in snap.owned if m is not CampaignVersion]
    for _, values in snap.owned:
        values.pop("id")
    snap.pointers = []
    return RowCommand(text, entity, snap, adding=True)


def unique_name(s: Session, model: type, wanted: str) -> str:
    """wanted, or 'wanted 2', 'wanted 3'… so unique names never collide."""
    taken = set(s.scalars(select(model.name)))
    name, n = wanted, 1
    while name in taken:
        n += 1
        name = f"{wanted} {n}"
    return name
