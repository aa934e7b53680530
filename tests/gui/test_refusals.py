"""Mistakes are refused where they are made: a sentence beside the field, the store unchanged."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtTest import QTest
from sqlalchemy import select

from designer.models.account import AccountSettings
from designer.models.campaign import Campaign
from designer.models.engagement import Engagement
from designer.models.libraries import EntryPoint
from designer.models.vocabulary import UrlMatch
from tests.gui.app_driver import answering, click, pick, type_into
from tests.gui.test_app_libraries import entry_point_page


def _rules(window, entry_point_id: int) -> list[dict]:
    with window.store.read() as s:
        return s.get(EntryPoint, entry_point_id).rules


def test_an_invalid_pattern_is_refused_as_it_is_typed_and_never_saved(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    page = entry_point_page(window, "Checkout")
    editor, before = page.rules, _rules(window, page.item_id)
    pick(editor.match, UrlMatch.REGEX.value)
    editor.value.setFocus()
    QTest.keyClicks(editor.value, "^/checkout/(step")
    assert not editor.problem.isHidden()
    assert editor.problem.text().startswith("The pattern is not a valid regular expression")
    click(editor.add)
    assert _rules(window, page.item_id) == before  # refused: the entry point kept its rules
    assert editor.value.text() == "^/checkout/(step"  # still there to correct
    QTest.keyClicks(editor.value, "[0-9])")
    assert editor.problem.isHidden()
    with answering("Change it"):
        click(editor.add)
    added = _rules(window, page.item_id)[-1]
    assert added == {"match": "regex", "value": "^/checkout/(step[0-9])", "exclude": False}


def test_a_pattern_that_could_freeze_a_browser_is_refused_too(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    page = entry_point_page(window, "Checkout")
    pick(page.rules.match, UrlMatch.REGEX.value)
    type_into(page.rules.value, "^/(a+)+$")
    assert "nested or overlapping repeats" in page.rules.problem.text()
    assert all(r["value"] != "^/(a+)+$" for r in _rules(window, page.item_id))


def test_an_empty_engagement_name_is_refused_beside_the_field(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    with window.store.read() as s:
        eid = s.scalar(select(Engagement.id).where(Engagement.name == "Checkout rescue"))
    window.open_engagement(eid)
    window.wizard.go_to_field(eid, "name")
    summary = window.wizard.stage("summary")
    type_into(summary.name, "   ")
    refusal = summary.bind.refusal("name")
    assert not refusal.isHidden()
    assert refusal.text() == (
        "An engagement needs a name, so it was not saved; the old name is kept."
    )
    with window.store.read() as s:
        assert s.get(Engagement, eid).name == "Checkout rescue"
    type_into(summary.name, "Checkout helper")
    assert refusal.isHidden()
    with window.store.read() as s:
        assert s.get(Engagement, eid).name == "Checkout helper"


def _currency(window) -> str:
    with window.store.read() as s:
        return s.scalar(select(AccountSettings.currency))


def test_the_currency_is_picked_from_iso_4217_and_a_made_up_code_is_refused(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["go_account"].trigger()
    page = window.account_page
    combo, refusal = page.currency, page.bind.refusal("currency")
    assert combo.currentText() == "GBP — Pound Sterling"
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "EUR — Euro" in labels and "JPY — Yen" in labels and len(labels) > 150
    type_into(combo.lineEdit(), "XYZ")
    assert not refusal.isHidden()
    assert refusal.text() == (
        "“XYZ” is not an ISO 4217 currency code; choose one from the list, like GBP or EUR."
    )
    assert _currency(window) == "GBP"
    type_into(combo.lineEdit(), "eur")
    assert refusal.isHidden() and _currency(window) == "EUR"
    assert combo.currentText() == "EUR — Euro"
    pick(combo, "JPY")
    assert _currency(window) == "JPY"


def _dates(window, campaign_id: int) -> tuple[datetime | None, datetime | None]:
    with window.store.read() as s:
        c = s.get(Campaign, campaign_id)
        return c.starts_at, c.ends_at


def test_an_end_before_the_start_is_refused_and_dates_commit_as_typed(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    with window.store.read() as s:
        care = s.scalar(select(Campaign.id).where(Campaign.name == "Customer care"))
    window.tree.select("campaign", care)
    page = window.campaign_page
    (start_on, start), (end_on, end) = page.dates["starts_at"], page.dates["ends_at"]
    start_on.setChecked(True)
    start.setDateTime(QDateTime(datetime(2027, 3, 10, 9, 0)))  # no Enter, no focus change
    assert _dates(window, care)[0] == datetime(2027, 3, 10, 9, 0)
    end_on.setChecked(True)
    end.setDateTime(QDateTime(datetime(2027, 3, 1, 18, 0)))
    refusal = page.bind.refusal("ends_at")
    assert not refusal.isHidden()
    assert refusal.text() == "The time frame ends before it starts; move the end after the start."
    assert _dates(window, care)[1] != datetime(2027, 3, 1, 18, 0)
    start.setDateTime(QDateTime(datetime(2027, 2, 20, 9, 0)))  # now the pair stands
    assert _dates(window, care) == (datetime(2027, 2, 20, 9, 0), datetime(2027, 3, 1, 18, 0))
    assert refusal.isHidden()


def test_a_new_campaign_takes_the_accounts_time_zone(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    with window.store.edit() as s:
        s.scalars(select(AccountSettings)).first().time_zone = "America/New_York"
    campaign_id = window.new_campaign()
    with window.store.read() as s:
        assert s.get(Campaign, campaign_id).time_zone == "America/New_York"
