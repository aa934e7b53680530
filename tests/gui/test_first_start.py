"""First start: a welcome that says what to do; an empty store offers the sample."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from designer.models.account import AccountSettings
from designer.models.campaign import Campaign
from designer.models.libraries import EntryPoint
from tests.gui.app_driver import click


def test_the_welcome_says_what_to_do_until_closed_once(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    assert window.welcome.isVisible()
    assert "click an engagement to open it" in window.welcome.text.text()
    click(window.welcome.close_button)
    assert not window.welcome.isVisible()
    assert QSettings().value("welcome/seen", type=bool)
    window.close()
    again = main_window(tmp_path / "other.sqlite")
    assert not again.welcome.isVisible()


def test_an_empty_store_starts_from_the_sample_and_undo_empties_it(main_window, tmp_path):
    window = main_window(tmp_path / "empty.sqlite", seed=False)
    empty = window.pages.empty
    assert window.pages.currentWidget() is empty
    assert empty.sample.isVisible() and empty.new_campaign.isVisible()
    with window.store.read() as s:
        zone_before = s.scalars(select(AccountSettings)).first().time_zone
    click(empty.sample)
    assert window.tree.campaign_count() >= 2
    assert window.current_page() == "campaign"
    window.actions_by_name["undo"].trigger()
    with window.store.read() as s:
        assert s.scalar(select(func.count(Campaign.id))) == 0
        assert s.scalar(select(func.count(EntryPoint.id))) == 0
        assert s.scalars(select(AccountSettings)).first().time_zone == zone_before
    assert window.tree.campaign_count() == 0
    window.actions_by_name["redo"].trigger()  # and back again
    assert window.tree.campaign_count() >= 2


def test_new_campaign_beside_the_sample(main_window, tmp_path):
    window = main_window(tmp_path / "empty.sqlite", seed=False)
    click(window.pages.empty.new_campaign)
    assert window.tree.campaign_count() == 1
    assert window.current_page() == "campaign"


def test_with_campaigns_but_none_chosen_it_asks_to_pick_one(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.campaign_page.campaign_id = None
    window.show_page("campaign")
    assert window.pages.currentWidget() is window.pages.empty
    assert not window.pages.empty.sample.isVisible()  # the sample is for an empty store
    assert "Click a campaign" in window.pages.empty.text.text()
