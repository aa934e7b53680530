"""The preview's command line verb: `shots`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from designer.preview import forecast_verb


def cmd_shots(args: argparse.Namespace) -> int:
    # Headless: no display needed; QtWebEngine's sandbox cannot run as root.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags:
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox --disable-gpu".strip()
    from designer.preview.scheme import register_scheme

    register_scheme()
    from PySide6.QtWidgets import QApplication

    from designer.models.store import Store, default_store_path
    from designer.preview.shots import render_shots

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(
            f"engagement-designer: {out} is a file; give a folder for the shots.", file=sys.stderr
        )
        return 2
    store = Store.open(getattr(args, "store", None) or default_store_path())
    try:
        written = render_shots(store, out)
    finally:
        store.close()
    app.processEvents()
    print(f"Wrote {len(written)} shots to {out}.")
    return 0


def register(verb: Callable[..., argparse.ArgumentParser]) -> None:
    sp = verb("shots", cmd_shots, "render a PNG of every published engagement in every viewport")
    sp.add_argument("--out", required=True, help="folder the PNG files are written to")
    forecast_verb.register(verb)
