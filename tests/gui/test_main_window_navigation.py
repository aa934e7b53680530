"""Navigation: a click opens an engagement, breadcrumbs and stages are links, the tree's menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from designer.models.engagement import Engagement
from tests.gui.app_driver import answering


def _engagement(window, name: str) -> int:
    with window.store.read() as s:
        return s.scalar(select(Engagement.id).where(Engagement.name == name))


def _click_row(window, entity: str, row_id: int) -> None:
    assert window.tree.select(entity, row_id)
    tree = window.tree.tree
    rect = tree.visualItemRect(tree.currentItem())
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_single_click_opens_the_engagement_at_its_summary(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    toaster = _engagement(window, "Cart toaster")
    window.tree.select("campaign", 1)
    _click_row(window, "engagement", toaster)
    assert window.current_page() == "wizard"
    assert window.wizard.engagement_id == toaster
    assert window.wizard.stack.currentWidget() is window.wizard.summary


def test_the_campaign_in_the_heading_is_a_link_back(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    toaster = _engagement(window, "Cart toaster")
    window.open_engagement(toaster)
    assert '<a href="campaign">Winter sale</a>' in window.wizard.heading.text()
    window.wizard.heading.linkActivated.emit("campaign")
    assert window.current_page() == "campaign"
    assert window.campaign_page.campaign_id == window.selected_campaign()


def test_stages_are_links_with_icons_up_to_where_the_draft_got(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.open_engagement(_engagement(window, "Cart toaster"))  # finished: every stage
    bar = window.wizard.steps
    assert len(bar.buttons) == 7 and all(not b.icon().isNull() for b in bar.buttons)
    assert all(b.isEnabled() for b in bar.buttons)
    bar.buttons[4].click()
    assert window.wizard.stack.currentWidget().key == "entry_point"
    assert bar.buttons[4].isChecked() and not bar.buttons[6].isChecked()
    window.wizard.start(window.selected_campaign())  # a new one: only the gallery yet
    assert [b.isEnabled() for b in bar.buttons] == [True] + [False] * 6


def test_the_tree_menu_edits_duplicates_toggles_and_deletes(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    texts = [a.text().replace("&", "") for a in window.tree.tree.actions() if not a.isSeparator()]
    assert texts[0] == "Edit" and texts[1] == "Duplicate" and texts[3] == "Delete…"
    assert texts[2].startswith(("Disable", "Enable"))  # names what it acts on
    toaster = _engagement(window, "Cart toaster")
    window.tree.select("engagement", toaster)
    assert window.actions_by_name["toggle_enabled"].text().startswith("Disable engagement")
    window.actions_by_name["toggle_enabled"].trigger()
    assert window.tree.tree.currentItem().text(1) == "disabled"
    window.actions_by_name["edit"].trigger()
    assert window.current_page() == "wizard" and window.wizard.engagement_id == toaster
    window.tree.select("engagement", toaster)
    window.actions_by_name["duplicate"].trigger()
    assert window.tree.tree.currentItem().text(0) == "Cart toaster (copy)"
    copy_id = window.tree.current()[1]
    with answering("Delete"):
        window.delete_selected()
    with window.store.read() as s:
        assert s.get(Engagement, copy_id) is None
        assert s.get(Engagement, toaster).enabled is False
