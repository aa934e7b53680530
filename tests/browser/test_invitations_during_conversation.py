"""While the conversation window is open, proactive invitations step aside and wait."""

from __future__ import annotations

from tests.browser import manifests as m
from tests.browser.pages import decision, push, shown

TALKING = (
    "The visitor is in a conversation: proactive invitations wait until the conversation "
    "window closes."
)


def _dialog(page):
    return page.get_by_role("dialog", name="Chat with us")


def _engagement(page, engagement_id: int):
    return page.locator(f'ed-engagement[data-engagement="{engagement_id}"]')


def _record_events(page) -> None:
    page.evaluate(
        "window.seen = []; ['decline', 'conversation', 'close'].forEach(n => "
        "EngagementTag.on(n, d => window.seen.push(n + ':' + d.engagement)))"
    )


def _overlay_and_sticky(**account):
    overlay = m.engagement(1, "checkout-overlay", name="Checkout rescue")
    sticky = m.engagement(2, "sales-sticky", name="Sales button", campaign=2)
    campaigns = [m.campaign(1), m.campaign(2)]
    return m.manifest(overlay, sticky, campaigns=campaigns, **account)


def test_starting_a_conversation_takes_the_invitation_away_without_a_decline(site, open_page):
    page = open_page(site.publish(_overlay_and_sticky()))
    _engagement(page, 1).wait_for()
    _record_events(page)
    _engagement(page, 2).click()
    _dialog(page).wait_for()
    assert shown(page) == [2]
    assert decision(page, 1)["reason"] == TALKING
    assert page.evaluate("window.seen") == ["conversation:2"]
    assert page.evaluate("JSON.parse(sessionStorage.getItem('ed_visit')).declined") == []
    page.keyboard.press("Escape")
    assert _dialog(page).count() == 0
    assert sorted(shown(page)) == [1, 2]  # not declined, no limit: it invites again
    assert decision(page, 1)["shows"] is True


def test_the_invitations_own_button_starts_the_conversation_and_it_steps_aside(site, open_page):
    page = open_page(
        site.publish(_overlay_and_sticky(displays_per_visit={"conversation": 1, "content": None}))
    )
    _engagement(page, 1).get_by_role("button", name="Message us").click()
    _dialog(page).wait_for()
    assert shown(page) == [2]
    page.keyboard.press("Escape")
    # the existing rules again: it was seen once, the account's limit
    assert shown(page) == [2]
    assert decision(page, 1)["reason"] == (
        "The visitor has already seen 1 proactive conversation engagement in this visit, "
        "the account's limit."
    )


def test_no_new_invitation_appears_while_the_window_is_open(site, open_page):
    sticky = m.engagement(1, "sales-sticky", name="Sales button")
    toaster = m.engagement(2, "checkout-toaster", name="Parka help", behavior=1)
    viewed = m.rule_set(1, "Viewed the parka", {"type": "viewed_product", "products": ["parka"]})
    page = open_page(site.publish(m.manifest(sticky, toaster, behaviors=[viewed])))
    _engagement(page, 1).click()
    _dialog(page).wait_for()
    push(page, type="viewed_product", product="parka")
    assert shown(page) == [1]
    assert decision(page, 2)["reason"] == TALKING
    page.keyboard.press("Escape")
    assert sorted(shown(page)) == [1, 2]


def test_a_closed_invitation_stays_closed_after_the_window_closes(site, open_page):
    toaster = m.engagement(1, "checkout-toaster", name="Checkout rescue")
    sticky = m.engagement(2, "sales-sticky", name="Sales button", campaign=2)
    page = open_page(
        site.publish(m.manifest(toaster, sticky, campaigns=[m.campaign(1), m.campaign(2)]))
    )
    _engagement(page, 1).get_by_role("button", name="Close").click()
    _engagement(page, 2).click()
    _dialog(page).wait_for()
    page.keyboard.press("Escape")
    assert shown(page) == [2]
    assert decision(page, 1)["reason"] == "The visitor closed this engagement in this visit."


def test_a_conversation_in_a_separate_window_also_holds_invitations_back(site, open_page):
    overlay = m.engagement(1, "checkout-overlay", name="Checkout rescue")
    sticky = m.engagement(2, "sales-sticky", campaign=2, window_opens_as="separate_window")
    page = open_page(
        site.publish(m.manifest(overlay, sticky, campaigns=[m.campaign(1), m.campaign(2)]))
    )
    _engagement(page, 1).wait_for()
    with page.expect_popup() as popup_info:
        _engagement(page, 2).click()
    popup = popup_info.value
    popup.get_by_role("dialog", name="Chat with us").wait_for()
    assert shown(page) == [2]
    assert decision(page, 1)["reason"] == TALKING
    popup.close()
    page.wait_for_function("() => EngagementTag.decisions()[0].shows")
    assert sorted(shown(page)) == [1, 2]
