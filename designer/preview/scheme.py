"""The preview's URL scheme: registered before the QApplication, served from PreviewFiles.

`register_scheme()` must run before the QApplication is constructed (Qt's
rule for custom schemes); the app's `run_app` and the tests' setup call it.
It also opens QtWebEngine's DevTools endpoint on 127.0.0.1 at a free port,
which the preview uses for true mobile emulation. Neither starts QtWebEngine:
that happens when a preview is first shown.
"""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from designer.preview.served_files import SCHEME, PreviewFiles

log = logging.getLogger(__name__)
DEVTOOLS_ENV = "QTWEBENGINE_REMOTE_DEBUGGING"
FLAGS_ENV = "QTWEBENGINE_CHROMIUM_FLAGS"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def register_scheme() -> None:
    """Register ed-preview:// and the DevTools endpoint; call before QApplication exists."""
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    flag = QWebEngineUrlScheme.Flag
    # Not LocalAccessAllowed: a preview page may not read file:// URLs.
    scheme.setFlags(flag.SecureScheme | flag.CorsEnabled | flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    os.environ.setdefault(DEVTOOLS_ENV, f"127.0.0.1:{_free_port()}")
    # Web pages (which always send an Origin) may not drive the endpoint; our socket sends none.
    flags = os.environ.get(FLAGS_ENV, "")
    if "--remote-allow-origins" not in flags:
        os.environ[FLAGS_ENV] = f"{flags} --remote-allow-origins=http://127.0.0.1".strip()


def scheme_registered() -> bool:
    return bool(QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name())


def devtools_address() -> tuple[str, int] | None:
    """Where QtWebEngine's DevTools endpoint listens, or None when it was not opened."""
    value = os.environ.get(DEVTOOLS_ENV, "")
    host, _, port = value.rpartition(":")
    if not port.isdigit():
        return None
    return host or "127.0.0.1", int(port)


class PreviewSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers ed-preview:// requests from a PreviewFiles."""

    def __init__(self, files: PreviewFiles, parent=None) -> None:  # noqa: ANN001 - QObject
        super().__init__(parent)
        self.files = files

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt override
        url = job.requestUrl()
        served = self.files.serve(url.host(), url.path() or "/")
        if served is None:
            log.info("preview: no file for %s", url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        # Pages opened from a typed URL load the bundle across origins, with integrity.
        job.setAdditionalResponseHeaders(
            {
                QByteArray(b"Access-Control-Allow-Origin"): QByteArray(b"*"),
                QByteArray(b"Cache-Control"): QByteArray(b"no-store"),
            }
        )
        buffer = QBuffer(job)
        buffer.setData(QByteArray(served.body))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(served.mime.encode(), buffer)
