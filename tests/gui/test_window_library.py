"""The engagement window library page in the main window: used by, the shared-edit warning,
delete that leaves each user a copy, and undo."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select

from designer.models import Engagement, LibraryWindow
from designer.models.design import WindowDesign
from designer.models.window_library import link, linked_id, window_design_of
from tests.gui.app_driver import answering, type_into


def _shared(window) -> int:
    with window.store.edit() as s:
        design = WindowDesign()
        design.props.update(header_text="Talk to Northwind")
        item = LibraryWindow(name="Brand window", design=design.to_dict())
        s.add(item)
        s.flush()
        for e in s.scalars(
            select(Engagement).where(Engagement.name.in_(["Checkout rescue", "Cart toaster"]))
        ):
            link(e, item)
        return item.id


def _page(window, item_id: int):
    window.show_page("window")
    page = window.pages.page("window")
    page.select(item_id)
    return page


def _header(window, name: str) -> str:
    with window.store.read() as s:
        e = s.scalars(select(Engagement).where(Engagement.name == name)).one()
        return window_design_of(s, e).props["header_text"]


def test_the_library_lists_who_uses_a_window_and_warns_before_a_shared_edit(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    page = _page(window, _shared(window))
    shots = Path(os.environ.get("STUDIO_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(shots / "window-library.png"))
    assert page.users.text() == "Winter sale › Cart toaster, Winter sale › Checkout rescue"
    assert "used by 2" in page.list.currentItem().text()
    with answering("Cancel") as dialogs:
        type_into(page.design_form.editors["header_text"], "Ask Ana")
    assert "used by 2" in dialogs.seen[0] and "Checkout rescue" in dialogs.seen[0]
    assert _header(window, "Checkout rescue") == "Talk to Northwind"
    with answering("Change it"):
        type_into(page.design_form.editors["header_text"], "Ask Ana")
    assert _header(window, "Checkout rescue") == "Ask Ana"
    assert _header(window, "Cart toaster") == "Ask Ana"  # shared: both show the change


def test_deleting_a_used_window_leaves_each_user_a_copy_and_undo_relinks(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    item_id = _shared(window)
    page = _page(window, item_id)
    with answering("Delete") as dialogs:
        page.delete.click()
    assert "used by 2" in dialogs.seen[0] and "keeps a copy" in dialogs.seen[0]
    with window.store.read() as s:
        assert s.get(LibraryWindow, item_id) is None
        users = s.scalars(select(Engagement).where(Engagement.name == "Checkout rescue")).one()
        assert linked_id(users) is None
    assert _header(window, "Checkout rescue") == "Talk to Northwind"  # nothing changed for it
    window.session.undo_stack.undo()  # one step brings the design and both links back
    with window.store.read() as s:
        assert s.get(LibraryWindow, item_id) is not None
        assert sorted(e.name for e in s.get(LibraryWindow, item_id).used_by()) == [
            "Cart toaster",
            "Checkout rescue",
        ]


def test_new_makes_a_window_design_nothing_uses_yet(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.show_page("window")
    page = window.pages.page("window")
    page.new.click()
    assert page.name.text() == "New window design"
    assert page.users.text() == "Nothing uses it yet."
    type_into(page.design_form.editors["header_text"], "Hello")  # nobody to warn
    with window.store.read() as s:
        item = s.scalars(select(LibraryWindow)).one()
        assert item.window().props["header_text"] == "Hello"


def test_elements_added_in_the_window_studio_go_to_the_library_and_stay(main_window, tmp_path):
    from designer.views.studio.window_studio import WindowStudioEditor

    window = main_window(tmp_path / "s.sqlite")
    with window.store.read() as s:
        rescue = s.scalars(select(Engagement.id).where(Engagement.name == "Checkout rescue")).one()
    studio = WindowStudioEditor(window.session, rescue)
    added = studio.add_element("text")
    studio._on_save_to_library("Branded")  # the name the dialog hands over
    with window.store.read() as s:
        item = s.scalars(select(LibraryWindow).where(LibraryWindow.name == "Branded")).one()
        assert [e.id for e in item.window().elements] == [added]
        item_id = item.id
    studio.deleteLater()
    page = _page(window, item_id)
    assert list(page.elements.items) == [added]  # shown on the library's window too
    assert "1 added element" in page.words.text()
    with answering("Change it"):
        type_into(page.design_form.editors["header_text"], "Ask Ana")
    with window.store.read() as s:
        design = s.get(LibraryWindow, item_id).window()
        assert design.props["header_text"] == "Ask Ana"
        assert [e.id for e in design.elements] == [added]  # a props edit keeps the elements
