"""Behaviors, re-evaluated while the visitor stays: timers, scrolling, exit intent, the site's events."""

from __future__ import annotations

import pytest

from tests.browser import manifests as m
from tests.browser.pages import decision, push, set_preview, shown

TALL = '<div style="height: 4000px">Long page</div>'


def _with_behavior(*conditions, match="all", **kw):
    b = m.rule_set(1, "Rule", *conditions, match=match)
    return m.manifest(m.engagement(1, behavior=1), behaviors=[b], **kw)


def test_time_on_entry_point_shows_once_the_visitor_stayed(site, open_page):
    page = open_page(site.publish(_with_behavior({"type": "time_on_entry_point", "seconds": 1})))
    assert page.evaluate("EngagementTag.decisions()[0].reason").startswith(
        "The visitor does not match the behavior \u201cRule\u201d: the visitor has spent 0 of 1 seconds"
    )
    page.wait_for_selector(".ed-engagement", timeout=5000)  # the tag's own timer re-decides
    assert decision(page, 1)["shows"] is True


def test_time_on_entry_point_not_yet(site, open_page):
    page = open_page(site.publish(_with_behavior({"type": "time_on_entry_point", "seconds": 30})))
    set_preview(page, time_on_page=12)
    assert "has spent 12 of 30 seconds on the entry point" in decision(page, 1)["reason"]
    set_preview(page, time_on_page=31)
    assert shown(page) == [1]


def test_visited_entry_point_and_flow(site, open_page):
    eps = [m.entry_point(1, "Cart", ("contains", "/cart/", False))]
    behaviors = [
        m.rule_set(
            1,
            "Saw the cart",
            {"type": "visited_entry_point", "entry_point": "Cart", "mode": "visited"},
        ),
        m.rule_set(
            2,
            "Never saw the cart",
            {"type": "visited_entry_point", "entry_point": "Cart", "mode": "did not visit"},
        ),
        m.rule_set(3, "Cart then checkout", {"type": "flow", "pages": ["/cart/", "/checkout/"]}),
    ]
    man = m.manifest(
        m.engagement(1, behavior=1),
        m.engagement(2, "sales-slide-out", behavior=2),
        m.engagement(3, "checkout-overlay", behavior=3),
        entry_points=eps,
        behaviors=behaviors,
    )
    cart = site.publish(man, path="shop/cart/index.html")
    checkout = site.publish(man, path="shop/checkout/index.html")
    page = open_page(checkout)
    assert [decision(page, i)["shows"] for i in (1, 2, 3)] == [False, True, False]
    assert decision(page, 3)["reason"].endswith(
        "has not gone through the pages /cart/, /checkout/ in that order."
    )
    page.goto(cart)
    page.goto(checkout)
    page.wait_for_selector(".ed-engagement")
    assert [decision(page, i)["shows"] for i in (1, 2, 3)] == [True, False, True]


def test_exit_intent(site, open_page):
    page = open_page(site.publish(_with_behavior({"type": "exit_intent"})))
    assert "is not about to leave the page" in decision(page, 1)["reason"]
    page.mouse.move(600, 300)
    page.evaluate(  # the pointer leaving through the top edge of the window
        "document.documentElement.dispatchEvent(new MouseEvent('mouseout', "
        "{bubbles: true, clientX: 600, clientY: -2, relatedTarget: null}))"
    )
    assert shown(page) == [1]


def test_scroll_depth_from_real_scrolling(site, open_page):
    page = open_page(site.publish(_with_behavior({"type": "scroll_depth", "percent": 50}), TALL))
    assert "has scrolled 0% of the page, not 50%" in decision(page, 1)["reason"]
    page.mouse.wheel(0, 2500)
    page.wait_for_selector(".ed-engagement")
    assert decision(page, 1)["shows"] is True


def test_pages_viewed(site, open_page):
    url = site.publish(_with_behavior({"type": "pages_viewed", "count": 3}))
    page = open_page(url)
    assert "has viewed 1 of 3 pages" in decision(page, 1)["reason"]
    page.goto(url + "?p=2")
    page.goto(url + "?p=3")
    page.wait_for_selector(".ed-engagement")


@pytest.mark.parametrize(
    ("condition", "events", "shows"),
    [
        (
            {"type": "cart_value", "minimum": 50, "maximum": 500, "decreased": False},
            [{"type": "cart", "value": 80, "products": []}],
            True,
        ),
        (
            {"type": "cart_value", "minimum": 50, "maximum": 500, "decreased": False},
            [{"type": "cart", "value": 20, "products": []}],
            False,
        ),
        (
            {"type": "cart_value", "minimum": 0, "maximum": 1e9, "decreased": True},
            [{"type": "cart", "value": 80}, {"type": "cart", "value": 40}],
            True,
        ),
        (
            {"type": "cart_value", "minimum": 0, "maximum": 1e9, "decreased": True},
            [{"type": "cart", "value": 40}, {"type": "cart", "value": 80}],
            False,
        ),
        (
            {"type": "products_in_cart", "products": ["boots"]},
            [{"type": "cart", "value": 90, "products": ["hat", "Boots"]}],
            True,
        ),
        (
            {"type": "products_in_cart", "products": ["boots"]},
            [{"type": "cart", "value": 90, "products": ["hat"]}],
            False,
        ),
        (
            {"type": "viewed_product", "products": ["parka"]},
            [{"type": "viewed_product", "product": "parka"}],
            True,
        ),
        (
            {"type": "viewed_product", "products": ["parka"]},
            [{"type": "viewed_product", "product": "scarf"}],
            False,
        ),
        (
            {"type": "visitor_error", "message": "", "code": "402"},
            [{"type": "error", "message": "Payment failed", "code": 402}],
            True,
        ),
        (
            {"type": "visitor_error", "message": "", "code": "402"},
            [{"type": "error", "message": "Payment failed", "code": 500}],
            False,
        ),
        (
            {"type": "service_activity", "activity": "password reset"},
            [{"type": "service_activity", "activity": "Password reset failed"}],
            True,
        ),
        (
            {"type": "service_activity", "activity": "password reset"},
            [{"type": "service_activity", "activity": "Address change"}],
            False,
        ),
    ],
)
def test_behavior_from_the_sites_events(site, open_page, condition, events, shows):
    page = open_page(site.publish(_with_behavior(condition)))
    assert decision(page, 1)["shows"] is False
    for event in events:
        push(page, **event)
    d = decision(page, 1)
    assert d["shows"] is shows
    if not shows:
        assert d["reason"].startswith(
            "The visitor does not match the behavior \u201cRule\u201d: the visitor "
        )


@pytest.mark.parametrize("state", ["exposed", "clicked", "declined"])
def test_engaged_in_session(site, open_page, state):
    first = m.engagement(1, "sales-slide-out", name="Slide-out")
    second = m.engagement(2, behavior=1)
    b = m.rule_set(1, "Engaged", {"type": "engaged_in_session", "state": state})
    page = open_page(site.publish(m.manifest(first, second, behaviors=[b])))
    page.wait_for_selector(".ed-engagement")
    if state == "exposed":
        assert shown(page) == [1, 2]
        return
    assert shown(page) == [1]
    assert f"was not {state} an engagement in this visit" in decision(page, 2)["reason"]
    root = page.locator('[data-engagement="1"]')
    if state == "clicked":
        root.get_by_role("button", name="Start messaging").click()
    else:
        root.get_by_role("button", name="Close").click()
    assert 2 in shown(page)


def test_behavior_any_and_all(site, open_page):
    conditions = ({"type": "exit_intent"}, {"type": "viewed_product", "products": ["parka"]})
    url_all = site.publish(_with_behavior(*conditions, match="all"))
    page = open_page(url_all)
    push(page, type="viewed_product", product="parka")
    assert decision(page, 1)["shows"] is False
    url_any = site.publish(_with_behavior(*conditions, match="any"))
    page = open_page(url_any)
    push(page, type="viewed_product", product="parka")
    assert decision(page, 1)["shows"] is True
