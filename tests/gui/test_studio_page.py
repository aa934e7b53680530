"""The studio designs on the host page: a picture of the page at the chosen viewport, the
engagement where its zone and placement put it, and the placement dragged on the page."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from designer.models.formats import GAP
from designer.preview.page_snapshot import PageChoice
from designer.preview.profiles import PHONE, PHONE_NO_META
from tests.gui.studio_driver import open_studio, saved_designs, undo, wait_for_page


def on_page(studio) -> tuple[float, float]:
    """Where the engagement's top-left lies on the page (CSS px of the layout viewport)."""
    return studio.backdrop.geometry.to_page(0, 0)


def switch(qtbot, studio, key: str) -> None:
    studio.page_bar.viewport_actions[key].trigger()
    qtbot.waitUntil(lambda: studio.backdrop.snapshot.profile.key == key, timeout=60000)


def test_the_engagement_sits_on_a_picture_of_its_page_where_the_site_puts_it(qtbot, store):
    studio = open_studio(qtbot, store, "overlay")  # an overlay: centred in the viewport
    page = studio.scene.page
    assert page.isVisible() and not page.pixmap().isNull()
    assert page.pixmap().width() == 1366 and page.zValue() < 0  # desktop, under the design
    w, h = (studio.doc.design.props[k] for k in ("width", "height"))
    vw, vh = studio.backdrop.snapshot.layout
    x, y = on_page(studio)
    assert abs(x - (vw - w) / 2) < 1 and abs(y - (vh - h) / 2) < 1
    assert studio.page_bar.pages.currentText() == "Sample: Checkout"  # its entry point: Checkout
    assert "Desktop" in studio.page_bar.status.text()
    # the page is a picture: the design is still the scene's live items on top of it
    assert all(item.zValue() > page.zValue() for item in studio.scene.items_by_id.values())


def test_the_viewport_switch_shows_the_page_as_on_a_phone(qtbot, store):
    studio = open_studio(qtbot, store, "sticky_button")
    switch(qtbot, studio, "phone")
    shot = studio.backdrop.snapshot
    assert shot.profile == PHONE and shot.layout[0] == 375
    assert studio.scene.page.pixmap().width() == 750  # the phone's 2× pixels, shown at 375 px
    assert abs(studio.scene.page.sceneBoundingRect().width() - 375) < 1
    w, h = (studio.doc.design.props[k] for k in ("width", "height"))
    x, y = on_page(studio)
    assert abs(x + w - (375 - GAP)) < 1 and abs(y + h - (shot.layout[1] - GAP)) < 1
    switch(qtbot, studio, "phone-no-meta")  # lays out 980 px wide, shown shrunk
    assert studio.backdrop.snapshot.profile == PHONE_NO_META
    assert studio.backdrop.snapshot.layout[0] > 900
    switch(qtbot, studio, "desktop")  # seen before: at once, from the cache
    assert studio.page_bar.viewport_actions["desktop"].isChecked()


def test_an_embedded_banner_sits_in_its_page_element(qtbot, store):
    studio = open_studio(qtbot, store, "embedded_banner")
    shot = studio.backdrop.snapshot
    assert studio.element_id == "promo-slot" and shot.slot is not None
    x, y = on_page(studio)
    assert (x, y) == (shot.slot[0], shot.slot[1])
    assert not studio.backdrop.grip.isVisible()  # the page decides where it goes


def _drag_grip(qtbot, studio, dx: float, dy: float) -> None:
    """Drag the grip by (dx, dy) CSS px of the page."""
    port, grip = studio.canvas.viewport(), studio.backdrop.grip
    start = studio.canvas.mapFromScene(grip.scenePos() + QPointF(20, -10) / studio.canvas.zoom)
    units = studio.backdrop.geometry.units * studio.canvas.zoom
    end = start + QPointF(dx * units, dy * units).toPoint()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(port, (start + end) / 2)
    QTest.mouseMove(port, end)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_dragging_on_the_page_places_the_engagement_and_undo_takes_it_back(qtbot, store):
    studio = open_studio(qtbot, store, "sticky_button")  # bottom right of the viewport
    studio.canvas.set_zoom(0.5)
    studio.canvas.centerOn(studio.scene.page)
    before = on_page(studio)
    _drag_grip(qtbot, studio, -900, -500)  # towards the top left
    saved = saved_designs(studio.session.store, studio.engagement_id).online.props
    assert saved["placement"] == "custom" and saved["anchor"] == "top-left"
    x, y = on_page(studio)
    assert abs(x - (before[0] - 900)) <= 2 and abs(y - (before[1] - 500)) <= 2
    assert (saved["offset_x"], saved["offset_y"]) == (round(x), round(y))
    _drag_grip(qtbot, studio, 900 - 10, 500 + 5)  # back near its preset place: the preset
    assert saved_designs(store, studio.engagement_id).online.props["placement"] == "preset"
    undo(studio)
    undo(studio)
    assert saved_designs(store, studio.engagement_id).online.props["placement"] == "preset"
    assert on_page(studio) == before


def test_a_local_file_is_a_page_to_design_on(qtbot, store, tmp_path):
    page = tmp_path / "landing.html"
    page.write_text(
        "<!doctype html><html><head><meta name='viewport' content='width=device-width'></head>"
        "<body style='margin:0;background:#12805c'><h1>Our landing page</h1></body></html>"
    )
    studio = open_studio(qtbot, store, "overlay")
    studio.page_bar.page_chosen.emit(PageChoice("file", str(page)))
    qtbot.waitUntil(lambda: studio.backdrop.snapshot.choice.kind == "file", timeout=60000)
    assert studio.page_bar.pages.currentText() == "landing.html"
    picture = studio.scene.page.pixmap().toImage()
    assert picture.pixelColor(picture.width() - 5, picture.height() - 5).name() == "#12805c"


def test_a_page_that_cannot_be_opened_is_a_sentence_and_the_design_stays(qtbot, store, tmp_path):
    studio = open_studio(qtbot, store, "overlay")
    shown = studio.backdrop.snapshot
    studio.page_bar.page_chosen.emit(PageChoice("file", str(tmp_path / "gone.html")))
    qtbot.waitUntil(lambda: "could not be shown" in studio.page_bar.status.text(), timeout=60000)
    assert "Choose another page" in studio.page_bar.status.text()
    assert studio.backdrop.snapshot is shown and studio.scene.page.isVisible()


def test_the_page_follows_an_edit_of_the_size_at_once(qtbot, store):
    studio = open_studio(qtbot, store, "overlay")
    wait_for_page(qtbot, studio)
    studio.actions.set_design_props({"width": 300}, "narrower")
    vw = studio.backdrop.snapshot.layout[0]
    assert abs(on_page(studio)[0] - (vw - 300) / 2) < 1  # still centred, no new picture needed


def test_the_rulers_measure_the_page_from_its_top_left_corner(qtbot, store):
    from designer.views.studio.studio_canvas import CanvasFrame
    from tests.gui.studio_driver import at

    studio = open_studio(qtbot, store, "overlay")
    frame = studio.findChild(CanvasFrame)
    corner = studio.canvas.mapFromScene(studio.scene.page.scenePos())
    assert frame.top_ruler.value_at(corner.x()) == 0
    assert frame.left_ruler.value_at(corner.y()) == 0
    # the design's top-left corner reads where it lies on the page
    x, y = on_page(studio)
    design = at(studio, 0, 0)
    assert abs(frame.top_ruler.value_at(design.x()) - x) <= 1
    assert abs(frame.left_ruler.value_at(design.y()) - y) <= 1
