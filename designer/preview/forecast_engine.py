"""The forecast's engine: the bundle's own tag.js deciding for each visitor, with no page.

Blank QtWebEngine pages (no window, nothing loaded from anywhere) hold the
harness (forecast_harness.js) and the tag and its drawing code exactly as the
bundle ships them (runtime_file("tag.js"), runtime_file("draw.js")), each
wrapped in a function of the page globals it reads so each visitor-page gets a
fresh tag on a stand-in page, which serves it the manifest, draw.js and the
stylesheet when it fetches them. The harness tries every design once with the
shipped draw.js, then counts drawings rather than painting them (the tag's
decisions and sentences are the same; a design draw.js cannot draw fails the
same way). Chromium's V8 decides
several times as many visitor-pages per CPU second as QJSEngine on this work (measured
by tests/bench/bench_forecast.py), so the engine is a page, one per core, each
on a host of its own and so in a renderer process of its own, visible to
Chromium (a hidden page's V8 saves power) and started without Maglev
(engine_flags.py).
The manifest's UTC-offset tables give the tag its local times (no Intl), so
every engine (and every Qt version) agrees.
"""

from __future__ import annotations

import gc
import json
import os
from importlib import resources
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

from designer.bundle.forecast_plan import ForecastPlan
from designer.bundle.runtime_scripts import runtime_file
from designer.models.forecast_results import Forecast

GLOBALS = (
    "window, document, location, history, screen, navigator, Date, fetch, Promise, CSSStyleSheet, "
    "Object, URL"
)


def boot_source(setup: dict[str, Any]) -> str:
    """The harness, then tag.js and draw.js as shipped, each wrapped in a function of the page
    globals it reads (so each visitor-page gets fresh ones), then the harness loaded."""
    harness = resources.files("designer.preview").joinpath("forecast_harness.js").read_text("utf-8")
    tag = runtime_file("tag.js").decode("utf-8")
    draw = runtime_file("draw.js").decode("utf-8")
    return (
        f"{harness}\nvar forecastSetup = {json.dumps(setup)};\n"
        f"forecastSetup.files[forecastSetup.names.draw].run = function (window, document, location) {{\n{draw}\n}};\n"
        f"ForecastHarness.load(function ({GLOBALS}) {{\n{tag}\n}}, forecastSetup.files, "
        "forecastSetup.names, forecastSetup.origin, forecastSetup.pages);\n"
        "'ready';"
    )


def wire(batch: list[dict[str, Any]]) -> str:
    """A batch of visitors as the harness reads them: for each, in order, its seed, profile id,
    earlier visits, device, viewport meta tag, landing query, referrer and pages
    (forecast_population.PAGE_FIELDS); lists, not dicts, since this is most of what is sent."""
    return json.dumps(
        [
            [
                v["seed"],
                v["id"],
                v["visits"],
                v["device"],
                v["meta"],
                v["query"],
                v["referrer"],
                v["pages"],
            ]
            for v in batch
        ],
        separators=(",", ":"),
    )


class _Collections:
    """Python's cyclic collector paused while any forecast runs: the run makes and drops
    millions of small lists and dicts with no cycles among them, and each full collection
    walked every object of the app besides (a third of the forecast's Python time)."""

    running = 0

    @classmethod
    def pause(cls) -> None:
        cls.running += 1
        gc.disable()

    @classmethod
    def resume(cls) -> None:
        cls.running = max(0, cls.running - 1)
        if not cls.running:
            gc.enable()


class _Worker(QWebEnginePage):
    """One blank page running batches; JavaScript's console goes nowhere."""

    def javaScriptConsoleMessage(self, level, message, line, source) -> None:  # noqa: N802, ANN001
        pass


class ForecastRun(QObject):
    """Runs a plan on blank pages; progress(done, total), then finished(Forecast) or failed(str)."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, plan: ForecastPlan, engines: int | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.plan = plan
        self.total = plan.visitor_count
        self.tally = plan.tally()
        self.engines = max(1, min(engines or os.cpu_count() or 1, 4))
        self.profile: QWebEngineProfile | None = None
        self.pages: list[_Worker] = []
        self.done = 0
        self.over = False
        self._batches = plan.batches()
        self._sent = 0  # batches handed out, numbered from 0
        # finished batches, as the engine wrote them, until those before them are counted
        self._results: dict[int, tuple[list, str, int]] = {}
        self._added = 0
        self.render_pids: list[int] = []  # the engines' renderer processes, for measuring
        self._paused = False

    def start(self) -> None:
        _Collections.pause()
        self._paused = True
        self.profile = QWebEngineProfile(self)  # off the record: nothing written to disk
        boot = boot_source(self.plan.setup())
        for n in range(self.engines):
            page = _Worker(self.profile)
            self.pages.append(page)
            # a host of its own: each page gets its own renderer process, so its own core
            page.loadFinished.connect(lambda ok, p=page, i=n: self._on_loaded(ok, p, i, boot))
            page.setHtml(
                "<!doctype html><title>forecast</title>", QUrl(f"https://forecast-{n}.invalid/")
            )
        if not self.total:
            self._finish()

    def cancel(self) -> None:
        if not self.over:
            self._stop()
            self.failed.emit("The forecast was cancelled.")

    def _on_loaded(self, ok: bool, page: _Worker, n: int, boot: str) -> None:
        if self.over:
            return
        if not ok:
            self._fail("The forecast's engine could not start; restart the app and try again.")
            return
        # A page with no view is a background tab to Chromium, whose V8 then saves power and
        # optimises late: the same visitors took 2x the CPU. Visible, it runs at full speed
        # (it has no view, so nothing is painted).
        page.setVisible(True)
        page.runJavaScript(boot, 0, lambda value: self._on_ready(value, page, n))

    def _on_ready(self, value: Any, page: _Worker, n: int) -> None:
        if value != "ready":
            self._fail(
                "The forecast could not load the tag into its engine; "
                "export the bundle again or reinstall the app."
            )
            return
        self.render_pids.append(page.renderProcessPid())
        self._next(page, n)

    def _next(self, page: _Worker, n: int) -> None:
        if self.over:
            return
        batch = next(self._batches, None)
        if batch is None:
            return
        number = self._sent
        self._sent += 1
        code = f"ForecastHarness.run({json.dumps(wire(batch))})"
        page.runJavaScript(code, 0, lambda text: self._on_batch(text, batch, number, page, n))

    def _on_batch(self, text: Any, batch: list, number: int, page: _Worker, n: int) -> None:
        if self.over:
            return
        if not isinstance(text, str):
            self._fail("The forecast's engine stopped on a visitor; export the bundle again.")
            return
        self._next(page, n)  # the engine goes on with the next batch while this one is counted
        self._results[number] = (batch, text, n)
        while (
            self._added in self._results
        ):  # in batch order, so the same seed gives the same tables
            b, result, engine = self._results.pop(self._added)
            self.tally.add(b, json.loads(result), engine)
            self._added += 1
            self.done += len(b)
        self.progress.emit(self.done, self.total)
        if self.done >= self.total:
            self._finish()

    def _finish(self) -> None:
        self._stop()
        self.finished.emit(self.tally.forecast)

    def _fail(self, sentence: str) -> None:
        if not self.over:
            self._stop()
            self.failed.emit(sentence)

    def _stop(self) -> None:
        self.over = True
        if self._paused:
            self._paused = False
            _Collections.resume()
        for page in self.pages:
            page.deleteLater()  # before their profile, which must outlive them
        self.pages = []
        if self.profile is not None:
            self.profile.deleteLater()
            self.profile = None


def run_forecast(plan: ForecastPlan, engines: int | None = None, on_progress=None) -> Forecast:  # noqa: ANN001
    """Run a plan to the end, waiting in a local event loop (the command line, tests, bench).

    Raises ForecastFailed with the sentence when it cannot run.
    """
    run = ForecastRun(plan, engines)
    loop = QEventLoop()
    box: dict[str, Any] = {}
    run.finished.connect(lambda f: (box.setdefault("forecast", f), loop.quit()))
    run.failed.connect(lambda s: (box.setdefault("error", s), loop.quit()))
    if on_progress is not None:
        run.progress.connect(on_progress)
    run.start()
    if "forecast" not in box and "error" not in box:
        loop.exec()
    run.deleteLater()
    # the pages go before their profile, now, not when the application ends
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if "error" in box:
        raise ForecastFailed(box["error"])
    return box["forecast"]


class ForecastFailed(Exception):
    """str() is the sentence for the designer."""
