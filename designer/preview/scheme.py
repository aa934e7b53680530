"""The preview's URL scheme: registered before the QApplication, served from PreviewFiles.

`register_scheme()` must run before the QApplication is constructed (Qt's
rule for custom schemes); the app's `run_app` and the tests' setup call it.
It also makes sure QtWebEngine opens no DevTools endpoint (the preview's mobile
emulation speaks to its pages in-process, see devtools.py). Neither starts
QtWebEngine: that happens when a preview is first shown.
"""

from __future__ import annotations

import logging
import os
import re

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
# Chromium flags that would open a DevTools endpoint any local process could drive.
_ENDPOINT_FLAGS = re.compile(r"--remote-debugging-(port|address|pipe)(=\S*)?")


def _no_devtools_endpoint() -> None:
    """Drop what would make QtWebEngine listen for DevTools clients (an inherited setting)."""
    if os.environ.pop(DEVTOOLS_ENV, None) is not None:
        log.info("preview: %s ignored; the app opens no DevTools endpoint", DEVTOOLS_ENV)
    flags = os.environ.get(FLAGS_ENV, "")
    if _ENDPOINT_FLAGS.search(flags):
        os.environ[FLAGS_ENV] = " ".join(_ENDPOINT_FLAGS.sub("", flags).split())
        log.info("preview: remote debugging flags ignored; the app opens no DevTools endpoint")


def register_scheme() -> None:
    """Register ed-preview:// (and open no DevTools endpoint); call before QApplication exists."""
    _no_devtools_endpoint()
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
