"""Screenshots of the studio and the window studio, to look at.

They are written to $STUDIO_SHOTS when set (e.g. STUDIO_SHOTS=/tmp/studio-shots),
else into the test's own folder; the asserts check they show what they should.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from designer.models.vocabulary import AgentState
from designer.views.editing.edit_session import EditSession
from designer.views.studio.window_studio import WindowStudioEditor
from tests.gui.studio_driver import at, click, engagement_id, move, open_studio


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("STUDIO_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def color_at(widget, point) -> str:
    return widget.grab().toImage().pixelColor(point).name()


def test_studio_with_a_selection_and_a_drag_in_progress(qtbot, store, shots):
    studio = open_studio(qtbot, store, "overlay")
    studio.canvas.fit()
    click(studio, 100, 270)
    studio.grab().save(str(shots / "studio-selected.png"))
    box_centre = studio.canvas.mapFromScene(QPointF(220, 150))
    port = studio.canvas.viewport()
    assert color_at(port, box_centre) == "#1a56db"  # the overlay's own blue
    QTest.mousePress(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(studio, 420, 16)
    )
    move(studio, at(studio, 414, 60))
    move(studio, at(studio, 410, 81))
    studio.grab().save(str(shots / "studio-dragging.png"))
    assert studio.scene.guides.guides and studio.scene.grid_visible
    QTest.mouseRelease(
        port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(studio, 410, 81)
    )


def test_studio_busy_state_borrowing_the_online_design(qtbot, store, shots):
    studio = open_studio(qtbot, store, "sticky_button")
    studio.canvas.fit()
    studio.doc.set_state(AgentState.BUSY)
    studio.grab().save(str(shots / "studio-busy.png"))
    assert "Uses the online design" in studio.scene.note


def test_window_studio_light_and_dark(qtbot, store, shots):
    editor = WindowStudioEditor(EditSession(store), engagement_id(store, "overlay"))
    qtbot.addWidget(editor)
    editor.resize(1100, 760)
    editor.show()
    qtbot.waitExposed(editor)
    editor.grab().save(str(shots / "window-studio-light.png"))
    editor.set_props({"theme": "dark", "bubble_shape": "pill", "corner_radius": 20}, "Dark")
    editor.grab().save(str(shots / "window-studio-dark.png"))
    header = editor.view.mapFromScene(QPointF(100, 8))
    assert color_at(editor.view.viewport(), header) == "#1a56db"


@pytest.fixture
def dark(qapp):
    from PySide6.QtGui import QPalette

    from designer.views.shell.palette import apply_palette

    before = QPalette(qapp.palette())
    apply_palette(qapp, "dark")
    yield
    qapp.setPalette(before)


def test_studio_in_the_dark_palette(qtbot, store, shots, dark):
    studio = open_studio(qtbot, store, "toaster")
    studio.canvas.fit()
    click(studio, 30, 30)  # the headline: its contrast note shows
    key_color = studio.canvas.backgroundBrush().color().name()
    assert key_color == "#2b2d31"
    studio.grab().save(str(shots / "studio-dark.png"))
    note = studio.inspector.form("text").notes["color"].text()
    assert "#81c995" in note  # the light green that reads on a dark window
