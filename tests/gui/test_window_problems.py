"""A conversation window that fails its checks is in the Problems panel, opens where it is
fixed when clicked, and stops the publish of a campaign that uses it until it is fixed."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from designer.models import Campaign, Engagement, LibraryWindow
from designer.models.design import Element, WindowDesign
from tests.gui.app_driver import answering
from tests.unit.window_samples import (
    AGENT_FAILS,
    HEADER_FAILS,
    library_design,
    set_own_window,
)

WHERE = "Winter sale › Message us button"


def campaign_id(window, name: str) -> int:
    with window.store.read() as s:
        return s.scalar(select(Campaign.id).where(Campaign.name == name))


def problem_row(window, text: str):
    """The Problems panel's row that says text, or None."""
    rows = [window.problems.list.item(i) for i in range(window.problems.list.count())]
    return next((row for row in rows if text in row.text()), None)


def focused_in(editor) -> bool:
    """Whether editor has its window's focus (the one it gets back when active again)."""
    focus = editor.window().focusWidget()
    return focus is editor or editor.isAncestorOf(focus)


def test_an_unreadable_window_header_is_a_problem_and_stops_the_publish(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    sale, site = campaign_id(window, "Winter sale"), tmp_path / "site"
    set_own_window(
        window.store, "Message us button", header_color="#ffffff", header_text_color="#eeeeee"
    )
    window.problems.refresh()
    row = problem_row(window, f"{WHERE}: {HEADER_FAILS}")
    assert row is not None and row.toolTip() == f"Error in {WHERE}"
    assert window.problem_count.text().startswith("1 error")
    # The tree marks the engagement whose publish it stops, and says why.
    button = window.tree.tree.findItems("Message us button", Qt.MatchFlag.MatchRecursive)[0]
    assert button.text(1) == "enabled"
    assert button.toolTip(1) == (
        f"1 problem to fix before it can be published (see the Problems panel): {HEADER_FAILS}"
    )
    shots = Path(os.environ.get("STUDIO_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(shots / "problems-window-header.png"))

    with answering("OK") as dialogs:
        assert not window.publish(sale, str(site))
    assert "“Winter sale” cannot be published yet: 1 problem" in dialogs.seen[0]
    assert f"{WHERE}: {HEADER_FAILS}" in dialogs.seen[0]
    assert not site.exists()

    row = problem_row(window, f"{WHERE}: {HEADER_FAILS}")  # the publish checked again
    window.problems.list.itemClicked.emit(row)  # opens the window studio on the field
    stage = window.wizard.stage("window")
    assert window.current_page() == "wizard" and window.wizard.stack.currentWidget() is stage
    studio = stage.editor
    assert focused_in(studio.form.editors["header_text_color"])
    assert "Fails WCAG AA: contrast is 1.1:1" in studio.form.note_text("header_text_color")
    window.grab().save(str(shots / "problems-window-studio.png"))

    studio.form._edited("header_text_color", "#1f1f1f")  # what the colour dialog hands over
    assert "passes WCAG AA" in studio.form.note_text("header_text_color")
    window.problems.refresh()
    assert problem_row(window, "Window,") is None
    button = window.tree.tree.findItems("Message us button", Qt.MatchFlag.MatchRecursive)[0]
    assert button.toolTip(1) == "enabled"
    with answering("Publish"):
        assert window.publish(sale, str(site))
    assert (site / "install.html").is_file()


def test_a_library_window_stops_only_the_publish_that_uses_it(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    site = tmp_path / "site"
    # used only by Customer care's engagement (a draft, so not on the site)
    item = library_design(
        window.store, "Pale window", ("Help centre button",), agent_text_color="#eef1f6"
    )
    window.problems.refresh()
    label = "Window design “Pale window” (used by Customer care › Help centre button)"
    row = problem_row(window, f"{label}: {AGENT_FAILS}")
    assert row is not None

    with answering("Publish"):  # Winter sale does not use it
        assert window.publish(campaign_id(window, "Winter sale"), str(site))
    with answering("OK") as dialogs:
        assert not window.publish(campaign_id(window, "Customer care"), str(site))
    assert "“Customer care” cannot be published yet: 1 problem" in dialogs.seen[0]
    assert f"{label}: {AGENT_FAILS}" in dialogs.seen[0]
    with window.store.read() as s:
        assert s.get(Campaign, campaign_id(window, "Customer care")).status == "draft"

    row = problem_row(window, f"{label}: {AGENT_FAILS}")  # the publish checked again
    window.problems.list.itemClicked.emit(row)  # opens the design in the window library
    page = window.pages.page("window")
    assert window.current_page() == "window" and page.item_id == item
    assert focused_in(page.design_form.editors["agent_text_color"])
    assert "Fails WCAG AA: contrast is 1.0:1" in page.design_form.note_text("agent_text_color")
    shots = Path(os.environ.get("STUDIO_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(shots / "problems-window-library.png"))

    with window.store.edit() as s:
        s.get(LibraryWindow, item).design = WindowDesign().to_dict()
    window.problems.refresh()
    assert problem_row(window, "Pale window") is None
    with answering("Publish"):
        assert window.publish(campaign_id(window, "Customer care"), str(site))


def test_a_problem_of_a_text_added_to_the_window_selects_it_in_the_window_studio(
    main_window, tmp_path
):
    window = main_window(tmp_path / "s.sqlite")
    with window.store.edit() as s:
        e = s.scalars(select(Engagement).where(Engagement.name == "Message us button")).one()
        design = e.get_window_design()
        design.props["theme"] = "dark"
        design.elements.append(Element.new("text1", "text", text="Open 9 to 17", color="#2a2a2a"))
        e.window_design = design.to_dict()
    window.problems.refresh()
    row = problem_row(window, f"{WHERE}: Window, text1: Text contrast is 1.1:1")
    window.problems.list.itemClicked.emit(row)
    studio = window.wizard.stage("window").editor
    assert studio.elements.current == "text1"
    assert studio.side.currentWidget() is studio.element_panel
    form = studio.element_panel.form("text")
    assert focused_in(form.editors["color"])
    assert "Text contrast is 1.1:1" in form.note_text("color")  # the same sentence beside it
