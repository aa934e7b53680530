"""A phone preview in a process of its own, as the app shows one: for tests that look at
the process from outside (its sockets). python -m tests.gui.phone_preview STORE prints one
JSON line (loaded, the page's device figures, whether a screenshot came back), then keeps
the preview open until its standard input closes."""

from __future__ import annotations

import json
import sys

from designer.preview.scheme import register_scheme

DEVICE_JS = (
    "JSON.stringify([innerWidth, devicePixelRatio, navigator.maxTouchPoints,"
    " matchMedia('(pointer: coarse)').matches])"
)


def main(store_path: str) -> None:
    register_scheme()
    from PySide6.QtWidgets import QApplication

    from designer.models.store import Store
    from designer.preview.browser import PreviewBrowser
    from designer.preview.engine import PreviewEngine
    from designer.preview.profiles import PHONE
    from designer.preview.served_files import SITE_HOST, page_url

    app = QApplication([])
    store = Store.open(store_path)
    engine = PreviewEngine(store)
    browser = PreviewBrowser(engine, PHONE, pixel_ratio=PHONE.device_pixel_ratio)
    browser.show()
    loaded = browser.load_now(page_url(SITE_HOST, "/"))
    device = json.loads(browser.evaluate(DEVICE_JS) or "null")
    png = browser.capture_png_now()[:8] == b"\x89PNG\r\n\x1a\n"
    print(json.dumps({"loaded": loaded, "device": device, "png": png}), flush=True)
    sys.stdin.read()  # the test lists this process's sockets meanwhile
    browser.close()
    del browser, engine, app
    store.close()


if __name__ == "__main__":
    main(sys.argv[1])
