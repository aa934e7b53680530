"""Control groups, zones and priority, proactive limits, decline and close within a visit."""

from __future__ import annotations

from tests.browser import manifests as m
from tests.browser.pages import decision, set_preview, shown


def _fnv1a(text: str) -> int:
    h = 2166136261
    for ch in text.encode("utf-16-le").decode("utf-16-le"):
        h ^= ord(ch)
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def _visitor(in_group: bool, purpose: str, percent: int) -> str:
    """A visitor id that the tag's hash puts in (or out of) the control group."""
    n = 0
    while True:
        vid = f"visitor-{n}"
        if (_fnv1a(f"{vid}|{purpose}") % 10000 < percent * 100) is in_group:
            return vid
        n += 1


def _as_visitor(page, vid: str) -> None:
    page.evaluate("id => localStorage.setItem('ed_visitor', JSON.stringify({id, visits: 1}))", vid)
    page.reload()
    page.wait_for_function("() => window.EngagementTag.decisions().length > 0")


def test_account_control_group_is_stable_for_a_visitor(site, open_page):
    url = site.publish(m.manifest(m.engagement(1), control_group_percent=25))
    page = open_page(url)
    _as_visitor(page, _visitor(True, "account", 25))
    assert decision(page, 1)["reason"] == (
        "The visitor is in the account's control group (25% of visitors see no engagement)."
    )
    page.reload()
    page.wait_for_function("() => window.EngagementTag.decisions().length > 0")
    assert decision(page, 1)["shows"] is False
    _as_visitor(page, _visitor(False, "account", 25))
    assert decision(page, 1)["shows"] is True


def test_campaign_control_group(site, open_page):
    c = m.campaign(1, name="Winter sale", control_group_percent=10)
    page = open_page(site.publish(m.manifest(m.engagement(1), campaigns=[c])))
    _as_visitor(page, _visitor(True, "campaign:1", 10))
    assert decision(page, 1)["reason"] == (
        "The visitor is in the campaign \u201cWinter sale\u201d's control group (10% of visitors)."
    )
    _as_visitor(page, _visitor(False, "campaign:1", 10))
    assert decision(page, 1)["shows"] is True


def test_control_group_share_is_about_the_setting(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1), control_group_percent=20)))
    share = page.evaluate(
        "() => { let n = 0; for (let i = 0; i < 2000; i++) {"
        " EngagementTag.preview({visitor_id: 'v' + i});"
        " if (!EngagementTag.decisions()[0].shows) n++; } return n / 2000; }"
    )
    assert 0.17 <= share <= 0.23


def test_one_engagement_per_zone_with_a_reason_for_the_other(site, open_page):
    high = m.campaign(1, name="High", priority="high", weight=70)
    low = m.campaign(2, name="Low", priority="low", weight=10)
    a = m.engagement(1, name="Sale button", campaign=1)
    b = m.engagement(2, name="Care button", campaign=2)
    page = open_page(site.publish(m.manifest(a, b, campaigns=[high, low])))
    assert len(shown(page)) == 1
    winner = shown(page)[0]
    loser = decision(page, 3 - winner)
    assert loser["reason"].startswith("Another engagement, \u201c")
    assert loser["reason"].endswith("in the right zone.")
    page.reload()
    page.wait_for_selector(".ed-engagement")
    assert shown(page) == [winner]  # stable for the visitor


def test_priority_weights_share_the_zone_70_to_10(site, open_page):
    high = m.campaign(1, priority="high", weight=70)
    low = m.campaign(2, priority="low", weight=10)
    page = open_page(
        site.publish(
            m.manifest(m.engagement(1), m.engagement(2, campaign=2), campaigns=[high, low])
        )
    )
    share = page.evaluate(
        "() => { let n = 0; for (let i = 0; i < 2000; i++) {"
        " EngagementTag.preview({visitor_id: 'v' + i});"
        " if (EngagementTag.decisions()[0].shows) n++; } EngagementTag.preview({}); return n / 2000; }"
    )
    assert 0.83 <= share <= 0.92  # 70 / (70 + 10) = 0.875


def test_proactive_zone_shows_one_at_a_time(site, open_page):
    page = open_page(
        site.publish(
            m.manifest(m.engagement(1, "checkout-overlay"), m.engagement(2, "checkout-toaster"))
        )
    )
    page.wait_for_selector(".ed-engagement")
    assert len(shown(page)) == 1


def test_embedded_engagement_fills_its_element(site, open_page):
    e = m.engagement(1, "promo-banner", element_id="promo-slot")
    page = open_page(site.publish(m.manifest(e), '<p>Intro</p><div id="promo-slot"></div>'))
    banner = page.locator("#promo-slot > [data-engagement] .ed-engagement")
    banner.wait_for()
    assert banner.get_attribute("role") == "region"
    assert banner.get_by_role("button", name="See the offer").is_visible()


def test_embedded_engagement_hides_without_its_element(site, open_page):
    e = m.engagement(1, "promo-banner", element_id="promo-slot")
    page = open_page(site.publish(m.manifest(e)))
    assert decision(page, 1)["reason"] == (
        "The page has no element with id \u201cpromo-slot\u201d to hold this embedded engagement."
    )


def test_closed_engagement_stays_closed_for_the_visit(site, open_page):
    url = site.publish(m.manifest(m.engagement(1, "checkout-overlay")))
    page = open_page(url)
    page.get_by_role("button", name="Close").click()
    page.reload()
    page.wait_for_function("() => window.EngagementTag.decisions().length > 0")
    assert decision(page, 1)["reason"] == "The visitor closed this engagement in this visit."
    next_visit = page.context.new_page()
    next_visit.goto(url)
    next_visit.wait_for_selector(".ed-engagement")


def _two_proactive(**account):
    first = m.engagement(1, "checkout-overlay", name="Overlay")
    second = m.engagement(2, "checkout-toaster", name="Toaster", campaign=2)
    campaigns = [m.campaign(1, weight=70), m.campaign(2, priority="low", weight=0)]
    return m.manifest(first, second, campaigns=campaigns, **account)


def test_invite_after_decline_off_hides_the_next_invitation(site, open_page):
    page = open_page(site.publish(_two_proactive()))
    page.wait_for_selector('[data-engagement="1"]')
    page.get_by_role("button", name="Close").click()
    assert shown(page) == []
    assert decision(page, 2)["reason"] == (
        "The visitor declined a conversation engagement in this visit and the account "
        "does not invite again after a decline."
    )


def test_invite_after_decline_on_shows_the_next_invitation(site, open_page):
    page = open_page(
        site.publish(_two_proactive(invite_after_decline={"conversation": True, "content": True}))
    )
    page.wait_for_selector('[data-engagement="1"]')
    page.get_by_role("button", name="Close").click()
    assert shown(page) == [2]


def test_proactive_displays_per_visit(site, open_page):
    limited = _two_proactive(
        invite_after_decline={"conversation": True, "content": True},
        displays_per_visit={"conversation": 1, "content": None},
    )
    page = open_page(site.publish(limited))
    page.wait_for_selector('[data-engagement="1"]')
    page.get_by_role("button", name="Close").click()
    assert shown(page) == []
    assert decision(page, 2)["reason"] == (
        "The visitor has already seen 1 proactive conversation engagement in this visit, "
        "the account's limit."
    )


def test_toaster_is_not_shown_on_phones(site, open_page):
    url = site.publish(m.manifest(m.engagement(1, "checkout-toaster")))
    assert decision(open_page(url, device="phone"), 1)["reason"] == (
        "A toaster is not shown on phones: it is not accessible on mobile web."
    )
    assert decision(open_page(url), 1)["shows"] is True


def test_overlay_fits_a_phone_screen(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1, "checkout-overlay"))), device="phone")
    box = page.locator(".ed-engagement").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.get_by_role("button", name="Message us").is_visible()


def test_custom_placement_uses_anchor_and_offsets(site, open_page):
    e = m.engagement(1)
    e["designs"]["online"]["props"].update(
        placement="custom", anchor="top-left", offset_x=40, offset_y=30
    )
    page = open_page(site.publish(m.manifest(e)))
    box = page.locator(".ed-engagement").bounding_box()
    assert (box["x"], box["y"]) == (40, 30)


def test_preview_changes_only_this_visitors_simulation(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    assert shown(page) == [1]  # drawn (draw.js loads after the decision) and recorded as seen
    before = page.evaluate(
        "JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})"
    )
    set_preview(page, control_group="in")
    assert decision(page, 1)["shows"] is False
    assert shown(page) == []
    set_preview(page, control_group="out", device="phone", returning=True)
    assert shown(page) == [1]
    set_preview(page)
    after = page.evaluate("JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})")
    assert after == before


def test_embedded_banner_wider_than_its_slot_is_scaled_to_fit(site, open_page):
    e = m.engagement(1, "promo-banner", element_id="promo-slot")
    page = open_page(site.publish(m.manifest(e), '<div id="promo-slot"></div>'), device="phone")
    banner = page.locator("#promo-slot > [data-engagement] .ed-engagement")
    banner.wait_for()
    slot = page.locator("#promo-slot").bounding_box()
    box = banner.bounding_box()
    assert box["width"] <= slot["width"] + 0.5
    assert banner.get_by_role("button", name="See the offer").is_visible()


def test_a_zero_weight_never_wins_against_a_weighted_engagement(site, open_page):
    page = open_page(site.publish(_two_proactive()))
    share = page.evaluate(
        "() => { let n = 0; for (let i = 0; i < 500; i++) {"
        " EngagementTag.preview({visitor_id: 'v' + i});"
        " if (EngagementTag.decisions()[1].shows) n++; } return n; }"
    )
    assert share == 0
