"""Time frame, weekly schedule, special occasions, time zones, the shift scheduler and agent state."""

from __future__ import annotations

import pytest

from tests.browser import manifests as m
from tests.browser.pages import decision, push, set_preview, shown

MONDAY_10 = "2026-11-23T10:00:00Z"  # London is on GMT in November
MONDAY_08 = "2026-11-23T08:00:00Z"
MONDAY_20 = "2026-11-23T20:00:00Z"
TUESDAY_10 = "2026-11-24T10:00:00Z"
CHRISTMAS_NOON = "2026-12-25T12:00:00Z"
NINE_TO_FIVE_MONDAY = [{"weekday": 0, "start": 540, "end": 1020}]


def _decide(site, open_page, now, time_frame=None, **manifest_kw):
    c = m.campaign(1, name="Winter sale", time_frame=m.time_frame(**(time_frame or {})))
    page = open_page(site.publish(m.manifest(m.engagement(1), campaigns=[c], **manifest_kw)))
    set_preview(page, now=now)
    return page, decision(page, 1)


TIME_FRAME_CASES = [
    (
        "before the start",
        {"starts_at": "2026-12-01T00:00"},
        MONDAY_10,
        "The campaign \u201cWinter sale\u201d starts 2026-12-01 00:00 (Europe/London).",
    ),
    ("after the start", {"starts_at": "2026-11-20T00:00"}, MONDAY_10, ""),
    (
        "after the end",
        {"ends_at": "2026-11-22T23:59"},
        MONDAY_10,
        "The campaign \u201cWinter sale\u201d ended 2026-11-22 23:59 (Europe/London).",
    ),
    ("before the end", {"ends_at": "2027-01-31T23:59"}, MONDAY_10, ""),
    (
        "inside a weekly shift",
        {"hours_mode": "weekly", "shifts": NINE_TO_FIVE_MONDAY},
        MONDAY_10,
        "",
    ),
    (
        "before a weekly shift",
        {"hours_mode": "weekly", "shifts": NINE_TO_FIVE_MONDAY},
        MONDAY_08,
        "The campaign's hours do not include Monday 08:00 (Europe/London).",
    ),
    (
        "on a day without shifts",
        {"hours_mode": "weekly", "shifts": NINE_TO_FIVE_MONDAY},
        TUESDAY_10,
        "The campaign's hours do not include Tuesday 10:00 (Europe/London).",
    ),
    (
        "specific hours any day",
        {"hours_mode": "specific_hours", "shifts": NINE_TO_FIVE_MONDAY},
        TUESDAY_10,
        "",
    ),
    (
        "outside specific hours",
        {"hours_mode": "specific_hours", "shifts": NINE_TO_FIVE_MONDAY},
        MONDAY_20,
        "The campaign's hours do not include Monday 20:00 (Europe/London).",
    ),
    (
        "in the campaign's own time zone, too early",
        {"hours_mode": "weekly", "shifts": NINE_TO_FIVE_MONDAY, "time_zone": "America/New_York"},
        MONDAY_10,
        "The campaign's hours do not include Monday 05:00 (America/New_York).",
    ),
    (
        "in the campaign's own time zone, open",
        {"hours_mode": "weekly", "shifts": NINE_TO_FIVE_MONDAY, "time_zone": "America/New_York"},
        "2026-11-23T15:00:00Z",
        "",
    ),
    (
        "closed for a special occasion",
        {
            "special_occasions": [
                {
                    "name": "Christmas Day",
                    "date": "2026-12-25",
                    "closed": True,
                    "start": 0,
                    "end": 0,
                }
            ]
        },
        CHRISTMAS_NOON,
        "The campaign is closed today for \u201cChristmas Day\u201d.",
    ),
    (
        "special occasion hours that include now",
        {
            "hours_mode": "weekly",
            "shifts": [],
            "special_occasions": [
                {
                    "name": "Late opening",
                    "date": "2026-12-25",
                    "closed": False,
                    "start": 600,
                    "end": 1380,
                }
            ],
        },
        CHRISTMAS_NOON,
        "",
    ),
    (
        "special occasion hours that exclude now",
        {
            "special_occasions": [
                {
                    "name": "Short day",
                    "date": "2026-12-25",
                    "closed": False,
                    "start": 540,
                    "end": 660,
                }
            ]
        },
        CHRISTMAS_NOON,
        "The campaign's hours for \u201cShort day\u201d do not include 12:00 (Europe/London).",
    ),
    (
        "an unknown time zone",
        {"time_zone": "Mars/Olympus"},
        MONDAY_10,
        "The campaign's time zone \u201cMars/Olympus\u201d is unknown, so it never shows.",
    ),
]


@pytest.mark.parametrize(
    ("time_frame", "now", "reason"),
    [case[1:] for case in TIME_FRAME_CASES],
    ids=[case[0] for case in TIME_FRAME_CASES],
)
def test_time_frame(site, open_page, time_frame, now, reason):
    page, d = _decide(site, open_page, now, time_frame)
    assert d["reason"] == reason
    assert d["shows"] is (reason == "")
    assert shown(page) == ([1] if not reason else [])


SALES_WEEKDAYS = {"shifts": [{"skill": 1, "weekday": 0, "start": 540, "end": 1050}], "holidays": []}


def test_scheduler_online_shows_the_online_design(site, open_page):
    page, d = _decide(site, open_page, MONDAY_10, scheduler=SALES_WEEKDAYS)
    assert (d["shows"], d["state"]) == (True, "online")
    assert page.locator(".ed-engagement").text_content() == "Message us"


def test_scheduler_offline_shows_the_offline_design(site, open_page):
    page, d = _decide(site, open_page, MONDAY_20, scheduler=SALES_WEEKDAYS)
    assert (d["shows"], d["state"]) == (True, "offline")
    assert page.locator(".ed-engagement").text_content() == "Leave us a message"


def test_scheduler_offline_hides_when_the_offline_design_is_hide(site, open_page):
    e = m.engagement(1)
    e["designs"]["offline"] = None
    page = open_page(site.publish(m.manifest(e, scheduler=SALES_WEEKDAYS)))
    set_preview(page, now=MONDAY_20)
    d = decision(page, 1)
    assert d["state"] == "offline"
    assert d["reason"] == "Agents are offline and this engagement hides when they are."
    assert shown(page) == []


def test_scheduler_holiday_makes_agents_offline(site, open_page):
    scheduler = dict(SALES_WEEKDAYS, holidays=[{"date": "2026-11-23", "skill": None, "name": "x"}])
    _, d = _decide(site, open_page, MONDAY_10, scheduler=scheduler)
    assert d["state"] == "offline"


def test_scheduler_is_per_skill(site, open_page):
    support_only = {
        "shifts": [{"skill": 2, "weekday": 0, "start": 540, "end": 1050}],
        "holidays": [],
    }
    c = m.campaign(1)
    sales = m.engagement(1, skill=1)
    support = m.engagement(2, template_key="service-embedded", skill=2)
    page = open_page(
        site.publish(
            m.manifest(sales, support, campaigns=[c], scheduler=support_only),
            body='<div id="slot"></div>',
        )
    )
    set_preview(page, now=MONDAY_10)
    assert decision(page, 1)["state"] == "offline"
    assert decision(page, 2)["state"] == "online"


def test_busy_pushed_by_the_site_hides_when_busy_design_is_hide(site, open_page):
    e = m.engagement(1)
    e["designs"]["busy"] = None
    page = open_page(site.publish(m.manifest(e)))
    assert shown(page) == [1]
    push(page, type="agent_state", state="busy", skill=None)
    d = decision(page, 1)
    assert (d["state"], d["reason"]) == (
        "busy",
        "Agents are busy and this engagement hides when they are.",
    )
    assert shown(page) == []
    push(page, type="agent_state", state="online", skill=None)
    assert shown(page) == [1]


def test_busy_shows_the_busy_design(site, open_page):
    e = m.engagement(1)
    busy = e["designs"]["offline"]  # a design of its own, with other text
    busy["elements"][0]["props"]["text"] = "All agents are busy"
    e["designs"]["busy"] = busy
    page = open_page(site.publish(m.manifest(e)))
    set_preview(page, agent_state="busy")
    assert page.locator(".ed-engagement").text_content() == "All agents are busy"
