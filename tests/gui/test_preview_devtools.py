"""The DevTools endpoint the preview emulates devices through listens for the preview only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtNetwork import QAbstractSocket, QNetworkRequest


def _open(qtbot, url: str, origin: bytes | None):
    from PySide6.QtWebSockets import QWebSocket

    socket = QWebSocket()
    request = QNetworkRequest(QUrl(url))
    if origin:
        request.setRawHeader(b"Origin", origin)
    with qtbot.waitSignals([socket.stateChanged], timeout=5000):
        socket.open(request)
    qtbot.wait(500)
    return socket


def _close(browser, engine) -> None:  # noqa: ANN001 - a PreviewBrowser and its PreviewEngine
    browser.close()
    browser.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_devtools_listen_on_localhost_and_refuse_web_pages(qtbot, store):
    from designer.preview.browser import PreviewBrowser
    from designer.preview.engine import PreviewEngine
    from designer.preview.profiles import PHONE
    from designer.preview.scheme import devtools_address

    host, port = devtools_address()
    assert host == "127.0.0.1"
    engine = PreviewEngine(store)
    browser = PreviewBrowser(engine, PHONE)
    browser.show()
    try:
        url = f"ws://{host}:{port}/devtools/page/{browser.page.devToolsId()}"
        ours = _open(qtbot, url, None)
        page = _open(qtbot, url, b"https://example.com")
        assert ours.state() == QAbstractSocket.SocketState.ConnectedState
        assert page.state() != QAbstractSocket.SocketState.ConnectedState
        ours.close()
    finally:
        _close(browser, engine)


def test_a_host_page_reads_no_local_file_but_its_own(qtbot, store, tmp_path):
    import json

    from designer.preview.browser import PreviewBrowser
    from designer.preview.engine import PreviewEngine
    from designer.preview.profiles import PHONE
    from designer.preview.served_files import LOCAL_HOST, page_url

    secret = tmp_path / "secret.txt"
    secret.write_text("not for web pages")
    host = tmp_path / "site" / "host.html"
    host.parent.mkdir()
    host.write_text("<!doctype html><title>Host</title><p>My shop</p>")
    engine = PreviewEngine(store)
    engine.files.local_file = host
    browser = PreviewBrowser(engine, PHONE)
    browser.show()
    try:
        assert browser.load_now(page_url(LOCAL_HOST, "/host.html"))
        assert browser.evaluate("document.title") == "Host"
        tries = {"file": f"file://{secret}", "system file": "file:///etc/hostname"}
        browser.evaluate(
            "window.__read = {};"
            + "".join(
                f"fetch({json.dumps(url)}).then(r => r.text()).then("
                f"t => window.__read[{json.dumps(name)}] = t,"
                f" e => window.__read[{json.dumps(name)}] = 'refused');"
                for name, url in tries.items()
            )
        )
        done = browser.wait_until(f"Object.keys(window.__read).length === {len(tries)}", 10_000)
        read = json.loads(browser.evaluate("JSON.stringify(window.__read)"))
        assert done, read
        assert read == {"file": "refused", "system file": "refused"}
        assert engine.files.serve(LOCAL_HOST, "/../secret.txt") is None  # nor through the scheme
    finally:
        _close(browser, engine)
