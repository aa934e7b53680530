"""The inspector: fields from the declarations, bound both ways, with live accessibility checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from designer.models.properties import ELEMENT_PROPS
from tests.gui.studio_driver import at, click, drag, key, open_studio, props, saved_designs, undo


@pytest.fixture
def studio(qtbot, store):
    return open_studio(qtbot, store, "overlay")


def type_into(editor, text: str) -> None:
    """Replace a field's text by keyboard and press Enter, as a designer does."""
    editor.setFocus()
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)


def test_fields_come_from_the_declarations(studio):
    click(studio, 100, 270)
    form = studio.inspector.form("button")
    assert list(form.editors) == [s.name for s in ELEMENT_PROPS["button"]]
    assert form.editors["font_size"].maximum() == 96
    assert form.editors["action"].count() == 3
    assert form.editors["x"].value() == 16


def test_a_field_edit_changes_the_canvas_and_the_store_and_undoes(studio):
    click(studio, 100, 270)
    form = studio.inspector.form("button")
    type_into(form.editors["width"], "240")
    assert props(studio, "button1")["width"] == 240
    assert studio.scene.items_by_id["button1"].boundingRect().width() == 240
    assert (
        saved_designs(studio.session.store, studio.engagement_id)
        .online.element("button1")
        .props["width"]
        == 240
    )
    undo(studio)
    assert form.editors["width"].value() == 180
    assert studio.scene.items_by_id["button1"].boundingRect().width() == 180


def test_a_canvas_edit_shows_in_the_fields_without_echoing_back(studio):
    click(studio, 100, 270)
    stack = studio.session.undo_stack
    drag(studio, (100, 270), (140, 270))
    form = studio.inspector.form("button")
    assert form.editors["x"].value() == props(studio, "button1")["x"] == 56
    assert stack.count() == 1  # the field update did not make a second command
    y = props(studio, "button1")["y"]
    key(studio, Qt.Key.Key_Down)
    assert form.editors["y"].value() == y + 1


def test_a_value_that_does_not_fit_is_explained_and_not_saved(studio):
    click(studio, 100, 270)
    form = studio.inspector.form("button")
    type_into(form.editors["fill"], "blue")
    assert "must be a colour like #1a73e8" in form.note_text("fill")
    assert props(studio, "button1")["fill"] == "#ffffff"
    assert studio.session.undo_stack.count() == 0


def test_contrast_ratio_and_wcag_verdict_beside_the_colour(studio):
    click(studio, 50, 30)
    form = studio.inspector.form("text")
    assert "Contrast 6.1:1" in form.note_text("color")  # 6.15, cut like every ratio
    assert "passes WCAG AA" in form.note_text("color")
    type_into(form.editors["color"], "#3a6ee8")
    assert "Fails WCAG AA" in form.note_text("color")
    assert "below the 3:1" in form.note_text("color")  # 20 px bold is large text


def test_target_size_warning_for_a_small_close_button(studio):
    click(studio, 420, 16)
    form = studio.inspector.form("close")
    assert form.note_text("width") == ""
    type_into(form.editors["width"], "20")
    assert "make it at least 24×24 px" in form.note_text("width")


def test_missing_alt_text_on_an_image(studio):
    studio.tool_actions["image"].trigger()
    click(studio, 300, 120)
    form = studio.inspector.form("image")
    assert "no alt text" in form.note_text("alt")
    type_into(form.editors["alt"], "Our support team")
    assert form.note_text("alt") == ""
    assert props(studio, "image1")["alt"] == "Our support team"


def test_a_button_link_must_be_http_mailto_or_tel(studio):
    click(studio, 100, 270)
    form = studio.inspector.form("button")
    form.editors["action"].setCurrentIndex(form.editors["action"].findData("open_url"))
    form.editors["action"].activated.emit(form.editors["action"].currentIndex())
    assert "must start with https://" in form.note_text("url")  # open URL needs a link
    type_into(form.editors["url"], "javascript:alert(1)")
    assert "must start with https://" in form.note_text("url")
    assert props(studio, "button1")["url"] == ""  # refused, not saved
    type_into(form.editors["url"], "mailto:help@example.com")
    assert props(studio, "button1")["url"] == "mailto:help@example.com"
    assert form.note_text("url") == ""


def test_nothing_selected_shows_the_engagement(studio):
    click(studio, 100, 270)
    click(studio, -20, -20)
    assert studio.inspector.title.text() == "Engagement — online design"
    form = studio.inspector.form("design")
    type_into(form.editors["radius"], "20")
    assert saved_designs(studio.session.store, studio.engagement_id).online.props["radius"] == 20
    form.editors["background"].setCurrentIndex(form.editors["background"].findData("gradient"))
    form.editors["background"].activated.emit(form.editors["background"].currentIndex())
    assert studio.doc.design.props["background"] == "gradient"


def test_double_click_an_element_to_type_its_text(studio):
    QTest.mouseDClick(
        studio.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        at(studio, 100, 270),
    )
    form = studio.inspector.form("button")
    assert form.editors["text"].hasFocus()
    QTest.keyClicks(form.editors["text"], "Chat with an expert")
    QTest.keyClick(form.editors["text"], Qt.Key.Key_Return)
    assert props(studio, "button1")["text"] == "Chat with an expert"
