"""The tag places every format of the format table from the manifest alone: where the studio
and the gallery's placement function (models/placement.py) say, in every zone, and at any
place a new format's row could name, with its phone policy read from the manifest too."""

from __future__ import annotations

import pytest

from designer.models.formats import ANCHORS, FORMATS, Place
from designer.models.gallery import TEMPLATES
from designer.models.placement import box_at, placement_box
from tests.browser import manifests as m
from tests.browser.pages import decision, shown

VIEWPORT = (1366, 768)
FIXED = [(f.key, zone) for f in FORMATS.values() for zone in f.zones if zone != "embedded"]
EMBEDDED = [f.key for f in FORMATS.values() if "embedded" in f.zones]


def _template_of(fmt: str) -> str:
    return next(t.key for t in TEMPLATES if t.format == fmt)


def _box(page, engagement_id: int) -> tuple[float, float, float, float]:
    r = page.evaluate(
        'id => { const r = document.querySelector(`ed-engagement[data-engagement="${id}"]`)'
        ".getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }",
        engagement_id,
    )
    return tuple(r)


def _close(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return all(abs(x - y) <= 1 for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("fmt, zone", FIXED)
def test_every_fixed_format_stands_where_the_placement_function_says(site, open_page, fmt, zone):
    e = m.engagement(1, _template_of(fmt), zone=zone)
    page = open_page(site.publish(m.manifest(e)))
    page.wait_for_selector('[data-engagement="1"]')
    props = e["designs"]["online"]["props"]
    assert _close(_box(page, 1), placement_box(fmt, zone, props, VIEWPORT))
    assert page.problems == []


@pytest.mark.parametrize("fmt", EMBEDDED)
def test_every_embedded_format_goes_into_its_page_element(site, open_page, fmt):
    e = m.engagement(1, _template_of(fmt), element_id="slot")
    page = open_page(site.publish(m.manifest(e), '<p>Intro</p><div id="slot"></div>'))
    page.wait_for_selector('#slot > [data-engagement="1"]')
    props = e["designs"]["online"]["props"]
    assert _box(page, 1)[2:] == (props["width"], props["height"])


@pytest.mark.parametrize("anchor", ANCHORS)
def test_the_tag_puts_an_engagement_at_any_place_the_manifest_names(site, open_page, anchor):
    """A new format's row may name any anchor: the tag needs no change to put it there."""
    e = m.engagement(1, "checkout-toaster")
    e["placement"] = {"anchor": anchor, "x": 30, "y": 20, "gap": None}
    page = open_page(site.publish(m.manifest(e)))
    page.wait_for_selector('[data-engagement="1"]')
    props = e["designs"]["online"]["props"]
    expected = box_at(Place(anchor, 30, 20), (props["width"], props["height"]), VIEWPORT)
    assert _close(_box(page, 1), expected)


def test_whether_phones_show_a_format_is_read_from_the_manifest(site, open_page):
    sticky = m.engagement(1, "sales-sticky", on_phones=False)
    toaster = m.engagement(2, "checkout-toaster", campaign=2, on_phones=True)
    url = site.publish(m.manifest(sticky, toaster, campaigns=[m.campaign(1), m.campaign(2)]))
    page = open_page(url, device="phone")
    page.wait_for_selector('[data-engagement="2"]')
    assert shown(page) == [2]
    assert decision(page, 1)["shows"] is False
    desktop = open_page(url)
    desktop.wait_for_selector('[data-engagement="1"]')
    assert sorted(shown(desktop)) == [1, 2]
