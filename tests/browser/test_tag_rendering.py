"""The tag loads, decides and draws engagements as designed, on desktop and phone."""

from __future__ import annotations

from tests.browser import manifests as m
from tests.browser.pages import decision, push, shown


def test_sticky_button_shows_on_desktop_with_its_text_and_accessible_name(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1, "sales-sticky", name="Message us"))))
    page.wait_for_selector(".ed-engagement")
    d = decision(page, 1)
    assert d == {
        "id": 1,
        "name": "Message us",
        "shows": True,
        "reason": "",
        "state": "online",
        "zone": "right",
    }
    button = page.get_by_role("button", name="Message us")
    assert button.inner_text() == "Message us"
    box = button.bounding_box()
    assert (box["width"], box["height"]) == (160, 48)
    assert 1366 - 24 - 160 - 1 <= box["x"] <= 1366 - 24 - 160 + 1
    assert page.problems == []


def test_queued_pushes_before_the_tag_loads_are_honoured(site, open_page):
    behavior = m.rule_set(1, "Big cart", {"type": "cart_value", "minimum": 100, "maximum": 1e9})
    stub = (
        "window.EngagementTag = window.EngagementTag || [];"
        "EngagementTag.push({type: 'cart', value: 180, products: ['boots']});"
    )
    url = site.publish(
        m.manifest(m.engagement(1, behavior=1), behaviors=[behavior]), before_tag=stub
    )
    page = open_page(url)
    assert decision(page, 1)["shows"] is True
    assert shown(page) == [1]


def test_impression_and_events_reach_listeners(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1, "checkout-overlay"))), wait=False)
    page.evaluate("window.seen = []; (window.EngagementTag = window.EngagementTag || []);")
    page.wait_for_selector(".ed-engagement")
    page.evaluate(
        "['click','decline','close','conversation'].forEach(n => "
        "EngagementTag.on(n, d => window.seen.push(n + ':' + d.engagement)))"
    )
    page.get_by_role("button", name="Close").click()
    assert page.evaluate("window.seen") == ["decline:1"]
    assert shown(page) == []
    assert "closed this engagement" in decision(page, 1)["reason"]


def test_overlay_elements_keep_their_designed_geometry_and_reading_order(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1, "checkout-overlay"))))
    root = page.locator(".ed-engagement")
    root.wait_for()
    box = root.bounding_box()
    assert (round(box["width"]), round(box["height"])) == (440, 305)
    # centred in the 1366x768 viewport
    assert abs(box["x"] + 220 - 683) <= 1 and abs(box["y"] + 152.5 - 384) <= 1
    kinds = root.evaluate("r => [...r.children].map(c => c.className)")
    assert kinds == ["ed-text", "ed-button", "ed-close"]
    button = page.get_by_role("button", name="Message us").bounding_box()
    assert round(button["x"] - box["x"]) == 16
    assert round(button["y"] - box["y"]) == 305 - 16 - 40
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Message us"


def test_push_of_the_sites_events_re_decides_at_once(site, open_page):
    behavior = m.rule_set(
        1, "Saw an error", {"type": "visitor_error", "message": "card", "code": ""}
    )
    page = open_page(site.publish(m.manifest(m.engagement(1, behavior=1), behaviors=[behavior])))
    assert shown(page) == []
    push(page, type="error", message="Your card was declined", code="402")
    assert shown(page) == [1]
