"""Purchases credited to clicked engagements by the attribution model, sent to the collector."""

from __future__ import annotations

import time

import pytest

from tests.browser import manifests as m
from tests.browser.pages import push

LISTEN = "window.conversions = []; EngagementTag.on('conversion', c => window.conversions.push(c));"


def _two_clicked(site, open_page, **account):
    button = m.engagement(1, name="Sticky")
    slide = m.engagement(2, "sales-slide-out", name="Slide-out")
    page = open_page(site.publish(m.manifest(button, slide, **account)))
    page.evaluate(LISTEN)
    page.get_by_role("button", name="Message us").click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Start messaging").click()
    page.keyboard.press("Escape")
    return page


@pytest.mark.parametrize(
    ("model", "credited"),
    [("last", [(2, 120.0)]), ("first", [(1, 120.0)]), ("split", [(1, 60.0), (2, 60.0)])],
)
def test_attribution_model(site, open_page, model, credited):
    page = _two_clicked(site, open_page, attribution_model=model)
    push(page, type="purchase", total=120, currency="GBP")
    got = page.evaluate("window.conversions")
    assert [(c["engagement"], c["credit"]) for c in got] == credited
    assert {(c["model"], c["currency"], c["total"]) for c in got} == {(model, "GBP", 120)}


def test_no_click_no_conversion(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    page.evaluate(LISTEN)
    push(page, type="purchase", total=50, currency="GBP")
    assert page.evaluate("window.conversions") == []


@pytest.mark.parametrize(("days_ago", "credited"), [(20, False), (6, True)])
def test_cross_session_period(site, open_page, days_ago, credited):
    page = open_page(site.publish(m.manifest(m.engagement(1), cross_session_days=7)))
    page.evaluate(
        "ago => localStorage.setItem('ed_clicks', JSON.stringify("
        "[{id: 1, name: 'Sticky', campaign: 1, at: Date.now() - ago * 86400000, visit: 'old'}]))",
        days_ago,
    )
    page.evaluate(LISTEN)
    push(page, type="purchase", total=30, currency="GBP")
    assert len(page.evaluate("window.conversions")) == (1 if credited else 0)


def test_conversion_is_sent_to_the_collector_with_send_beacon(site, open_page):
    collector = f"{site.url}/collect"
    page = open_page(site.publish(m.manifest(m.engagement(1), collector_url=collector)))
    page.get_by_role("button", name="Message us").click()
    before = len(site.beacons)
    push(page, type="purchase", total=75.5, currency="GBP")
    deadline = time.monotonic() + 5
    while len(site.beacons) == before and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    beacon = site.beacons[-1]
    assert beacon["path"] == "/collect"
    assert beacon["data"]["engagement"] == 1
    assert beacon["data"]["total"] == 75.5


def test_goal_counted_once_per_visit(site, open_page):
    c = m.campaign(1, goal_once_per_visit=True)
    page = open_page(site.publish(m.manifest(m.engagement(1), campaigns=[c])))
    page.evaluate(LISTEN)
    page.get_by_role("button", name="Message us").click()
    push(page, type="purchase", total=10, currency="GBP")
    push(page, type="purchase", total=20, currency="GBP")
    assert [c["total"] for c in page.evaluate("window.conversions")] == [10]
