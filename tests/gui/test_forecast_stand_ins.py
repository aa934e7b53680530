"""The forecast's stand-in page gives the tag what a browser gives it.

The harness (designer/preview/forecast_harness.js) hands the tag a URL and an
Object of its own (each made once per address, or without the accessor pair
V8 keeps long-lived). They are compared here with the browser's own, in the
same kind of blank QtWebEngine page the forecast runs in.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

from designer.bundle.forecast_plan import plan
from designer.models.store import Store
from designer.preview.forecast_engine import boot_source

ADDRESSES = [
    ["https://shop.example/product/x?utm_medium=cpc&utm_source=google&q=a+b#/route", None],
    ["/cart?step=2", "https://shop.example/product/winter-jacket?ref=1"],
    ["draw.0123abcd.js", "https://shop.example/_engagements/"],
    ["https://user:secret@Shop.Example:8443/%7Efoo/../bar?x#y", None],
    ["https://www.google.com/search?q=trail+boots", None],
]
COMPARE = """
(function (addresses) {
  var S = ForecastHarness.standIns, fields = ["href", "origin", "protocol", "username", "password",
    "host", "hostname", "port", "pathname", "search", "hash"];
  function make(C, a) { return a[1] === null ? new C(a[0]) : new C(a[0], a[1]); }
  function read(u) {
    var out = {};
    fields.forEach(function (k) { out[k] = u[k]; });
    out.string = String(u); out.json = JSON.stringify({ u: u });
    out.medium = u.searchParams.get("utm_medium"); out.q = u.searchParams.get("q");
    return out;
  }
  function fails(C, a) { try { make(C, a); return "no error"; } catch (e) { return e.constructor.name; } }
  return JSON.stringify({
    real: addresses.map(function (a) { return read(make(URL, a)); }),
    standIn: addresses.map(function (a) { return read(make(S.URL, a)); }),
    again: addresses.every(function (a) { return make(S.URL, a) === make(S.URL, a); }),
    invalid: [["", null], ["not an address", null], ["/relative", null]].map(function (a) {
      return [fails(URL, a), fails(S.URL, a)];
    })
  });
})
"""
OBJECT = """
(function () {
  var O = ForecastHarness.standIns.Object, plain = {}, got = 0;
  O.defineProperty(plain, "EngagementTag", { configurable: true, get: function () { got++; return 7; } });
  var d = Object.getOwnPropertyDescriptor(plain, "EngagementTag");
  return JSON.stringify({
    getter: typeof d.get, read: plain.EngagementTag, reads: got,
    keys: O.keys({ a: 1, b: 2 }), assigned: O.assign({}, { c: 3 }), own: O.prototype.hasOwnProperty.call({ x: 1 }, "x")
  });
})()
"""


def _run(page: QWebEnginePage, code: str):  # noqa: ANN202 - what the page's script returns
    loop, box = QEventLoop(), {}
    page.runJavaScript(code, 0, lambda value: (box.setdefault("value", value), loop.quit()))
    if "value" not in box:
        loop.exec()
    return box["value"]


@pytest.fixture
def harness_page(qapp, tmp_path: Path):
    store = Store.open(tmp_path / "sample.sqlite")
    try:
        setup = plan(store, date(2031, 3, 3), days=1, total=10).setup()
    finally:
        store.close()
    profile = QWebEngineProfile()
    page = QWebEnginePage(profile)
    loop = QEventLoop()
    page.loadFinished.connect(lambda ok: loop.quit())
    page.setHtml("<!doctype html><title>forecast</title>", QUrl("https://forecast-0.invalid/"))
    loop.exec()
    assert _run(page, boot_source(setup)) == "ready"
    yield page
    page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # before its profile
    profile.deleteLater()


def test_the_stand_in_url_reads_as_the_browsers_own(harness_page) -> None:
    seen = json.loads(_run(harness_page, f"{COMPARE}({json.dumps(ADDRESSES)})"))
    assert seen["standIn"] == seen["real"]
    assert seen["real"][3]["pathname"] == "/bar" and seen["real"][3]["port"] == "8443"
    assert seen["real"][0]["medium"] == "cpc" and seen["real"][4]["q"] == "trail boots"
    assert seen["again"]  # parsed once per address and base
    assert seen["invalid"] == [["TypeError", "TypeError"]] * 3


def test_the_stand_in_object_is_the_browsers_own_but_for_a_window(harness_page) -> None:
    seen = json.loads(_run(harness_page, OBJECT))
    # on anything but the stand-in window, defineProperty is the browser's: a real getter
    assert seen["getter"] == "function" and seen["read"] == 7 and seen["reads"] == 1
    assert seen["keys"] == ["a", "b"] and seen["assigned"] == {"c": 3} and seen["own"] is True
