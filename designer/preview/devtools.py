"""A DevTools protocol session with one QtWebEngine page, inside this process: no endpoint.

QtWebEngine attaches a DevTools frontend page to the inspected page through
`QWebEnginePage.setDevToolsPage`; the two talk in-process (no port, no pipe, so
no other program on the machine can reach either). The frontend page is never
shown and its DevTools app never starts: a script of ours, put in the page as it
is made, sends our protocol commands through the frontend's channel
(`DevToolsHost.sendMessageToEmbedder`) and hands the replies back as console
messages, which this session reads.

QtWebEngine runs Chromium's UI thread on Qt's main thread, so everything here is
asynchronous: commands wait until the frontend has loaded, replies arrive later.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

log = logging.getLogger(__name__)
Reply = Callable[[dict[str, Any]], None]

FIRST_ID = 1  # no frontend app runs: every command on the channel is ours
MARK = "\u0001ed-devtools:"
# Runs as the frontend page is made, before its own scripts: it stops the DevTools app
# from loading (it would reset the emulation as it starts), answers the calls the
# embedder makes into the frontend, and turns the replies into console messages.
CHANNEL = """
window.stop();
const edApi = {
  dispatchMessage(message) {
    console.log(MARK + (typeof message === 'string' ? message : JSON.stringify(message)));
  },
  dispatchMessageChunk(chunk) { console.log(MARK + chunk); },
};
window.DevToolsAPI = new Proxy(edApi, {get: (t, k) => (k in t ? t[k] : function () {})});
window.__edSend = function (text) {
  DevToolsHost.sendMessageToEmbedder(
    JSON.stringify({id: 0, method: 'dispatchProtocolMessage', params: [text]}));
};
""".replace("MARK", json.dumps(MARK))


class _FrontendPage(QWebEnginePage):
    """The hidden DevTools frontend; passes the replies it logs to its session."""

    def __init__(self, session: DevToolsSession) -> None:
        super().__init__(session)
        self._session = session
        script = QWebEngineScript()
        script.setName("designer-devtools-channel")
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
        script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
        script.setRunsOnSubFrames(False)
        script.setSourceCode(CHANNEL)
        self.scripts().insert(script)

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: ANN001, N802 - Qt override
        if message.startswith(MARK):
            self._session._on_message(message[len(MARK) :])


class DevToolsSession(QObject):
    """Sends protocol commands to a page; commands wait until the frontend is ready."""

    def __init__(self, page: QWebEnginePage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._next_id = FIRST_ID
        self._pending: list[str] = []
        self._replies: dict[int, Reply] = {}
        self._ready = False
        self._frontend = _FrontendPage(self)
        self._frontend.loadStarted.connect(self._on_frontend_loading)
        self._frontend.loadFinished.connect(self._on_frontend_loaded)
        page.setDevToolsPage(self._frontend)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        on_reply: Reply | None = None,
    ) -> None:
        self._next_id += 1
        if on_reply is not None:
            self._replies[self._next_id] = on_reply
        text = json.dumps({"id": self._next_id, "method": method, "params": params or {}})
        if self._ready:
            self._post(text)
        else:
            self._pending.append(text)

    def close(self) -> None:
        self._ready = False
        self._pending.clear()

    def _post(self, text: str) -> None:
        script = f"window.__edSend ? (window.__edSend({json.dumps(text)}), true) : false"
        self._frontend.runJavaScript(script, 0, lambda sent: self._on_posted(text, sent))

    def _on_posted(self, text: str, sent: object) -> None:
        # The frontend reloads when the inspected page changes renderer: say it again there.
        if not sent:
            self._ready = False
            self._pending.append(text)

    def _on_frontend_loading(self) -> None:
        self._ready = False

    def _on_frontend_loaded(self, _ok: bool) -> None:
        # Not ok, as the channel script stopped the page: what matters is the channel.
        self._frontend.runJavaScript("typeof window.__edSend === 'function'", 0, self._on_hooked)

    def _on_hooked(self, hooked: object) -> None:
        if not hooked:
            log.warning("preview: the DevTools frontend has no channel; mobile emulation is off")
            return
        self._ready = True
        for text in self._pending:
            self._post(text)
        self._pending.clear()

    def _on_message(self, text: str) -> None:
        message = json.loads(text)
        callback = self._replies.pop(message.get("id"), None)
        if "error" in message:
            log.warning("preview: DevTools said %s", message["error"].get("message"))
        if callback is not None:
            callback(message.get("result", {}))
