"""Pictures the canvas draws, by the value of an image property (asset reference or file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QPixmap

from designer.models.assets import sha256_of_ref


class PixmapCache:
    """Loads each picture once; `asset_bytes(sha256)` reads an asset from the store."""

    def __init__(self, asset_bytes: Callable[[str], bytes | None] | None = None) -> None:
        self._asset_bytes = asset_bytes
        self._pixmaps: dict[str, QPixmap] = {}

    def get(self, src: str) -> QPixmap | None:
        """The picture src names, or None when there is none or it cannot be read."""
        if not src:
            return None
        if src not in self._pixmaps:
            self._pixmaps[src] = self._load(src)
        pixmap = self._pixmaps[src]
        return None if pixmap.isNull() else pixmap

    def _load(self, src: str) -> QPixmap:
        pixmap = QPixmap()
        sha = sha256_of_ref(src)
        if sha is not None:
            data = self._asset_bytes(sha) if self._asset_bytes else None
            if data:
                pixmap.loadFromData(data)
        elif Path(src).is_file():
            pixmap.load(src)
        return pixmap
