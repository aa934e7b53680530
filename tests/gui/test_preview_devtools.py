"""The preview's mobile emulation opens no door: no listening socket, no file:// beyond the page.

Emulation talks DevTools protocol to the page in-process; these tests list every socket
the app's process listens on while a phone preview runs (there must be none), and try
to read local files from a preview page as a hostile host page would.
"""

from __future__ import annotations

import json
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from designer.preview.profiles import PHONE
from designer.preview.served_files import LOCAL_HOST, SITE_HOST, page_url

pytestmark = pytest.mark.browser


def _listening() -> list[str]:
    """Every TCP or UDP socket this process listens on, as "address:port"."""
    found = []
    for c in psutil.Process().net_connections(kind="inet"):
        if c.status == psutil.CONN_LISTEN or (c.type == 2 and c.laddr and not c.raddr):
            found.append(f"{c.laddr.ip}:{c.laddr.port}")
    return found


@pytest.fixture
def phone(qapp, store):
    from designer.preview.browser import PreviewBrowser
    from designer.preview.engine import PreviewEngine

    engine = PreviewEngine(store)
    browser = PreviewBrowser(engine, PHONE, pixel_ratio=PHONE.device_pixel_ratio)
    browser.show()
    yield engine, browser
    browser.close()
    browser.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_phone_preview_emulates_the_device_with_no_socket_listening(phone) -> None:
    _engine, browser = phone
    assert browser.load_now(page_url(SITE_HOST, "/index.html"))
    device = json.loads(
        browser.evaluate(
            "JSON.stringify([innerWidth, devicePixelRatio, navigator.maxTouchPoints,"
            " matchMedia('(pointer: coarse)').matches])"
        )
    )
    assert device == [PHONE.width, PHONE.device_pixel_ratio, 1, True]
    assert browser.capture_png_now().startswith(b"\x89PNG")  # a screenshot over the same channel
    assert _listening() == []


def test_a_host_page_reads_no_local_file_but_its_own(phone, tmp_path: Path) -> None:
    engine, browser = phone
    secret = tmp_path / "secret.txt"
    secret.write_text("not for web pages")
    host = tmp_path / "site" / "host.html"
    host.parent.mkdir()
    host.write_text("<!doctype html><title>Host</title><p>My shop</p>")
    engine.files.local_file = host
    assert browser.load_now(page_url(LOCAL_HOST, "/host.html"))
    assert browser.evaluate("document.title") == "Host"
    tries = {
        "file": f"file://{secret}",
        "system file": "file:///etc/hostname",
    }
    browser.evaluate(
        "window.__read = {};"
        + "".join(
            f"fetch({json.dumps(url)}).then(r => r.text()).then("
            f"t => window.__read[{json.dumps(name)}] = t, e => window.__read[{json.dumps(name)}] = 'refused');"
            for name, url in tries.items()
        )
    )
    done = browser.wait_until(f"Object.keys(window.__read).length === {len(tries)}", 10_000)
    assert done, browser.evaluate("JSON.stringify(window.__read)")
    read = json.loads(browser.evaluate("JSON.stringify(window.__read)"))
    assert "not for web pages" not in json.dumps(read)
    assert read == {"file": "refused", "system file": "refused"}
    assert engine.files.serve(LOCAL_HOST, "/../secret.txt") is None  # nor through the scheme
