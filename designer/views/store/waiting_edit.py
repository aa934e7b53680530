"""An edit made while the team store's server is out of reach: kept, and saved when it is back.

The session holds the one edit that could not be saved; the window shows the
banner (and is read-only meanwhile) while it is retried every few seconds, or at
once on Retry. Saved, it joins the undo stack as if nothing happened; refused
meanwhile (someone else changed the row), the designer gets the sentence why.

It keeps no reference to its session, only to the waiting command (which knows its
session) for as long as the edit waits: the session owns it as a Qt child, and a
child that pointed back at its parent would put every session in a reference
cycle, for the garbage collector to delete at whatever moment it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from designer.models.errors import StaleEdit, StoreError, StoreUnreachable

if TYPE_CHECKING:
    from designer.views.editing.edit_session import StoreCommand

# Retried by itself every RETRY_MS, waiting twice as long after each failure up to
# RETRY_MOST_MS (each try may wait for the server's connect timeout); Retry tries at once.
RETRY_MS, RETRY_MOST_MS = 2000, 10_000
WAITING = "The team store cannot be reached; your last change will be saved when it is back."
READ_ONLY = (
    "The team store cannot be reached, so this change was not made: your last change is "
    "still waiting to be saved. Make it again when the store is back."
)


class WaitingEdit(QObject):
    """At most one waiting edit per session; `waiting_changed` says when one starts and ends."""

    waiting_changed = Signal(bool)
    saved = Signal()  # the waiting edit is in the store now (else it was refused, with a sentence)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.command: StoreCommand | None = None
        self._forward = True
        self._record = False
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self._on_timer)

    @property
    def waiting(self) -> bool:
        return self.command is not None

    def hold(self, command: StoreCommand, forward: bool, record: bool) -> None:
        """Keep command's write (forward, or its undo); once saved, record=True puts it on the
        undo stack (a new edit), False leaves the stack as it is (an undo or redo moved it)."""
        self.command, self._forward, self._record = command, forward, record
        self.timer.start(RETRY_MS)
        self.waiting_changed.emit(True)

    def retry(self) -> bool:
        """Try the waiting edit again; True when it is done (saved, or refused with a reason)."""
        command = self.command
        if command is None:
            return True
        session = command.session
        assert session is not None
        try:
            command.apply(self._forward)
        except StoreUnreachable:
            return False
        except StaleEdit as e:
            self._done()
            session.refused_stale(command, e)
            return True
        except StoreError as e:
            self._done()
            session.failed.emit(str(e))
            return True
        record = self._record
        self._done()
        if record:
            session._record(command)  # saved now: on the undo stack like any edit
        self.saved.emit()
        return True

    def _on_timer(self) -> None:
        if not self.retry():
            self.timer.start(min(self.timer.interval() * 2, RETRY_MOST_MS))

    def _done(self) -> None:
        self.timer.stop()
        self.command, self._forward, self._record = None, True, False
        self.waiting_changed.emit(False)
