"""The preview's URL scheme: registered before the QApplication, served from PreviewFiles.

`register_scheme()` must run before the QApplication is constructed (Qt's
rule for custom schemes); the app's `run_app` and the tests' setup call it.
It also settles the flags QtWebEngine starts with (engine_flags.py: no DevTools
endpoint, V8 as the forecast needs it). Neither starts
QtWebEngine: that happens when a preview is first shown.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from designer.preview.engine_flags import settle_flags
from designer.preview.served_files import SCHEME, PreviewFiles

log = logging.getLogger(__name__)


def register_scheme() -> None:
    """Register ed-preview:// (and settle QtWebEngine's flags: engine_flags.py); call before
    the QApplication exists."""
    settle_flags()
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    flag = QWebEngineUrlScheme.Flag
    # Not LocalAccessAllowed: a preview page may not read file:// URLs.
    scheme.setFlags(flag.SecureScheme | flag.CorsEnabled | flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def scheme_registered() -> bool:
    return bool(QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name())


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
