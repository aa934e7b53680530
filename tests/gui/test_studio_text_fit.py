"""Text never ships cut off: the studio marks it on the canvas, the Problems panel names it,
and "Fit box to text" fixes it in one undoable click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from designer.models.design_checks import text_cut_off
from designer.models.engagement import Engagement
from designer.models.vocabulary import AgentState
from designer.views.studio.text_fit import measure_text
from tests.gui.studio_driver import click, open_studio, props, saved_designs, undo

OFFLINE_CUT = "The offline design's text is cut off: make the box wider or the text shorter."


def type_text(studio, text: str) -> None:
    """Type over the selected text element's text; it is saved when focus leaves the field."""
    editor = studio.inspector.form("text").editors["text"]
    editor.selectAll()
    QTest.keyClicks(editor, text)
    # focus leaves the field (an offscreen window is never active, so send what Qt would)
    QApplication.sendEvent(editor, QFocusEvent(QEvent.Type.FocusOut))


def test_a_label_too_long_for_its_box_is_marked_and_fitted_in_one_click(qtbot, store):
    studio = open_studio(qtbot, store, "sticky_button")
    assert not studio.cut_off.isVisible() and not studio.fit_action.isEnabled()
    click(studio, 60, 20)
    type_text(studio, "Chat with Sales")
    item = studio.scene.items_by_id["text1"]
    assert item.cut_off and "cut off" in item.toolTip()
    assert studio.cut_off.isVisible() and studio.fit_action.isEnabled()
    assert studio.cut_off.sentence.text().startswith(
        "The online design's text is cut off: make the box wider or the text shorter."
    )
    note = studio.inspector.form("text").notes["text"].text()
    assert "text is cut off" in note

    QTest.mouseClick(studio.cut_off.fit, Qt.MouseButton.LeftButton)

    text, design = props(studio, "text1"), studio.doc.design.props
    assert not item.cut_off and not studio.cut_off.isVisible()
    assert text["height"] == 24 and text["width"] > 136  # one line, as the box was drawn
    assert design["width"] == 12 + text["width"] + 12  # the engagement keeps its margins
    saved = saved_designs(studio.session.store, studio.engagement_id).online
    assert not text_cut_off(saved.element("text1"), measure_text)
    assert saved.props["width"] == design["width"]
    assert studio.session.undo_stack.undoText() == "Fit text1's box to its text"

    undo(studio)
    assert props(studio, "text1")["width"] == 136 and studio.doc.design.props["width"] == 160
    assert item.cut_off and studio.cut_off.isVisible()


def test_a_paragraph_grows_down_and_the_design_grows_with_it(qtbot, store):
    studio = open_studio(qtbot, store, "toaster")
    studio.actions.set_element_props({"text1": {"text": "Stuck at checkout? We can help you"}})
    before = studio.doc.design.props["height"]
    assert studio.actions.cut_off_ids() == ["text1"]
    studio.fit_action.trigger()
    text = props(studio, "text1")
    assert text["width"] == 80  # a box of several lines keeps its width
    assert not text_cut_off(studio.doc.design.element("text1"), measure_text)
    bottom_margin = 180 - (16 + 64)
    grown = 16 + text["height"] + bottom_margin
    assert studio.doc.design.props["height"] == max(before, grown)


def test_fit_with_nothing_cut_off_says_so_and_changes_nothing(qtbot, store):
    studio = open_studio(qtbot, store, "overlay")
    count = studio.session.undo_stack.count()
    assert not studio.actions.fit_text()
    assert studio.message.text() == "No text is cut off here: every box fits its text."
    assert studio.session.undo_stack.count() == count


def _break_offline_sticky(store) -> int:
    """The sticky button's offline design as the old gallery made it: "Leave us a" showed."""
    with store.edit() as s:
        e = s.scalars(select(Engagement).where(Engagement.format == "sticky_button")).first()
        designs = e.state_designs()
        designs.offline = designs.online.copy()
        designs.offline.element("text1").props["text"] = "Leave us a message"
        e.set_state_designs(designs)
        return e.id


def test_the_problems_panel_names_the_offline_cut_and_jumps_to_it(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    eid = _break_offline_sticky(window.store)
    window.problems.refresh()
    cut = [p for p in window.problems.problems if p.message == OFFLINE_CUT]
    assert len(cut) == 1 and cut[0].where.entity == "engagement" and cut[0].severity == "error"
    assert cut[0].where.id == eid and cut[0].where.field == "designs.offline.text1.text"
    row = next(
        window.problems.list.item(i)
        for i in range(window.problems.list.count())
        if OFFLINE_CUT in window.problems.list.item(i).text()
    )
    window.problems.list.itemClicked.emit(row)
    assert window.current_page() == "wizard"
    studio = window.wizard.stage("studio").editor
    assert studio.doc.state is AgentState.OFFLINE
    assert studio.scene.selected_ids() == ["text1"]
    assert studio.cut_off.isVisibleTo(window)

    QTest.mouseClick(studio.cut_off.fit, Qt.MouseButton.LeftButton)
    window.problems.refresh()
    assert not [p for p in window.problems.problems if "cut off" in p.message]
    offline = saved_designs(window.store, eid).offline
    assert not text_cut_off(offline.element("text1"), measure_text)
    assert saved_designs(window.store, eid).online.props["width"] == 160  # online untouched


def test_the_inspector_says_what_screen_readers_hear_when_the_label_says_otherwise(qtbot, store):
    studio = open_studio(qtbot, store, "sticky_button")
    studio.actions.set_design_props({"label": "Support"})
    form = studio.inspector.form("design")
    assert form.note_text("label") == (
        "ℹ Screen readers hear “Message us”: the name says what the design shows."
    )
    studio.actions.set_design_props({"label": "Message us about your order"})
    assert form.note_text("label") == ""
