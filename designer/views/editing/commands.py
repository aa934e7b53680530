"""Undoable commands that add, remove and copy rows, beside EditSession's SetFields.

The rows travel as snapshots (designer/models/row_snapshots.py): adding restores
one, removing takes it away, so a deleted campaign comes back with its engagements
and their ids, and a redone add keeps the id it was given first.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from designer.models.campaign import Campaign
from designer.models.row_snapshots import Snapshot, copy_of, remove, restore, snapshot
from designer.views.editing.edit_session import StoreCommand


class AddRow(StoreCommand):
    """Add one row (a snapshot) with what it owns; backward removes it again."""

    guarded = True

    def __init__(self, text: str, snap: Snapshot) -> None:
        super().__init__(text, snap.model, snap.row_id or 0)
        self.snap = snap

    @property
    def row_id(self) -> int | None:
        return self.snap.row_id

    def forward(self, s: Session) -> None:
        restore(s, self.snap)
        self.entity_id = self.snap.row_id or 0

    def backward(self, s: Session) -> None:
        remove(s, self.snap)


class RemoveRow(AddRow):
    """Remove one row with what it owns, clearing who points at it; backward brings all back."""

    forward, backward = AddRow.backward, AddRow.forward


def create_row(model: type, text: str, **values: Any) -> AddRow:
    """Add a new row of model with values, e.g. create_row(EntryPoint, "New entry point", ...)."""
    return AddRow(text, Snapshot(model, dict(values)))


def delete_row(s: Session, model: type, row_id: int, text: str) -> RemoveRow:
    """Delete a row (read with s now), clearing who points at it; undo brings all back."""
    return RemoveRow(text, snapshot(s, model, row_id))


def duplicate_row(s: Session, model: type, row_id: int, text: str, **changes: Any) -> AddRow:
    """A copy of a row and what it owns, under new ids, with changes (a new name)."""
    return AddRow(text, copy_of(s, model, row_id, **changes))


class StartFromSample(StoreCommand):
    """Fill an empty store with the sample campaigns and libraries; undo takes them away."""

    def __init__(self) -> None:
        super().__init__("Start from the sample", Campaign, 0)
        self.added = None

    def forward(self, s: Session) -> None:
        from designer.models.seed import add_sample  # only a designer who asks needs it

        self.added = add_sample(s)

    def backward(self, s: Session) -> None:
        from designer.models.seed import remove_sample

        remove_sample(s, self.added)
