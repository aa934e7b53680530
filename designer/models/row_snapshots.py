"""Rows as snapshots, to remove, restore and copy them with what belongs to them.

A row travels as a snapshot: its columns, the rows it owns (an engagement of a
campaign, a shift of a skill) and the rows that point at it (engagements using
an entry point). Removing and restoring the same snapshot is what undo and redo
of a delete do, so a deleted campaign comes back with its engagements and their ids.
A copy is a snapshot without ids, history or pointers, under a name of its own.
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
from designer.models.vocabulary import CampaignStatus

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


def restore(s: Session, snap: Snapshot) -> None:
    """Put the snapshot's row back (under its id, or a new one it then keeps) with what it owns."""
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


def remove(s: Session, snap: Snapshot) -> None:
    """Remove the snapshot's row as it is now, with what it owns; clear who points at it."""
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


def copy_of(s: Session, model: type, row_id: int, **changes: Any) -> Snapshot:
    """A copy of a row and what it owns, to be added under new ids, with changes (a new name)."""
    snap = snapshot(s, model, row_id)
    snap.values.pop("id")
    snap.values.update(changes)
    # A copy starts without history: published versions stay with the original.
    snap.owned = [(m, v) for m, v in snap.owned if m is not CampaignVersion]
    for _, values in snap.owned:
        values.pop("id")
    snap.pointers = []
    return snap


def unique_name(s: Session, model: type, wanted: str) -> str:
    """wanted, or 'wanted 2', 'wanted 3'… so unique names never collide."""
    taken = set(s.scalars(select(model.name)))
    name, n = wanted, 1
    while name in taken:
        n += 1
        name = f"{wanted} {n}"
    return name


def copy_changes(s: Session, row: Any) -> dict[str, Any]:
    """What a copy of row changes: its name gets " (copy)" (numbered where names are
    unique: campaigns and library items), and a campaign's copy starts as a draft."""
    wanted = f"{row.name} (copy)"
    if isinstance(row, Engagement):  # engagements may share a name
        return {"name": wanted}
    changes = {"name": unique_name(s, type(row), wanted)}
    if isinstance(row, Campaign):
        changes["status"] = CampaignStatus.DRAFT.value
    return changes
