"""The studio canvas driven with the mouse and keyboard: every gesture saved and undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from designer.views.studio.studio_editor import StudioEditor
from tests.gui.studio_driver import (
    at,
    click,
    drag,
    key,
    open_studio,
    props,
    redo,
    saved_designs,
    undo,
)

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def studio(qtbot, store):
    return open_studio(qtbot, store, "overlay")


def saved(studio, element_id):
    design = saved_designs(studio.session.store, studio.engagement_id).online
    element = design.element(element_id)
    return element.props if element else None


def test_the_canvas_shows_every_element_of_the_design(studio):
    assert set(studio.scene.items_by_id) == {"text1", "button1", "close1"}
    item = studio.scene.items_by_id["button1"]
    assert item.sceneBoundingRect().topLeft().toTuple() == (16, 249)


def test_add_a_text_by_clicking_with_the_text_tool(studio):
    studio.tool_actions["text"].trigger()
    click(studio, 200, 120)
    added = [e for e in studio.doc.design.elements if e.id == "text2"]
    assert added and added[0].props["x"] == 200 and added[0].props["y"] == 120
    assert "text2" in studio.scene.items_by_id
    assert studio.scene.selected_ids() == ["text2"]
    assert saved(studio, "text2")["x"] == 200
    assert studio.tool_actions["select"].isChecked()  # back to selecting
    undo(studio)
    assert "text2" not in studio.scene.items_by_id and saved(studio, "text2") is None
    redo(studio)
    assert "text2" in studio.scene.items_by_id and saved(studio, "text2") is not None


def test_drag_out_a_shape_of_the_size_dragged(studio):
    studio.tool_actions["shape"].trigger()
    drag(studio, (240, 96), (320, 160))
    shape = props(studio, "shape1")
    assert (shape["x"], shape["y"], shape["width"], shape["height"]) == (240, 96, 80, 64)


def test_a_drag_moves_the_element_in_one_command_snapped_to_the_grid(studio):
    stack = studio.session.undo_stack
    before = stack.count()
    drag(studio, (100, 270), (173, 231))  # the button, by (73, -39)
    button = props(studio, "button1")
    assert (button["x"], button["y"]) == (88, 208)  # 16+73=89 -> 88, 249-39=210 -> 208
    assert stack.count() == before + 1
    assert saved(studio, "button1")["x"] == 88
    undo(studio)
    assert (props(studio, "button1")["x"], props(studio, "button1")["y"]) == (16, 249)
    assert studio.scene.items_by_id["button1"].pos().toTuple() == (16, 249)
    redo(studio)
    assert props(studio, "button1")["x"] == 88


def test_a_drag_snaps_to_another_element_and_shows_the_guide(studio, qtbot):
    port = studio.canvas.viewport()
    from PySide6.QtTest import QTest

    # the close button's left edge is at 408; drag it so its left edge comes near 396,
    # the text's right edge (16 + 380), without landing on the 8 px grid by chance
    QTest.mousePress(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(studio, 420, 16)
    )
    QTest.mouseMove(port, at(studio, 414, 60))
    QTest.mouseMove(port, at(studio, 410, 81))
    assert ("x", 396.0) in studio.scene.guides.guides
    QTest.mouseRelease(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(studio, 410, 81)
    )
    assert props(studio, "close1")["x"] == 396
    assert studio.scene.guides.guides == []


def test_resize_from_a_handle_snaps_and_shift_keeps_proportions(studio):
    click(studio, 100, 270)  # select the button (16, 249, 180 × 40)
    assert studio.scene.handles.box is not None
    drag(studio, (196, 289), (237, 294))  # the south-east handle
    button = props(studio, "button1")
    assert (button["width"], button["height"]) == (224, 47)  # right 237 -> 240, bottom 294 -> 296
    undo(studio)
    drag(studio, (196, 289), (237, 300))  # near the engagement's bottom edge, 305: it wins
    assert props(studio, "button1")["height"] == 305 - 249
    undo(studio)
    assert (props(studio, "button1")["width"], props(studio, "button1")["height"]) == (180, 40)
    drag(studio, (196, 289), (286, 299), modifiers=SHIFT)
    button = props(studio, "button1")
    assert button["width"] / button["height"] == pytest.approx(180 / 40, abs=0.05)
    assert button["width"] == 270


def test_arrow_keys_nudge_and_shift_moves_ten(studio):
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_Right)
    key(studio, Qt.Key.Key_Down, SHIFT)
    button = props(studio, "button1")
    assert (button["x"], button["y"]) == (17, 259)
    undo(studio)
    assert props(studio, "button1")["y"] == 249
    undo(studio)
    assert props(studio, "button1")["x"] == 16


def test_ctrl_arrows_resize_from_the_keyboard(studio):
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_Right, CTRL)
    key(studio, Qt.Key.Key_Up, CTRL | SHIFT)
    button = props(studio, "button1")
    assert (button["x"], button["y"], button["width"], button["height"]) == (16, 249, 181, 30)
    undo(studio)
    assert props(studio, "button1")["height"] == 40


def test_ctrl_click_and_rubber_band_select_several(studio):
    click(studio, 100, 270)
    click(studio, 50, 30, CTRL)
    assert studio.scene.selected_ids() == ["text1", "button1"]
    click(studio, 50, 30, CTRL)
    assert studio.scene.selected_ids() == ["button1"]
    drag(studio, (-10, 200), (300, 300))  # from the pasteboard around the button
    assert studio.scene.selected_ids() == ["button1"]
    drag(studio, (2, 2), (430, 300))
    assert studio.scene.selected_ids() == ["text1", "button1", "close1"]


def test_several_selected_move_together_in_one_command(studio):
    click(studio, 100, 270)
    click(studio, 50, 30, CTRL)
    before = studio.session.undo_stack.count()
    drag(studio, (100, 270), (100, 246), modifiers=Qt.KeyboardModifier.AltModifier)  # no snapping
    assert (props(studio, "text1")["y"], props(studio, "button1")["y"]) == (-8, 225)
    assert studio.session.undo_stack.count() == before + 1
    undo(studio)
    assert (props(studio, "text1")["y"], props(studio, "button1")["y"]) == (16, 249)


def test_z_order_front_and_back(studio):
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_BracketRight, CTRL | SHIFT)
    assert [e.id for e in studio.doc.design.elements] == ["text1", "close1", "button1"]
    assert studio.scene.items_by_id["button1"].zValue() == 2
    studio.actions.restack("back")
    assert [e.id for e in studio.doc.design.elements][0] == "button1"
    undo(studio)
    undo(studio)
    assert [e.id for e in studio.doc.design.elements] == ["text1", "button1", "close1"]
    assert [
        e.id for e in saved_designs(studio.session.store, studio.engagement_id).online.elements
    ] == [
        "text1",
        "button1",
        "close1",
    ]


def test_copy_paste_duplicate_cut_and_delete(studio):
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_C, CTRL)
    key(studio, Qt.Key.Key_V, CTRL)
    assert studio.scene.selected_ids() == ["button2"]
    assert (props(studio, "button2")["x"], props(studio, "button2")["y"]) == (26, 259)
    assert props(studio, "button2")["text"] == props(studio, "button1")["text"]
    key(studio, Qt.Key.Key_D, CTRL)
    assert studio.scene.selected_ids() == ["button3"]
    key(studio, Qt.Key.Key_X, CTRL)
    assert "button3" not in studio.scene.items_by_id
    click(studio, 190, 290)  # only the pasted copy reaches here
    assert studio.scene.selected_ids() == ["button2"]
    key(studio, Qt.Key.Key_Delete)
    assert "button2" not in studio.scene.items_by_id and saved(studio, "button2") is None
    undo(studio)
    assert "button2" in studio.scene.items_by_id and saved(studio, "button2") is not None
    undo(studio)
    undo(studio)
    undo(studio)
    assert set(studio.scene.items_by_id) == {"text1", "button1", "close1"}


def test_escape_cancels_a_drag_and_nothing_is_saved(studio, qtbot):
    from PySide6.QtTest import QTest

    port = studio.canvas.viewport()
    before = studio.session.undo_stack.count()
    QTest.mousePress(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(studio, 100, 270)
    )
    QTest.mouseMove(port, at(studio, 150, 200))
    key(studio, Qt.Key.Key_Escape)
    QTest.mouseRelease(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(studio, 150, 200)
    )
    assert studio.scene.items_by_id["button1"].pos().toTuple() == (16, 249)
    assert studio.session.undo_stack.count() == before


def test_zoom_and_fit(studio):
    studio.canvas.zoom_in()
    assert studio.canvas.zoom == 1.5
    studio.canvas.fit()
    box = studio.canvas.mapFromScene(studio.scene.sceneRect()).boundingRect()
    port = studio.canvas.viewport().rect()
    assert port.adjusted(-2, -2, 2, 2).contains(box)


def test_canvas_keys_win_over_the_main_windows_shortcuts(qtbot, store):
    """Inside the app, Delete and Ctrl+Z on the canvas act on the design, not the window's list."""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMainWindow

    from tests.gui.studio_driver import open_studio

    studio = open_studio(qtbot, store, "overlay")
    window = QMainWindow()
    qtbot.addWidget(window)
    fired = []
    for shortcut in (QKeySequence.StandardKey.Delete, QKeySequence.StandardKey.Undo):
        action = QAction("window-wide", window)
        action.setShortcut(shortcut)
        action.triggered.connect(lambda _=False, k=shortcut: fired.append(k))
        window.addAction(action)
    window.setCentralWidget(studio)
    window.show()
    qtbot.waitExposed(window)
    click(studio, 100, 270)
    studio.canvas.setFocus()
    key(studio, Qt.Key.Key_Delete)
    assert "button1" not in studio.scene.items_by_id
    key(studio, Qt.Key.Key_Z, CTRL)
    assert "button1" in studio.scene.items_by_id
    assert fired == []
    window.takeCentralWidget()  # the studio goes back to its own fixture for closing


def test_undo_that_no_longer_fits_the_design_says_so(studio):
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_Right)
    # another view replaces the design under the studio (e.g. a new template), not undoably
    from designer.models.engagement import Engagement
    from designer.models.gallery import template

    with studio.session.store.edit() as s:
        s.get(Engagement, studio.engagement_id).set_state_designs(
            template("sales-sticky").state_designs()
        )
    studio.session.changed.emit("engagement", studio.engagement_id)
    failed = []
    studio.session.failed.connect(failed.append)
    undo(studio)
    assert failed and "no longer fits the design" in failed[0]
    assert "button1" not in studio.scene.items_by_id  # nothing half-done


def test_pasting_foreign_clipboard_data_is_refused_with_a_sentence(studio):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    from designer.views.studio.studio_actions import ELEMENTS_MIME

    mime = QMimeData()
    mime.setData(ELEMENTS_MIME, b"42")
    QGuiApplication.clipboard().setMimeData(mime)
    studio.canvas.setFocus()
    key(studio, Qt.Key.Key_V, CTRL)
    assert "no elements that can be pasted" in studio.message.text()
    assert len(studio.doc.design.elements) == 3


def test_undo_after_the_studio_closed_still_saves(qtbot, store):
    from tests.gui.studio_driver import open_studio

    studio = open_studio(qtbot, store, "overlay", closed_by_qtbot=False)
    session, eid = studio.session, studio.engagement_id
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_Right)
    studio.close()
    studio.deleteLater()
    qtbot.wait(10)
    again = StudioEditor(session, eid)  # the wizard opens the studio anew
    qtbot.addWidget(again)
    assert again.doc.design.element("button1").props["x"] == 17
    session.undo_stack.undo()
    assert saved_designs(store, eid).online.element("button1").props["x"] == 16
    assert again.doc.design.element("button1").props["x"] == 16  # it follows the store


def test_tab_walks_the_elements_in_reading_order_then_leaves(studio):
    studio.canvas.setFocus()
    seen = []
    for _ in range(3):
        key(studio, Qt.Key.Key_Tab)
        seen += studio.scene.selected_ids()
    assert seen == ["text1", "button1", "close1"]
    key(studio, Qt.Key.Key_Tab)
    assert studio.scene.selected_ids() == [] and not studio.canvas.hasFocus()


def test_every_edit_tells_the_preview_the_engagement_changed(studio, qtbot):
    click(studio, 100, 270)
    with qtbot.waitSignal(studio.session.changed) as blocker:
        key(studio, Qt.Key.Key_Up)
    assert blocker.args == ["engagement", studio.engagement_id]
    with qtbot.waitSignal(studio.session.changed) as blocker:
        undo(studio)
    assert blocker.args == ["engagement", studio.engagement_id]


def test_an_engagement_deleted_meanwhile_gives_a_sentence_not_a_crash(studio):
    from designer.models.engagement import Engagement

    with studio.session.store.edit() as s:
        s.delete(s.get(Engagement, studio.engagement_id))
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_Right)
    assert "deleted meanwhile" in studio.message.text()
    assert props(studio, "button1")["x"] == 16  # the canvas shows what is saved: nothing moved
    assert studio.scene.items_by_id["button1"].pos().x() == 16


def _pixel(studio, image, x: float, y: float):
    from PySide6.QtCore import QPointF

    p = studio.canvas.mapFromScene(QPointF(x, y))
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(p.x() * ratio), int(p.y() * ratio))


def test_the_grid_shown_while_dragging_lies_on_its_8_px_steps_at_any_zoom(studio, qtbot):
    studio.scene.grid_visible = True  # as while a drag lasts
    for zoom in (studio.canvas.actual_size, studio.canvas.zoom_in):
        zoom()
        studio.scene.update()
        qtbot.wait(50)
        image = studio.canvas.viewport().grab().toImage()
        on_line, between = (_pixel(studio, image, x, 300.2) for x in (200, 204))
        assert on_line != between, zoom.__name__  # x = 200 is a grid step, 204 is not
    studio.scene.grid_visible = False
    studio.scene.update()
    qtbot.wait(50)
    image = studio.canvas.viewport().grab().toImage()
    assert _pixel(studio, image, 200, 300.2) == _pixel(studio, image, 204, 300.2)  # gone
