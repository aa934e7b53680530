"""Agent states in the studio: switch designs, start one from another, hide, presets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from designer.models.vocabulary import AgentState, StateDisplay
from tests.gui.studio_driver import click, key, open_studio, props, saved_designs, undo


@pytest.fixture
def studio(qtbot, store):
    return open_studio(qtbot, store, "overlay")


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_switching_state_shows_that_states_design(studio):
    online_text = props(studio, "text1")["text"]
    QTest.mouseClick(studio.state_bar.state_buttons[AgentState.OFFLINE], Qt.MouseButton.LeftButton)
    assert studio.doc.state is AgentState.OFFLINE
    assert props(studio, "text1")["text"] != online_text
    assert studio.scene.items_by_id["text1"].element is studio.doc.designs.offline.element("text1")
    assert studio.inspector.title.text() == "Engagement — offline design"


def test_an_edit_in_offline_leaves_online_alone_and_undo_goes_back_there(studio):
    studio.doc.set_state(AgentState.OFFLINE)
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    saved = saved_designs(studio.session.store, studio.engagement_id)
    assert saved.offline.element("button1").props["x"] == 6
    assert saved.online.element("button1").props["x"] == 16
    studio.doc.set_state(AgentState.ONLINE)
    undo(studio)
    assert studio.doc.state is AgentState.OFFLINE  # undo shows where it happens
    assert props(studio, "button1")["x"] == 16


def test_busy_borrows_online_until_started_from_it(studio):
    QTest.mouseClick(studio.state_bar.state_buttons[AgentState.BUSY], Qt.MouseButton.LeftButton)
    assert not studio.doc.editable
    assert "Uses the online design" in studio.scene.note
    click(studio, 100, 270)
    key(studio, Qt.Key.Key_Right)
    assert "start its own design first" in studio.message.text()
    assert saved_designs(studio.session.store, studio.engagement_id).busy is None
    choose(studio.state_bar.start, AgentState.OFFLINE)
    busy = saved_designs(studio.session.store, studio.engagement_id).busy
    assert busy is not None
    assert (
        busy.element("text1").props["text"]
        == studio.doc.designs.offline.element("text1").props["text"]
    )
    assert studio.doc.editable and studio.scene.note == ""
    undo(studio)
    assert studio.doc.designs.busy is None and not studio.doc.editable


def test_hide_the_engagement_while_agents_are_busy(studio):
    studio.doc.set_state(AgentState.BUSY)
    choose(studio.state_bar.display, StateDisplay.HIDE)
    saved = saved_designs(studio.session.store, studio.engagement_id)
    assert saved.busy_display is StateDisplay.HIDE
    assert saved.for_state(AgentState.BUSY) is None
    assert "Hidden while agents are busy" in studio.scene.note
    undo(studio)
    assert saved_designs(studio.session.store, studio.engagement_id).busy_display is (
        StateDisplay.SHOW_DESIGN
    )
    assert studio.scene.note.startswith("Uses the online design")


def test_online_has_no_hide_choice(studio):
    assert studio.state_bar.display.isHidden()
    assert studio.state_bar.start.isHidden()


def test_size_presets_follow_the_format_and_mobile_guidelines(qtbot, store):
    studio = open_studio(qtbot, store, "toaster")
    labels = [studio.state_bar.sizes.itemText(i) for i in range(studio.state_bar.sizes.count())]
    assert labels[1] == "Toaster 140×180"
    assert "Mobile toaster guideline" in labels[2]
    overlay = next(i for i, t in enumerate(labels) if t.startswith("Overlay"))
    choose(studio.state_bar.sizes, studio.state_bar.sizes.itemData(overlay))
    saved = saved_designs(studio.session.store, studio.engagement_id).online
    assert (saved.props["width"], saved.props["height"]) == (440, 305)
    assert studio.scene.box.boundingRect().width() >= 440
    notes = studio.inspector.form("design").note_text("width")
    assert "140 px" in notes  # the toaster is now wider than the mobile guideline
    undo(studio)
    assert studio.doc.design.props["width"] == 140


def test_custom_position_relative_to_a_viewport_edge(studio):
    form = studio.inspector.form("design")
    combo = form.editors["placement"]
    choose(combo, "custom")
    choose(form.editors["anchor"], "top-left")
    spin = form.editors["offset_x"]
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "40")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    saved = saved_designs(studio.session.store, studio.engagement_id).online.props
    assert (saved["placement"], saved["anchor"], saved["offset_x"]) == ("custom", "top-left", 40)


def test_the_page_follows_a_custom_position(studio):
    form = studio.inspector.form("design")
    choose(form.editors["placement"], "custom")
    choose(form.editors["anchor"], "bottom-left")
    p = studio.doc.design.props
    vw, vh = studio.backdrop.snapshot.layout
    x, y = studio.backdrop.geometry.to_page(0, 0)  # the engagement's corner on the page
    assert abs(x - p["offset_x"]) < 1 and abs(y - (vh - p["offset_y"] - p["height"])) < 1
    from designer.models.placement import placement_box

    assert placement_box("overlay", "proactive", p, (1000, 800)) == (24, 471, 440, 305)


def test_offline_can_go_back_to_the_online_design(studio):
    studio.doc.set_state(AgentState.OFFLINE)
    assert studio.doc.editable
    choose(studio.state_bar.start, "borrow")
    assert saved_designs(studio.session.store, studio.engagement_id).offline is None
    assert not studio.doc.editable and studio.scene.note.startswith("Uses the online design")
    undo(studio)
    assert saved_designs(studio.session.store, studio.engagement_id).offline is not None
