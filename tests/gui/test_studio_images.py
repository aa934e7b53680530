"""Images dropped on the canvas from the file manager: kept as assets, broken ones explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from designer.models.assets import Asset, sha256_of_ref
from tests.gui.studio_driver import at, open_studio, props, saved_designs, undo


@pytest.fixture
def studio(qtbot, store):
    return open_studio(qtbot, store, "overlay")


def drop(studio, paths: list[Path], x: float, y: float) -> None:
    """What a file manager sends: drag enter, drag move, drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(at(studio, x, y))
    whole = point.toPoint()  # drag enter and move take whole pixels, drop takes a QPointF
    args = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    port = studio.canvas.viewport()
    enter = QDragEnterEvent(whole, *args)
    QApplication.sendEvent(port, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(port, QDragMoveEvent(whole, *args))
    QApplication.sendEvent(port, QDropEvent(point, *args))


def picture(tmp_path: Path, name="logo.png", size=(400, 200), color=(200, 30, 60)) -> Path:
    path = tmp_path / name
    Image.new("RGB", size, color).save(path)
    return path


def test_dropping_a_picture_adds_an_image_element_kept_in_the_store(studio, tmp_path):
    drop(studio, [picture(tmp_path)], 200, 100)
    image = props(studio, "image1")
    assert (image["x"], image["y"]) == (200, 100)
    assert (image["width"], image["height"]) == (200, 100)  # at most 200 a side, same shape
    sha = sha256_of_ref(image["src"])
    with studio.session.store.read() as s:
        asset = s.get(Asset, sha)
        assert asset is not None and asset.mime == "image/png"
    assert saved_designs(studio.session.store, studio.engagement_id).online.element("image1")
    item = studio.scene.items_by_id["image1"]
    shot = item.scene().views()[0].grab()
    centre = studio.canvas.mapFromScene(item.sceneBoundingRect().center())
    assert shot.toImage().pixelColor(centre).red() > 150  # the picture itself is drawn
    assert "no alt text" in studio.inspector.form("image").note_text("alt")
    undo(studio)
    assert "image1" not in studio.scene.items_by_id


def test_a_broken_image_gives_a_sentence_and_changes_nothing(studio, tmp_path):
    broken = tmp_path / "holiday.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n this is not really a picture")
    before = len(studio.doc.design.elements)
    drop(studio, [broken], 200, 100)
    assert len(studio.doc.design.elements) == before
    assert studio.message.isVisible()
    assert "holiday.png is not an image we can use" in studio.message.text()
    assert studio.session.undo_stack.count() == 0


def test_a_text_file_and_a_missing_file_are_refused_too(studio, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    drop(studio, [notes, tmp_path / "gone.png"], 10, 10)
    assert len(studio.doc.design.elements) == 3
    assert "gone.png is not a file" in studio.message.text()


def test_several_pictures_dropped_at_once_each_become_an_element(studio, tmp_path):
    drop(studio, [picture(tmp_path, "a.png"), picture(tmp_path, "b.jpg", (50, 80))], 40, 40)
    assert props(studio, "image2")["x"] == props(studio, "image1")["x"] + 10
    assert (props(studio, "image2")["width"], props(studio, "image2")["height"]) == (50, 80)


def test_choosing_an_image_in_the_inspector_goes_through_the_pipeline(studio, tmp_path):
    studio.tool_actions["image"].trigger()
    from tests.gui.studio_driver import click

    click(studio, 300, 100)
    form = studio.inspector.form("image")
    form._edited("src", str(tmp_path / "missing.png"))  # what the file dialog hands over
    assert props(studio, "image1")["src"] == ""
    assert "missing.png is not a file" in studio.message.text()
    form._edited("src", str(picture(tmp_path)))
    assert props(studio, "image1")["src"].startswith("asset:")
