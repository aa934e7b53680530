"""Time frames: when a campaign can be active, checked without a browser."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from designer.models.vocabulary import HoursMode


def valid_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def time_frame_problem(starts_at: datetime | None, ends_at: datetime | None) -> str | None:
    """Why a campaign's start and end cannot stand together, or None."""
    if starts_at and ends_at and ends_at <= starts_at:
        return "The time frame ends before it starts; move the end after the start."
    return None


def shift_problem(shift: dict) -> str | None:
    start, end = shift.get("start"), shift.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return "A shift needs a start and an end time."
    if not (0 <= start < end <= 1440):
        return "A shift must end after it starts, within one day."
    if start % 5 or end % 5:
        return "Shift times go in 5-minute steps."
    if shift.get("weekday", 0) not in range(7):
        return "A shift's day must be Monday to Sunday."
    return None


def _occasion(occasions: list[dict], day: date) -> dict | None:
    return next((o for o in occasions if o.get("date") == day.isoformat()), None)


def open_intervals_on(
    mode: str, shifts: list[dict], occasions: list[dict], day: date
) -> list[tuple[int, int]]:
    """The (start, end) minutes of day, local to the campaign, the time frame allows."""
    occasion = _occasion(occasions, day)
    if occasion is not None:
        if occasion.get("closed"):
            return []
        return [(occasion.get("start", 0), occasion.get("end", 0))]
    if mode == HoursMode.ALL_HOURS:
        return [(0, 1440)]
    todays = (
        shifts
        if mode == HoursMode.SPECIFIC_HOURS
        else [s for s in shifts if s.get("weekday") == day.weekday()]
    )
    return [(s.get("start", 0), s.get("end", 0)) for s in todays]


def _minute_of(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute + (1 if moment.second or moment.microsecond else 0)


def can_ever_be_active(
    mode: str,
    shifts: list[dict],
    occasions: list[dict],
    starts_at: datetime | None,
    ends_at: datetime | None,
) -> bool:
    """Whether any minute between start and end is inside the hours.

    The first and last day count only from the start and until the end; at
    most 2 years are looked at (a longer time frame is taken as possible).
    """
    first = (starts_at or datetime(2000, 1, 3)).date()
    last = (ends_at or datetime.combine(first + timedelta(days=13), datetime.min.time())).date()
    day, looked = first, 0
    while day <= last and looked < 731:
        low = _minute_of(starts_at) if starts_at and day == first else 0
        high = ends_at.hour * 60 + ends_at.minute if ends_at and day == last else 1440
        for start, end in open_intervals_on(mode, shifts, occasions, day):
            if min(end, high) > max(start, low):
                return True
        day += timedelta(days=1)
        looked += 1
    return looked >= 731
