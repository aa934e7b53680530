"""An edit made while the team store's server is out of reach: kept, and saved when it is back.

The session holds the one edit that could not be saved, says so (the window is
read-only meanwhile) and tries again every few seconds, or at once on `retry()`. Saved, it joins the undo stack as if nothing happened; refused meanwhile
(someone else changed the row), the designer gets the sentence why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from designer.models.errors import StaleEdit, StoreError, StoreUnreachable

if TYPE_CHECKING:
    from designer.views.edit_session import EditSession, StoreCommand

RETRY_MS = 2000
WAITING = "The team store cannot be reached; your last change will be saved when it is back."
READ_ONLY = (
    "The team store cannot be reached, so this change was not made: your last change is "
    "still waiting to be saved. Make it again when the store is back."
)


class WaitingEdit(QObject):
    """At most one waiting edit per session; `waiting_changed` says when one starts and ends."""

    waiting_changed = Signal(bool)

    def __init__(self, session: EditSession) -> None:
        super().__init__(session)
        self.session = session
        self.command: StoreCommand | None = None
        self._value: Any = None
        self._saved: Callable[[], None] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)

    @property
    def waiting(self) -> bool:
        return self.command is not None

    def hold(self, command: StoreCommand, value: Any, saved: Callable[[], None]) -> None:
        """Keep command's write of value; saved() runs once it is in the store."""
        self.command, self._value, self._saved = command, value, saved
        self.timer.start()
        self.waiting_changed.emit(True)

    def retry(self) -> bool:
        """Try the waiting edit again; True when it is done (saved, or refused with a reason)."""
        command = self.command
        if command is None:
            return True
        try:
            command.apply(self._value)
        except StoreUnreachable:
            return False
        except StaleEdit as e:
            self._done()
            self.session.refused_stale(command, e)
            return True
        except StoreError as e:
            self._done()
            self.session.failed.emit(str(e))
            return True
        saved = self._saved
        self._done()
        if saved is not None:
            saved()
        return True

    def _done(self) -> None:
        self.timer.stop()
        self.command, self._value, self._saved = None, None, None
        self.waiting_changed.emit(False)
