"""Bundle files: content-hashed names, integrity values, mime types, deterministic zips.

Also what a bundle's file names may look like, which export (to replace an
old bundle safely) and import (to refuse anything else) both rely on.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from io import BytesIO
from pathlib import PurePosixPath

HASH_DIGITS = 10
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
ZIP_MODE = 0o100644  # a regular file, rw-r--r--
INSTALL = "install.html"

# Every name a bundle may hold; anything else in a bundle is refused on import.
BUNDLE_NAME = re.compile(
    r"^(install\.html"
    r"|(tag|draw|window)\.[0-9a-f]{10}\.js"
    r"|engagements\.[0-9a-f]{10}\.(json|css)"
    r"|images/[0-9a-f]{10}(@2x)?\.(png|jpg|webp))$"
)
HASHED = re.compile(r"(?:^|/)(?:[a-z]+\.)?([0-9a-f]{10})(?:@2x)?\.[a-z]+$")

MIME_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".webp": "image/webp",
}


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_DIGITS]


def hashed_name(stem: str, extension: str, data: bytes) -> str:
    """'tag.1a2b3c4d5e.js': the name changes whenever the content does."""
    return f"{stem}.{short_hash(data)}.{extension}"


def integrity(data: bytes) -> str:
    """The subresource integrity value browsers check before using a file."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")


def mime_type(path: str) -> str:
    """The Content-Type a bundle file is served with (octet-stream for anything else)."""
    return MIME_TYPES.get(PurePosixPath(path).suffix.lower(), "application/octet-stream")


def name_matches_content(name: str, data: bytes) -> bool:
    """Whether the hash a file's name holds is its content's (names without one pass)."""
    if "@2x." in name:
        return True  # a 2x image is named after its 1x image
    match = HASHED.search(name)
    return match is None or match.group(1) == short_hash(data)


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """The bundle as a zip whose bytes depend only on the files: fixed times, modes, order."""
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.create_system = 3
            info.external_attr = ZIP_MODE << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name], compresslevel=9)
    return out.getvalue()


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"
