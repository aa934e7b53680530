"""The edit session: the open store, its undo stack, and the signal views follow.

Every change a designer makes goes through `EditSession.push(command)`: the
command applies the change to the store in one transaction (saved at once)
and can take it back. Views never edit the store themselves; they listen to
`changed` and re-read what concerns them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from designer.models.changes import entity_of
from designer.models.errors import StaleEdit, StoreError, StoreUnreachable
from designer.models.store import Store
from designer.views.store.waiting_edit import READ_ONLY, WaitingEdit

# A constraint of the store refused the edit (a taken name, a row removed meanwhile).
CONFLICT = (
    "That change could not be saved: the name is already taken, or something it refers to "
    "was removed meanwhile. The store is as it was; choose another name and try again."
)


class EditSession(QObject):
    """One per open store: the store, the undo stack, and change notifications."""

    # entity ("campaign", "engagement", "entry_point", "audience", "behavior",
    # "account", "skill"), and its id (0 when it concerns all of them)
    changed = Signal(str, int)
    # A StoreError's sentence, when an edit could not be saved.
    failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        # True when another window edits the same store: edits are refused with a sentence.
        self.read_only = False
        # An edit the team store's server could not take yet: saved when it is back.
        self.waiting = WaitingEdit(self)

    def read_only_sentence(self) -> str:
        return (
            f"{self.store.label} is open read-only here, because another window edits it. "
            "Close that window and open the store again to make changes."
        )

    def push(self, command: QUndoCommand) -> bool:
        """Apply command (and record it for undo); False, with `failed` emitted, when it could not be saved."""
        if self.read_only:
            self.failed.emit(self.read_only_sentence())
            return False
        if isinstance(command, StoreCommand):
            command.session = self
            if self.waiting.waiting:
                self.failed.emit(READ_ONLY)
                return False
            try:
                command.apply(True)
            except StoreUnreachable:
                self.waiting.hold(command, True, record=True)
                return True
            except StaleEdit as e:
                self.refused_stale(command, e)
                return False
            except StoreError as e:
                self.failed.emit(str(e))
                return False
            except IntegrityError:
                self.failed.emit(CONFLICT)
                return False
            self._record(command)
        else:
            self.undo_stack.push(command)
        return True

    def _record(self, command: QUndoCommand) -> None:
        command.applied = True
        self.undo_stack.push(command)

    def refused_stale(self, command: StoreCommand, error: StaleEdit) -> None:
        """Someone else changed the row: say who, and reload the views (nothing was written)."""
        self.failed.emit(str(error))
        self.changed.emit(command.entity, command.entity_id)


class StoreCommand(QUndoCommand):
    """Base of every undoable edit: `forward(s)` makes it, `backward(s)` takes it back.

    Each runs in one transaction (saved at once) and then tells the views through
    `changed`, naming the entity of `model`, the class of the row it changes. A
    `guarded` command first checks that nobody else changed the row since this window
    read it (or, for undo and redo, since this command wrote it): a stale one is refused.
    """

    guarded = False

    def __init__(self, text: str, model: type, row_id: int) -> None:
        super().__init__(text)
        self.model, self.entity_id = model, row_id
        self.session: EditSession | None = None
        self.applied = False

    @property
    def entity(self) -> str:
        return entity_of(self.model)

    def forward(self, s: Session) -> None:
        """Make the change in s; every command says how."""
        raise TypeError(f"{type(self).__name__} says no forward step")

    def backward(self, s: Session) -> None:
        """Take the change back in s; every command says how."""
        raise TypeError(f"{type(self).__name__} says no backward step")

    def based_on(self, forward: bool) -> dict[str, Any] | None:
        """The values the step replaces, which must still be the row's (None: any)."""
        return None

    def seen_version(self) -> int | None:
        if self.session is None:
            return None
        return self.session.store.tracker.seen.get((self.model.__tablename__, self.entity_id))

    def apply(self, forward: bool) -> None:
        assert self.session is not None
        expected = self.seen_version()
        with self.session.store.edit() as s:
            if self.guarded and self.entity_id:
                tracker = self.session.store.tracker
                tracker.current(s, self.model, self.entity_id, expected, self.based_on(forward))
            (self.forward if forward else self.backward)(s)
        self.session.changed.emit(self.entity, self.entity_id)

    def redo(self) -> None:
        if self.applied:  # QUndoStack.push calls redo once; the edit is already saved
            self.applied = False
            return
        self._safe(True)

    def undo(self) -> None:
        self._safe(False)

    def _safe(self, forward: bool) -> None:
        assert self.session is not None
        if self.session.waiting.waiting:
            self.session.failed.emit(READ_ONLY)
            return
        try:
            self.apply(forward)
        except StoreUnreachable:
            self.session.waiting.hold(self, forward, record=False)
        except StaleEdit as e:
            self.setObsolete(True)  # it would only wipe the other's change: off the stack
            self.session.refused_stale(self, e)
        except StoreError as e:
            self.session.failed.emit(str(e))
        except IntegrityError:
            self.session.failed.emit(CONFLICT)


class SetFields(StoreCommand):
    """Set columns of one row: old and new are {column: value}, e.g. a campaign's name."""

    guarded = True

    def __init__(
        self, model: type, row_id: int, text: str, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        super().__init__(text, model, row_id)
        self.old, self.new = old, new

    def forward(self, s: Session) -> None:
        self._write(s, self.new)

    def backward(self, s: Session) -> None:
        self._write(s, self.old)

    def based_on(self, forward: bool) -> dict[str, Any]:
        return self.old if forward else self.new

    def _write(self, s: Session, values: dict[str, Any]) -> None:
        row = s.get(self.model, self.entity_id)
        if row is None:
            thing = self.entity.replace("_", " ")
            raise StoreError(f"The {thing} was deleted meanwhile; nothing was changed.")
        for key, value in values.items():
            setattr(row, key, value)


class WriteValue(StoreCommand):
    """Puts a value with write(s, value): new forward, old backward (a schedule, a window)."""

    def __init__(
        self,
        text: str,
        model: type,
        row_id: int,
        old: Any,
        new: Any,
        write: Callable[[Session, Any], None],
    ) -> None:
        super().__init__(text, model, row_id)
        self.old, self.new, self._write = old, new, write

    def forward(self, s: Session) -> None:
        self._write(s, self.new)

    def backward(self, s: Session) -> None:
        self._write(s, self.old)
