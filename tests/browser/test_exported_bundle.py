"""End to end: the sample store exported by the real exporter, installed with its own snippet."""

from __future__ import annotations

import html
import re

import pytest

from designer.bundle.export import export
from tests.browser.pages import LISTEN_FOR_VIOLATIONS, set_preview, shown
from tests.browser.site import NONCE, STRICT_CSP

MONDAY_10 = "2026-11-23T10:00:00Z"
MONDAY_20 = "2026-11-23T20:00:00Z"
# The sample account and campaign keep 5% and 10% of visitors as control groups; these
# tests look at what the other visitors see (control groups have tests of their own).


@pytest.fixture
def exported_site(site, store):
    """The sample store exported under the site; returns publish(path) -> page URL."""
    folder = site.root / "exported"
    result = export(store, None, folder)
    install = (folder / "install.html").read_text("utf-8")
    snippet = html.unescape(re.search(r"<pre><code>(.*?)</code></pre>", install, re.S).group(1))
    snippet = snippet.replace('src="', 'src="/exported/', 1)

    def publish(path: str, body: str = "", csp: bool = False) -> str:
        tag = snippet.replace("<script ", f'<script nonce="{NONCE}" ', 1) if csp else snippet
        listen = f"<script nonce={NONCE}>{LISTEN_FOR_VIOLATIONS}</script>" if csp else ""
        page = (
            "<!doctype html><html lang=en><head><meta charset=utf-8>"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Northwind</title>{listen}{tag}</head><body><h1>Northwind</h1>{body}</body></html>"
        )
        if csp:
            site.headers["/" + path] = {"Content-Security-Policy": STRICT_CSP}
        return site.write(path, page)

    publish.result = result
    return publish


def _by_name(page):
    return {d["name"]: d for d in page.evaluate("EngagementTag.decisions()")}


def test_exported_sample_store_shows_and_converses_at_checkout(exported_site, open_page):
    assert "Winter sale" in exported_site.result.in_words()
    page = open_page(exported_site("shop/checkout/index.html", '<div id="promo-slot"></div>'))
    set_preview(page, now=MONDAY_10, time_on_page=0, control_group="out")
    d = _by_name(page)
    assert sorted(d) == [
        "Cart toaster",
        "Checkout rescue",
        "Free delivery banner",
        "Message us button",
        "Product expert",
    ]  # the draft campaign "Customer care" is not exported
    assert d["Message us button"]["shows"] and d["Free delivery banner"]["shows"]
    assert "spent 0 of 30 seconds" in d["Checkout rescue"]["reason"]
    assert "not in the entry point \u201cProduct pages\u201d" in d["Product expert"]["reason"]
    assert "not in the entry point \u201cCart\u201d" in d["Cart toaster"]["reason"]
    assert len(shown(page)) == 2  # drawn once draw.js and the styles have loaded
    assert page.locator("#promo-slot .ed-engagement").get_by_role("button").count() == 1

    set_preview(page, now=MONDAY_10, time_on_page=31, control_group="out")
    assert len(shown(page)) == 3
    page.get_by_role("region", name="Need a hand finishing your order?").get_by_role(
        "button", name="Message us"
    ).click()
    dialog = page.get_by_role("dialog")
    dialog.locator(".ed-bubble").first.wait_for()
    assert (
        dialog.locator(".ed-bubble")
        .first.text_content()
        .endswith("Hi! Thanks for reaching out. How can we help?")
    )
    assert page.problems == []


def test_exported_sample_store_shows_the_offline_design_after_hours(exported_site, open_page):
    page = open_page(exported_site("index.html"))
    set_preview(page, now=MONDAY_20, control_group="out")
    assert _by_name(page)["Message us button"]["state"] == "offline"
    # its name follows the text it shows (it used to keep the online "Message us")
    offline = page.get_by_role("button", name="Leave us a message", exact=True)
    assert offline.text_content() == "Leave us a message"
    assert page.problems == []


def test_exported_bundle_works_on_a_strict_csp_page(exported_site, open_page):
    page = open_page(exported_site("csp/index.html", '<div id="promo-slot"></div>', csp=True))
    set_preview(page, now=MONDAY_10, control_group="out")
    page.locator("#promo-slot .ed-engagement").wait_for()
    page.get_by_role("button", name="Message us").click()
    page.get_by_role("dialog").locator(".ed-bubble").first.wait_for()
    # the bundle's stylesheet, adopted by the engagement's shadow root, and none in the page
    styles = (
        "document.querySelector('ed-engagement').shadowRoot.adoptedStyleSheets[0].cssRules.length"
    )
    assert page.evaluate(styles) > 5
    assert page.evaluate("document.styleSheets.length") == 0
    assert page.evaluate("window.violations") == []
    assert page.problems == []
