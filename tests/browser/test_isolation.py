"""Nothing of a hostile page's CSS reaches an engagement or the window, and nothing of ours
reaches the page.

Each engagement is drawn on a plain page and on a page whose stylesheet does what real
sites and frameworks do (global element resets, the universal selector, `!important`,
`button {all: unset}`, a transformed and contained body and html, a right-to-left
page); its box, every font size inside it and a screenshot of it must be the same.
"""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image, ImageChops

from tests.browser import manifests as m
from tests.browser.pages import ACTIVE

HOSTILE_CSS = """<style>
html { transform: scale(1); contain: paint; }
body { transform: scale(1); filter: saturate(1); contain: layout; }
* { box-sizing: content-box !important; font-size: 20px !important; line-height: 3 !important;
    font-family: serif !important; letter-spacing: 1px !important; color: #c00 !important; }
div { display: flex !important; padding: 10px !important; }
button { all: unset !important; }
span, p, h2, input, form { padding: 7px !important; margin: 5px !important; border: 3px solid red; }
img { max-width: 10px !important; height: auto !important; }
[popover] { inset: 40px !important; margin: 30px !important; padding: 20px !important; }
</style>"""
RTL = "document.documentElement.dir = 'rtl';"
FILLER = '<div style="height: 3000px"></div>'  # a long page, scrolled: fixed engagements stay put
SHOTS = os.environ.get("ED_SHOTS_DIR", "")  # set it to keep the screenshots for a person to look at

ENGAGEMENT_JS = """id => {
  const host = document.querySelector(`ed-engagement[data-engagement="${id}"]`);
  const r = host.getBoundingClientRect();
  const fonts = [...host.shadowRoot.querySelectorAll('*')].map(e => getComputedStyle(e).fontSize);
  return {box: [r.left, r.top, r.width, r.height], fonts};
}"""
WINDOW_JS = """() => {
  const dialog = document.querySelector('ed-window').shadowRoot.querySelector('.ed-window');
  const r = dialog.getBoundingClientRect();
  const all = [dialog, ...dialog.querySelectorAll('*')];
  return {box: [r.left, r.top, r.width, r.height], fonts: all.map(e => getComputedStyle(e).fontSize),
          paddings: all.map(e => getComputedStyle(e).padding), dir: getComputedStyle(dialog).direction};
}"""


def _page(site, open_page, engagement, hostile: bool, device: str = "desktop"):
    body = (HOSTILE_CSS if hostile else "") + '<div id="slot"></div>' + FILLER
    url = site.publish(m.manifest(engagement), body, before_tag=RTL if hostile else "")
    page = open_page(url, device=device)
    page.wait_for_selector("ed-engagement")
    page.evaluate("window.scrollTo(0, 900)")
    page.wait_for_timeout(100)
    return page


def _same_pixels(a: bytes, b: bytes) -> float:
    """The share of pixels that are identical in two PNG screenshots of one size."""
    one, two = Image.open(io.BytesIO(a)).convert("RGB"), Image.open(io.BytesIO(b)).convert("RGB")
    assert one.size == two.size
    diff = ImageChops.difference(one, two).convert("L")
    return diff.histogram()[0] / (one.size[0] * one.size[1])


def _crop(page, box: list[float], name: str, size: list[float]) -> bytes:
    """A screenshot of box (its corner rounded to a pixel), size wide and high."""
    clip = {
        "x": round(box[0]),
        "y": round(box[1]),
        "width": round(size[2]),
        "height": round(size[3]),
    }
    png = page.screenshot(clip=clip)
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, name + "-page.png"))
        with open(os.path.join(SHOTS, name + ".png"), "wb") as f:
            f.write(png)
    return png


def _close(a: list[float], b: list[float]) -> bool:
    return all(abs(x - y) <= 1 for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(
    ("template_key", "device"),
    [
        ("sales-sticky", "desktop"),
        ("sales-slide-out", "desktop"),
        ("checkout-overlay", "desktop"),
        ("checkout-toaster", "desktop"),
        ("promo-peel", "desktop"),
        ("sales-sticky", "phone"),
        ("checkout-overlay", "phone"),  # scaled down to the phone's width
    ],
)
def test_a_fixed_engagement_is_the_same_on_a_hostile_page(site, open_page, template_key, device):
    e = m.engagement(1, template_key)
    plain = _page(site, open_page, e, hostile=False, device=device)
    hostile = _page(site, open_page, e, hostile=True, device=device)
    want, got = plain.evaluate(ENGAGEMENT_JS, 1), hostile.evaluate(ENGAGEMENT_JS, 1)
    assert _close(got["box"], want["box"]), (got["box"], want["box"])
    assert got["fonts"] == want["fonts"]  # not one font size changed
    shot = _crop(hostile, got["box"], f"hostile-{template_key}-{device}", want["box"])
    plain_shot = _crop(plain, want["box"], f"plain-{template_key}-{device}", want["box"])
    assert _same_pixels(plain_shot, shot) >= 0.99
    assert hostile.problems == []


def test_an_embedded_engagement_is_the_same_inside_a_hostile_pages_element(site, open_page):
    e = m.engagement(1, "promo-banner", element_id="slot")
    plain = _page(site, open_page, e, hostile=False)
    hostile = _page(site, open_page, e, hostile=True)
    for page in (plain, hostile):
        page.evaluate("document.getElementById('slot').scrollIntoView()")
    want, got = plain.evaluate(ENGAGEMENT_JS, 1), hostile.evaluate(ENGAGEMENT_JS, 1)
    assert _close(got["box"][2:], want["box"][2:])  # where the site's element is, is the site's
    assert got["fonts"] == want["fonts"]
    inside = hostile.evaluate("() => document.querySelector('#slot > ed-engagement') !== null")
    assert inside
    shot = _crop(hostile, got["box"], "hostile-embedded", want["box"])
    assert _same_pixels(_crop(plain, want["box"], "plain-embedded", want["box"]), shot) >= 0.99


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_the_conversation_window_is_the_same_on_a_hostile_page(site, open_page, device):
    e = m.engagement(1, "sales-sticky")
    results = []
    for hostile in (False, True):
        page = _page(site, open_page, e, hostile=hostile, device=device)
        page.locator(".ed-engagement").click()
        page.locator(".ed-window .ed-bubble").first.wait_for()
        page.wait_for_timeout(100)
        found = page.evaluate(WINDOW_JS)
        found["focused"] = page.evaluate(f"{ACTIVE}.className")
        kind = "hostile" if hostile else "plain"
        found["shot"] = _crop(
            page,
            found["box"],
            f"{kind}-window-{device}",
            results[0]["box"] if results else found["box"],
        )
        results.append(found)
        assert page.problems == []
    want, got = results
    assert _close(got["box"], want["box"]), (got["box"], want["box"])
    assert got["fonts"] == want["fonts"]
    assert got["paddings"] == want["paddings"]  # button {all: unset} strips nothing
    assert got["dir"] == "ltr"  # the engagement's language, not the page's dir="rtl"
    assert got["focused"] == "ed-window-text"
    assert _same_pixels(want["shot"], got["shot"]) >= 0.99


def test_nothing_of_the_tag_reaches_the_pages_styles(site, open_page):
    page = _page(site, open_page, m.engagement(1, "checkout-overlay"), hostile=False)
    assert page.evaluate("document.styleSheets.length") == 0  # no stylesheet added to the page
    assert page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize") == "32px"
