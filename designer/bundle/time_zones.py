"""UTC offset changes of the manifest's time zones, so the runtime needs no `Intl` at start.

The first `Intl.DateTimeFormat(..., {timeZone})` of a page loads the browser's
time zone data: a task of 50-200 ms on every page view. The manifest carries
instead, per time zone it uses, the offsets in force over a span of years
(from Python's zoneinfo): `[[minute since 1970 UTC, offset in minutes east of
UTC], ...]`, the last pair's offset `null` marking the end of the span. The
span is fixed by the data (the years the campaigns, holidays and occasions
name, and at least SPAN_YEARS), so the same store gives the same bytes; for a
moment outside it the runtime takes the span's nearest offset.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SPAN_YEARS = (2025, 2040)  # at least these years, whatever the data names


def _years(manifest: dict[str, Any]) -> tuple[int, int]:
    years = list(SPAN_YEARS)
    for c in manifest.get("campaigns", []):
        tf = c.get("time_frame") or {}
        dates = [tf.get("starts_at"), tf.get("ends_at")]
        dates += [o.get("date") for o in tf.get("special_occasions") or [] if isinstance(o, dict)]
        years += [int(d[:4]) for d in dates if isinstance(d, str) and d[:4].isdigit()]
    holidays = ((manifest.get("account") or {}).get("scheduler") or {}).get("holidays") or []
    years += [int(h["date"][:4]) for h in holidays if str(h.get("date", ""))[:4].isdigit()]
    return max(min(years), 1971), min(max(years), 9998)


def _offset(zone: ZoneInfo, at: datetime) -> int:
    return int(at.astimezone(zone).utcoffset().total_seconds() // 60)  # type: ignore[union-attr]


def transitions(name: str, first_year: int, last_year: int) -> list[list[int | None]] | None:
    """[[minute, offset], ...] from first_year through last_year; None for an unknown zone."""
    found = _transitions(name, first_year, last_year)
    return None if found is None else [list(pair) for pair in found]


@cache  # the same for every build: the preview rebuilds the bundle at each edit
def _transitions(name: str, first_year: int, last_year: int) -> tuple[tuple, ...] | None:
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    start = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    out: list[list[int | None]] = [[int(start.timestamp() // 60), _offset(zone, start)]]
    day, step = start, timedelta(days=1)
    while day < end:
        following = min(day + step, end)
        if _offset(zone, following) != out[-1][1]:  # a change within this day: find its minute
            low, high = day, following
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    middle = low + timedelta(minutes=1)
                if _offset(zone, middle) == out[-1][1]:
                    low = middle
                else:
                    high = middle
            out.append([int(high.timestamp() // 60), _offset(zone, high)])
        day = following
    out.append([int(end.timestamp() // 60), None])
    return tuple(tuple(pair) for pair in out)


def time_zones(manifest: dict[str, Any]) -> dict[str, list[list[int | None]]]:
    """Every time zone the manifest names (the account's and the campaigns'), with its offsets."""
    names = {(manifest.get("account") or {}).get("time_zone") or "UTC"}
    names |= {
        (c.get("time_frame") or {}).get("time_zone") or "UTC" for c in manifest.get("campaigns", [])
    }
    first, last = _years(manifest)
    out = {}
    for name in sorted(n for n in names if isinstance(n, str)):
        found = transitions(name, first, last)
        if found is not None:  # an unknown zone: the runtime says so in the decision
            out[name] = found
    return out
