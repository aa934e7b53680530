"""The guide's window rules and a site that does unexpected things: blocked storage opens the
window separately, a popup has the engagement's language, an overwritten global keeps
working, and a stylesheet that fails its integrity check shows nothing."""

from __future__ import annotations

from tests.browser import manifests as m
from tests.browser.pages import LISTEN_FOR_VIOLATIONS, decision, shown, wait_for_problem

STORAGE_REFUSED = "The conversation window opens as a separate window: this browser refuses storage"


def test_blocked_storage_opens_the_window_separately_and_says_why(site, open_page):
    """A sandboxed frame (an opaque origin: storage access throws) is storage refused for real."""
    e = m.engagement(1, window_opens_as="embedded")
    inner = site.publish(m.manifest(e))
    folder = inner.rsplit("/", 2)[-2]
    for name in (site.root / folder).iterdir():  # the frame's opaque origin fetches across origins
        site.headers[f"/{folder}/{name.name}"] = {"Access-Control-Allow-Origin": "*"}
    outer = site.write(
        "sandboxed.html",
        "<!doctype html><html lang=en><title>Shop</title>"
        f'<iframe src="{inner}" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" width=800 height=600></iframe>',
    )
    page = open_page(outer, wait=False)
    frame = page.frame_locator("iframe")
    frame.locator(".ed-engagement").wait_for()
    child = page.frames[1]
    d = child.evaluate("EngagementTag.decisions()[0]")
    assert d["window"] == "window" and d["window_reason"].startswith(STORAGE_REFUSED)
    child.evaluate("EngagementTag.on('conversation', c => window.opened = c)")
    with page.context.expect_page() as popup_info:
        frame.locator(".ed-engagement").click()
    popup = popup_info.value
    popup.locator(".ed-bubble").first.wait_for(timeout=5000)
    opened = child.evaluate("window.opened")
    assert opened["target"] == "window" and opened["reason"].startswith(STORAGE_REFUSED)
    assert child.evaluate("document.querySelectorAll('ed-window').length") == 0


def test_a_separate_window_has_the_engagements_language(site, open_page):
    e = m.engagement(1, window_opens_as="separate_window", language="ar")
    page = open_page(site.publish(m.manifest(e)))
    assert decision(page)["window_reason"] == (
        "The conversation window opens as a separate window, as the engagement is set."
    )
    with page.context.expect_page() as popup_info:
        page.locator(".ed-engagement").click()
    popup = popup_info.value
    popup.locator(".ed-bubble").first.wait_for()
    assert popup.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "ar",
        "rtl",
    ]
    assert popup.evaluate("document.adoptedStyleSheets[0].cssRules.length") > 5


def test_a_site_overwriting_the_global_keeps_the_tag_and_its_queue(site, open_page):
    e = m.engagement(1, behavior=1)
    behavior = m.rule_set(1, "Big cart", {"type": "cart_value", "minimum": 100, "maximum": 1e9})
    page = open_page(site.publish(m.manifest(e, behaviors=[behavior])))
    assert shown(page) == []
    # a queue-style snippet run after the tag: the array's items and later pushes are taken
    page.evaluate(
        "() => { const q = window.EngagementTag = [{type: 'cart', value: 40}];"
        " q.push({type: 'cart', value: 150, products: ['boots']}); }"
    )
    assert shown(page) == [1]
    assert page.evaluate("typeof EngagementTag.decisions") == "function"
    page.locator(".ed-engagement").click()  # the window still loads and opens
    page.locator(".ed-window .ed-bubble").first.wait_for()
    assert page.problems == []


def test_a_stylesheet_failing_its_integrity_check_shows_nothing_and_says_why(site, open_page):
    url = site.publish(m.manifest(m.engagement(1)), before_tag=LISTEN_FOR_VIOLATIONS)
    folder = url.rsplit("/", 2)[-2]
    css = next((site.root / folder).glob("engagements.*.css"))
    css.write_bytes(
        css.read_bytes() + b"\n.ed-engagement { display: none }\n"
    )  # changed after export
    page = open_page(url)
    problem = wait_for_problem(page, "failed its integrity check")
    assert css.name in problem and "nothing is shown" in problem
    assert shown(page) == []
    d = decision(page)
    assert d["shows"] is False and css.name in d["reason"] and "nothing is shown" in d["reason"]
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('ed-engagement, ed-layer').length") == 0


def test_drawing_code_failing_its_integrity_check_shows_nothing_and_says_why(site, open_page):
    url = site.publish(m.manifest(m.engagement(1)))
    folder = url.rsplit("/", 2)[-2]
    draw = next((site.root / folder).glob("draw.*.js"))
    draw.write_bytes(draw.read_bytes().replace(b"ed-layer", b"ed-trap"))
    page = open_page(url)
    problem = wait_for_problem(page, "failed its integrity check")
    assert draw.name in problem and "nothing is shown" in problem
    assert page.evaluate("document.querySelectorAll('ed-engagement, ed-trap').length") == 0


def test_a_page_where_nothing_shows_never_loads_the_drawing_code(site, open_page):
    ep = m.entry_point(1, "Checkout", ("contains", "/checkout", False))
    page = open_page(site.publish(m.manifest(m.engagement(1, entry_point=1), entry_points=[ep])))
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('script[src*=\"draw.\"]').length") == 0
    page.evaluate("history.pushState({}, '', '/checkout')")  # now one shows: drawn at once
    assert shown(page) == [1]
    assert page.evaluate("document.querySelectorAll('script[src*=\"draw.\"]').length") == 1
