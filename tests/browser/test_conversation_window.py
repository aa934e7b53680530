"""Click -> the conversation window: embedded, separate window or new tab; accessible; demo agent."""

from __future__ import annotations

from pathlib import Path

from tests.browser import manifests as m
from tests.browser.pages import ACTIVE, shown

PHONE_LAUNCH = "Message us"


def _dialog(page):
    return page.get_by_role("dialog", name="Chat with us")


def test_click_opens_the_embedded_window_with_the_greeting_first(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    page.evaluate(
        "window.seen = []; ['click','conversation'].forEach(n => "
        "EngagementTag.on(n, d => window.seen.push(n)))"
    )
    assert page.evaluate("document.querySelectorAll('script[src*=window]').length") == 0
    page.get_by_role("button", name="Message us").click()
    dialog = _dialog(page)
    dialog.wait_for()
    assert dialog.get_attribute("aria-modal") == "true"
    log = dialog.get_by_role("log")
    assert log.get_attribute("aria-live") == "polite"
    assert log.locator(".ed-bubble").first.text_content() == "Agent: " + m.GREETING
    assert page.evaluate("window.seen") == ["click", "conversation"]
    assert page.evaluate(f"{ACTIVE}.className") == "ed-window-text"


def test_the_demo_agent_answers_with_the_automatic_messages(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    page.get_by_role("button", name="Message us").click()
    box = page.get_by_role("textbox", name="Type a message")
    box.fill("Where is my order?")
    box.press("Enter")
    bubbles = page.locator(".ed-window .ed-bubble")
    bubbles.nth(2).wait_for()
    assert bubbles.all_text_contents() == [
        "Agent: " + m.GREETING,
        "You: Where is my order?",
        "Agent: " + m.AWAY,
    ]


def test_escape_closes_and_returns_focus_to_the_launcher(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    page.evaluate(
        "window.seen = []; EngagementTag.on('close', d => window.seen.push(d.engagement))"
    )
    launcher = page.get_by_role("button", name="Message us")
    launcher.click()
    _dialog(page).wait_for()
    page.keyboard.press("Escape")
    assert _dialog(page).count() == 0
    assert page.evaluate(f"{ACTIVE}.getRootNode().host.dataset.engagement") == "1"
    assert page.evaluate("window.seen") == [1]


def test_tab_keeps_focus_inside_the_window(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    page.get_by_role("button", name="Message us").click()
    _dialog(page).wait_for()
    inside = []
    for _ in range(8):
        page.keyboard.press("Tab")
        inside.append(page.evaluate(f"!!{ACTIVE}.closest('.ed-window')"))
    assert all(inside)
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(f"!!{ACTIVE}.closest('.ed-window')")


def test_unauthenticated_token_is_kept_for_the_idle_time_and_reused(site, open_page):
    url = site.publish(m.manifest(m.engagement(1), idle_time_days=2))
    page = open_page(url)
    page.get_by_role("button", name="Message us").click()
    _dialog(page).wait_for()
    saved = page.evaluate("JSON.parse(localStorage.getItem('ed_conversation_1'))")
    now = page.evaluate("Date.now()")
    assert len(saved["token"]) == 32
    assert abs(saved["expires"] - (now + 2 * 86400000)) < 60000
    page.keyboard.press("Escape")
    page.reload()
    page.get_by_role("button", name="Message us").click()
    page.locator(".ed-window .ed-bubble").first.wait_for()
    again = page.evaluate("JSON.parse(localStorage.getItem('ed_conversation_1'))")
    assert again["token"] == saved["token"]
    # the earlier thread is shown again, not a second greeting
    assert page.locator(".ed-window .ed-bubble").all_text_contents() == ["Agent: " + m.GREETING]


def test_an_expired_token_starts_a_new_conversation(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    page.evaluate(
        "localStorage.setItem('ed_conversation_1', JSON.stringify("
        "{token: 'old', expires: Date.now() - 1000, messages: [{from: 'agent', text: 'stale'}]}))"
    )
    page.get_by_role("button", name="Message us").click()
    page.locator(".ed-window .ed-bubble").first.wait_for()
    assert page.evaluate("JSON.parse(localStorage.getItem('ed_conversation_1')).token") != "old"
    assert page.locator(".ed-window .ed-bubble").all_text_contents() == ["Agent: " + m.GREETING]


def test_authenticated_conversation_keeps_no_token(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1, authenticated=True))))
    page.get_by_role("button", name="Message us").click()
    _dialog(page).wait_for()
    assert page.evaluate("localStorage.getItem('ed_conversation_1')") is None


def test_a_site_transport_replaces_the_demo_agent(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    page.evaluate(
        "EngagementTag.transport({start: (c, deliver) => deliver('Live agent here'),"
        " send: (c, text, deliver) => deliver('You said ' + text), end: () => {}})"
    )
    page.get_by_role("button", name="Message us").click()
    box = page.get_by_role("textbox", name="Type a message")
    box.fill("hello")
    box.press("Enter")
    assert page.locator(".ed-window .ed-bubble").all_text_contents() == [
        "Agent: Live agent here",
        "You: hello",
        "Agent: You said hello",
    ]


def test_separate_window_opens_a_popup_holding_the_dialog(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1, window_opens_as="separate_window"))))
    with page.expect_popup() as popup_info:
        page.get_by_role("button", name="Message us").click()
    popup = popup_info.value
    dialog = popup.get_by_role("dialog", name="Chat with us")
    dialog.wait_for()
    assert popup.locator(".ed-bubble").first.text_content() == "Agent: " + m.GREETING
    assert page.locator(".ed-window").count() == 0


def test_phone_with_viewport_meta_embeds_the_window(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))), device="phone")
    page.get_by_role("button", name=PHONE_LAUNCH).tap()
    dialog = _dialog(page)
    dialog.wait_for()
    box = dialog.bounding_box()
    assert box["width"] <= 375 - 32 + 1
    assert len(page.context.pages) == 1


def test_phone_without_viewport_meta_opens_the_window_in_a_new_tab(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1)), viewport=False), device="phone")
    with page.context.expect_page() as tab_info:
        page.get_by_role("button", name=PHONE_LAUNCH).tap()
    tab = tab_info.value
    tab.get_by_role("dialog", name="Chat with us").wait_for()
    assert page.locator(".ed-window").count() == 0
    assert shown(page) == [1]


def test_window_is_styled_by_the_window_design(site, open_page):
    e = m.engagement(1)
    e["window"].update(header_text="Ask Northwind", header_color="#0f7b4a", theme="dark", width=400)
    page = open_page(site.publish(m.manifest(e)))
    page.get_by_role("button", name="Message us").click()
    dialog = page.get_by_role("dialog", name="Ask Northwind")
    dialog.wait_for()
    assert dialog.bounding_box()["width"] == 400
    header = dialog.locator(".ed-window-header")
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") == "rgb(15, 123, 74)"
    assert dialog.evaluate("d => getComputedStyle(d).backgroundColor") == "rgb(30, 31, 36)"


def test_window_header_image_link_and_agent_picture(site, open_page):
    logo, logo_files = m.image("#0f7b4a")
    face, face_files = m.image("#f0b429", 20)
    e = m.engagement(1)
    e["window"].update(
        header_image=logo,
        header_image_alt="Northwind logo",
        header_image_link="https://example.com/",
        agent_picture=face,
        agent_name="Sam",
    )
    page = open_page(site.publish(m.manifest(e), images={**logo_files, **face_files}))
    page.get_by_role("button", name="Message us").click()
    dialog = _dialog(page)
    link = dialog.get_by_role("link", name="Northwind logo")
    assert link.get_attribute("href") == "https://example.com/"
    assert link.get_attribute("rel") == "noopener"
    dialog.get_by_role("img", name="Sam").first.wait_for()
    assert dialog.locator(".ed-bubble").first.text_content() == "Sam: " + m.GREETING


def test_a_javascript_header_link_is_not_made_a_link(site, open_page):
    logo, files = m.image()
    e = m.engagement(1)
    e["window"].update(
        header_image=logo, header_image_alt="Logo", header_image_link="javascript:alert(1)"
    )
    page = open_page(site.publish(m.manifest(e), images=files))
    page.get_by_role("button", name="Message us").click()
    _dialog(page).get_by_role("img", name="Logo").wait_for()
    assert page.locator(".ed-window a").count() == 0


def test_a_second_click_keeps_one_conversation(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1, window_opens_as="separate_window"))))
    with page.expect_popup() as popup_info:
        page.get_by_role("button", name="Message us").click()
    popup = popup_info.value
    popup.locator(".ed-bubble").first.wait_for()
    page.get_by_role("button", name="Message us").click()
    page.wait_for_timeout(300)
    assert popup.locator(".ed-window").count() == 1
    assert len(page.context.pages) == 2


def test_embedded_window_second_click_keeps_one_dialog(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    launcher = page.get_by_role("button", name="Message us")
    launcher.click()
    page.locator(".ed-window .ed-bubble").first.wait_for()
    launcher.dispatch_event(
        "click"
    )  # the window now covers the launcher; the site may still click it
    assert page.locator(".ed-window").count() == 1
    assert page.evaluate(f"{ACTIVE}.className") == "ed-window-text"


def test_the_token_is_refreshed_while_the_window_is_open(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1), idle_time_days=30)))
    page.get_by_role("button", name="Message us").click()
    page.locator(".ed-window .ed-bubble").first.wait_for()
    first = page.evaluate("JSON.parse(localStorage.getItem('ed_conversation_1'))")
    later = first["expires"] - 30 * 86400000 + 10 * 86400000  # ten days after it opened
    page.evaluate("t => EngagementTag.preview({now: t})", later)
    box = page.get_by_role("textbox", name="Type a message")
    box.fill("Still there?")
    box.press("Enter")
    refreshed = page.evaluate("JSON.parse(localStorage.getItem('ed_conversation_1'))")
    assert refreshed["token"] == first["token"]
    assert refreshed["expires"] == later + 30 * 86400000


def test_escape_returns_focus_to_the_launcher_drawn_again_meanwhile(site, open_page):
    page = open_page(site.publish(m.manifest(m.engagement(1))))
    page.get_by_role("button", name="Message us").click()
    _dialog(page).wait_for()
    page.evaluate(
        "EngagementTag.preview({agent_state: 'offline'})"
    )  # the offline design replaces it
    page.keyboard.press("Escape")
    assert page.evaluate(f"{ACTIVE}.textContent") == "Leave us a message"


def test_the_action_menu_downloads_the_transcript_and_ends_the_conversation(site, open_page):
    url = site.publish(m.manifest(m.engagement(1), idle_time_days=2))
    page = open_page(url)
    page.get_by_role("button", name="Message us").click()
    box = page.get_by_role("textbox", name="Type a message")
    box.fill("Where is my order?")
    box.press("Enter")
    page.locator(".ed-window .ed-bubble").nth(2).wait_for()
    menu = page.get_by_role("button", name="Conversation actions")
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    with page.expect_download() as download:
        page.get_by_role("button", name="Download transcript").click()
    assert download.value.suggested_filename == "conversation.txt"
    assert Path(download.value.path()).read_text("utf-8") == (
        f"Agent: {m.GREETING}\nYou: Where is my order?\nAgent: {m.AWAY}\n"
    )
    page.get_by_role("button", name="End conversation").click()
    _dialog(page).wait_for(state="detached")
    ended = page.evaluate("JSON.parse(localStorage.getItem('ed_conversation_1'))")
    assert ended["messages"] == [] and ended["expires"] == 0  # the thread is forgotten
    page.get_by_role("button", name="Message us").click()
    bubbles = page.locator(".ed-window .ed-bubble")
    bubbles.first.wait_for()
    assert bubbles.all_text_contents() == ["Agent: " + m.GREETING]  # a new conversation
