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
        browser.close()
        browser.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
