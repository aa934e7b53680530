"""A DevTools protocol session with one QtWebEngine page, over a local websocket.

QtWebEngine runs Chromium's UI thread on Qt's main thread, so the endpoint is
only ever spoken to asynchronously (a blocking HTTP call would deadlock); the
page's target id comes from `QWebEnginePage.devToolsId()`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebSockets import QWebSocket

from designer.preview.scheme import devtools_address

log = logging.getLogger(__name__)
Reply = Callable[[dict[str, Any]], None]


class DevToolsSession(QObject):
    """Sends protocol commands to a page; commands wait until the socket is open."""

    event_received = Signal(str, dict)

    def __init__(self, page: QWebEnginePage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._socket = QWebSocket()
        self._socket.setParent(self)
        self._next_id = 0
        self._pending: list[str] = []
        self._replies: dict[int, Reply] = {}
        self._open = False
        self._socket.connected.connect(self._on_connected)
        self._socket.textMessageReceived.connect(self._on_message)
        address = devtools_address()
        if address is None:
            log.warning("preview: no DevTools endpoint; mobile emulation is off")
            return
        host, port = address
        self._socket.open(QUrl(f"ws://{host}:{port}/devtools/page/{page.devToolsId()}"))

    def send(
        self, method: str, params: dict[str, Any] | None = None, on_reply: Reply | None = None
    ) -> None:
        self._next_id += 1
        if on_reply is not None:
            self._replies[self._next_id] = on_reply
        text = json.dumps({"id": self._next_id, "method": method, "params": params or {}})
        if self._open:
            self._socket.sendTextMessage(text)
        else:
            self._pending.append(text)

    def close(self) -> None:
        self._socket.close()

    def _on_connected(self) -> None:
        self._open = True
        for text in self._pending:
            self._socket.sendTextMessage(text)
        self._pending.clear()

    def _on_message(self, text: str) -> None:
        message = json.loads(text)
        if "id" in message:
            if "error" in message:
                log.warning("preview: DevTools said %s", message["error"].get("message"))
            callback = self._replies.pop(message["id"], None)
            if callback is not None:
                callback(message.get("result", {}))
        elif "method" in message:
            self.event_received.emit(message["method"], message.get("params", {}))
