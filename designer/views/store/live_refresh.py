"""Others' changes appear by themselves: the window polls the store's change feed.

A team store's feed has a socket that wakes the window the moment another
designer commits; a timer polls SQLite's data version (and retries a dropped
listener). Each change becomes the `changed` signal views already follow, and a
status-bar sentence says who changed what.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from designer.models.change_feed import ChangeFeed
from designer.views.editing.edit_session import EditSession

POLL_MS = 250


class LiveRefresh(QObject):
    """Follows one EditSession's store; `noticed` carries the sentence for the status bar."""

    noticed = Signal(str)

    def __init__(self, session: EditSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.feed = ChangeFeed(session.store)
        self._socket: QSocketNotifier | None = None
        self._watch_socket()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _watch_socket(self) -> None:
        fileno = self.feed.fileno()
        if self._socket is not None and self._socket.socket() == fileno:
            return
        if self._socket is not None:
            self._socket.setEnabled(False)
            self._socket.deleteLater()
            self._socket = None
        if fileno is not None:
            self._socket = QSocketNotifier(fileno, QSocketNotifier.Type.Read, self)
            self._socket.activated.connect(self.poll)

    def poll(self) -> None:
        changes = self.feed.poll()
        self._watch_socket()  # a listener that reconnected has a new socket
        if not changes:
            return
        done: set[tuple[str, int]] = set()
        for change in changes:
            if (change.entity, change.entity_id) not in done:
                done.add((change.entity, change.entity_id))
                self.session.changed.emit(change.entity, change.entity_id)
        last = changes[-1].sentence()
        more = len(changes) - 1
        self.noticed.emit(last if not more else f"{last} ({more} more changes by others)")

    def stop(self) -> None:
        self.timer.stop()
        if self._socket is not None:
            self._socket.setEnabled(False)
        self.feed.close()
