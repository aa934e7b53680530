"""Where engagements land on the visitor's screen: corners that never cover the side
engagements, and shapes drawn as the studio canvas draws them."""

from __future__ import annotations

import io

from PIL import Image

from designer.models.design import Element
from tests.browser import manifests as m
from tests.browser.pages import push, shown

GAP = 24  # the tag's gap between an engagement and the edge, or another engagement


def _box(page, engagement_id: int) -> dict[str, float]:
    return page.evaluate(
        'id => { const r = document.querySelector(`ed-engagement[data-engagement="${id}"]`)'
        ".getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right,"
        " bottom: r.bottom}; }",
        engagement_id,
    )


def _intersect(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def _corner_and_side(corner: dict, side: dict) -> dict:
    return m.manifest(corner, side, campaigns=[m.campaign(1), m.campaign(2)])


def test_a_toaster_is_lifted_above_the_right_sticky_button(site, open_page):
    toaster = m.engagement(1, "checkout-toaster")
    sticky = m.engagement(2, "sales-sticky", campaign=2)
    page = open_page(site.publish(_corner_and_side(toaster, sticky)))
    page.wait_for_selector('[data-engagement="1"]')
    assert sorted(shown(page)) == [1, 2]
    t, s = _box(page, 1), _box(page, 2)
    assert not _intersect(t, s)
    assert abs(t["bottom"] - (s["top"] - GAP)) <= 1
    assert abs(t["right"] - (1366 - GAP)) <= 1  # still in its corner's column


def test_the_toaster_goes_back_to_its_corner_when_the_side_engagement_leaves(site, open_page):
    toaster = m.engagement(1, "checkout-toaster")
    sticky = m.engagement(2, "sales-sticky", campaign=2, skill=2)
    sticky["designs"]["offline"] = None
    page = open_page(site.publish(_corner_and_side(toaster, sticky)))
    page.wait_for_selector('[data-engagement="1"]')
    push(page, type="agent_state", state="offline", skill=2)
    assert shown(page) == [1]
    t = _box(page, 1)
    assert abs(t["bottom"] - (768 - GAP)) <= 1
    assert abs(t["right"] - (1366 - GAP)) <= 1


def test_a_toaster_placed_left_is_lifted_above_the_left_sticky_button(site, open_page):
    toaster = m.engagement(1, "checkout-toaster")
    for design in toaster["designs"].values():
        design["props"].update(placement="custom", anchor="bottom-left", offset_x=24, offset_y=24)
    sticky = m.engagement(2, "sales-sticky", campaign=2, zone="left")
    page = open_page(site.publish(_corner_and_side(toaster, sticky)))
    page.wait_for_selector('[data-engagement="1"]')
    t, s = _box(page, 1), _box(page, 2)
    assert not _intersect(t, s)
    assert abs(t["left"] - GAP) <= 1


def test_a_peeling_corner_never_covers_the_right_slide_out(site, open_page):
    peel = m.engagement(1, "promo-peel")
    slide = m.engagement(2, "sales-slide-out", campaign=2, zone="right")
    url = site.publish(_corner_and_side(peel, slide))
    page = open_page(url)  # a tall screen: apart already, the corner stays in its corner
    page.wait_for_selector('[data-engagement="1"]')
    assert not _intersect(_box(page, 1), _box(page, 2))
    assert _box(page, 1)["top"] == 0 and _box(page, 1)["right"] == 1366
    short = open_page(url, viewport={"width": 1366, "height": 360})
    short.wait_for_selector('[data-engagement="1"]')
    p, s = _box(short, 1), _box(short, 2)
    assert not _intersect(p, s)  # no room above the slide-out: the corner moves beside it
    assert p["top"] == 0
    short.set_viewport_size({"width": 1366, "height": 768})
    short.wait_for_function(
        "() => document.querySelector('[data-engagement=\"1\"]').getBoundingClientRect().right"
        " === 1366"
    )


def test_a_line_shape_is_drawn_as_the_studio_canvas_draws_it(site, open_page):
    # the canvas: a stroke_width pen across the box at its vertical middle, clipped to the box
    line = Element.new(
        "line1",
        "shape",
        x=20,
        y=30,
        width=200,
        height=40,
        shape="line",
        stroke="#ff0000",
        stroke_width=4,
        fill="#00ff00",
    )
    d = m.design(line, width=260, height=100, background_color="#ffffff")
    e = m.engagement(1, "checkout-overlay", designs={"online": d, "offline": d, "busy": d})
    page = open_page(site.publish(m.manifest(e)))
    root = page.locator(".ed-engagement")
    picture = Image.open(io.BytesIO(root.screenshot())).convert("RGB")
    pixels = {
        (x, y): picture.getpixel((x, y))
        for y in range(picture.height)
        for x in range(picture.width)
    }
    painted = [xy for xy, (r, g, _) in pixels.items() if r > 200 and g < 80]
    xs, ys = [x for x, _ in painted], [y for _, y in painted]
    assert (min(xs), max(xs) + 1) == (20, 220)
    assert (min(ys), max(ys) + 1) == (48, 52)  # centred on y + height / 2 = 50, 4 px thick
    assert not [xy for xy, (r, g, _) in pixels.items() if g > 200 and r < 80]  # no fill
