"""A DevTools protocol session with one QtWebEngine page, inside the app's own process.

No DevTools endpoint is opened (no port, no pipe another process could reach): the
session is the page's DevTools page (`QWebEnginePage.setDevToolsPage`), a hidden
page on Chromium's DevTools front-end URL, which is what gets the `DevToolsHost`
binding. A script stops that page before the DevTools app itself loads and keeps
only the channel: commands go in with `runJavaScript`, replies and events come
back as console messages with a prefix only that page writes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

log = logging.getLogger(__name__)
Reply = Callable[[dict[str, Any]], None]
PREFIX = "\x00ed-devtools:"
READY = "ready"
# Run in the DevTools page before anything of its own: the embedder delivers protocol
# messages by calling DevToolsAPI.dispatchMessage (or dispatchMessageChunk, for big ones).
CHANNEL_JS = r"""
(function () {
  const prefix = @PREFIX@;
  let chunks = [], expected = 0, received = 0;
  const deliver = (m) => console.debug(prefix + (typeof m === "string" ? m : JSON.stringify(m)));
  const api = {
    dispatchMessage: deliver,
    dispatchMessageChunk(chunk, size) {
      if (size) { chunks = []; expected = size; received = 0; }
      chunks.push(chunk);
      received += chunk.length;
      if (received >= expected) { deliver(chunks.join("")); chunks = []; }
    },
  };
  // Whatever else the embedder calls (window state, settings) has nothing to do here.
  Object.defineProperty(window, "DevToolsAPI", {
    value: new Proxy(api, { get: (t, k) => (k in t ? t[k] : function () {}) }),
  });
  Object.defineProperty(window, "edDevToolsSend", {
    value: (text) => DevToolsHost.sendMessageToEmbedder(
      JSON.stringify({ id: 0, method: "dispatchProtocolMessage", params: [text] })),
  });
  window.stop();  // the DevTools app itself never loads
  console.debug(prefix + @READY@);
})();
""".replace("@PREFIX@", json.dumps(PREFIX)).replace("@READY@", json.dumps(READY))


class _ChannelPage(QWebEnginePage):
    """The inspected page's DevTools page; its prefixed console messages are the channel."""

    received = Signal(str)

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: ANN001, N802 - Qt override
        if message.startswith(PREFIX):
            self.received.emit(message[len(PREFIX) :])
        else:
            log.debug("preview devtools page: %s", message)


class DevToolsSession(QObject):
    """Sends protocol commands to a page; commands wait until the channel is ready."""

    event_received = Signal(str, dict)

    def __init__(self, page: QWebEnginePage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._next_id = 0
        self._pending: list[str] = []
        self._replies: dict[int, Reply] = {}
        self._open = False
        self._page = page
        self._channel = _ChannelPage(page.profile(), self)
        script = QWebEngineScript()
        script.setName("ed-devtools-channel")
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setSourceCode(CHANNEL_JS)
        self._channel.scripts().insert(script)
        self._channel.received.connect(self._on_message)
        page.setDevToolsPage(self._channel)

    def send(
        self, method: str, params: dict[str, Any] | None = None, on_reply: Reply | None = None
    ) -> None:
        self._next_id += 1
        if on_reply is not None:
            self._replies[self._next_id] = on_reply
        text = json.dumps({"id": self._next_id, "method": method, "params": params or {}})
        if self._open:
            self._write(text)
        else:
            self._pending.append(text)

    def close(self) -> None:
        """Detach from the page (the emulation it set stays until the page goes)."""
        self._open = False
        self._pending.clear()
        self._replies.clear()
        if self._page.devToolsPage() is self._channel:
            self._page.setDevToolsPage(None)

    def _write(self, text: str) -> None:
        self._channel.runJavaScript(
            f"edDevToolsSend({json.dumps(text)})", QWebEngineScript.ScriptWorldId.MainWorld
        )

    def _on_message(self, text: str) -> None:
        if text == READY:
            self._open = True
            for pending in self._pending:
                self._write(pending)
            self._pending.clear()
            return
        message = json.loads(text)
        if "id" in message:
            if "error" in message:
                log.warning("preview: DevTools said %s", message["error"].get("message"))
            callback = self._replies.pop(message["id"], None)
            if callback is not None:
                callback(message.get("result", {}))
        elif "method" in message:
            self.event_received.emit(message["method"], message.get("params", {}))
