"""A strict nonce-based CSP page, and designer text that stays inert on the site."""

from __future__ import annotations

from designer.models.design import Element
from tests.browser import manifests as m
from tests.browser.pages import LISTEN_FOR_VIOLATIONS, count_deep, shown, wait_for_problem
from tests.browser.site import NONCE

EVIL = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>"\'><b>bold</b>'


def test_the_tag_works_under_a_strict_csp_without_violations(site, open_page):
    e = m.engagement(1, "checkout-overlay")
    url = site.publish(m.manifest(e), csp=True, before_tag=LISTEN_FOR_VIOLATIONS)
    page = open_page(url)
    page.wait_for_selector(".ed-engagement")
    assert shown(page) == [1]
    box = page.locator(".ed-engagement").bounding_box()
    assert round(box["width"]) == 440  # styles set through the CSSOM were applied
    page.get_by_role("button", name="Message us").click()
    page.get_by_role("dialog").locator(".ed-bubble").first.wait_for()
    assert page.evaluate("document.querySelector('script[src*=\"window.\"]').nonce") == NONCE
    assert page.evaluate("window.violations") == []
    assert page.problems == []


def test_the_csp_page_really_blocks_inline_styles(site, open_page):
    """The check above means something: this page's policy does refuse inline style."""
    url = site.publish(m.manifest(m.engagement(1)), csp=True, before_tag=LISTEN_FOR_VIOLATIONS)
    page = open_page(url)
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    page.wait_for_function("() => window.violations.length > 0")
    assert page.evaluate("window.violations")[0].startswith("style-src")


def test_html_typed_into_every_text_field_stays_inert(site, open_page):
    d = m.design(
        Element.new("text1", "text", x=0, y=0, width=300, height=60, text=EVIL),
        Element.new("button1", "button", x=0, y=60, width=300, height=40, text=EVIL),
        Element.new("image1", "image", x=0, y=100, width=40, height=40, alt=EVIL),
        Element.new("close1", "close", x=300, y=0, width=24, height=24, label=EVIL),
        width=340,
        height=160,
        label=EVIL,
    )
    d["elements"][2]["props"]["src"], images = m.image()
    e = m.engagement(
        1, "checkout-overlay", name=EVIL, designs={"online": d, "offline": d, "busy": d}
    )
    e["automatic_messages"] = {"greeting": EVIL, "agent_away": EVIL}
    e["window"].update(
        header_text=EVIL, agent_name=EVIL, input_placeholder=EVIL, header_image_alt=EVIL
    )
    page = open_page(site.publish(m.manifest(e), images=images))
    root = page.locator(".ed-engagement")
    root.wait_for()
    assert root.locator(".ed-text").text_content() == EVIL
    assert root.locator(".ed-close").get_attribute("aria-label") == EVIL
    assert root.locator("img").get_attribute("alt") == EVIL
    assert root.get_attribute("aria-label") == EVIL
    # elements the designer's text would make if it were read as HTML (in the shadow roots too)
    made_by_text = ".ed-engagement :is(script, b, [onerror]), .ed-window :is(script, b, [onerror])"
    assert count_deep(page, made_by_text) == 0
    assert count_deep(page, ".ed-engagement img") == 1
    root.locator(".ed-button").click()  # the window opens; the overlay steps aside meanwhile
    page.locator(".ed-window .ed-bubble").first.wait_for()
    box = page.locator(".ed-window-text")
    assert box.get_attribute("placeholder") == EVIL
    box.fill(EVIL)
    box.press("Enter")
    page.locator(".ed-window .ed-bubble").nth(2).wait_for()
    assert page.locator(".ed-window-title").text_content() == EVIL
    assert page.locator(".ed-window .ed-bubble").first.text_content().endswith(EVIL)
    assert count_deep(page, made_by_text) == 0
    assert count_deep(page, ".ed-window img") == 0
    assert page.evaluate("window.pwned") is None


def test_predefined_content_is_inert_and_sent_as_the_visitors_message(site, open_page):
    e = m.engagement(1, predefined_content=[{"title": EVIL, "text": EVIL}])
    page = open_page(site.publish(m.manifest(e)))
    page.get_by_role("button", name="Message us").click()
    group = page.get_by_role("group", name="Suggested messages")
    group.get_by_role("button").click()
    page.locator(".ed-window .ed-bubble").nth(2).wait_for()
    assert page.locator(".ed-message-visitor .ed-bubble").text_content() == "You: " + EVIL
    assert count_deep(page, ".ed-window b, .ed-window script") == 0
    assert count_deep(page, ".ed-window") == 1
    assert page.evaluate("window.pwned") is None


def test_a_manifest_that_fails_its_integrity_check_shows_nothing_and_says_why(site, open_page):
    url = site.publish(m.manifest(m.engagement(1)))
    folder = site.root / url.split("/")[-2]
    manifest = next(folder.glob("engagements.*.json"))
    manifest.write_text(manifest.read_text().replace("Engagement 1", "Tampered"))
    page = open_page(url, wait=False)
    said = wait_for_problem(page, "could not be loaded")
    assert said.endswith("; nothing is shown.")
    assert page.evaluate("EngagementTag.decisions()") == []
    assert page.locator(".ed-engagement").count() == 0


def test_a_manifest_from_a_newer_version_is_refused_with_a_sentence(site, open_page):
    newer = m.manifest(m.engagement(1))
    newer["version"] = 2
    page = open_page(site.publish(newer, check_schema=False), wait=False)
    wait_for_problem(page, "newer than this tag reads; export the bundle again")
    assert page.evaluate("EngagementTag.decisions()") == []


def test_a_broken_listener_does_not_stop_the_tag(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1, "checkout-overlay"))))
    page.evaluate("EngagementTag.on('decline', () => { throw new Error('site bug'); })")
    page.get_by_role("button", name="Close").click()
    assert page.locator(".ed-engagement").count() == 0


def test_a_damaged_engagement_hides_itself_and_not_the_others(site, open_page):
    undecidable = m.engagement(1, "checkout-overlay", name="Bad hours", campaign=1)
    undrawable = m.engagement(3, "sales-slide-out", name="Bad design", campaign=2)
    undrawable["designs"]["online"]["elements"] = {"not": "a list"}
    good = m.engagement(2, name="Good", campaign=2)
    broken = m.campaign(1, time_frame=dict(m.time_frame(), shifts="Mondays", hours_mode="weekly"))
    manifest = m.manifest(undecidable, good, undrawable, campaigns=[broken, m.campaign(2)])
    page = open_page(site.publish(manifest, check_schema=False))
    page.wait_for_selector('[data-engagement="2"]')
    page.wait_for_timeout(1200)  # a re-decision by the tag's timer
    reason = page.evaluate("EngagementTag.decisions()[0].reason")
    assert reason.startswith("The bundle's data for this engagement is damaged (")
    assert reason.endswith("); export the bundle again.")
    drawn = [p for p in page.problems if "could not be drawn" in p]
    assert len(drawn) == 1  # said once, not at every re-decision
    assert drawn[0].startswith(
        "console warning: Engagement tag: \u201cBad design\u201d could not be drawn ("
    )  # the browser's own words follow; they quote the shipped (minified) code
    assert drawn[0].endswith(".some is not a function); export the bundle again.")
    assert page.evaluate("EngagementTag.decisions()[2].reason").startswith(
        "The engagement could not be drawn"
    )
    assert [p for p in page.problems if "page error" in p] == []


def test_damaged_browser_storage_starts_a_fresh_visit(site, open_page):
    url = site.publish(m.manifest(m.engagement(1)))
    page = open_page(url)
    page.wait_for_selector(".ed-engagement")  # drawn and recorded: the tag writes nothing later
    page.evaluate(
        'localStorage.setItem(\'ed_visitor\', \'{"id": 7, "visits": "many"}\');'
        "sessionStorage.setItem('ed_visit', '{\"pages\": \"oops\"}');"
        "localStorage.setItem('ed_clicks', '{\"not\": \"a list\"}');"
        "localStorage.setItem('ed_conversation_1', '{\"token\": 5, \"messages\": 3}');"
    )
    page.reload()
    page.wait_for_selector(".ed-engagement")
    assert page.evaluate("typeof EngagementTag.visitor_id()") == "string"
    assert page.evaluate("JSON.parse(sessionStorage.getItem('ed_visit')).pages.length") == 1
    page.get_by_role("button", name="Message us").click()
    page.get_by_role("dialog").locator(".ed-bubble").first.wait_for()
    page.evaluate("EngagementTag.push({type: 'purchase', total: 5, currency: 'GBP'})")
    assert [p for p in page.problems if "page error" in p] == []
