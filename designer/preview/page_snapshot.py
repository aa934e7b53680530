"""Pictures of host pages for the studio's backdrop: one per page × viewport, made once, offscreen.

The studio draws the engagement as live vector items over a picture of the
page, so editing never waits for a browser. The picture is the page as a
visitor's browser lays it out in the viewport profile (true mobile emulation,
the 980 px layout of a phone page without its viewport meta tag), without
any engagement on it: the page is served without the bundle's tag.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWebEngineCore import QWebEngineProfile

from designer.preview.browser import PreviewBrowser
from designer.preview.profiles import ViewportProfile
from designer.preview.scheme import PreviewSchemeHandler, scheme_registered
from designer.preview.served_files import (
    LOCAL_HOST,
    NO_META_HOST,
    SAMPLE_PAGES,
    SCHEME,
    SITE_HOST,
    PreviewFiles,
    SamplePage,
    page_for_rules,
    page_url,
    sample_page,
)

log = logging.getLogger(__name__)
SETTLE_MS = 120  # fonts and first paint after the load finished
TIMEOUT_MS = 20000
SHARED_NAME = "ed-page-snapshots"
# The layout viewport in CSS px, and where the embedded element's content box is (scrolled
# into view first), so the studio can put the engagement where the runtime will.
MEASURE_JS = """(function (id) {
  var page = document.documentElement;
  var out = {w: page.clientWidth, h: page.clientHeight, slot: null};
  var el = id ? document.getElementById(id) : null;
  if (el) {
    el.scrollIntoView({block: "center", inline: "nearest"});
    var r = el.getBoundingClientRect(), s = getComputedStyle(el);
    out.slot = [r.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft),
                r.top + parseFloat(s.borderTopWidth) + parseFloat(s.paddingTop),
                el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)];
  }
  return JSON.stringify(out);
})(%s)"""


@dataclass(frozen=True)
class PageChoice:
    """Which host page: a sample-site page (its key), a local HTML file (its path) or a URL."""

    kind: str  # "sample", "file" or "url"
    value: str

    @property
    def label(self) -> str:
        if self.kind == "sample":
            return f"Sample: {sample_page(self.value).label}"
        if self.kind == "file":
            return Path(self.value).name
        return self.value

    def url(self, profile: ViewportProfile) -> str:
        if self.kind == "sample":
            host = SITE_HOST if profile.meta_tag else NO_META_HOST
            return page_url(host, sample_page(self.value).path)
        if self.kind == "file":
            return page_url(LOCAL_HOST, "/" + Path(self.value).name)
        return self.value


SAMPLE_CHOICES = tuple(PageChoice("sample", p.key) for p in SAMPLE_PAGES)


def _has_element(page: SamplePage, element_id: str) -> bool:
    served = PreviewFiles().serve(SITE_HOST, page.path)
    pattern = rb"id=[\"']" + re.escape(element_id.encode()) + rb"[\"']"
    return served is not None and re.search(pattern, served.body) is not None


def page_choice_for(rules: list[dict], element_id: str = "") -> PageChoice:
    """The sample page to design on: one the entry point lets in (that has the embedded element)."""
    first = page_for_rules(rules)
    if element_id and not _has_element(first, element_id):
        first = next((p for p in SAMPLE_PAGES if _has_element(p, element_id)), first)
    return PageChoice("sample", first.key)


def shared_snapshots() -> PageSnapshots:
    """The application's page pictures, so every studio reuses the pages already seen."""
    app = QCoreApplication.instance()
    found = app.findChild(PageSnapshots, SHARED_NAME)
    if found is None:
        found = PageSnapshots(app)
        found.setObjectName(SHARED_NAME)
        app.aboutToQuit.connect(found.close)
    return found


@dataclass(frozen=True)
class PageSnapshot:
    """A picture of a page's viewport.

    layout: the layout viewport in CSS px (a phone page without the meta tag lays out
    980 px wide and is shown shrunk); png covers it whole. slot: the embedded element's
    content box (x, y, width) in the layout viewport, None when the page has no such element.
    """

    choice: PageChoice
    profile: ViewportProfile
    element_id: str
    png: bytes
    layout: tuple[float, float]
    slot: tuple[float, float, float] | None


class PageSnapshots(QObject):
    """Makes and keeps page pictures; `request` answers from the cache or later through `ready`."""

    ready = Signal(object)  # a PageSnapshot
    failed = Signal(object, str)  # the (choice, profile key, element id) asked, and why

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not scheme_registered():
            raise RuntimeError("register_scheme() must run before the QApplication is made")
        self.files = PreviewFiles()  # no bundle: the page without any engagement
        self.profile = QWebEngineProfile(self)
        self._handler = PreviewSchemeHandler(self.files, self)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self._handler)
        self._cache: dict[tuple, PageSnapshot] = {}
        self._pixmaps: dict[tuple, QPixmap] = {}
        # (store, engagement id) -> the page and viewport it was last shown on, so the
        # studio and the window studio show it on the same page
        self.chosen: dict[tuple[str, int], tuple[PageChoice, ViewportProfile]] = {}
        self._queue: list[tuple[PageChoice, ViewportProfile, str]] = []
        self._busy: tuple[PageChoice, ViewportProfile, str] | None = None
        self._browser: PreviewBrowser | None = None
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(lambda: self._fail("it did not finish loading"))

    @staticmethod
    def _key(choice: PageChoice, profile: ViewportProfile, element_id: str) -> tuple:
        return choice, profile.key, element_id

    def cached(
        self, choice: PageChoice, profile: ViewportProfile, element_id: str = ""
    ) -> PageSnapshot | None:
        return self._cache.get(self._key(choice, profile, element_id))

    def request(
        self,
        choice: PageChoice,
        profile: ViewportProfile,
        element_id: str = "",
        ahead: bool = False,
    ) -> PageSnapshot | None:
        """The picture when it is made already; else None, and `ready` (or `failed`) follows.

        ahead: made after every picture asked for now (a viewport the designer may switch to).
        """
        found = self.cached(choice, profile, element_id)
        if found is not None:
            return found
        job = (choice, profile, element_id)
        if job == self._busy:
            return None
        if job in self._queue:
            if ahead:
                return None
            self._queue.remove(job)
        self._queue.insert(len(self._queue) if ahead else 0, job)
        if self._busy is None:
            QTimer.singleShot(0, self._next)
        return None

    def pixmap(self, shot: PageSnapshot) -> QPixmap:
        """The picture decoded, once for every studio that shows it."""
        key = self._key(shot.choice, shot.profile, shot.element_id)
        if key not in self._pixmaps:
            self._pixmaps[key] = QPixmap()
            self._pixmaps[key].loadFromData(shot.png, "PNG")
        return self._pixmaps[key]

    def busy(self) -> bool:
        return self._busy is not None or bool(self._queue)

    def close(self) -> None:
        """Stop; the page goes before its web profile (QtWebEngine's rule)."""
        self._queue.clear()
        self._timeout.stop()
        if self._browser is not None:
            self._browser.close()
            self._browser.deleteLater()
            self._browser = None
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    # Making one picture: load, settle, measure, capture

    def _next(self) -> None:
        if self._busy is not None or not self._queue:
            return
        self._busy = choice, profile, _ = self._queue.pop(0)
        if choice.kind == "file":
            self.files.local_file = Path(choice.value)
        if self._browser is None:
            self._browser = PreviewBrowser(self, profile, pixel_ratio=profile.device_pixel_ratio)
            # Shown so the emulation takes, but never on the screen, and not a window the
            # designer has open: closing the main window still quits the app.
            self._browser.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            self._browser.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
            self._browser.loaded.connect(self._on_loaded)
            self._browser.show()
        else:
            self._browser.pixel_ratio = profile.device_pixel_ratio
            self._browser.set_profile(profile)
        self._timeout.start(TIMEOUT_MS)
        self._browser.load(choice.url(profile))

    def _on_loaded(self, ok: bool) -> None:
        if self._busy is None:
            return
        if not ok:
            self._fail("the page could not be opened")
            return
        QTimer.singleShot(SETTLE_MS, self._measure)

    def _measure(self) -> None:
        if self._busy is None or self._browser is None:
            return
        element_id = self._busy[2]
        self._browser.run_js(MEASURE_JS % json.dumps(element_id), self._on_measured)

    def _on_measured(self, raw: object) -> None:
        if self._busy is None or self._browser is None:
            return
        try:
            seen = json.loads(raw) if isinstance(raw, str) else {}
            layout = float(seen["w"]), float(seen["h"])
        except (ValueError, KeyError, TypeError):
            self._fail("its size could not be read")
            return
        slot = seen.get("slot")
        slot = tuple(float(v) for v in slot) if isinstance(slot, list) and len(slot) == 3 else None
        self._browser.capture_png(lambda png: self._on_captured(png, layout, slot))

    def _on_captured(self, png: bytes, layout: tuple[float, float], slot) -> None:  # noqa: ANN001
        if self._busy is None:
            return
        if not png:
            self._fail("no picture of it could be taken")
            return
        choice, profile, element_id = self._busy
        shot = PageSnapshot(choice, profile, element_id, png, layout, slot)
        self._cache[self._key(choice, profile, element_id)] = shot
        self._done()
        self.ready.emit(shot)

    def _fail(self, why: str) -> None:
        if self._busy is None:
            return
        choice, profile, element_id = self._busy
        log.info("page snapshot of %s (%s): %s", choice.label, profile.key, why)
        self._done()
        self.failed.emit(
            self._key(choice, profile, element_id),
            f"The page {choice.label} could not be shown: {why}. "
            "Choose another page or check the file or address.",
        )

    def _done(self) -> None:
        self._timeout.stop()
        self._busy = None
        if self._queue:
            QTimer.singleShot(0, self._next)
