"""The forecast's speed: 100,000 visitors over 7 days through the shipped tag (goal < 10 s).

Prints the wall time of the whole forecast of the sample store (population,
the tag deciding every visitor-page in blank QtWebEngine pages, one per core,
and the tally), visitor-pages decided per second, and this process's CPU
time. For the choice of engine it runs 2,000 of the same visitors through
the same harness on one core in each: a QtWebEngine page (V8) and a QJSEngine
(Qt's own JavaScript engine), one after the other. The
machine's load average is printed beside the figures: the machine is shared.
"""

from __future__ import annotations

import os
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

VISITORS, DAYS, SMALL = 100_000, 7, 2_000


def _start(manifest: dict) -> date:
    """Inside the sample campaign's time frame (its first day) when it has one, else today."""
    starts = [
        c["time_frame"]["starts_at"]
        for c in manifest["campaigns"]
        if c["time_frame"].get("starts_at")
    ]
    return datetime.fromisoformat(max(starts)).date() if starts else date.today()


def _qjsengine_pages(p) -> int:  # noqa: ANN001 - a ForecastPlan
    """The same harness and tag in a QJSEngine, for comparison (not what the app uses)."""
    from PySide6.QtQml import QJSEngine

    from designer.preview.forecast_engine import boot_source, wire

    js = QJSEngine()
    ready = js.evaluate(boot_source(p.setup()))
    assert ready.toString() == "ready", ready.toString()
    run = js.globalObject().property("ForecastHarness").property("run")
    batch = next(iter(p.batches()))
    pages = sum(len(v["pages"]) for v in batch)
    result = run.call([wire(batch)])
    assert not result.isError(), result.toString()
    return pages


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a live process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _run_measured(p, engines=None):  # noqa: ANN001, ANN202 - a ForecastPlan; (Forecast, CPU s)
    """run_forecast, reading the renderers' CPU time before they end."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop

    from designer.preview.forecast_engine import ForecastRun

    run, loop, box = ForecastRun(p, engines), QEventLoop(), {}

    def done(forecast) -> None:  # noqa: ANN001
        box["cpu"] = sum(_cpu_seconds(pid) for pid in set(run.render_pids))
        box["forecast"] = forecast
        loop.quit()

    run.finished.connect(done)
    run.failed.connect(lambda sentence: (box.setdefault("error", sentence), loop.quit()))
    run.start()
    loop.exec()
    run.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert "error" not in box, box.get("error")
    return box["forecast"], box["cpu"]


def main() -> None:
    from designer.preview.engine_flags import settle_flags

    settle_flags(headless=True)  # as the app and the forecast verb start QtWebEngine
    from PySide6.QtWebEngineCore import QWebEngineProfile  # noqa: F401 - before the application
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841
    from designer.bundle.forecast_manifest import forecast_manifest
    from designer.bundle.forecast_plan import plan
    from designer.models.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "sample.sqlite")
        start = _start(forecast_manifest(store))
        p = plan(store, start, DAYS, VISITORS, seed=1)
        load = os.getloadavg()[0]
        cpu = time.process_time()
        started = time.perf_counter()
        f, engines_cpu = _run_measured(p)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu
        print(
            f"forecast of {f.visitors:,} visitors over {DAYS} days ({f.pages:,} visitor-pages): "
            f"{wall:.1f} s wall (goal < 10 s), {f.pages / wall:,.0f} visitor-pages decided per second"
        )
        print(
            f"  the tag's engines used {engines_cpu:.1f} CPU s ({f.pages / engines_cpu:,.0f} visitor-pages "
            f"per CPU second), this process {cpu:.1f} CPU s"
        )
        print(
            f"  load average at the start {load:.1f} on {os.cpu_count()} cores (a shared machine)"
        )
        small = plan(store, start, DAYS, SMALL, seed=1)
        small.batch = SMALL
        one, web_cpu = _run_measured(small, engines=1)
        cpu = time.process_time()
        qjs_pages = _qjsengine_pages(small)
        qjs_cpu = time.process_time() - cpu
        print(
            f"  one engine, the same {one.pages:,} visitor-pages: QtWebEngine page (V8) "
            f"{one.pages / web_cpu:,.0f} per CPU second, QJSEngine {qjs_pages / qjs_cpu:,.0f} per CPU second"
        )
        store.close()


if __name__ == "__main__":
    main()
