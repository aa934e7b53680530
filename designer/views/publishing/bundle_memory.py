"""What the app remembers per store of the bundles it wrote: where, and the site's campaigns.

Kept in the user's settings (QSettings), keyed by the store's path or URL.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

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


def last_site(store: Store) -> list[dict[str, Any]]:
    """The campaigns ([{"id", "name"}]) of the site bundle last published from store."""
    try:
        value = json.loads(str(QSettings().value(_key(store, "site"), "[]") or "[]"))
    except ValueError:
        return []  # settings edited by hand: no memory rather than a crash
    return value if isinstance(value, list) else []


def remember_site(store: Store, campaigns: list[dict[str, Any]]) -> None:
    QSettings().setValue(_key(store, "site"), json.dumps(campaigns))
