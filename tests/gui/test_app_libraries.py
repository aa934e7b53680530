"""Libraries: editing or deleting what others use first says who uses it; undo brings it back."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from designer.models.engagement import Engagement
from designer.models.libraries import Behavior, EntryPoint
from tests.gui.app_driver import answering, click, type_into

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "app"


def entry_point_page(window, name: str):
    page = window.libraries["entry_point"]
    window.actions_by_name["go_entry_point"].trigger()
    with window.store.read() as s:
        page.select(s.scalar(select(EntryPoint.id).where(EntryPoint.name == name)))
    return page


def test_renaming_a_shared_entry_point_first_shows_who_uses_it(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    page = entry_point_page(window, "Whole site")
    assert (
        page.users.text() == "Winter sale › Free delivery banner, Winter sale › Message us button"
    )
    with answering("Cancel") as dialogs:
        type_into(page.name, "Every page")
    assert "used by 2" in dialogs.seen[0]
    assert "Winter sale › Message us button" in dialogs.seen[0]
    assert page.name.text() == "Whole site"  # the form went back to what is saved
    with window.store.read() as s:
        assert s.scalar(select(EntryPoint).where(EntryPoint.name == "Whole site")) is not None
    with answering("Change it"):
        type_into(page.name, "Every page")
    with window.store.read() as s:
        assert (
            s.scalar(select(EntryPoint.name).where(EntryPoint.id == page.item_id)) == "Every page"
        )


def test_deleting_a_used_entry_point_lists_its_users_and_undo_restores_them(
    main_window, qtbot, tmp_path
):
    window = main_window(tmp_path / "s.sqlite")
    page = entry_point_page(window, "Checkout")
    checkout_id = page.item_id
    with answering("Delete") as dialogs:
        click(page.delete)
    assert "used by 1" in dialogs.seen[0] and "Winter sale › Checkout rescue" in dialogs.seen[0]
    with window.store.read() as s:
        assert s.get(EntryPoint, checkout_id) is None
        rescue = s.scalar(select(Engagement).where(Engagement.name == "Checkout rescue"))
        assert rescue.entry_point_id is None
    qtbot.waitUntil(
        lambda: any("Choose an entry point" in p.message for p in window.problems.problems)
    )
    window.actions_by_name["undo"].trigger()
    with window.store.read() as s:
        rescue = s.scalar(select(Engagement).where(Engagement.name == "Checkout rescue"))
        assert rescue.entry_point.name == "Checkout"
        assert rescue.entry_point.in_words() == "URL contains /checkout, but not /checkout/done"


def test_duplicating_a_behavior_makes_an_unused_copy_to_change_freely(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    page = window.libraries["behavior"]
    window.actions_by_name["go_behavior"].trigger()
    with window.store.read() as s:
        page.select(s.scalar(select(Behavior.id).where(Behavior.name == "Lingering at checkout")))
    click(page.duplicate)
    assert page.name.text() == "Lingering at checkout (copy)"
    assert page.users.text() == "Nothing uses it yet."
    form = page.rules._form
    form.widgets["seconds"].setValue(90)  # no dialog: nothing else uses the copy
    assert page.words.text() == "Visitor spent at least 90 s on the entry point"
    with window.store.read() as s:
        original = s.scalar(select(Behavior).where(Behavior.name == "Lingering at checkout"))
        assert original.conditions == [{"type": "time_on_entry_point", "seconds": 30}]


def test_the_window_library_is_in_the_go_menu(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    go = window.actions_by_name["go_window"]
    assert go.text() == "Engagement &windows" and go.shortcut().toString() == "Ctrl+6"
    go.trigger()
    assert window.current_page() == "window"
    page = window.pages.page("window")
    assert page.isVisible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(ARTIFACTS / "window-library.png"))
