"""The window studio: the conversation window's design, edited by keyboard, saved and undoable."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from designer.models.engagement import Engagement
from designer.views.studio.window_studio import WindowStudioEditor, window_notes
from tests.gui.studio_driver import app_session, engagement_id, open_window_studio


@pytest.fixture
def window_studio(qtbot, store):
    return open_window_studio(qtbot, store, (1100, 760))


def saved(editor) -> dict:
    with editor.session.store.read() as s:
        return s.get(Engagement, editor.engagement_id).get_window_design().props


def type_into(field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def test_header_text_typed_is_saved_shown_and_undone(window_studio):
    form = window_studio.form
    type_into(form.editors["header_text"], "Talk to Ana")
    assert saved(window_studio)["header_text"] == "Talk to Ana"
    assert window_studio.window_item.props["header_text"] == "Talk to Ana"
    window_studio.session.undo_stack.undo()
    assert saved(window_studio)["header_text"] == "Chat with us"
    assert form.editors["header_text"].text() == "Chat with us"
    assert window_studio.window_item.props["header_text"] == "Chat with us"


def test_theme_bubble_shape_and_radius_change_the_window(window_studio):
    before = window_studio.view.grab().toImage()
    combo = window_studio.form.editors["theme"]
    combo.setCurrentIndex(combo.findData("dark"))
    combo.activated.emit(combo.currentIndex())
    type_into(window_studio.form.editors["corner_radius"], "30")
    props = saved(window_studio)
    assert (props["theme"], props["corner_radius"]) == ("dark", 30)
    after = window_studio.view.grab().toImage()
    assert before != after  # the canvas follows


def test_contrast_of_bubbles_and_header_beside_the_colours(window_studio):
    form = window_studio.form
    assert "passes WCAG AA" in form.note_text("visitor_text_color")
    type_into(form.editors["visitor_text_color"], "#3a6ee8")
    assert "Fails WCAG AA" in form.note_text("visitor_text_color")


def test_header_image_needs_alt_text_and_a_safe_link(window_studio, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (10, 90, 200)).save(logo)
    window_studio.form._edited("header_image", str(logo))  # what the file dialog hands over
    assert saved(window_studio)["header_image"].startswith("asset:")
    assert "no alt text" in window_studio.form.note_text("header_image_alt")
    type_into(window_studio.form.editors["header_image_link"], "javascript:void(0)")
    assert "must start with https://" in window_studio.form.note_text("header_image_link")
    assert saved(window_studio)["header_image_link"] == ""


def test_a_broken_agent_picture_is_explained(window_studio, tmp_path):
    broken = tmp_path / "face.jpg"
    broken.write_bytes(b"\xff\xd8\xff not a jpeg at all")
    window_studio.form._edited("agent_picture", str(broken))
    assert "face.jpg is not an image we can use" in window_studio.message.text()
    assert saved(window_studio)["agent_picture"] == ""


def test_window_notes_alone():
    from designer.models.design import WindowDesign

    props = WindowDesign().props | {"agent_bubble_color": "#1a56db"}
    assert any("look alike" in t for _, t in window_notes(props)["visitor_bubble_color"])


def test_clicking_a_part_of_the_window_goes_to_its_field(window_studio):
    view = window_studio.view
    for scene_point, name in (
        ((100, 12), "header_text"),
        ((100, 495), "input_placeholder"),
        ((300, 140), "visitor_bubble_color"),
        ((250, 60), "action_menu"),
    ):
        QTest.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            view.mapFromScene(*scene_point),
        )
        assert window_studio.form.editors[name].hasFocus(), name


def test_the_sample_conversation_opens_with_the_engagements_greeting(window_studio):
    with window_studio.session.store.edit() as s:
        row = s.get(Engagement, window_studio.engagement_id)
        messages = dict(row.automatic_messages)
        messages["en"] = dict(messages["en"]) | {
            "greeting": {"enabled": True, "text": "Hello there!"}
        }
        row.automatic_messages = messages
    window_studio.session.changed.emit("engagement", window_studio.engagement_id)
    assert window_studio.window_item.conversation[0] == ("agent", "Hello there!")


def test_the_window_shows_embedded_over_its_page(window_studio):
    on_page = window_studio.on_page
    assert on_page.target == "embedded" and on_page.page.isVisible()
    vw, vh = on_page.snapshot.layout
    w, h = window_studio.props["width"], window_studio.props["height"]
    # the window item sits at the scene origin: 16 px from the viewport's bottom-right corner
    assert on_page.page.pos().toTuple() == (-(vw - 16 - w), -(vh - 16 - h))
    assert "opens embedded in the page" in window_studio.page_bar.status.text()
    assert not on_page.frame.isVisible()


def test_the_separate_window_form_is_a_window_over_the_page(window_studio):
    window_studio.forms.setCurrentIndex(window_studio.forms.findData("separate_window"))
    on_page = window_studio.on_page
    assert on_page.target == "window" and on_page.frame.isVisible()
    assert "separate window" in window_studio.page_bar.status.text()
    type_into(window_studio.form.editors["header_text"], "Talk to Ana")  # still editable
    assert saved(window_studio)["header_text"] == "Talk to Ana"


def test_a_phone_page_without_the_meta_tag_opens_the_window_in_a_tab(qtbot, window_studio):
    window_studio.page_bar.viewport_actions["phone-no-meta"].trigger()
    on_page = window_studio.on_page
    qtbot.waitUntil(lambda: on_page.snapshot.profile.key == "phone-no-meta", timeout=60000)
    assert on_page.target == "tab"
    box = window_studio.window_item.boundingRect().adjusted(24, 24, -24, -40)
    assert box.size().toTuple() == on_page.snapshot.layout  # the tab is the whole viewport
    window_studio.page_bar.viewport_actions["phone"].trigger()  # with the tag: embedded, capped
    qtbot.waitUntil(lambda: on_page.snapshot.profile.key == "phone", timeout=60000)
    assert on_page.target == "embedded"
    assert window_studio.window_item.props["width"] == min(window_studio.props["width"], 375 - 32)


def _studio_of(qtbot, store, fmt: str, session=None) -> WindowStudioEditor:
    """A window studio; two of them on one session, as in one main window."""
    editor = WindowStudioEditor(session or app_session(store), engagement_id(store, fmt))
    qtbot.addWidget(editor)
    return editor


def _resolved(store, fmt: str) -> dict:
    from designer.models.window_library import window_design_of

    with store.read() as s:
        return window_design_of(s, s.get(Engagement, engagement_id(store, fmt))).props


def test_a_window_saved_to_the_library_is_shared_with_used_by(qtbot, store, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from designer.models import LibraryWindow

    first = _studio_of(qtbot, store, "overlay")
    type_into(first.form.editors["header_text"], "Talk to Northwind")
    asked = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        lambda *a, **k: (asked.append(k["text"]), ("Brand window", True))[1],
    )
    QTest.mouseClick(first.library_bar.save, Qt.MouseButton.LeftButton)
    assert asked == ["Checkout rescue window"]  # a name to keep or change, not an empty field
    assert first.library_bar.designs.currentText() == "Brand window"
    assert "used by 1" in first.library_bar.note.text()
    # another engagement picks it from the library: both are its users
    second = _studio_of(qtbot, store, "toaster", first.session)
    combo = second.library_bar.designs
    combo.setCurrentIndex(combo.findText("Brand window"))
    combo.activated.emit(combo.currentIndex())
    assert second.props["header_text"] == "Talk to Northwind"
    note = second.library_bar.note.text()
    assert "used by 2" in note and "Checkout rescue" in note and "Cart toaster" in note
    with store.read() as s:
        item = s.query(LibraryWindow).one()
        assert sorted(e.name for e in item.used_by()) == ["Cart toaster", "Checkout rescue"]
    # an edit in one studio changes the shared design: the other engagement shows it
    type_into(second.form.editors["header_text"], "Ask Ana")
    assert _resolved(store, "overlay")["header_text"] == "Ask Ana"
    assert first.props["header_text"] == "Ask Ana"  # the open studio follows
    second.session.undo_stack.undo()
    assert _resolved(store, "overlay")["header_text"] == "Talk to Northwind"


def test_choosing_the_own_design_keeps_a_copy_and_a_taken_name_is_refused(
    qtbot, store, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    editor = _studio_of(qtbot, store, "overlay")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Brand window", True))
    QTest.mouseClick(editor.library_bar.save, Qt.MouseButton.LeftButton)
    other = _studio_of(qtbot, store, "toaster", editor.session)
    QTest.mouseClick(other.library_bar.save, Qt.MouseButton.LeftButton)  # same name
    assert "already called “Brand window”" in other.message.text()
    combo = editor.library_bar.designs
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert combo.currentText() == "This engagement's own design"
    type_into(editor.form.editors["header_text"], "Only mine")
    with editor.session.store.read() as s:
        from designer.models import LibraryWindow

        assert s.query(LibraryWindow).one().window().props["header_text"] != "Only mine"
    assert _resolved(store, "overlay")["header_text"] == "Only mine"


def test_the_window_studio_opens_on_the_page_the_studio_showed(qtbot, store):
    from designer.preview.page_snapshot import PageChoice
    from tests.gui.studio_driver import open_studio

    studio = open_studio(qtbot, store, "overlay")
    studio.page_bar.page_chosen.emit(PageChoice("sample", "cart"))
    studio.page_bar.viewport_actions["phone"].trigger()
    editor = _studio_of(qtbot, store, "overlay", studio.session)
    assert editor.page_bar.pages.currentText() == "Sample: Cart"
    assert editor.page_bar.viewport_actions["phone"].isChecked()
    qtbot.waitUntil(lambda: editor.on_page.snapshot is not None, timeout=60000)
    assert editor.on_page.snapshot.profile.key == "phone"
