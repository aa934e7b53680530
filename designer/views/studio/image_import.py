"""Image files a designer drops or chooses, through the bundle's image pipeline, into the store.

No Qt here: it returns the cleaned image, or raises ImageError whose str() is
the sentence to show (a broken, foreign or unreadable file never crashes).
"""

from __future__ import annotations

from pathlib import Path

from designer.bundle.images import CleanImage, ImageError, clean_image
from designer.models.assets import Asset, add_asset
from designer.models.errors import StoreError
from designer.models.store import Store

MAX_FILE_BYTES = 25 * 1024 * 1024  # refuse before reading it all; the pipeline allows 20 MB


def read_image_file(path: Path) -> CleanImage:
    name = path.name or str(path)
    try:
        if not path.is_file():
            raise ImageError(f"{name} is not a file; drop or choose an image file.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImageError(f"{name} is larger than 20 MB; save a smaller copy and use that.")
        data = path.read_bytes()
    except PermissionError:
        raise ImageError(f"{name} cannot be read: you do not have permission to open it.") from None
    except OSError as e:
        raise ImageError(f"{name} cannot be read ({e.strerror or e}); try another copy.") from None
    if not data:
        raise ImageError(f"{name} is empty; choose a PNG, JPEG, WebP or GIF image.")
    return clean_image(data, name)


def store_image_file(store: Store, path: str | Path) -> str:
    """Put the image file at path in the store as an asset; its `asset:` reference.

    Raises ImageError or StoreError, each a sentence to show.
    """
    path = Path(path)
    image = read_image_file(path)
    with store.edit() as s:
        return add_asset(s, path.name, image.mime, image.data).ref


def read_asset(store: Store, sha256: str) -> bytes | None:
    """An asset's bytes, or None when the store no longer holds it or cannot be read."""
    try:
        with store.read() as s:
            asset = s.get(Asset, sha256)
            return asset.data if asset is not None else None
    except StoreError:
        return None
