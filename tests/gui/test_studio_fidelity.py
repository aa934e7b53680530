"""What the studio canvas shows is what the browser shows.

For each engagement of the sample store (designs from the gallery templates),
the store is exported by the real bundle exporter and served to QtWebEngine
by the preview; the runtime tag renders it on a sample page. Each element's
box there (getBoundingClientRect, relative to the engagement's box) must
match its item's box on the canvas within 2 px, and the two renderings are
compared pixel by pixel for a similarity figure.
"""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from designer.models.assets import add_asset
from designer.models.design import Element
from designer.models.design_document import DesignDocument
from designer.models.engagement import Engagement
from designer.models.placement import placement_box
from designer.models.store import Store
from designer.models.vocabulary import AgentState
from designer.preview.profiles import DESKTOP
from designer.preview.served_files import SITE_HOST, page_url
from designer.preview.shots import eager_visitor, planned_shots
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.studio_scene import StudioScene

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TOLERANCE_PX = 2
BORDERED = "Product expert"
PICTURED = "Checkout rescue"
MIN_SIMILARITY = 0.9
LINE_COLOR = "#ff00ff"
BOXES_JS = """(function (name) {
  var t = window.EngagementTag; if (!t || !t.decisions) return null;
  var d = t.decisions().filter(function (x) { return x.name === name; })[0];
  if (!d || !d.shows) return null;
  var root = document.querySelector('[data-engagement="' + d.id + '"]'); if (!root) return null;
  var r = root.getBoundingClientRect();
  var kids = Array.prototype.map.call(root.shadowRoot.firstChild.children, function (c) {
    var b = c.getBoundingClientRect();
    return {z: +c.style.getPropertyValue("z-index"), x: b.left - r.left, y: b.top - r.top,
            w: b.width, h: b.height};
  });
  var page = document.documentElement;
  // a corner engagement moved off a side engagement (CSS translate): where its placement put it
  var moved = getComputedStyle(root).translate.split(" ").map(parseFloat);
  return JSON.stringify({root: {x: r.left, y: r.top, w: r.width, h: r.height},
                         moved: [moved[0] || 0, moved[1] || 0],
                         viewport: [page.clientWidth, page.clientHeight],
                         state: d.state, kids: kids});
})(%s)"""


@pytest.fixture(scope="module")
def measured(qapp, tmp_path_factory):
    """{engagement name: (canvas boxes, browser boxes, similarity)} for the sample store."""
    from designer.preview.browser import PreviewBrowser
    from designer.preview.engine import PreviewEngine

    store = Store.open(tmp_path_factory.mktemp("fidelity") / "sample.sqlite")
    with store.edit() as s:  # one design with a border and a gradient: elements sit inside it
        row = s.query(Engagement).filter_by(name=BORDERED).one()
        designs = row.state_designs()
        designs.online.props.update(border_width=6, border_color="#ffb300", background="gradient")
        designs.online.elements.append(  # a line shape: the canvas draws a line, not a box
            Element.new(
                "line1",
                "shape",
                x=16,
                y=96,
                width=120,
                height=12,
                shape="line",
                stroke=LINE_COLOR,
                stroke_width=4,
            )
        )
        row.set_state_designs(designs)
        # and one with a picture, drawn "contain" in its box on both sides
        picture = io.BytesIO()
        Image.new("RGB", (200, 100), (230, 120, 20)).save(picture, "PNG")
        ref = add_asset(s, "offer.png", "image/png", picture.getvalue()).ref
        row = s.query(Engagement).filter_by(name=PICTURED).one()
        designs = row.state_designs()
        designs.online.elements.append(
            Element.new(
                "image1", "image", x=260, y=120, width=120, height=120, src=ref, alt="Offer"
            )
        )
        row.set_state_designs(designs)
    engine = PreviewEngine(store)
    browser = PreviewBrowser(engine, DESKTOP, 1.0)
    browser.show()
    results = {}
    try:
        for shot in planned_shots(store):
            engine.focus([shot.campaign_id])
            browser.set_visitor_script(eager_visitor(shot.clock).script())
            browser.load_now(page_url(SITE_HOST, shot.path))
            seen = None
            for _ in range(60):
                seen = browser.evaluate(BOXES_JS % json.dumps(shot.engagement))
                if seen:
                    break
                browser.wait_until("false", 100)
            assert seen, f"{shot.engagement} was not shown on {shot.path}"
            # Fonts and the entrance transition settle: wait until two reads agree
            # (a fixed pause was too short on a loaded machine).
            for _ in range(50):
                browser.wait_until("false", 100)
                again = browser.evaluate(BOXES_JS % json.dumps(shot.engagement))
                if again == seen:
                    break
                seen = again
            seen = json.loads(seen)
            png = browser.capture_png_now()
            results[shot.engagement] = _compare(store, shot.engagement, seen, png)
    finally:
        browser.close()
        browser.deleteLater()
        # The page must be gone before its web profile.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        store.close()
    return results


def _compare(store: Store, name: str, seen: dict, png: bytes):
    with store.read() as s:
        row = s.query(Engagement).filter_by(name=name).one()
        designs, fmt, zone = row.state_designs(), row.format, row.zone
    doc = DesignDocument(designs, AgentState(seen["state"]))
    scene = StudioScene(doc, PixmapCache(lambda sha: _asset_bytes(store, sha)))
    canvas = {
        z + 1: scene.items_by_id[e.id].sceneBoundingRect().getRect()
        for z, e in enumerate(doc.design.elements)
    }
    browser = {k["z"]: (k["x"], k["y"], k["w"], k["h"]) for k in seen["kids"]}
    root = seen["root"]
    shown = QImage.fromData(png).convertToFormat(QImage.Format.Format_RGB32)
    page = shown.copy(round(root["x"]), round(root["y"]), round(root["w"]), round(root["h"]))
    drawn = QImage(page.size(), QImage.Format.Format_RGB32)
    drawn.fill(QColor(page.pixelColor(0, 0)))  # what is behind the corners on the page
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(
        painter,
        QRectF(drawn.rect()),
        QRectF(0, 0, root["w"], root["h"]),
        Qt.AspectRatioMode.IgnoreAspectRatio,
    )
    painter.end()
    scene.detach()
    scene.deleteLater()
    placed = placement_box(fmt, zone, doc.design.props, tuple(seen["viewport"]))
    dx, dy = seen["moved"]
    where = (placed, (root["x"] - dx, root["y"] - dy, root["w"], root["h"]))
    return canvas, browser, _similarity(page, drawn), (page, drawn), where


def _asset_bytes(store: Store, sha: str) -> bytes | None:
    from designer.models.assets import Asset

    with store.read() as s:
        asset = s.get(Asset, sha)
        return asset.data if asset else None


def _similarity(a: QImage, b: QImage) -> float:
    """1 − mean absolute difference of the RGB channels, over every pixel (1.0 = identical)."""
    total, count = 0, 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            total += abs(p.red() - q.red()) + abs(p.green() - q.green()) + abs(p.blue() - q.blue())
            count += 3
    return 1 - total / (255 * count) if count else 0.0


def test_every_sample_engagement_was_measured(measured):
    assert len(measured) >= 5
    assert BORDERED in measured and PICTURED in measured
    assert len(measured[PICTURED][0]) == 4  # the picture is one of its elements
    assert all(canvas and browser for canvas, browser, _, _, _ in measured.values())


def test_each_element_box_matches_the_browser_within_2_px(measured):
    off = []
    for name, (canvas, browser, _, _, _) in measured.items():
        assert set(canvas) == set(browser), f"{name}: different elements"
        for z, box in canvas.items():
            worst = max(abs(a - b) for a, b in zip(box, browser[z], strict=True))
            if worst > TOLERANCE_PX:
                off.append(f"{name} element {z}: canvas {box}, browser {browser[z]}")
    assert not off, "\n".join(off)


def test_the_renderings_look_alike(measured, record_property, tmp_path):
    """Similarity per engagement; both images are kept in tmp_path to look at."""
    figures = {}
    for name, (_, _, similarity, (page, drawn), _) in measured.items():
        figures[name] = round(similarity, 4)
        slug = name.lower().replace(" ", "-")
        page.save(str(tmp_path / f"{slug}-browser.png"))
        drawn.save(str(tmp_path / f"{slug}-canvas.png"))
    record_property("similarity", figures)
    print("\ncanvas vs browser similarity:", json.dumps(figures, indent=1))
    low = {n: s for n, s in figures.items() if s < MIN_SIMILARITY}
    assert not low, f"renderings differ too much: {low} (images in {tmp_path})"


def test_the_placement_sketch_puts_the_engagement_where_the_browser_does(measured):
    off = []
    for name, (*_, (placed, shown)) in measured.items():
        if placed is None:  # embedded in the page: the page decides
            continue
        if max(abs(a - b) for a, b in zip(placed, shown, strict=True)) > TOLERANCE_PX:
            off.append(f"{name}: sketch {placed}, browser {shown}")
    assert not off, "\n".join(off)


def _line_pixels(picture: QImage) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the pixels in the line's colour."""
    xs, ys = [], []
    for y in range(picture.height()):
        for x in range(picture.width()):
            c = picture.pixelColor(x, y)
            if c.red() > 200 and c.green() < 80 and c.blue() > 200:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


def test_a_line_shape_has_the_canvas_geometry_in_the_browser(measured):
    _, _, _, (page, drawn), _ = measured[BORDERED]
    browser, canvas = _line_pixels(page), _line_pixels(drawn)
    off = max(abs(a - b) for a, b in zip(browser, canvas, strict=True))
    assert off <= TOLERANCE_PX, f"line in the browser {browser}, on the canvas {canvas}"
    assert browser[3] - browser[1] <= 4 + 1  # a 4 px line, not the element's 12 px box
