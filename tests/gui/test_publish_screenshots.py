"""Screenshots of the publish summary and of the history with Restore, into tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from sqlalchemy import select

from designer.models.campaign import Campaign
from designer.models.engagement import Engagement
from designer.views.publishing.publish_dialog import PublishDialog
from tests.gui.app_driver import drive_dialog, pick

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "app"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_the_publish_summary_and_history(main_window, qapp, tmp_path, theme):
    from designer.views.shell.palette import apply_palette

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    before = QPalette(qapp.palette())
    apply_palette(qapp, theme)
    window = main_window(tmp_path / "s.sqlite")
    window.setGeometry(0, 0, 1280, 820)
    with window.store.read() as s:
        sale = s.scalar(select(Campaign.id).where(Campaign.name == "Winter sale"))
    window.tree.select("campaign", sale)
    site = tmp_path / "site"
    shots: dict[str, Path] = {}

    def publish(name: str | None) -> None:
        def act(dialog: PublishDialog) -> None:
            if name:
                path = ARTIFACTS / f"{theme}-{name}.png"
                assert dialog.grab().save(str(path))
                shots[name] = path
            dialog.publish.click()

        assert drive_dialog(PublishDialog, act, lambda: window.publish(sale, str(site)))

    publish(None)
    page = window.campaign_page
    pick(page.bind.widget_for("priority"), "low")
    with window.store.edit() as s:
        s.scalar(select(Engagement).where(Engagement.name == "Cart toaster")).language = "fr"
    with window.store.read() as s:
        expert = s.scalar(select(Engagement.id).where(Engagement.name == "Product expert"))
    window.tree.select("engagement", expert)
    page.disable.click()
    window.tree.select("campaign", sale)
    publish("publish-summary")
    page.history.list.item(1).setSelected(True)
    page.ensureWidgetVisible(page.history)
    qapp.processEvents()
    path = ARTIFACTS / f"{theme}-history-restore.png"
    assert window.grab().save(str(path))
    shots["history"] = path
    page.history.restore.click()  # the page and the status bar now say the bundle is behind
    page.verticalScrollBar().setValue(0)
    qapp.processEvents()
    path = ARTIFACTS / f"{theme}-restored-out-of-date.png"
    assert window.grab().save(str(path))
    shots["restored"] = path
    qapp.setPalette(before)
    assert all(p.stat().st_size > 10_000 for p in shots.values())
