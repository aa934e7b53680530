"""The Chromium flags the app's QtWebEngine starts with, settled before it starts.

QtWebEngine reads QTWEBENGINE_CHROMIUM_FLAGS once, when its first page or
profile is made, for every page of the process. `settle_flags()` runs before
that (from `register_scheme()`, and from the command line's headless verbs):
- it drops what would open a DevTools endpoint any local process could drive
  (an inherited setting): the preview's mobile emulation speaks to its pages
  in-process (devtools.py);
- it turns off V8's middle compiler, Maglev. In QtWebEngine 6.11's V8, Maglev's
  code for the tag's decisions is thrown away and made again on every visitor-
  page of a forecast ("storing to a constant field", thousands of times per
  10,000 pages): the engines spent a third of their CPU on it. Without Maglev, V8
  goes from its baseline code straight to TurboFan, which keeps its code
  (`make bench ONLY=bench_forecast` prints the figures). A page the preview shows
  runs the tag a few times a second and does not feel the difference;
- headless and as root, it adds what QtWebEngine needs to start there (no sandbox, no GPU).
"""

from __future__ import annotations

import logging
import os
import re

log = logging.getLogger(__name__)
DEVTOOLS_ENV = "QTWEBENGINE_REMOTE_DEBUGGING"
FLAGS_ENV = "QTWEBENGINE_CHROMIUM_FLAGS"
V8_FLAGS = ("--no-maglev",)
# Chromium flags that would open a DevTools endpoint any local process could drive.
_ENDPOINT_FLAGS = re.compile(r"--remote-debugging-(port|address|pipe)(=\S*)?")
_JS_FLAGS = re.compile(r"--js-flags=(\S*)")


def _no_devtools_endpoint(flags: str) -> str:
    if os.environ.pop(DEVTOOLS_ENV, None) is not None:
        log.info("preview: %s ignored; the app opens no DevTools endpoint", DEVTOOLS_ENV)
    if _ENDPOINT_FLAGS.search(flags):
        log.info("preview: remote debugging flags ignored; the app opens no DevTools endpoint")
        return _ENDPOINT_FLAGS.sub("", flags)
    return flags


def _with_v8_flags(flags: str) -> str:
    """flags with V8_FLAGS added to its --js-flags (one is made when there is none)."""
    found = _JS_FLAGS.search(flags)
    given = [f for f in found.group(1).split(",") if f] if found else []
    wanted = ",".join(given + [f for f in V8_FLAGS if f not in given])
    if found:
        return f"{flags[: found.start()]}--js-flags={wanted}{flags[found.end() :]}"
    return f"{flags} --js-flags={wanted}"


def settle_flags(headless: bool = False) -> None:
    """Set QTWEBENGINE_CHROMIUM_FLAGS for this process's QtWebEngine (see the module)."""
    flags = _with_v8_flags(_no_devtools_endpoint(os.environ.get(FLAGS_ENV, "")))
    if headless and hasattr(os, "geteuid") and os.geteuid() == 0:
        flags += "" if "--no-sandbox" in flags else " --no-sandbox --disable-gpu"
    os.environ[FLAGS_ENV] = " ".join(flags.split())
