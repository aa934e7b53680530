"""The whole journey: a new store, a campaign, an engagement through six stages, publish, undo."""

from __future__ import annotations

import json

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from designer.bundle.manifest import schema_problems
from designer.models.campaign import Campaign, CampaignVersion
from designer.models.engagement import Engagement
from designer.models.libraries import EntryPoint, TargetAudience
from designer.views.store.store_files import switch_to
from tests.gui.app_driver import answering, click, pick, type_into


def campaigns(window) -> list[str]:
    with window.store.read() as s:
        return list(s.scalars(select(Campaign.name).order_by(Campaign.name)))


def make_audience(window) -> None:
    page = window.libraries["audience"]
    window.actions_by_name["go_audience"].trigger()
    click(page.new)
    type_into(page.name, "Big spenders")
    pick(page.rules.kind, "attribute")
    click(page.rules.add)
    form = page.rules._form
    type_into(form.widgets["name"], "lifetime_value")
    pick(form.widgets["op"], "at least")
    type_into(form.widgets["value"], "500")


def make_campaign(window) -> int:
    window.actions_by_name["new_campaign"].trigger()
    page = window.campaign_page
    type_into(page.bind.widget_for("name"), "Spring launch")
    pick(page.bind.widget_for("goal"), "leads")
    page.bind.widget_for("goal_once_per_visit").click()
    pick(page.audience, page.audience.itemData(page.audience.findText("Big spenders")))
    page.dates["starts_at"][0].click()
    pick(page.bind.widget_for("hours_mode"), "weekly")
    page.shifts.day.setCurrentIndex(1)  # Tuesday
    page.shifts.start.setTime(QTime(9, 0))
    page.shifts.end.setTime(QTime(12, 35))
    click(page.shifts.add)
    return page.campaign_id


def walk_wizard(window, qtbot) -> int:
    window.actions_by_name["add_engagement"].trigger()
    wizard = window.wizard
    assert window.current_page() == "wizard"
    click(wizard.stages[0].cards["checkout-overlay"])
    click(wizard.next)
    assert wizard.stage("settings").isVisible()
    pick(wizard.stage("settings").bind.widget_for("routing"), "all_skills")
    click(wizard.next)  # to Studio
    click(wizard.next)  # to Window
    click(wizard.next)  # to Entry Point
    stage = wizard.stage("entry_point")
    click(wizard.next)
    assert "Choose an entry point" in wizard.error.text()
    assert stage.isVisible()
    click(stage.page.new)
    assert wizard.error.text() == ""  # the new entry point is chosen: the explanation goes
    rules = stage.page.rules
    pick(rules.match, "contains")
    type_into(rules.value, "/signup")
    rules.exclude.setChecked(True)
    pick(rules.match, "contains")
    type_into(rules.value, "/signup/done")
    assert stage.page.words.text() == "URL contains /signup, but not /signup/done"
    click(wizard.next)  # to Behavior
    behavior = wizard.stage("behavior")
    behavior.none.setChecked(True)
    click(wizard.next)  # to Summary
    summary = wizard.stage("summary")
    said = [label.text() for label in summary.findChildren(QLabel)]
    assert "Window:" in said  # the conversation window it opens, named too
    assert any(text.startswith("its own design: light theme") for text in said)
    type_into(summary.name, "Signup helper")
    with qtbot.waitSignal(wizard.finished):
        click(wizard.next)
    return wizard.engagement_id


def test_new_store_to_published_bundle_then_undo_and_redo_it_all(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "sample.sqlite")
    assert campaigns(window) == ["Customer care", "Winter sale"]
    switch_to(window, tmp_path / "fresh.sqlite", seed=False)  # File > New store, after its dialog
    assert window.windowTitle().startswith("fresh.sqlite")
    assert campaigns(window) == []
    assert window.current_page() == "empty"

    make_audience(window)
    campaign_id = make_campaign(window)
    engagement_id = walk_wizard(window, qtbot)

    with window.store.read() as s:
        c = s.get(Campaign, campaign_id)
        assert (c.name, c.goal, c.goal_once_per_visit) == ("Spring launch", "leads", True)
        assert c.audience.name == "Big spenders"
        assert c.audience.in_words() == "Visitor has lifetime_value at least “500”"
        assert c.starts_at is not None and c.hours_mode == "weekly"
        assert c.shifts == [{"weekday": 1, "start": 540, "end": 755}]
        e = s.get(Engagement, engagement_id)
        assert (e.name, e.format, e.wizard_stage, e.behavior_id) == (
            "Signup helper",
            "overlay",
            "done",
            None,
        )
        assert e.entry_point.in_words() == "URL contains /signup, but not /signup/done"

    out = tmp_path / "bundle"
    with answering("Publish") as dialogs:
        assert window.publish(campaign_id, str(out))
    assert "Added: “Spring launch › Signup helper”" in dialogs.seen[0]
    manifests = list(out.glob("engagements*.json"))
    assert len(manifests) == 1, list(out.iterdir())
    manifest = json.loads(manifests[0].read_text())
    assert schema_problems(manifest) == []
    assert [c["name"] for c in manifest["campaigns"]] == ["Spring launch"]
    assert "Exported 1 engagement" in window.statusBar().currentMessage()
    with window.store.read() as s:
        assert s.get(Campaign, campaign_id).status == "published"
        assert s.scalars(select(CampaignVersion.number)).all() == [1]
    assert window.campaign_page.history.list.item(0).text().startswith("Version 1")
    assert window.current_page() == "campaign"  # the finished wizard gave way to the campaign

    stack = window.session.undo_stack
    steps = stack.index()
    while stack.canUndo():
        window.actions_by_name["undo"].trigger()
    assert campaigns(window) == []
    with window.store.read() as s:
        assert s.scalars(select(TargetAudience.name)).all() == []
        assert s.scalars(select(EntryPoint.name)).all() == []
    while stack.canRedo():
        window.actions_by_name["redo"].trigger()
    assert stack.index() == steps
    with window.store.read() as s:
        e = s.get(Engagement, engagement_id)
        assert (e.name, e.campaign.name, e.campaign.status) == (
            "Signup helper",
            "Spring launch",
            "published",
        )
        assert e.entry_point.in_words() == "URL contains /signup, but not /signup/done"
        assert e.campaign.audience.name == "Big spenders"
        assert [v.number for v in e.campaign.versions] == [1]  # came back with its campaign


def test_publish_with_problems_says_what_to_fix_and_records_nothing(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    with window.store.read() as s:
        care = s.scalar(select(Campaign.id).where(Campaign.name == "Customer care"))
    window.tree.select("campaign", care)
    pick(window.campaign_page.bind.widget_for("hours_mode"), "specific_hours")  # and no shift
    with answering("OK") as dialogs:
        window.actions_by_name["publish"].trigger()  # Ctrl+P
    assert dialogs.seen[0].startswith(
        "“Customer care” cannot be published yet: 1 problem must be fixed"
    )
    assert "The time frame has no hours" in dialogs.seen[0]
    with window.store.read() as s:
        assert s.get(Campaign, care).status == "draft"
        assert s.scalars(select(CampaignVersion)).all() == []
