"""Publishing from the app: the whole site bundle, its summary, out of date, and undo after it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from designer.bundle.export import export
from designer.models.campaign import Campaign, CampaignVersion
from designer.models.engagement import Engagement
from designer.views.publishing.publish_dialog import PublishDialog
from tests.gui.app_driver import answering, click, drive_dialog, pick, type_into


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def ids(window) -> tuple[int, int]:
    with window.store.read() as s:
        sale = s.scalar(select(Campaign.id).where(Campaign.name == "Winter sale"))
        care = s.scalar(select(Campaign.id).where(Campaign.name == "Customer care"))
    return sale, care


def published_sale(main_window, tmp_path):
    """A window on the sample store with Winter sale selected and published (version 1)."""
    window = main_window(tmp_path / "s.sqlite")
    sale, _ = ids(window)
    window.tree.select("campaign", sale)
    with answering("Publish"):
        assert window.publish(sale, str(tmp_path / "site"))
    return window, sale


def test_publishing_one_campaign_writes_every_published_one_as_export_does(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    sale, care = ids(window)
    site = tmp_path / "site"
    with answering("Publish") as first:
        assert window.publish(sale, str(site))  # Customer care is a draft: not on the site
    window.tree.select("campaign", care)
    with answering("Publish") as dialogs:
        window.campaign_page.publish.click()  # publishing the second keeps the first
    with window.store.read() as s:
        assert s.get(Campaign, care).status == "published"
    # Exactly what `engagement-designer export` writes from the store as it is now.
    assert tree(site) == tree(Path(export(window.store, None, tmp_path / "cli").out))
    assert (
        "every published campaign: “Winter sale”, “Customer care” (6 engagements"
        in (dialogs.seen[0])
    )
    assert "Added: “Customer care › Help centre button”" in dialogs.seen[0]
    assert "Winter sale ›" not in dialogs.seen[0].split("Added:", 1)[1]  # kept, not re-added
    assert "Added: “Winter sale › Cart toaster”" in first.seen[0]
    with window.store.read() as s:
        (version,) = s.get(Campaign, care).versions
        kept = version.snapshot["publish"]
        assert kept["added"] == ["“Customer care › Help centre button”"]
        assert kept["sentences"][0] == f"Against the bundle last written to {site}:"
        assert version.note == "1 engagement added"
        # Winter sale did not change since its version 1: no new version for it.
        assert [v.number for v in s.get(Campaign, sale).versions] == [1]
    history = window.campaign_page.history
    history.list.item(0).setSelected(True)
    assert "Added: “Customer care › Help centre button”" in history.summary.toPlainText()


def test_a_cancelled_publish_writes_nothing_and_keeps_the_draft(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    _, care = ids(window)
    with answering("Cancel"):
        assert not window.publish(care, str(tmp_path / "site"))
    assert not (tmp_path / "site").exists()
    with window.store.read() as s:
        assert s.get(Campaign, care).status == "draft"
        assert s.scalars(select(CampaignVersion)).all() == []
    assert window.statusBar().currentMessage() == (
        "Publish cancelled; nothing was written or recorded."
    )


def test_the_summary_names_changed_engagements_and_replaced_files(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    sale, _ = ids(window)
    site = tmp_path / "site"
    with answering("Publish"):
        window.publish(sale, str(site))
    with window.store.edit() as s:  # as the wizard's settings stage would
        s.scalar(select(Engagement).where(Engagement.name == "Cart toaster")).language = "fr"
    with answering("Publish") as dialogs:
        window.publish(sale, str(site))
    said = dialogs.seen[0]
    assert "• Changed: “Winter sale › Cart toaster”: its language" in said
    files = said.split("\nFiles:\n", 1)[1].splitlines()
    assert (
        files[0].startswith("• Replaced: engagements.") and files[1] == "• Replaced: install.html"
    )
    assert files[2] == "• 4 files stay as they are."  # tag, draw, window, stylesheet


def test_an_edit_after_publish_marks_the_site_bundle_out_of_date_until_published_again(
    main_window, tmp_path
):
    window, sale = published_sale(main_window, tmp_path)
    page = window.campaign_page
    assert page.site.text() == "Version 1 is on the site: the site bundle is up to date."
    assert not window.bundle_state.isVisible(), window.bundle_state.text()
    pick(page.bind.widget_for("priority"), "low")
    assert page.site.text() == (
        "Changed since version 1 was published: the site bundle is out of date until it is "
        "published again."
    )
    assert window.bundle_state.isVisible()
    assert window.bundle_state.text() == (
        "Site bundle out of date: “Winter sale” changed since published"
    )
    with answering("Publish"):
        window.publish_site()  # Campaign > Publish the site bundle, to the folder last used
    assert not window.bundle_state.isVisible()
    assert page.site.text() == "Version 2 is on the site: the site bundle is up to date."


def test_an_edit_of_a_shared_entry_point_after_publish_marks_the_site_bundle_out_of_date(
    main_window, tmp_path
):
    """The site shows what the entry point was at the publish: changing it in its library
    page changes the bundle, though no campaign or engagement row changed."""
    from tests.gui.test_app_libraries import entry_point_page

    window, _ = published_sale(main_window, tmp_path)
    assert not window.bundle_state.isVisible(), window.bundle_state.text()
    page = entry_point_page(window, "Whole site")
    with answering("Change it"):  # used by two engagements: the app asks first
        type_into(page.name, "Every page")
    assert window.bundle_state.isVisible()
    assert window.bundle_state.text() == (
        "Site bundle out of date: “Winter sale” changed since published"
    )
    type_into(page.name, "Whole site")  # back as it was published (asked once is enough)
    assert not window.bundle_state.isVisible(), window.bundle_state.text()


def test_undo_after_publish_takes_back_the_edit_before_never_the_version(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    _, care = ids(window)
    page = window.campaign_page
    window.tree.select("campaign", care)
    pick(page.bind.widget_for("priority"), "high")
    with answering("Publish"):
        window.publish(care, str(tmp_path / "site"))
    stack = window.session.undo_stack
    assert stack.undoText() == "Change priority"
    window.actions_by_name["undo"].trigger()
    with window.store.read() as s:
        c = s.get(Campaign, care)
        assert (c.status, c.priority) == ("published", "medium")
        assert [v.number for v in c.versions] == [1]
    assert "out of date" in page.site.text()  # the site shows high priority: said, not hidden
    window.actions_by_name["redo"].trigger()
    assert page.site.text() == "Version 1 is on the site: the site bundle is up to date."


def test_restore_a_version_is_one_undoable_edit_and_compare_reads_as_sentences(
    main_window, tmp_path
):
    window, sale = published_sale(main_window, tmp_path)
    page = window.campaign_page
    pick(page.bind.widget_for("priority"), "low")
    with window.store.read() as s:
        toaster = s.scalar(select(Engagement.id).where(Engagement.name == "Cart toaster"))
    window.tree.select("engagement", toaster)
    with answering("Delete"):
        window.delete_selected()
    window.tree.select("campaign", sale)
    with answering("Publish"):
        window.publish(sale, str(tmp_path / "site"))
    history = page.history
    v2, v1 = (history.list.item(i).data(256) for i in range(2))
    assert history.compare_text(v1, v2).splitlines() == [
        "From version 1 to version 2:",
        "• The campaign: its priority changed from “high” to “low”.",
        "• “Cart toaster” was removed.",
    ]
    history.list.item(1).setSelected(True)  # version 1
    assert history.restore.isEnabled() and history.restore.text() == "Restore this version"
    steps = window.session.undo_stack.count()
    click(history.restore)
    assert window.session.undo_stack.count() == steps + 1
    assert window.session.undo_stack.undoText() == "Restore “Winter sale” to version 1"
    with window.store.read() as s:
        c = s.get(Campaign, sale)
        assert c.priority == "high" and "Cart toaster" in [e.name for e in c.engagements]
        assert s.get(Engagement, toaster) is not None  # under its old id
        assert c.status == "published" and len(c.versions) == 2
    assert window.tree.select("engagement", toaster)
    assert "Changed since version 2" in page.site.text()  # restored, not yet published
    assert page.history.compare_text(v2).splitlines() == [
        "From version 2 to now:",
        "• The campaign: its priority changed from “low” to “high”.",
        "• “Cart toaster” was added (toaster, proactive zone).",
    ]
    window.actions_by_name["undo"].trigger()  # the whole restore at once
    with window.store.read() as s:
        c = s.get(Campaign, sale)
        assert c.priority == "low" and "Cart toaster" not in [e.name for e in c.engagements]
    assert page.site.text().startswith("Version 2 is on the site")


def test_enable_and_disable_name_what_is_selected(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    sale, _ = ids(window)
    page = window.campaign_page
    toggle = window.actions_by_name["toggle_enabled"]
    with window.store.read() as s:
        toaster = s.scalar(select(Engagement.id).where(Engagement.name == "Cart toaster"))
    window.tree.select("engagement", toaster)
    assert page.disable.text() == "Disable engagement “Cart toaster”"
    assert toggle.text() == "Disable engagement “Cart toaster”"
    toggle.trigger()
    with window.store.read() as s:
        assert s.get(Engagement, toaster).enabled is False
        assert s.get(Campaign, sale).status == "published"  # the campaign is left alone
    assert window.session.undo_stack.undoText() == "Disable engagement “Cart toaster”"
    assert page.enable.text() == "Enable engagement “Cart toaster”"
    assert window.tree.tree.currentItem().text(1) == "disabled"
    window.tree.select("campaign", sale)
    assert page.disable.text() == toggle.text() == "Disable campaign “Winter sale”"
    click(page.disable)
    with window.store.read() as s:
        assert s.get(Campaign, sale).status == "disabled"
    assert window.session.undo_stack.undoText() == "Disable campaign “Winter sale”"
    assert page.enable.text() == "Enable campaign “Winter sale”"


def test_a_problem_in_another_published_campaign_stops_the_publish_and_keeps_the_draft(
    main_window, tmp_path
):
    window = main_window(tmp_path / "s.sqlite")
    sale, care = ids(window)
    with window.store.edit() as s:
        s.get(Campaign, sale).hours_mode = "specific_hours"  # and no shift: an error
        s.get(Campaign, sale).shifts = []
    with answering("OK") as dialogs:
        assert not window.publish(care, str(tmp_path / "site"))
    assert dialogs.seen[0].startswith("Nothing was exported: 1 problem must be fixed first")
    assert "Winter sale" in dialogs.seen[0]
    assert (
        "Nothing was published: the folder and the campaigns are as they were." in (dialogs.seen[0])
    )
    assert not (tmp_path / "site").exists()
    with window.store.read() as s:
        assert s.get(Campaign, care).status == "draft"
        assert s.scalars(select(CampaignVersion)).all() == []


def test_a_disabled_campaign_leaves_the_site_at_the_next_publish(main_window, tmp_path):
    window, sale = published_sale(main_window, tmp_path)
    page = window.campaign_page
    click(page.disable)
    assert page.site.text() == (
        "The site still shows version 1: the site bundle is out of date until it is published "
        "again (it is disabled now)."
    )
    assert "“Winter sale”" in window.bundle_state.text()
    with answering("Publish") as dialogs:
        assert window.publish_site()
    assert "• Removed: “Winter sale › Cart toaster”" in dialogs.seen[0]
    assert "every published campaign: no campaign (0 engagements" in dialogs.seen[0]
    assert page.site.text() == "Taken off the site at version 2."
    assert not window.bundle_state.isVisible()
    with window.store.read() as s:
        notes = [v.note for v in s.get(Campaign, sale).versions]
    assert notes == ["5 engagements added", "Taken off the site (disabled)"]


def test_choosing_another_folder_in_the_summary_compares_with_that_folder(main_window, tmp_path):
    window, sale = published_sale(main_window, tmp_path)
    other = tmp_path / "other"
    said = []

    def act(dialog: PublishDialog) -> None:
        assert "• No engagement is added, removed or changed." in dialog.said()
        dialog.ask_folder = lambda start: str(other)  # what the folder chooser would answer
        click(dialog.change_folder)
        said.append(dialog.said())
        click(dialog.publish)

    assert drive_dialog(PublishDialog, act, lambda: window.publish(sale))
    assert f"{other} holds no bundle yet: everything is new." in said[0]
    assert any(other.glob("engagements.*.json"))
    with answering("Cancel") as dialogs:
        window.publish(sale)  # the folder last published to is where the next publish goes
    assert f"Folder: {other}" in dialogs.seen[0]


def test_deleting_a_published_campaign_says_the_site_still_shows_it(main_window, tmp_path):
    window, sale = published_sale(main_window, tmp_path)
    with answering("Delete"):
        window.delete_selected()
    assert window.bundle_state.text() == (
        "Site bundle out of date: “Winter sale” was deleted since published"
    )
    window.actions_by_name["undo"].trigger()  # back with its version: the site shows it again
    assert not window.bundle_state.isVisible()
    with window.store.read() as s:
        assert [v.number for v in s.get(Campaign, sale).versions] == [1]


def test_a_label_the_browser_would_cut_off_stops_the_publish(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    sale, _ = ids(window)
    with window.store.edit() as s:
        e = s.scalars(select(Engagement).where(Engagement.name == "Message us button")).one()
        designs = e.state_designs()
        next(el for el in designs.online.elements if el.kind == "text").props["text"] = (
            "Chat with Sales"
        )
        e.set_state_designs(designs)
    with answering("OK") as dialogs:
        assert not window.publish(sale, str(tmp_path / "site"))
    assert "“Winter sale” cannot be published yet: 1 problem" in dialogs.seen[0]
    assert "Message us button: The online design's text is cut off" in dialogs.seen[0]
    assert not (tmp_path / "site").exists()
    with window.store.read() as s:  # no version recorded
        assert s.scalars(select(CampaignVersion)).all() == []


def test_publishing_an_empty_store_says_there_is_nothing_to_publish(main_window, tmp_path):
    window = main_window(tmp_path / "empty.sqlite", seed=False)
    asked = []
    window.publisher.choose_folder = lambda start: asked.append(start) or ""
    with answering("OK") as dialogs:
        assert not window.publish()
    assert asked == []  # no folder is asked for
    assert dialogs.seen[0].startswith(
        "The store has no campaigns yet, so there is nothing to publish"
    )
    assert window.statusBar().currentMessage().startswith("The store has no campaigns yet")
