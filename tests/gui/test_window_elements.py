"""Elements added to the conversation window in the window studio: added, dragged, resized,
deleted, each saved in the window design and undone with the undo stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from designer.models.engagement import Engagement
from designer.models.window_library import window_design_of
from designer.views.studio.element_item import ElementItem
from tests.gui.studio_driver import open_window_studio

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "window"
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window_studio(qtbot, store):
    return open_window_studio(qtbot, store, (1280, 800))


def saved_elements(editor) -> list[dict]:
    with editor.session.store.read() as s:
        design = window_design_of(s, s.get(Engagement, editor.engagement_id))
        return [e.to_dict() for e in design.elements]


def on_screen(editor, x: float, y: float) -> QPoint:
    """Where the window's point (x, y) is in the canvas's viewport."""
    return editor.view.mapFromScene(editor.window_item.mapToScene(QPointF(x, y)))


def drag(editor, start: QPoint, end: QPoint) -> None:
    port = editor.view.viewport()
    QTest.mousePress(port, LEFT, NONE, start)
    for n in range(1, 6):
        QTest.mouseMove(port, start + (end - start) * n / 5)
    QTest.mouseRelease(port, LEFT, NONE, end)


def test_a_text_added_to_the_window_is_saved_drawn_and_undone(window_studio):
    editor = window_studio
    editor.add_bar.kind_actions["text"].trigger()
    (added,) = saved_elements(editor)
    assert added["kind"] == "text" and added["props"]["text"]
    items = [i for i in editor.scene.items() if isinstance(i, ElementItem)]
    assert [i.element_id for i in items] == [added["id"]]
    assert items[0].parentItem() is editor.window_item  # it rides along with the window
    assert editor.side.currentWidget() is editor.element_panel  # its own fields
    title = editor.element_panel.title.text()  # named by its words, never its id
    assert title.startswith("Text “") and title.endswith("” in the window"), title
    assert added["id"] not in title
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(ARTIFACTS / "window_studio_added_text.png"))
    editor.session.undo_stack.undo()
    assert saved_elements(editor) == []
    assert not [i for i in editor.scene.items() if isinstance(i, ElementItem)]
    assert editor.side.currentIndex() == 0  # back to the window's fields
    editor.session.undo_stack.redo()
    assert [e["id"] for e in saved_elements(editor)] == [added["id"]]


def test_dragging_moves_and_the_handle_resizes_in_one_step_each(window_studio):
    editor = window_studio
    element_id = editor.add_element("button")
    x, y, w, h = editor.design.element(element_id).rect
    drag(editor, on_screen(editor, x + 20, y + 10), on_screen(editor, x + 60, y + 110))
    props = saved_elements(editor)[0]["props"]
    scale = editor.view.transform().m11()
    assert abs(props["x"] - (x + 40)) <= 2 / scale and abs(props["y"] - (y + 100)) <= 2 / scale
    moved = (props["x"], props["y"])
    corner = on_screen(editor, props["x"] + w, props["y"] + h)
    drag(editor, corner, corner + QPoint(30, 20))
    props = saved_elements(editor)[0]["props"]
    assert (props["x"], props["y"]) == moved
    assert props["width"] > w and props["height"] > h
    editor.session.undo_stack.undo()  # the resize, as one step
    props = saved_elements(editor)[0]["props"]
    assert (props["width"], props["height"]) == (w, h)
    editor.session.undo_stack.undo()  # the move, as one step
    props = saved_elements(editor)[0]["props"]
    assert (props["x"], props["y"]) == (x, y)
    assert editor.elements.items[element_id].pos() == QPointF(x, y)


def test_the_delete_key_removes_it_and_undo_brings_it_back(window_studio):
    editor = window_studio
    element_id = editor.add_element("shape")
    x, y, w, h = editor.design.element(element_id).rect
    QTest.mouseClick(editor.view.viewport(), LEFT, NONE, on_screen(editor, x + w / 2, y + h / 2))
    assert editor.elements.current == element_id
    QTest.keyClick(editor.view, Qt.Key.Key_Delete)
    assert saved_elements(editor) == []
    editor.session.undo_stack.undo()
    assert [e["id"] for e in saved_elements(editor)] == [element_id]


def test_the_selected_elements_fields_edit_it_and_say_what_is_wrong(window_studio):
    editor = window_studio
    element_id = editor.add_element("button")
    form = editor.element_panel.form("button")
    assert "must start with https://" in form.note_text("url")  # a link still to be typed
    field = form.editors["url"]
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "https://example.com/help")
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert saved_elements(editor)[0]["props"]["url"] == "https://example.com/help"
    assert "must start with https://" not in form.note_text("url")
    editor.element_panel.delete.click()
    assert saved_elements(editor) == []
    assert element_id not in editor.elements.items
