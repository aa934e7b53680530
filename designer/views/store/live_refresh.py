"""Others' changes appear by themselves: the window polls the store's change feed.

A team store's feed has a socket that wakes the window the moment another
designer commits; a timer polls SQLite's data version (and retries a dropped
listener). Each change becomes a `changed` signal (the window passes it on as its
session's, which views already follow), and a status-bar sentence says who changed what.

It holds the store only, not the session or the window: Qt objects that point back
at their owners sit in reference cycles, which the garbage collector breaks at
whatever moment it runs, deleting Qt objects under code still using them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from designer.models.change_feed import ChangeFeed
from designer.models.store import Store

POLL_MS = 250


class LiveRefresh(QObject):
    """Follows one store; `changed` as EditSession's, `noticed` the status bar's sentence."""

    changed = Signal(str, int)
    noticed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.feed = ChangeFeed(store)
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
                self.changed.emit(change.entity, change.entity_id)
        last = changes[-1].sentence()
        more = len(changes) - 1
        self.noticed.emit(last if not more else f"{last} ({more} more changes by others)")

    def stop(self) -> None:
        self.timer.stop()
        if self._socket is not None:
            self._socket.setEnabled(False)
        self.feed.close()
