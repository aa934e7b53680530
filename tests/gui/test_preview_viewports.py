"""The preview's phone viewports match headless Chromium's mobile emulation, page for page.

Both browsers get the same bytes (the preview's served files) and the same
simulated visitor; the preview runs in QtWebEngine with DevTools emulation,
the reference in Debian's Chromium through Playwright (is_mobile, 375×667, DPR 2).
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from designer.models.campaign import Campaign
from designer.models.store import Store
from designer.preview.profiles import PHONE, PHONE_NO_META
from designer.preview.served_files import NO_META_HOST, SITE_HOST, page_url
from designer.preview.shots import eager_visitor, moment_in_time_frame

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
FIGURES_JS = "JSON.stringify([innerWidth, visualViewport.scale])"
BUTTON = "Message us button"
SHOWN_JS = "!!(window.EngagementTag && EngagementTag.decisions && document.querySelector('.ed-engagement'))"
CLICK_JS = (
    "(function () { var d = EngagementTag.decisions().filter(function (x) { return x.name === "
    + json.dumps(BUTTON)
    + "; })[0];"
    " var r = document.querySelector('[data-engagement=\"' + d.id + '\"]');"
    " (r.tagName === 'BUTTON' ? r : r.querySelector('button.ed-button')).click(); return d.id; })()"
)
EMBEDDED_JS = "!!document.querySelector('.ed-window')"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("preview") / "sample.sqlite")
    with store.read() as s:
        clock = moment_in_time_frame(s.query(Campaign).filter_by(name="Winter sale").one())
    yield store, eager_visitor(clock)
    store.close()


@pytest.fixture(scope="module")
def engine(qapp, sample):
    from designer.preview.engine import PreviewEngine

    e = PreviewEngine(sample[0])
    yield e
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the pages first
    e.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _preview(engine, visitor, profile, path: str):
    from designer.preview.browser import PreviewBrowser

    browser = PreviewBrowser(engine, profile, 1.0)
    browser.show()
    browser.set_visitor_script(visitor.script())
    host = SITE_HOST if profile.meta_tag else NO_META_HOST
    assert browser.load_now(page_url(host, path))
    assert browser.wait_until(SHOWN_JS)
    return browser


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _reference(chromium, engine, visitor, profile, path: str):
    """Headless Chromium on the same bytes; returns (page, popups opened)."""
    context = chromium.new_context(
        viewport={"width": profile.width, "height": profile.height},
        device_scale_factor=profile.device_pixel_ratio,
        is_mobile=True,
        has_touch=True,
    )
    host = SITE_HOST if profile.meta_tag else NO_META_HOST

    def serve(route):
        from urllib.parse import urlsplit

        served = engine.files.serve(host, urlsplit(route.request.url).path)
        if served is None:
            route.fulfill(status=404, body="")
        else:
            route.fulfill(status=200, body=served.body, content_type=served.mime)

    context.route("http://preview.test/**", serve)
    context.add_init_script(visitor.script())
    popups: list = []
    page = context.new_page()
    page.on("popup", lambda popup: popups.append(popup))
    page.goto(f"http://preview.test{path}")
    page.wait_for_function(SHOWN_JS)
    return page, popups


@pytest.mark.parametrize("profile", [PHONE, PHONE_NO_META], ids=lambda p: p.key)
def test_phone_viewport_figures_equal_headless_chromium(qapp, engine, sample, chromium, profile):
    browser = _preview(engine, sample[1], profile, "/product/winter-jacket")
    page, _popups = _reference(chromium, engine, sample[1], profile, "/product/winter-jacket")
    try:
        ours, theirs = browser.evaluate(FIGURES_JS), page.evaluate(FIGURES_JS)
        assert ours == theirs
        width = 375 if profile.meta_tag else 980
        assert abs(int(ours.strip("[]").split(",")[0]) - width) <= 1
    finally:
        page.context.close()
        browser.close()
        browser.deleteLater()


@pytest.mark.parametrize(
    ("profile", "mode"),
    [(PHONE, "embedded"), (PHONE_NO_META, "tab")],
    ids=["phone", "phone-no-meta"],
)
def test_the_conversation_window_opens_as_headless_chromium_opens_it(
    qapp, qtbot, engine, sample, chromium, profile, mode
):
    browser = _preview(engine, sample[1], profile, "/")
    page, popups = _reference(chromium, engine, sample[1], profile, "/")
    try:
        with (
            qtbot.waitSignal(browser.window_opened, timeout=10000) if mode == "tab" else _nothing()
        ):
            browser.run_js(CLICK_JS)
        page.evaluate(CLICK_JS)
        if mode == "tab":
            page.wait_for_event("popup", timeout=10000) if not popups else None
            assert popups and browser.window_mode == "tab"
            assert browser.stack.currentIndex() == 1  # the preview switched to the new tab
        else:
            page.wait_for_function(EMBEDDED_JS)
            assert browser.wait_until(EMBEDDED_JS)
            assert not popups and browser.window_mode == ""
    finally:
        page.context.close()
        browser.close_popups()
        browser.close()
        browser.deleteLater()


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_desktop_shown_smaller_keeps_its_1366_pixel_viewport(qapp, engine, sample):
    from designer.preview.browser import PreviewBrowser
    from designer.preview.profiles import DESKTOP

    browser = PreviewBrowser(engine, DESKTOP, zoom=0.5)
    browser.show()
    try:
        assert browser.view.width() == 683
        assert browser.load_now(page_url(SITE_HOST, "/"))
        assert browser.evaluate(FIGURES_JS) == "[1366,1]"
    finally:
        browser.close()
        browser.deleteLater()
