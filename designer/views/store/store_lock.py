"""One writer per store file: a QLockFile beside it, so a second instance opens read-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class StoreLock:
    """Held while a window edits the store at path; `acquired` is False when another has it.

    Only another holder counts: a folder that cannot take a lock file (read-only, or
    missing and not makeable) is left to Store.open, which says what is wrong.
    """

    def __init__(self, path: Path | None) -> None:
        self._lock: QLockFile | None = None
        self.acquired = True
        if path is None:  # a server store: the database itself arbitrates writers
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        lock = QLockFile(str(path.with_name(path.name + ".lock")))
        # A crashed instance's lock is taken over: Qt checks whether its process still runs.
        lock.setStaleLockTime(0)
        if lock.tryLock(100):
            self._lock = lock
        elif lock.error() == QLockFile.LockError.LockFailedError:
            self._lock, self.acquired = lock, False

    def holder(self) -> str:
        if self._lock is None:
            return ""
        info = self._lock.getLockInfo()  # (pid, host, app), or False when unreadable
        return f"process {info[0]} on {info[1]}" if isinstance(info, tuple) else "another program"

    def release(self) -> None:
        if self._lock is not None and self.acquired:
            self._lock.unlock()
            self.acquired = False
