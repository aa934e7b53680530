"""The tag loads, decides and draws engagements as designed, on desktop and phone."""

from __future__ import annotations

import pytest

from designer.models.design import Element
from tests.browser import manifests as m
from tests.browser.pages import ACTIVE, decision, push, shown


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
        "window": "embedded",
        "window_reason": "The conversation window opens in the page, as the engagement is set.",
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
    assert page.evaluate(f"{ACTIVE}.textContent") == "Message us"


def test_push_of_the_sites_events_re_decides_at_once(site, open_page):
    behavior = m.rule_set(
        1, "Saw an error", {"type": "visitor_error", "message": "card", "code": ""}
    )
    page = open_page(site.publish(m.manifest(m.engagement(1, behavior=1), behaviors=[behavior])))
    assert shown(page) == []
    push(page, type="error", message="Your card was declined", code="402")
    assert shown(page) == [1]


def test_image_element_has_srcset_and_the_phone_loads_the_2x_file(site, open_page):
    ref, images = m.image()
    d = m.design(
        Element.new("image1", "image", x=8, y=8, width=40, height=40, alt="Our team"),
        Element.new("image2", "image", x=60, y=8, width=40, height=40, decorative=True),
        width=200,
        height=60,
    )
    for element in d["elements"]:
        element["props"]["src"] = ref
    e = m.engagement(1, "checkout-overlay", designs={"online": d, "offline": d, "busy": d})
    page = open_page(site.publish(m.manifest(e), images=images), device="phone")
    img = page.get_by_role("img", name="Our team")
    img.wait_for()
    assert img.get_attribute("srcset").endswith("@2x.png 2x")
    page.wait_for_function(
        "() => document.querySelector('ed-engagement').shadowRoot.querySelector('.ed-image').complete"
    )
    assert img.evaluate("i => i.currentSrc").endswith("@2x.png")
    decorative = page.locator(".ed-image").nth(1)
    assert (decorative.get_attribute("alt"), decorative.get_attribute("aria-hidden")) == (
        "",
        "true",
    )


def test_gradient_border_and_shape_follow_the_design(site, open_page):
    d = m.design(
        Element.new(
            "shape1", "shape", x=10, y=10, width=50, height=50, shape="ellipse", fill="#ff0000"
        ),
        Element.new("button1", "button", x=70, y=10, width=100, height=40, text="Go"),
        width=200,
        height=80,
        background="gradient",
        background_color="#112233",
        gradient_to="#445566",
        border_width=3,
        border_color="#00ff00",
        radius=12,
    )
    e = m.engagement(1, "checkout-overlay", designs={"online": d, "offline": d, "busy": d})
    page = open_page(site.publish(m.manifest(e)))
    root = page.locator(".ed-engagement")
    style = root.evaluate(
        "r => { const s = getComputedStyle(r); return [s.backgroundImage, s.borderTopWidth, "
        "s.borderTopColor, s.borderTopLeftRadius]; }"
    )
    assert style == [
        "linear-gradient(135deg, rgb(17, 34, 51), rgb(68, 85, 102))",
        "3px",
        "rgb(0, 255, 0)",
        "12px",
    ]
    shape = page.locator(".ed-shape").evaluate(
        "s => [getComputedStyle(s).borderTopLeftRadius, getComputedStyle(s).backgroundColor]"
    )
    assert shape == ["50%", "rgb(255, 0, 0)"]


@pytest.mark.parametrize(
    ("url", "opens"),
    [("/favicon.ico", True), ("javascript:window.pwned=1", False), ("data:text/html,x", False)],
)
def test_open_url_buttons_open_only_web_mail_and_phone_links(site, open_page, url, opens):
    d = m.design(
        Element.new(
            "button1", "button", x=0, y=0, width=160, height=48, text="See offer", action="open_url"
        ),
        width=160,
        height=48,
    )
    d["elements"][0]["props"]["url"] = site.url + url if url.startswith("/") else url
    e = m.engagement(1, "promo-peel", designs={"online": d, "offline": d, "busy": d})
    page = open_page(site.publish(m.manifest(e)))
    opened = []
    page.context.on("page", lambda p: opened.append(p))
    if opens:
        with page.context.expect_page() as tab:
            page.get_by_role("button", name="See offer").click()
        tab.value.wait_for_load_state()
        assert tab.value.url == site.url + url
    else:
        page.get_by_role("button", name="See offer").click()
        page.wait_for_timeout(300)  # time enough for a tab that should not come
        assert opened == []
    assert page.evaluate("window.pwned") is None
