"""The app's one clock: every "now" the app's Python code reads comes from here.

The real time, unless something pins it: `pinned(moment)` makes the clock read
`moment` and run on from there (so timestamps written later still come later).
Tests pin it to a moment inside the schedule they test, so that neither the
sample made for them nor what they preview depends on today's date or hour.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, tzinfo

_offset: timedelta | None = None  # pinned moment minus the real time when it was pinned


def now(zone: tzinfo = UTC) -> datetime:
    """The current moment (aware), in zone."""
    real = datetime.now(UTC)
    return (real + _offset if _offset is not None else real).astimezone(zone)


def utcnow() -> datetime:
    """The current moment in UTC without a time zone, as the store keeps timestamps."""
    return now().replace(tzinfo=None)


def pinned_now() -> datetime | None:
    """The current moment if the clock is pinned, else None (the real time: ask a page's own)."""
    return now() if _offset is not None else None


def pin(moment: datetime) -> None:
    """From now on the clock reads moment (aware) and runs on from there."""
    global _offset
    if moment.tzinfo is None:
        raise ValueError("pin the clock to an aware moment (with its time zone)")
    _offset = moment - datetime.now(UTC)


@contextmanager
def pinned(moment: datetime) -> Iterator[None]:
    """The clock reads moment inside the block; what it read before comes back after."""
    global _offset
    before = _offset
    pin(moment)
    try:
        yield
    finally:
        _offset = before
