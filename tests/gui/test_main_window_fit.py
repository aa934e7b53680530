"""The main window fits 1280×800 and 1600×1000: the preview is a view, never a wider window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolBar, QToolButton

from designer.views.shell.workspace import EDITOR, PREVIEW, SIDE_BY_SIDE
from designer.views.store.store_files import switch_to

pytestmark = pytest.mark.slow


def _sized(window, qtbot, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)


def _overflowing(window) -> list[str]:
    """Toolbars whose last actions went into the '»' menu."""
    out = []
    for bar in window.findChildren(QToolBar):
        ext = [
            b for b in bar.findChildren(QToolButton) if b.objectName() == "qt_toolbar_ext_button"
        ]
        if bar.isVisible() and any(b.isVisible() for b in ext):
            out.append(bar.objectName())
    return out


def test_opening_the_preview_at_1280_keeps_the_window_1280_wide(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    _sized(window, qtbot, 1280, 800)
    window.tree.select("engagement", 1)
    window.actions_by_name["preview"].trigger()
    qtbot.wait(300)  # the layout settles
    assert window.width() == 1280
    assert window.workspace.mode == PREVIEW  # too narrow for both: the preview takes the room
    assert window.preview.isVisible() and not window.pages.isVisible()
    assert window.preview.narrow is False  # 1280 minus the tree: tools in one row
    window.workspace.set_mode(SIDE_BY_SIDE)  # asked for, it still fits without widening
    qtbot.wait(200)
    assert window.width() == 1280
    assert window.preview.narrow  # stacked: the decisions go under the page
    assert _overflowing(window) == []


def test_a_wide_window_shows_the_preview_beside_the_editor(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    _sized(window, qtbot, 1600, 1000)
    window.actions_by_name["preview"].trigger()
    qtbot.wait(300)
    assert window.width() == 1600
    assert window.workspace.mode == SIDE_BY_SIDE
    assert window.pages.isVisible() and window.preview.isVisible()
    assert window.preview.width() >= 480  # room for a page, not a strip
    window.go_to("account")  # the editor stays beside it
    assert window.workspace.mode == SIDE_BY_SIDE
    assert _overflowing(window) == []


def test_side_by_side_at_1600_shows_the_campaign_page_without_scrolling_sideways(
    main_window, qtbot, tmp_path
):
    window = main_window(tmp_path / "s.sqlite")
    _sized(window, qtbot, 1600, 1000)
    window.tree.select("campaign", 1)
    window.actions_by_name["preview"].trigger()
    qtbot.wait(300)
    assert window.workspace.mode == SIDE_BY_SIDE
    page = window.workspace.pages.currentWidget()
    assert page.accessibleName() == "Campaign"
    assert not page.horizontalScrollBar().isVisible()  # every field in view
    assert page.viewport().width() >= page.widget().minimumSizeHint().width()
    assert window.preview.width() >= 480


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1600, 1000)])
def test_opening_an_engagement_at_every_stage_keeps_the_window_its_size(
    main_window, qtbot, tmp_path, width, height
):
    window = main_window(tmp_path / "s.sqlite")
    _sized(window, qtbot, width, height)
    window.open_engagement(1)
    wizard = window.wizard
    for index, stage in enumerate(wizard.stages):
        wizard._show(index)
        qtbot.wait(50)
        assert window.width() == width, stage.key  # no stage widens the window
        assert window.minimumSizeHint().width() <= width, stage.key
    for page in ("account", "entry_point", "audience", "behavior"):  # the libraries too
        window.go_to(page)
        qtbot.wait(50)
        assert window.width() == width, page
    assert _overflowing(window) == []


def test_the_toolbar_keeps_its_commands_at_1280(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    _sized(window, qtbot, 1280, 800)
    assert _overflowing(window) == []
    bar = window.findChild(QToolBar, "main_toolbar")
    names = [a.objectName() for a in bar.actions()]
    assert {"undo", "new_campaign", "add_engagement", "publish", "preview"} <= set(names)
    assert all(not a.icon().isNull() for a in bar.actions())


def test_another_store_leaves_no_empty_preview_and_f5_makes_one(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["preview"].trigger()
    first = window.preview
    switch_to(window, tmp_path / "other.sqlite")
    assert window.preview is None and window.workspace.mode == EDITOR
    assert not window.workspace.bar.isVisible()  # no view switch to an empty preview
    window.actions_by_name["preview"].trigger()
    window.actions_by_name["preview"].trigger()  # a second F5 reuses it
    assert window.preview is not None and window.preview is not first
    previews = [w for w in window.workspace.splitter.children() if w is window.preview]
    assert len(previews) == 1 and window.workspace.splitter.count() == 2


def test_the_problems_panel_takes_room_only_when_there_are_problems(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "empty.sqlite", seed=False)
    window.problems.refresh()
    assert window.problems.problems == [] and not window.problems_dock.isVisible()
    window.new_campaign()  # a campaign with no engagement is a problem
    qtbot.waitUntil(lambda: window.problems_dock.isVisible(), timeout=3000)
    assert (
        window.problems_dock.height() < 160
    )  # as tall as its few lines, not a third of the window


def test_tree_columns_are_readable(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    _sized(window, qtbot, 1280, 800)
    tree = window.tree.tree
    assert tree.columnCount() == 3
    assert tree.columnWidth(0) >= 120  # the name column is not squeezed by the others
    assert tree.columnWidth(1) >= tree.fontMetrics().horizontalAdvance("published")


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1600, 1000)])
def test_decisions_and_visitor_are_readable(main_window, qtbot, tmp_path, width, height):
    window = main_window(tmp_path / "s.sqlite")
    _sized(window, qtbot, width, height)
    window.actions_by_name["preview"].trigger()
    qtbot.wait(300)
    panel = window.preview
    decisions = panel.decisions.list
    assert decisions.width() >= 280 and decisions.height() >= 150
    panel.side.setCurrentIndex(1)  # the visitor simulator
    simulator_room = panel.side.currentWidget()
    assert simulator_room.width() >= 280 and simulator_room.height() >= 150
    browser = panel.browsers[0]
    assert browser.width() >= 400  # the page itself is not a strip beside them
