"""Single-page apps: route changes are seen at once, hash routes match entry points, and an
embedded engagement follows its page element when the router replaces it."""

from __future__ import annotations

from tests.browser import manifests as m
from tests.browser.pages import decision, push, shown


def _checkout_only(**rule_options):
    ep = m.entry_point(1, "Checkout", ("contains", "/checkout", False))
    ep["rules"][0].update(rule_options)
    return m.manifest(m.engagement(1, entry_point=1), entry_points=[ep])


def test_push_state_is_seen_at_once_and_counted_as_a_page_view(site, open_page):
    page = open_page(site.publish(_checkout_only(), path="shop/index.html"))
    assert shown(page) == []
    views = page.evaluate("JSON.parse(sessionStorage.ed_visit).pages.length")
    # no waiting: the route change decides again before pushState returns
    assert page.evaluate(
        "() => { history.pushState({}, '', '/shop/checkout'); return EngagementTag.decisions()[0].shows; }"
    )
    assert page.evaluate("JSON.parse(sessionStorage.ed_visit).pages.length") == views + 1
    page.wait_for_selector("ed-engagement")
    page.evaluate("history.replaceState({}, '', '/shop/')")
    assert shown(page) == []
    page.evaluate("history.pushState({}, '', '/shop/checkout')")
    page.go_back()  # popstate
    page.wait_for_function("() => !document.querySelector('ed-engagement')")
    assert decision(page)["reason"].startswith("The page /shop/ is not in the entry point")


def test_time_on_the_entry_point_restarts_at_a_route_change(site, open_page):
    behavior = m.rule_set(1, "Lingering", {"type": "time_on_entry_point", "seconds": 2})
    manifest = m.manifest(m.engagement(1, behavior=1), behaviors=[behavior])
    page = open_page(site.publish(manifest))
    page.wait_for_selector("ed-engagement", timeout=8000)
    page.evaluate("history.pushState({}, '', '#/cart')")  # a hash route: a new page
    assert shown(page) == []
    assert "has spent 0 of 2 seconds" in decision(page)["reason"]
    page.wait_for_selector("ed-engagement", timeout=8000)


def test_hash_routes_match_an_entry_point_rule_that_looks_at_the_fragment(site, open_page):
    page = open_page(site.publish(_checkout_only(fragment=True), path="app/index.html"))
    assert shown(page) == []
    page.evaluate("location.hash = '#/checkout'")  # hashchange
    page.wait_for_selector("ed-engagement")
    views = page.evaluate("JSON.parse(sessionStorage.ed_visit).pages")
    assert views[-1] == "/app/index.html#/checkout"


def test_a_rule_without_the_fragment_option_ignores_hash_routes(site, open_page):
    page = open_page(site.publish(_checkout_only(), path="app2/index.html"))
    page.evaluate("location.hash = '#/checkout'")
    page.wait_for_timeout(200)
    assert shown(page) == []
    assert decision(page)["reason"] == (
        "The page /app2/index.html is not in the entry point \u201cCheckout\u201d."
    )


def test_a_page_push_counts_a_view_and_moves_the_entry_points(site, open_page):
    page = open_page(site.publish(_checkout_only(), path="spa/index.html"))
    views = page.evaluate("JSON.parse(sessionStorage.ed_visit).pages.length")
    push(page, type="page", url="/spa/checkout/step-1", title="Checkout")
    assert shown(page) == [1]
    push(page, type="page", url="/spa/checkout/step-1", title="Checkout")  # same address: a view
    assert page.evaluate("JSON.parse(sessionStorage.ed_visit).pages.length") == views + 2
    assert page.evaluate("location.pathname") == "/spa/index.html"  # the tag never navigates


def test_an_embedded_engagement_is_drawn_into_a_replaced_or_late_element(site, open_page):
    e = m.engagement(1, "promo-banner", element_id="slot")
    page = open_page(site.publish(m.manifest(e), '<div id="app"></div>'))
    assert shown(page) == []
    page.evaluate("document.getElementById('app').innerHTML = '<div id=\"slot\"></div>'")
    page.wait_for_selector("#slot > ed-engagement")  # appeared later: drawn into it
    page.evaluate(  # the router renders the page again: a new element with the same id
        "() => { const app = document.getElementById('app'); app.replaceChildren();"
        " const slot = document.createElement('div'); slot.id = 'slot'; app.append(slot); }"
    )
    page.wait_for_selector("#slot > ed-engagement")
    assert decision(page)["shows"] is True
    assert page.evaluate("document.querySelectorAll('ed-engagement').length") == 1
    assert page.problems == []
