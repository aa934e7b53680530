"""One writer per store file: a QLockFile beside it, so a second instance opens read-only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class StoreLock:
    """Held while a window edits the store at path; `acquired` is False when another has it."""

    def __init__(self, path: Path | None) -> None:
        self._lock: QLockFile | None = None
        self.acquired = True
        if path is None:  # a server store: the database itself arbitrates writers
            return
        self._lock = QLockFile(str(path.with_name(path.name + ".lock")))
        self._lock.setStaleLockTime(0)  # a crashed instance's lock is taken over by pid check
        self.acquired = self._lock.tryLock(100)

    def holder(self) -> str:
        if self._lock is None:
            return ""
        info = self._lock.getLockInfo()  # (pid, host, app), or False when unreadable
        return f"process {info[0]} on {info[1]}" if isinstance(info, tuple) else "another program"

    def release(self) -> None:
        if self._lock is not None and self.acquired:
            self._lock.unlock()
            self.acquired = False
