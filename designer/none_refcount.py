"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6/shiboken 6.12.0 returns None from every void method (setPos,
setPen, update, …) without taking a reference, as if None were immortal,
which it only is from Python 3.12; some calls do the same with True and
False. Each such call drops the count by one; None's starts near 5,000, so
after a few thousand paints the interpreter aborts with "none_dealloc" (or
"bool_dealloc" at exit). Raising the counts far out of reach once, before
Qt is used, makes them as good as immortal, as on 3.12. No Qt is imported here.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40  # more void calls than a process can make


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12) or getattr(keep_none_alive, "done", False):
        return  # None is immortal from 3.12
    # ob_refcnt is the first field of every object, at its id() in CPython
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    keep_none_alive.done = True  # type: ignore[attr-defined]
