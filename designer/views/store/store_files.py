"""File > New store, Open, Connect to a team store, Open recent and Save a copy: which store
the window shows. Recent lists files and team stores (their URLs without a password)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from sqlalchemy import make_url

from designer.models.errors import StoreError
from designer.models.migrate import backup
from designer.models.store import Store
from designer.views.shell.sentences import TITLE, show_error
from designer.views.store.connect_dialog import (
    ConnectDialog,
    is_team_url,
    save_password,
    saved_password,
    without_password,
)
from designer.views.store.store_lock import StoreLock

FILTER = "Campaign stores (*.sqlite *.db);;All files (*)"
RECENT_KEY, RECENT_MAX = "stores/recent", 8


def recent_stores() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    return [value] if isinstance(value, str) else list(value or [])


def remember(target: Path | str | None) -> None:
    """Put a store first in Recent: a file's path, or a team store's URL without its password."""
    if target is None:
        return
    item = without_password(target) if is_team_url(str(target)) else str(target)
    items = [item] + [p for p in recent_stores() if p != item]
    QSettings().setValue(RECENT_KEY, items[:RECENT_MAX])


def open_locked(
    parent: QWidget | None, target: str | Path, seed: bool = True
) -> tuple[Store, StoreLock, bool] | None:
    """Open a store, taking its lock; another holder means read-only (if the designer agrees)."""
    path = Path(target).expanduser().resolve() if "://" not in str(target) else None
    lock = StoreLock(path)
    read_only = False
    if not lock.acquired:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            TITLE,
            f"{path.name} is already open in another Engagement Designer window ({lock.holder()}).",
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setInformativeText(
            "Open it read-only here, to look without changing it? "
            "Two windows editing one store could undo each other's work."
        )
        look = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not look:
            return None
        read_only = True
    try:
        store = Store.open(target, seed=seed)
    except StoreError as e:
        lock.release()
        show_error(parent, str(e))
        return None
    except OSError as e:  # what the command line says of it (the app opens it in the window)
        lock.release()
        where = f" ({e.filename})" if e.filename else ""
        show_error(parent, f"{e.strerror or e}{where}. Check the path and try again.")
        return None
    remember(store.path or store.engine.url)
    return store, lock, read_only


def new_store(window) -> None:  # noqa: ANN001 - the MainWindow
    name, _ = QFileDialog.getSaveFileName(
        window, "Make a new campaign store", "campaigns.sqlite", FILTER
    )
    if not name:
        return
    path = Path(name)
    if path.exists() and path.stat().st_size > 0:
        show_error(window, f"{path.name} already exists; choose a new file name for the new store.")
        return
    switch_to(window, path, seed=False)


def open_store(window, path: str | None = None) -> None:  # noqa: ANN001
    path = path or QFileDialog.getOpenFileName(window, "Open a campaign store", "", FILTER)[0]
    if path and is_team_url(path):
        connect_team_store(window, path)
    elif path:
        switch_to(window, Path(path))


def connect_team_store(window, known: str | None = None) -> bool:  # noqa: ANN001
    """Open a team store: from Recent (known, password from the keyring) or the dialog."""
    if known:
        url = make_url(known)
        if url.password is None:
            password = saved_password(url)
            url = url.set(password=password) if password else url
        if url.password is not None and switch_to(window, url.render_as_string(False)):
            return True
    dialog = ConnectDialog(window, known)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        url = dialog.url()
        if switch_to(window, url.render_as_string(hide_password=False)):
            if dialog.remember.isChecked() and url.password:
                save_password(url, url.password)
            return True
    return False


def _shown_already(window, target: Path | str) -> bool:  # noqa: ANN001 - the MainWindow
    """Whether target is the store the window shows (none while the first one is opening,
    or when it could not be opened)."""
    store = window.store
    if store is None:
        return False
    if isinstance(target, Path):
        return store.path is not None and target.resolve() == store.path
    return store.path is None and without_password(target) == without_password(store.engine.url)


def switch_to(window, target: Path | str, seed: bool = True) -> bool:  # noqa: ANN001
    """Show the store at target (a file, or a team store's URL); False when it did not open."""
    if _shown_already(window, target):
        return True
    opened = open_locked(window, target, seed)
    if opened is None:
        return False
    window.set_store(*opened)
    return True


def save_copy(window, name: str | None = None) -> bool:  # noqa: ANN001
    if window.store.path is None:
        show_error(
            window, "This store lives on a database server; ask its administrator for a copy."
        )
        return False
    name = (
        name
        or QFileDialog.getSaveFileName(
            window, "Save a copy of the store", f"Copy of {window.store.label}", FILTER
        )[0]
    )
    if not name:
        return False
    target = Path(name)
    if target.resolve() == window.store.path:
        show_error(window, "A copy cannot replace the store itself; choose another file name.")
        return False
    try:
        if target.exists():
            target.unlink()
        backup(window.store.path, target)
    except OSError as e:
        show_error(
            window,
            f"The copy could not be written to {target} ({e.strerror or e}). Choose another place.",
        )
        return False
    except sqlite3.Error as e:
        show_error(window, f"The copy could not be made: {e}. The store itself is unchanged.")
        return False
    window.statusBar().showMessage(f"Saved a copy as {target}.")
    return True
