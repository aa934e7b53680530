"""The wizard saves each step as made: close the window mid-way, reopen, and it resumes there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from designer.models.campaign import Campaign
from designer.models.engagement import Engagement
from designer.models.store import Store
from tests.gui.app_driver import answering, click, pick, type_into


def test_the_wizard_resumes_where_the_window_was_closed(main_window, tmp_path):
    path = tmp_path / "s.sqlite"
    window = main_window(path)
    with window.store.read() as s:
        care = s.scalar(select(Campaign.id).where(Campaign.name == "Customer care"))
    window.tree.select("campaign", care)
    window.actions_by_name["add_engagement"].trigger()
    wizard = window.wizard
    click(wizard.stages[0].cards["promo-banner"])
    click(wizard.next)
    settings = wizard.stage("settings")
    type_into(settings.bind.widget_for("element_id"), "offer-slot")
    type_into(settings.bind.widget_for("content_url"), "https://example.com/spring")
    pick(settings.bind.widget_for("language"), "fr")
    click(wizard.next)  # Studio
    click(wizard.next)  # Window
    engagement_id = wizard.engagement_id
    window.close()

    window = main_window(path)
    assert "unfinished engagement" in window.statusBar().currentMessage()
    item = window.tree.tree.findItems("Offer banner", Qt.MatchFlag.MatchRecursive)[0]
    assert item.text(1) == "unfinished"  # short: the names keep the tree's width
    assert item.toolTip(1) == "unfinished: the wizard opens at its window stage"
    window.tree.tree.itemActivated.emit(item, 0)  # a double-click or Enter on it
    assert window.current_page() == "wizard"
    assert window.wizard.stack.currentWidget() is window.wizard.stage("window")
    settings = window.wizard.stage("settings")
    click(window.wizard.back)
    click(window.wizard.back)
    assert settings.isVisible()
    assert settings.bind.widget_for("element_id").text() == "offer-slot"
    assert settings.bind.widget_for("language").currentData() == "fr"
    with window.store.read() as s:
        e = s.get(Engagement, engagement_id)
        assert (e.format, e.zone_key, e.kind) == (
            "embedded_banner",
            "embedded:offer-slot",
            "content",
        )


def test_next_explains_why_a_stage_cannot_go_on(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["add_engagement"].trigger()
    wizard = window.wizard
    click(wizard.next)
    assert (
        wizard.error.text()
        == "Gallery: Pick a template in the gallery first: click one of the cards."
    )
    assert wizard.engagement_id is None  # nothing saved before a pick
    click(wizard.stages[0].cards["service-embedded"])
    assert wizard.error.text() == ""
    click(wizard.next)
    settings = wizard.stage("settings")
    pick(settings.bind.widget_for("routing"), "specific_skill")
    click(wizard.next)
    assert wizard.stack.currentWidget() is settings
    assert wizard.error.text().startswith(
        "Settings: Routing goes to a specific skill, but none is chosen"
    )
    assert "Routing goes to a specific skill" in wizard.next.toolTip()
    pick(settings.skill, settings.skill.itemData(settings.skill.findText("Support")))
    type_into(settings.bind.widget_for("element_id"), "help-chat")
    click(wizard.next)
    assert wizard.stack.currentWidget() is wizard.stage("studio")


def test_gallery_filters_by_zone_and_kind(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["add_engagement"].trigger()
    gallery = window.wizard.stages[0]
    pick(gallery.zone, "proactive")
    shown = sorted(k for k, card in gallery.cards.items() if card.isVisible())
    assert shown == ["checkout-overlay", "checkout-toaster", "promo-peel"]
    pick(gallery.kind, "content")
    assert [k for k, card in gallery.cards.items() if card.isVisible()] == ["promo-peel"]
    pick(gallery.zone, "right")
    assert not any(card.isVisible() for card in gallery.cards.values())
    assert gallery.empty.isVisible()


def test_text_typed_but_not_yet_confirmed_is_saved_when_the_window_closes(
    main_window, qtbot, tmp_path
):
    path = tmp_path / "s.sqlite"
    window = main_window(path)
    window.activateWindow()
    qtbot.waitActive(window)
    window.actions_by_name["add_engagement"].trigger()
    click(window.wizard.stages[0].cards["sales-sticky"])
    click(window.wizard.next)
    content = window.wizard.stage("settings").message_widgets["greeting"][1]
    content.setFocus()
    qtbot.waitUntil(content.hasFocus)
    content.selectAll()
    QTest.keyClicks(content, "Hello there")  # no Enter, no Tab
    engagement_id = window.wizard.engagement_id
    window.close()
    store = Store.open(path)
    try:
        with store.read() as s:
            messages = s.get(Engagement, engagement_id).automatic_messages
    finally:
        store.close()
    assert messages["en"]["greeting"] == {"enabled": True, "text": "Hello there"}


def test_a_new_template_for_a_made_engagement_asks_first(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["add_engagement"].trigger()
    wizard = window.wizard
    gallery = wizard.stages[0]
    click(gallery.cards["sales-sticky"])
    click(wizard.next)
    click(wizard.back)
    with answering("Cancel") as dialogs:
        click(gallery.cards["checkout-overlay"])
    assert dialogs.seen[0].startswith("Start again from “Checkout rescue overlay”?")
    assert gallery.cards["sales-sticky"].isChecked()
    with answering("Use this template"):
        click(gallery.cards["checkout-overlay"])
    with window.store.read() as s:
        e = s.get(Engagement, wizard.engagement_id)
        assert (e.template, e.format, e.zone) == ("checkout-overlay", "overlay", "proactive")
