"""The preview's command line verb: `shots`."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from designer.bundle.cli_verbs import fail

if TYPE_CHECKING:
    from designer.models.store import Store

from designer.preview import forecast_verb


def cmd_shots(args: argparse.Namespace) -> int:
    from designer.models.errors import StoreError
    from designer.models.store_target import chosen, open_existing, stat_or_none

    out = Path(args.out).expanduser()
    try:
        st = stat_or_none(out)
        if st is not None and not stat.S_ISDIR(st.st_mode):
            return fail(f"{out} is not a folder; give a folder for the shots.")
        store = open_existing(chosen(getattr(args, "store", None)))
    except StoreError as e:
        return fail(str(e))
    try:
        return _render(store, out)
    finally:
        store.close()


def _render(store: Store, out: Path) -> int:
    # Headless: never a display, and QtWebEngine's sandbox cannot run as root.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from designer.preview.engine_flags import settle_flags
    from designer.preview.scheme import register_scheme

    settle_flags(headless=True)
    register_scheme()
    from PySide6.QtWidgets import QApplication

    from designer.preview.shots import render_shots

    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        written = render_shots(store, out)
    except OSError as e:
        return fail(f"The shots could not be written to {out} ({e.strerror or e}).")
    app.processEvents()
    print(f"Wrote {len(written)} shots to {out}.")
    return 0


def register(verb: Callable[..., argparse.ArgumentParser]) -> None:
    sp = verb("shots", cmd_shots, "render a PNG of every published engagement in every viewport")
    sp.add_argument("--out", required=True, help="folder the PNG files are written to")
    forecast_verb.register(verb)
