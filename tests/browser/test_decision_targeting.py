"""Entry points (URL rules, exclusions, sections) and target audiences, on real pages."""

from __future__ import annotations

import pytest

from tests.browser import manifests as m
from tests.browser.pages import decision, push, shown

PAGE = "shop/checkout/index.html"

RULE_CASES = [
    ("equals", "/shop/checkout/index.html", True),
    ("equals", "/shop/checkout/", False),
    ("contains", "/checkout", True),
    ("contains", "/cart", False),
    ("starts_with", "/shop/", True),
    ("starts_with", "/help/", False),
    ("wildcard", "/shop/*/index.html", True),
    ("wildcard", "/help/*", False),
    ("wildcard", "*", True),
    ("regex", r"^/shop/(checkout|cart)/", True),
    ("regex", r"^/cart", False),
]


@pytest.mark.parametrize(("match", "value", "shows"), RULE_CASES)
def test_entry_point_url_rule(site, open_page, match, value, shows):
    ep = m.entry_point(1, "Checkout", (match, value, False))
    page = open_page(
        site.publish(m.manifest(m.engagement(1, entry_point=1), entry_points=[ep]), path=PAGE)
    )
    d = decision(page, 1)
    assert d["shows"] is shows
    if not shows:
        assert (
            d["reason"]
            == "The page /shop/checkout/index.html is not in the entry point \u201cCheckout\u201d."
        )


def test_entry_point_exclusion_hides(site, open_page):
    ep = m.entry_point(1, "Shop", ("starts_with", "/shop/", False), ("contains", "/checkout", True))
    page = open_page(
        site.publish(m.manifest(m.engagement(1, entry_point=1), entry_points=[ep]), path=PAGE)
    )
    assert decision(page, 1)["reason"] == (
        "The page is excluded by the entry point \u201cShop\u201d (URL contains /checkout)."
    )


def test_entry_point_with_a_full_url_rule(site, open_page):
    url = f"{site.url}/{PAGE}"
    ep = m.entry_point(1, "Exact", ("equals", url, False))
    page = open_page(
        site.publish(m.manifest(m.engagement(1, entry_point=1), entry_points=[ep]), path=PAGE)
    )
    assert decision(page, 1)["shows"] is True


def test_entry_point_sections_need_the_site_to_declare_them(site, open_page):
    ep = m.entry_point(1, "Checkout", ("wildcard", "*", False), sections=["checkout"])
    page = open_page(site.publish(m.manifest(m.engagement(1, entry_point=1), entry_points=[ep])))
    assert decision(page, 1)["reason"] == (
        "The page does not declare the section checkout of the entry point \u201cCheckout\u201d."
    )
    push(page, type="section", sections=["checkout"])
    assert shown(page) == [1]


def test_an_invalid_regex_hides_with_a_reason_instead_of_failing(site, open_page):
    ep = m.entry_point(1, "Broken", ("regex", "^/shop/(", False))
    page = open_page(site.publish(m.manifest(m.engagement(1, entry_point=1), entry_points=[ep])))
    assert decision(page, 1)["reason"] == (
        "The entry point \u201cBroken\u201d has a pattern this browser cannot read (^/shop/(); "
        "correct it in the designer."
    )
    assert page.problems == []


def _with_audience(*conditions, match="all"):
    audience = {"name": "Target", "match": match, "conditions": list(conditions)}
    return m.manifest(m.engagement(1), campaigns=[m.campaign(1, audience=audience)])


def test_audience_referral(site, open_page):
    url = site.publish(_with_audience({"type": "referral", "contains": "news.example.org"}))
    assert decision(open_page(url, referer="https://news.example.org/story"), 1)["shows"] is True
    d = decision(open_page(url), 1)
    assert d["reason"] == (
        "The visitor does not match the target audience \u201cTarget\u201d: the visitor did not "
        "come from a site containing \u201cnews.example.org\u201d."
    )


def test_audience_search_keywords(site, open_page):
    url = site.publish(_with_audience({"type": "search_keywords", "keywords": ["boots"]}))
    page = open_page(url, referer="https://www.google.com/search?q=winter+boots")
    assert decision(page, 1)["shows"] is True
    page = open_page(url)
    assert "did not search for boots" in decision(page, 1)["reason"]
    push(page, type="search", keywords=["Boots"])
    assert decision(page, 1)["shows"] is True


def test_audience_platform_desktop_and_phone(site, open_page):
    url = site.publish(_with_audience({"type": "platform", "platforms": ["phone"]}))
    assert decision(open_page(url, device="phone"), 1)["shows"] is True
    assert "uses a desktop, not a phone" in decision(open_page(url), 1)["reason"]


def test_audience_marketing_source(site, open_page):
    url = site.publish(
        _with_audience({"type": "marketing_source", "sources": ["email"], "custom": ""})
    )
    assert decision(open_page(url + "?utm_medium=email&utm_source=news"), 1)["shows"] is True
    assert "arrived through direct, not email" in decision(open_page(url), 1)["reason"]


def test_audience_custom_marketing_source(site, open_page):
    url = site.publish(
        _with_audience({"type": "marketing_source", "sources": ["custom"], "custom": "podcast"})
    )
    page = open_page(url)
    assert decision(page, 1)["shows"] is False
    push(page, type="marketing_source", source="podcast")
    assert decision(page, 1)["shows"] is True


def test_audience_geo(site, open_page):
    page = open_page(site.publish(_with_audience({"type": "geo", "places": ["GB", "IE"]})))
    assert "has no known location" in decision(page, 1)["reason"]
    push(page, type="geo", country="FR")
    assert "is in FR, not GB or IE" in decision(page, 1)["reason"]
    push(page, type="geo", country="ie")
    assert decision(page, 1)["shows"] is True


def test_audience_new_then_returning_visitor(site, open_page):
    url = site.publish(_with_audience({"type": "visitor_type", "visitor": "returning"}))
    page = open_page(url)
    assert "is a new visitor, not a returning one" in decision(page, 1)["reason"]
    second_visit = page.context.new_page()  # a new tab is a new visit of the same visitor
    second_visit.goto(url)
    second_visit.wait_for_selector(".ed-engagement")
    assert decision(second_visit, 1)["shows"] is True


def test_audience_customer_type_and_status(site, open_page):
    page = open_page(
        site.publish(
            _with_audience(
                {"type": "customer_type", "values": ["vip"]},
                {"type": "customer_status", "values": ["gold"]},
            )
        )
    )
    assert "is not a vip customer" in decision(page, 1)["reason"]
    push(page, type="customer", customer_type="vip", status="silver")
    assert "does not have the status gold" in decision(page, 1)["reason"]
    push(page, type="customer", customer_type="vip", status="gold")
    assert decision(page, 1)["shows"] is True


@pytest.mark.parametrize(
    ("op", "want", "have", "shows"),
    [
        ("equals", "pro", "Pro", True),
        ("equals", "pro", "free", False),
        ("contains", "pro", "pro-annual", True),
        ("at least", "3", "5", True),
        ("at least", "3", "2", False),
        ("at most", "3", "2", True),
    ],
)
def test_audience_engagement_attribute(site, open_page, op, want, have, shows):
    page = open_page(
        site.publish(_with_audience({"type": "attribute", "name": "plan", "op": op, "value": want}))
    )
    assert "has no engagement attribute \u201cplan\u201d" in decision(page, 1)["reason"]
    push(page, type="attribute", name="plan", value=have)
    assert decision(page, 1)["shows"] is shows


def test_audience_any_needs_one_condition(site, open_page):
    page = open_page(
        site.publish(
            _with_audience(
                {"type": "geo", "places": ["GB"]},
                {"type": "customer_type", "values": ["vip"]},
                match="any",
            )
        )
    )
    assert decision(page, 1)["reason"] == (
        "The visitor does not match the target audience \u201cTarget\u201d: none of its conditions "
        'holds (the visitor has no known location (the site pushes {type: "geo"}); '
        "the visitor is not a vip customer)."
    )
    push(page, type="customer", customer_type="vip")
    assert decision(page, 1)["shows"] is True


def test_audience_platform_tablet(site, open_page):
    url = site.publish(_with_audience({"type": "platform", "platforms": ["tablet"]}))
    tablet = {"viewport": {"width": 820, "height": 1180}, "is_mobile": True, "has_touch": True}
    page = open_page(url, device="tablet", **tablet)
    assert decision(page, 1)["shows"] is True
    assert "uses a phone, not a tablet" in decision(open_page(url, device="phone"), 1)["reason"]
