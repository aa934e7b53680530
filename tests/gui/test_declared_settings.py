"""Settings are declared once: a limit changed in the declaration is the one the forms,
validation, the store's refusal sentence and the manifest schema all apply."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtWidgets import QSpinBox
from sqlalchemy import select

from designer.bundle.manifest_schema import manifest_schema
from designer.models.campaign import Campaign
from designer.models.errors import StoreError
from designer.models.settings import ACCOUNT_SETTINGS, CAMPAIGN_SETTINGS, ENGAGEMENT_SETTINGS
from designer.models.validation import validate
from designer.views.account.account_page import AccountPage
from designer.views.campaigns.campaign_page import CampaignPage
from designer.views.editing.edit_session import EditSession
from designer.views.wizard.settings_stage import SettingsStage

NARROW = "The control group must be between 0% and 15% of visitors."


@pytest.fixture
def narrower_control_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """The campaign's control group declared as 0–15 % instead of 0–25 %."""
    spec = dataclasses.replace(CAMPAIGN_SETTINGS["control_group_percent"], maximum=15)
    monkeypatch.setitem(CAMPAIGN_SETTINGS, "control_group_percent", spec)


def test_a_changed_limit_is_the_spin_boxs_validations_and_the_sentences(
    qtbot, store, narrower_control_group
) -> None:
    session = EditSession(store)
    page = CampaignPage(session)
    qtbot.addWidget(page)
    with store.read() as s:
        sale = s.scalar(select(Campaign).where(Campaign.name == "Winter sale"))
        sale_id = sale.id
    page.show_campaign(sale_id)
    spin = page.bind.widget_for("control_group_percent")
    assert isinstance(spin, QSpinBox)
    assert (spin.minimum(), spin.maximum(), spin.suffix()) == (0, 15, "% of visitors")
    spin.setValue(20)  # the designer cannot type past the declared limit
    with store.read() as s:
        assert s.get(Campaign, sale_id).control_group_percent == 15

    with store.edit() as s:  # a store written with the old limit
        s.get(Campaign, sale_id).control_group_percent = 20
    with store.read() as s:
        problems = [p for p in validate(s) if p.where.field == "control_group_percent"]
    assert [p.message for p in problems] == [NARROW]

    with pytest.raises(StoreError, match=NARROW), store.edit() as s:
        s.get(Campaign, sale_id).control_group_percent = 30  # refused by the store
    campaign = manifest_schema()["properties"]["campaigns"]["items"]["properties"]
    assert campaign["control_group_percent"]["maximum"] == 15  # what a bundle may carry


def test_the_forms_take_their_words_from_the_declaration(qtbot, store) -> None:
    session = EditSession(store)
    account = AccountPage(session)
    qtbot.addWidget(account)
    for name, spec in ACCOUNT_SETTINGS.items():
        widget = account.bind.widget_for(name)
        assert widget is not None, name
        assert widget.accessibleName() == spec.label
        assert widget.toolTip() == (spec.description or spec.label), name
    days = account.bind.widget_for("cross_session_days")
    assert [days.itemData(i) for i in range(days.count())] == list(
        ACCOUNT_SETTINGS["cross_session_days"].choices
    )
    campaign = CampaignPage(session)
    qtbot.addWidget(campaign)
    for name, spec in CAMPAIGN_SETTINGS.items():
        widget = campaign.bind.widget_for(name)
        if widget is not None:  # the status is changed by Publish, Enable and Disable
            assert widget.accessibleName() == spec.label, name
    assert campaign.bind.widget_for("status") is None
    stage = SettingsStage(session)
    qtbot.addWidget(stage)
    for name, spec in ENGAGEMENT_SETTINGS.items():
        widget = stage.bind.widget_for(name)
        if widget is not None:  # the kind is chosen in the gallery
            assert widget.accessibleName() == spec.label, name
    language = stage.bind.widget_for("language")
    assert [language.itemText(i) for i in range(language.count())] == list(
        ENGAGEMENT_SETTINGS["language"].choices
    )
