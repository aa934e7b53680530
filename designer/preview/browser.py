"""One preview viewport: a host page shown in a viewport profile, with true mobile emulation.

The rest of the app never sees QWebEnginePage: it asks this widget to load a
URL, run a script, take a picture, and hears when the page opened a new tab
or a separate window.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from designer.preview.devtools import DevToolsSession
from designer.preview.engine import PreviewEngine
from designer.preview.profiles import ViewportProfile
from designer.preview.web_page import TAB, PreviewPage

log = logging.getLogger(__name__)
VISITOR_SCRIPT = "ed-visitor"
TAG_LOADER = "ed-tag-loader"
TOUCH_SCRIPT = "ed-touch-points"
# QtWebEngine gives each new document the screen's touch points (none) before the
# DevTools touch emulation reaches it again; a phone reports its one from the start.
TOUCH_POINTS_JS = (
    "if (!navigator.maxTouchPoints) Object.defineProperty(Navigator.prototype,"
    " 'maxTouchPoints', { configurable: true, get: function () { return 1; } });"
)


def emulate(
    session: DevToolsSession,
    profile: ViewportProfile,
    pixel_ratio: float,
    then: Callable,
    zoom: float = 1.0,
) -> None:
    """Make the page behave as the profile's device: viewport, pixel ratio, touch, mobile layout."""
    # Touch first: changing it resyncs the screen metrics, which would drop the override.
    session.send(
        "Emulation.setEmitTouchEventsForMouse",
        {"enabled": profile.touch, "configuration": "mobile"},
    )
    touch = {"enabled": profile.touch}
    if profile.touch:
        touch["maxTouchPoints"] = 1
    session.send("Emulation.setTouchEmulationEnabled", touch)
    session.send(
        "Emulation.setDeviceMetricsOverride",
        {
            # In device-independent pixels: with the page zoomed out, as many CSS pixels.
            "width": round(profile.width * zoom),
            "height": round(profile.height * zoom),
            "deviceScaleFactor": pixel_ratio,
            "mobile": profile.mobile,
        },
        on_reply=lambda _result: then(),
    )


class PreviewBrowser(QWidget):
    """A viewport on a host page.

    zoom: how much smaller than actual size a desktop page is shown (browser zoom,
    so the page keeps its CSS viewport); phones and tablets are always actual size.
    pixel_ratio: the emulated device pixel ratio (default: the screen's), which
    sets the size of `capture_png` pictures.
    """

    loaded = Signal(bool)
    window_opened = Signal(str)  # "tab" or "window"
    stopped = Signal()  # the page's renderer process ended unexpectedly

    def __init__(
        self,
        engine: PreviewEngine,
        profile: ViewportProfile,
        zoom: float = 1.0,
        pixel_ratio: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.page = PreviewPage(engine.profile, self)
        self.view = QWebEngineView(self)
        self.view.setPage(self.page)
        self.view.setAccessibleName("Preview of the host page")
        self.caption = QLabel(self)
        self.tab_view: QWebEngineView | None = None  # made when a page opens a tab
        back = QPushButton("← Back to the page", self)
        back.clicked.connect(self._on_back)
        tab_box = self.tab_box = QWidget(self)
        tab_layout = QVBoxLayout(tab_box)
        tab_layout.setContentsMargins(0, 0, 0, 0)
        tab_layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        tab_note = QLabel("The conversation window opened as a new tab.", tab_box)
        tab_note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        back.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        tab_layout.addWidget(tab_note)
        tab_layout.addWidget(back)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(tab_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.stack)
        # Attached once the view is on screen: attached earlier, the emulated pixel ratio
        # reaches the page but not the view's compositor, which then draws unscaled.
        self._devtools: DevToolsSession | None = None
        self._emulate_timer = QTimer(self)
        self._emulate_timer.setSingleShot(True)
        self._emulate_timer.setInterval(50)
        self._emulate_timer.timeout.connect(self._on_emulate_timer)
        self.view.installEventFilter(self)
        self.emulated = False
        self.window_mode = ""
        self._popups: list[QWidget] = []
        self._url = QUrl()
        self.page.loadFinished.connect(self.loaded)
        self.page.loadStarted.connect(self._on_load_started)
        self.page.renderProcessTerminated.connect(self._on_renderer_ended)
        self.page.window_opened.connect(self._on_window_opened)
        self.pixel_ratio = pixel_ratio
        self.set_profile(profile, zoom)

    # --- what the panel asks -------------------------------------------------

    def set_profile(self, profile: ViewportProfile, zoom: float = 1.0) -> None:
        """Show the page as on profile's device, zoomed out by zoom when it is a desktop.

        A new profile loads the page again (its layout depends on it); a new zoom does not.
        """
        if getattr(self, "profile", None) != profile:
            self.emulated = False
        self.profile, self.zoom = profile, 1.0 if profile.mobile else zoom
        self._set_script(
            TOUCH_SCRIPT,
            TOUCH_POINTS_JS if profile.touch else "",
            QWebEngineScript.InjectionPoint.DocumentCreation,
        )
        self.page.setZoomFactor(self.zoom)
        self.caption.setText(profile.label)
        self.view.setFixedSize(round(profile.width * self.zoom), round(profile.height * self.zoom))
        if self.tab_view is not None:
            self.tab_view.setFixedSize(self.view.size())
        self._emulate_timer.start()

    @property
    def devtools(self) -> DevToolsSession:
        if self._devtools is None:
            self._devtools = DevToolsSession(self.page, self)
        return self._devtools

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt override
        # QtWebEngine sends the widget's own screen metrics when it is shown or resized,
        # which would undo the emulation: say it again after each.
        if watched is self.view and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self._emulate_timer.start()
        return False

    def _on_emulate_timer(self) -> None:
        if self.view.isVisible():
            ratio = self.pixel_ratio or self.devicePixelRatioF()
            emulate(self.devtools, self.profile, ratio, self._on_emulated, self.zoom)

    def load(self, url: str) -> None:
        """Open url; it waits for the emulation when that is still being set up."""
        self._url = QUrl(url)
        self.window_mode = ""
        self.stack.setCurrentIndex(0)
        if self.emulated:
            self.page.load(self._url)

    def load_now(self, url: str, timeout_ms: int = 15000) -> bool:
        """Open url and wait until it loaded (headless runs and tests); False when it failed."""
        loop, result = QEventLoop(), {}

        def done(ok: bool) -> None:
            result["ok"] = ok
            loop.quit()

        self.loaded.connect(done)
        QTimer.singleShot(timeout_ms, loop.quit)
        self.load(url)
        if "ok" not in result:
            loop.exec()
        self.loaded.disconnect(done)
        return bool(result.get("ok"))

    def reload(self) -> None:
        if self.emulated and not self._url.isEmpty():
            self.page.load(self._url)

    def url(self) -> str:
        return self._url.toString()

    def set_visitor_script(self, source: str) -> None:
        """JavaScript run before any of the page's own, on every page load (the simulated visitor)."""
        self._set_script(VISITOR_SCRIPT, source, QWebEngineScript.InjectionPoint.DocumentCreation)

    def set_tag_loader(self, source: str) -> None:
        """JavaScript run once the document is parsed: adds the tag to pages we do not serve."""
        self._set_script(TAG_LOADER, source, QWebEngineScript.InjectionPoint.DocumentReady)

    def _set_script(self, name: str, source: str, at: QWebEngineScript.InjectionPoint) -> None:
        scripts = self.page.scripts()
        for old in scripts.find(name):
            scripts.remove(old)
        if not source:
            return
        script = QWebEngineScript()
        script.setName(name)
        script.setInjectionPoint(at)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setRunsOnSubFrames(False)
        script.setSourceCode(source)
        scripts.insert(script)

    def run_js(self, source: str, callback: Callable[[Any], None] | None = None) -> None:
        if callback is None:
            self.page.runJavaScript(source, QWebEngineScript.ScriptWorldId.MainWorld)
        else:
            self.page.runJavaScript(source, QWebEngineScript.ScriptWorldId.MainWorld, callback)

    def evaluate(self, source: str, timeout_ms: int = 10000) -> Any:
        """The value of a script, waiting for it (for headless runs and tests, not the GUI)."""
        loop, result = QEventLoop(), {}

        def done(value: Any) -> None:
            result["value"] = value
            loop.quit()

        self.run_js(source, done)
        QTimer.singleShot(timeout_ms, loop.quit)
        if "value" not in result:
            loop.exec()
        return result.get("value")

    def pause(self, ms: int) -> None:
        """Let the page run for ms (headless runs: animations, fonts)."""
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def wait_until(self, source: str, timeout_ms: int = 15000) -> bool:
        """Wait until the script's value is true; False when it never was."""
        loop, waited = QEventLoop(), 0
        while waited < timeout_ms:
            if self.evaluate(source):
                return True
            QTimer.singleShot(50, loop.quit)
            loop.exec()
            waited += 50
        return False

    def capture_png(self, on_done: Callable[[bytes], None]) -> None:
        """A PNG of the viewport at the emulated pixel ratio."""
        self.devtools.send(
            "Page.captureScreenshot",
            {"format": "png"},
            on_reply=lambda result: on_done(base64.b64decode(result.get("data", ""))),
        )

    def capture_png_now(self, timeout_ms: int = 15000) -> bytes:
        loop, result = QEventLoop(), {}

        def done(png: bytes) -> None:
            result["png"] = png
            loop.quit()

        self.capture_png(done)
        QTimer.singleShot(timeout_ms, loop.quit)
        if "png" not in result:
            loop.exec()
        return result.get("png", b"")

    # --- slots ----------------------------------------------------------------

    def _on_emulated(self) -> None:
        if self.emulated:
            return
        self.emulated = True
        if not self._url.isEmpty():
            self.page.load(self._url)

    def _on_renderer_ended(self, status, code: int) -> None:  # noqa: ANN001 - Qt enum
        if status != QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            log.warning("preview: the page's renderer ended (%s, exit code %d)", status, code)
            self.stopped.emit()

    def _on_load_started(self) -> None:
        # A page in a new renderer process forgets the touch points: say them again.
        if self.profile.touch:
            self.devtools.send(
                "Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1}
            )

    def _on_window_opened(self, mode: str, page: QWebEnginePage) -> None:
        self.window_mode = mode
        if mode == TAB:
            if self.tab_view is not None:
                self.tab_view.setParent(None)
                self.tab_view.deleteLater()
            self.tab_view = QWebEngineView(self.tab_box)
            self.tab_view.setAccessibleName("The new tab the conversation window opened in")
            self.tab_view.setFixedSize(self.view.size())
            self.tab_box.layout().addWidget(self.tab_view, 1)
            self.tab_view.setPage(page)
            session = DevToolsSession(page, page)
            ratio = self.pixel_ratio or self.devicePixelRatioF()
            emulate(session, self.profile, ratio, lambda: None)
            self.stack.setCurrentIndex(1)
        else:
            # A window of its own, owned by this viewport so it goes when the viewport does.
            popup = QWebEngineView(self)
            popup.setWindowFlag(Qt.WindowType.Window)
            popup.setPage(page)
            popup.setWindowTitle("Conversation window (separate window)")
            popup.resize(380, 560)
            page.windowCloseRequested.connect(popup.close)
            self._popups.append(popup)
            popup.show()
        self.window_opened.emit(mode)

    def _on_back(self) -> None:
        self.stack.setCurrentIndex(0)

    def close_popups(self) -> None:
        for popup in self._popups:
            popup.close()
            popup.deleteLater()
        self._popups.clear()
