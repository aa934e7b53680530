"""Elements added to the conversation window: exported, drawn in the real window at their place.

The sample store's "Message us button" gets a text and a link button in its window design
(as the window studio saves them), the real exporter writes the bundle, and a visitor on a
desktop and on a phone opens the window: each element is where the designer put it,
measured from the window's top-left corner, and the button follows its link.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from designer.bundle.export import export
from designer.models.design import Element
from designer.models.engagement import Engagement
from designer.models.window_library import LibraryWindow, linked_id, window_design_of
from tests.browser.pages import set_preview

MONDAY_10 = "2026-11-23T10:00:00Z"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "window"
HOURS = (24, 380, 240, 24)  # x, y, width, height in the window
LINK = (24, 412, 200, 40)


def _add_elements(store, url: str, opens_as: str) -> None:
    with store.edit() as s:
        e = s.scalar(select(Engagement).where(Engagement.name == "Message us button"))
        e.window_opens_as = opens_as
        design = window_design_of(s, e)
        added = (
            ("text1", "text", HOURS, {"text": "Open Monday to Friday, 9 to 17", "font_size": 14}),
            ("button1", "button", LINK, {"text": "Help centre", "action": "open_url", "url": url}),
        )
        for element_id, kind, (x, y, w, h), props in added:
            design.elements.append(
                Element.new(element_id, kind, x=x, y=y, width=w, height=h, **props)
            )
        shared = linked_id(e)
        if shared is not None and s.get(LibraryWindow, shared) is not None:
            s.get(LibraryWindow, shared).design = design.to_dict()
        else:
            e.window_design = design.to_dict()


@pytest.fixture
def window_site(site, store, request):
    """The page's URL and the help page's; the window opens as request.param (default embedded)."""
    opens_as = getattr(request, "param", "embedded")
    help_url = site.write("window-help/index.html", "<!doctype html><title>Help</title>Help")
    _add_elements(store, help_url, opens_as)
    folder = site.root / f"window-bundle-{opens_as}"
    export(store, None, folder)
    install = (folder / "install.html").read_text("utf-8")
    snippet = html.unescape(re.search(r"<pre><code>(.*?)</code></pre>", install, re.S).group(1))
    snippet = snippet.replace('src="', f'src="/{folder.name}/', 1)
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Northwind</title>{snippet}</head><body><h1>Northwind</h1></body></html>"
    )
    return site.write(f"window-shop-{opens_as}/index.html", page), help_url


def _box(locator) -> tuple[float, float, float, float]:
    b = locator.bounding_box()
    return b["x"], b["y"], b["width"], b["height"]


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_added_elements_are_drawn_in_the_window_at_their_place(window_site, open_page, device):
    url, help_url = window_site
    page = open_page(url, device=device)
    set_preview(page, now=MONDAY_10, control_group="out")
    page.get_by_role("button", name="Message us", exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.locator(".ed-bubble").first.wait_for()
    wx, wy, ww, _ = _box(dialog)
    text = dialog.locator(".ed-text")
    assert text.text_content() == "Open Monday to Friday, 9 to 17"
    x, y, w, h = _box(text)
    assert (round(x - wx), round(y - wy), round(w), round(h)) == HOURS
    link = dialog.get_by_role("button", name="Help centre")
    x, y, w, h = _box(link)
    assert (round(x - wx), round(y - wy), round(w), round(h)) == LINK
    assert ww <= page.viewport_size["width"] - 32  # the phone's window fits its screen
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"exported_window_{device}.png"))
    with page.expect_popup() as opened:
        link.click()
    assert opened.value.url == help_url
    assert page.problems == []


@pytest.mark.parametrize("window_site", ["separate_window"], indirect=True)
def test_added_elements_are_drawn_in_a_separate_window_too(window_site, open_page):
    url, _help_url = window_site
    page = open_page(url)
    set_preview(page, now=MONDAY_10, control_group="out")
    with page.expect_popup() as opened:
        page.get_by_role("button", name="Message us", exact=True).click()
    popup = opened.value
    dialog = popup.get_by_role("dialog")
    dialog.locator(".ed-bubble").first.wait_for()
    wx, wy, _, _ = _box(dialog)
    x, y, w, h = _box(dialog.get_by_role("button", name="Help centre"))
    assert (round(x - wx), round(y - wy), round(w), round(h)) == LINK
    assert dialog.locator(".ed-text").text_content() == "Open Monday to Friday, 9 to 17"
    popup.screenshot(path=str(ARTIFACTS / "exported_window_separate.png"))
    assert page.problems == []
