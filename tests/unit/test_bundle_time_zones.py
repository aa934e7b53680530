"""The manifest's time zone offsets: exact change instants from zoneinfo, a span fixed by the
data (the same store gives the same bytes on any day), unknown zones left for the runtime to
name."""

from __future__ import annotations

from datetime import UTC, datetime

from designer.bundle.time_zones import SPAN_YEARS, time_zones, transitions


def _minute(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() // 60)


def test_london_changes_at_one_in_the_morning_utc_on_the_last_sundays() -> None:
    changes = transitions("Europe/London", 2026, 2026)
    assert changes == [
        [_minute("2026-01-01T00:00"), 0],
        [_minute("2026-03-29T01:00"), 60],
        [_minute("2026-10-25T01:00"), 0],
        [_minute("2027-01-01T00:00"), None],
    ]


def test_a_zone_without_changes_and_an_unknown_zone() -> None:
    assert transitions("Asia/Kolkata", 2026, 2027) == [
        [_minute("2026-01-01T00:00"), 330],
        [_minute("2028-01-01T00:00"), None],
    ]
    assert transitions("Mars/Olympus", 2026, 2027) is None


def test_the_span_follows_the_data_not_the_day_of_export() -> None:
    manifest = {
        "account": {"time_zone": "America/New_York", "scheduler": {"holidays": []}},
        "campaigns": [
            {"time_frame": {"time_zone": "Mars/Olympus", "starts_at": None}},
            {
                "time_frame": {
                    "time_zone": "UTC",
                    "starts_at": "2019-05-01T00:00",
                    "ends_at": "2051-01-01T00:00",
                    "special_occasions": [],
                }
            },
        ],
    }
    zones = time_zones(manifest)
    assert sorted(zones) == ["America/New_York", "UTC"]  # the unknown one: the runtime says so
    assert zones["UTC"] == [[_minute("2019-01-01T00:00"), 0], [_minute("2052-01-01T00:00"), None]]
    assert SPAN_YEARS[0] >= 2019
    assert time_zones(manifest) == zones
