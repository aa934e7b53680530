"""The preview starts only when asked for, beside the page, and follows every edit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.models.campaign import Campaign
from tests.gui.app_driver import type_into

pytestmark = pytest.mark.slow


def test_preview_opens_on_f5_and_follows_edits(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    assert window.preview is None  # nothing of QtWebEngine made at startup
    with window.store.read() as s:
        sale = s.scalar(select(Campaign.id).where(Campaign.name == "Winter sale"))
    window.tree.select("campaign", sale)
    window.actions_by_name["preview"].trigger()
    panel = window.preview
    assert panel is not None and panel.isVisible()
    with qtbot.waitSignal(panel.engine.rebuilt, timeout=20000):
        type_into(window.campaign_page.bind.widget_for("description"), "Previewed")
    window.actions_by_name["preview"].trigger()  # a second F5 reuses the same panel
    assert window.preview is panel
