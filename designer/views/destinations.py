"""Where a store's bundles were last written (publish and export), remembered per store."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings

from designer.models.store import Store


def _key(store: Store, kind: str) -> str:
    # The store's path or URL label, hashed: a QSettings key must not hold slashes.
    identity = str(store.path) if store.path is not None else store.label
    return f"destinations/{kind}-{hashlib.sha256(identity.encode()).hexdigest()[:16]}"


def last_destination(store: Store, kind: str) -> str:
    """The folder or .zip the store's last `kind` ("publish" or "export") went to, or ""."""
    return str(QSettings().value(_key(store, kind), "") or "")


def remember_destination(store: Store, kind: str, path: str) -> None:
    QSettings().setValue(_key(store, kind), path)
