"""The last resort: an unexpected error becomes a sentence in a dialog, its traceback a log line.

Bugs stay bugs (the traceback goes to the log for a report), but the designer
never sees one, and learns that saved work is safe: every edit is saved as made.
A store failure that escaped a view (a team store out of reach, say) is its own
sentence, not an "internal error".
"""

from __future__ import annotations

import logging
import sys
import time
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMainWindow

from designer.models.errors import StoreError, StoreUnreachable
from designer.views.shell.sentences import show_error

log = logging.getLogger("designer")
# An outage is said once in a dialog; while it lasts, later clicks say it in the status bar.
QUIET_SECONDS = 30.0
_said_unreachable_at = [0.0]  # time.monotonic() when said; set by install()


def _said_lately(error: StoreError) -> bool:
    """True when the team store's outage was just said: say it again in the status bar."""
    if not isinstance(error, StoreUnreachable):
        return False
    now = time.monotonic()
    if now - _said_unreachable_at[0] < QUIET_SECONDS:
        window = QApplication.activeWindow() or next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow)), None
        )
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(str(error), 10_000)
        return True
    _said_unreachable_at[0] = now
    return False


def sentence_for_bug(error: BaseException) -> str:
    return (
        f"Engagement Designer ran into an internal error ({type(error).__name__}) and could not "
        "finish that action. Everything saved before it is safe: each change is saved as it is "
        "made. If it happens again, please report it with the log."
    )


def install() -> None:
    """Route exceptions that reach the event loop to the log and a dialog."""
    _said_unreachable_at[0] = time.monotonic() - QUIET_SECONDS

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if isinstance(error, StoreError):
            log.warning("%s", error)
            if not _said_lately(error):
                show_error(QApplication.activeWindow(), str(error))
            return
        log.error("".join(traceback.format_exception(kind, error, tb)))
        show_error(QApplication.activeWindow(), sentence_for_bug(error))

    sys.excepthook = hook
