"""Screenshots of the studio on its page (desktop and phone) and the window studio over it,
at 1280×800 and 1600×1000, light and dark, to look at.

Written to $STUDIO_SHOTS when set, else into the test's own folder; the asserts check
that the page and the design are both in the picture.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from designer.views.shell.palette import apply_palette
from designer.views.studio.window_studio import WindowStudioEditor
from tests.gui.studio_driver import app_session, engagement_id, open_studio

SIZES = ((1280, 800), (1600, 1000))


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    before = qapp.palette()
    apply_palette(qapp, request.param)
    yield request.param
    qapp.setPalette(before)


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("STUDIO_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_studio_on_its_page_desktop_and_phone(qtbot, store, shots, theme, size):
    studio = open_studio(qtbot, store, "sticky_button")
    studio.resize(*size)
    for key in ("desktop", "phone"):
        studio.page_bar.viewport_actions[key].trigger()
        qtbot.waitUntil(lambda k=key: studio.backdrop.snapshot.profile.key == k, timeout=60000)
        studio.canvas.fit()
        qtbot.wait(20)
        picture = studio.grab()
        picture.save(str(shots / f"studio-page-{key}-{size[0]}x{size[1]}-{theme}.png"))
        assert picture.width() == size[0]
        port = studio.canvas.viewport().grab().toImage()
        page_point = studio.canvas.mapFromScene(studio.scene.page.sceneBoundingRect().center())
        # the button's own colour, left of its text
        design_point = studio.canvas.mapFromScene(QPointF(12, 24))
        assert port.pixelColor(design_point).name() == studio.doc.design.props["background_color"]
        assert port.pixelColor(page_point).name() != port.pixelColor(3, 3).name()  # page shown


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_window_studio_over_its_page(qtbot, store, shots, theme, size):
    editor = WindowStudioEditor(app_session(store), engagement_id(store, "overlay"))
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: editor.on_page.snapshot is not None, timeout=60000)
    for form in ("embedded", "separate_window"):
        editor.forms.setCurrentIndex(editor.forms.findData(form))
        qtbot.wait(20)
        picture = editor.grab()
        picture.save(str(shots / f"window-studio-page-{form}-{size[0]}x{size[1]}-{theme}.png"))
        assert editor.on_page.page.isVisible() and picture.width() == size[0]
