"""The preview's phone viewports match headless Chromium's mobile emulation, page for page.

Both browsers get the same bytes (the preview's served files) and the same
simulated visitor; the preview runs in QtWebEngine with DevTools emulation,
the reference in Debian's Chromium through Playwright (is_mobile, 375×667, DPR 2).
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from designer.models.campaign import Campaign
from designer.models.store import Store
from designer.preview.profiles import PHONE, PHONE_NO_META, TABLET
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
DEVICE_JS = (
    "JSON.stringify([devicePixelRatio, navigator.maxTouchPoints, screen.width, screen.height])"
)
BUTTON = "Message us button"
SHOWN_JS = (
    "!!(window.EngagementTag && EngagementTag.decisions && document.querySelector('ed-engagement'))"
)
CLICK_JS = (
    "(function () { var d = EngagementTag.decisions().filter(function (x) { return x.name === "
    + json.dumps(BUTTON)
    + "; })[0];"
    " var r = document.querySelector('[data-engagement=\"' + d.id + '\"]').shadowRoot.firstChild;"
    " (r.tagName === 'BUTTON' ? r : r.querySelector('button.ed-button')).click(); return d.id; })()"
)
EMBEDDED_JS = "!!document.querySelector('ed-window')"


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

    browser = PreviewBrowser(engine, profile, pixel_ratio=profile.device_pixel_ratio)
    browser.show()
    browser.set_visitor_script(visitor.script())
    host = SITE_HOST if profile.meta_tag else NO_META_HOST
    assert browser.load_now(page_url(host, path))
    assert browser.wait_until(SHOWN_JS)
    return browser


@pytest.fixture(scope="module")
def chromium():
    """Headless Chromium driven from a thread of its own.

    Playwright's sync API refuses to start where an asyncio loop already runs
    (the browser tests keep one for the session), and its objects stay in the
    thread that made them: every call goes through this one worker.
    """
    worker = ThreadPoolExecutor(max_workers=1)

    def start():
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        return playwright, playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )

    playwright, browser = worker.submit(start).result()
    yield lambda fn, *args: worker.submit(fn, browser, *args).result(timeout=60)

    def stop():
        browser.close()
        playwright.stop()

    worker.submit(stop).result()
    worker.shutdown()


def _reference(chromium_browser, files, visitor, profile, path: str, click: bool) -> dict:
    """In headless Chromium, on the same bytes: the figures, and how the window opened."""
    context = chromium_browser.new_context(
        viewport={"width": profile.width, "height": profile.height},
        device_scale_factor=profile.device_pixel_ratio,
        is_mobile=True,
        has_touch=True,
    )
    host = SITE_HOST if profile.meta_tag else NO_META_HOST

    def serve(route):
        served = files.serve(host, urlsplit(route.request.url).path)
        if served is None:
            route.fulfill(status=404, body="")
        else:
            route.fulfill(status=200, body=served.body, content_type=served.mime)

    try:
        context.route("http://preview.test/**", serve)
        context.add_init_script(visitor.script())
        popups: list = []
        page = context.new_page()
        page.on("popup", lambda popup: popups.append(popup))
        page.goto(f"http://preview.test{path}")
        page.wait_for_function(SHOWN_JS)
        result = {"figures": page.evaluate(FIGURES_JS), "device": page.evaluate(DEVICE_JS)}
        result["mode"] = ""
        if click:
            page.evaluate(CLICK_JS)
            for _ in range(50):
                if popups or page.evaluate(EMBEDDED_JS):
                    break
                page.wait_for_timeout(100)
            result["mode"] = "tab" if popups else "embedded" if page.evaluate(EMBEDDED_JS) else ""
        return result
    finally:
        context.close()


@pytest.mark.parametrize("profile", [PHONE, PHONE_NO_META, TABLET], ids=lambda p: p.key)
def test_mobile_viewport_figures_equal_headless_chromium(qapp, engine, sample, chromium, profile):
    path = "/product/winter-jacket"
    browser = _preview(engine, sample[1], profile, path)
    try:
        theirs = chromium(_reference, engine.files, sample[1], profile, path, False)
        ours = browser.evaluate(FIGURES_JS)
        assert ours == theirs["figures"]
        assert browser.evaluate(DEVICE_JS) == theirs["device"]
        width = profile.width if profile.meta_tag else 980
        assert abs(int(ours.strip("[]").split(",")[0]) - width) <= 1
    finally:
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
    try:
        assert chromium(_reference, engine.files, sample[1], profile, "/", True)["mode"] == mode
        browser.run_js(CLICK_JS)
        if mode == "tab":
            qtbot.waitUntil(lambda: browser.window_mode == "tab", timeout=10000)
            assert browser.stack.currentIndex() == 1  # the preview switched to the new tab
        else:
            assert browser.wait_until(EMBEDDED_JS)
            assert browser.window_mode == ""
    finally:
        browser.close_popups()
        browser.close()
        browser.deleteLater()


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
