"""Host pages other than the sample store: a local HTML file, and a web address typed in."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from designer.models.store import Store
from tests.gui.preview_driver import sample_panel
from tests.moments import MONDAY_10

pytestmark = pytest.mark.slow
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Mine</title></head>
<body><h1>My own shop</h1><div id="promo-slot"></div>
<script>console.warn("a warning from the page itself")</script></body></html>"""
SHOWN_JS = "!!document.querySelector('ed-engagement')"


@pytest.fixture(scope="module")
def panel(qapp, tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("sources") / "sample.sqlite")
    # The visitor's clock inside the sample campaign's hours and days, whatever the real time.
    with sample_panel(store, MONDAY_10) as p:
        yield p
    store.close()


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):  # the browser may drop a connection
            pass

    server = Quiet(("127.0.0.1", 0), handler)
    handler.keywords["directory"] = str(tmp_path)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


def test_a_local_html_file_gets_the_engagements(panel, site, caplog):
    folder, _url = site
    caplog.set_level("INFO", logger="designer.preview.console")
    panel.open_local_file(folder / "index.html")
    browser = panel.browsers[0]
    assert browser.wait_until(f"location.protocol === 'ed-preview:' && {SHOWN_JS}")
    assert browser.evaluate("document.querySelector('h1').textContent") == "My own shop"
    assert browser.evaluate("!!document.querySelector('#promo-slot ed-engagement')")
    # the page's console goes to Python logging
    assert any("a warning from the page itself" in r.getMessage() for r in caplog.records)


def test_a_missing_local_file_is_a_sentence(panel, tmp_path):
    panel.open_local_file(tmp_path / "gone.html")
    assert "is not a file" in panel.status.text()


def test_a_typed_web_address_gets_the_engagements(panel, site):
    _folder, url = site
    panel.open_address(url)
    browser = panel.browsers[0]
    assert browser.wait_until(f"location.href === '{url}' && {SHOWN_JS}")


def test_a_web_address_of_another_kind_is_a_sentence(panel):
    panel.open_address("ftp://example.com/")
    assert "http://" in panel.status.text()


def test_an_address_nothing_answers_at_is_a_sentence(qtbot, panel):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    panel.open_address(f"http://127.0.0.1:{port}/")
    qtbot.waitUntil(lambda: "could not be loaded" in panel.status.text(), timeout=15000)


def test_a_page_whose_renderer_ends_is_a_sentence_and_reload_brings_it_back(qtbot, panel):
    index = panel.source_box.findData("sample")
    panel.source_box.setCurrentIndex(index)
    panel.source_box.activated.emit(index)  # as when the designer picks it
    browser = panel.browsers[0]
    assert browser.wait_until(f"location.protocol === 'ed-preview:' && {SHOWN_JS}")
    with qtbot.waitSignal(browser.stopped, timeout=15000):
        browser.page.load("chrome://crash")
    assert "stopped unexpectedly" in panel.status.text()
    panel.reload()
    assert browser.wait_until(f"location.pathname === '/' && {SHOWN_JS}")
