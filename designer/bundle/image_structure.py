"""Whether an image file holds pixels only: its chunks and markers, read as bytes.

Pillow ignores chunks it does not know and bytes after the end of an image,
so metadata could hide there; walking the file's structure finds them.
The walk also bounds what decoding costs: every chunk or segment is a step
of Python in Pillow's reader, and a progressive JPEG is worked through once
per scan, so a file of a million empty chunks or a thousand scans (a few MB,
minutes to decode) is not one the pipeline writes.
"""

from __future__ import annotations

import re
import struct

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
# Start of frame, Huffman and quantization tables, restart interval, start of scan.
JPEG_SEGMENTS = {0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD, 0xDA}
# In entropy-coded data a marker is 0xFF not followed by a stuffed 0x00 or a restart (RSTn).
_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7]")
WEBP_CHUNKS = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}
MAX_PARTS = 10_000  # chunks or segments of one file; an encoder writes tens to thousands
MAX_SCANS = 64  # of a JPEG; a progressive one has about ten


def _png_is_clean(data: bytes) -> bool:
    if not data.startswith(PNG_SIGNATURE):
        return False
    at = len(PNG_SIGNATURE)
    for _ in range(MAX_PARTS):
        if at + 8 > len(data):
            return False
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        if kind not in PNG_CHUNKS:
            return False
        at += 12 + length
        if kind == b"IEND":
            return at == len(data)
    return False


def _skip_scan(data: bytes, at: int) -> int:
    """The offset of the first marker after entropy-coded data starting at at."""
    found = _MARKER.search(data, at)
    return found.start() if found else len(data)


def _jpeg_is_clean(data: bytes) -> bool:
    if not data.startswith(b"\xff\xd8"):
        return False
    at, scans = 2, 0
    for _ in range(MAX_PARTS):
        if at + 2 > len(data) or data[at] != 0xFF:
            return False
        marker = data[at + 1]
        if marker == 0xD9:
            return at + 2 == len(data)
        if at + 4 > len(data):
            return False
        length = struct.unpack(">H", data[at + 2 : at + 4])[0]
        if marker == 0xE0:
            if data[at + 4 : at + 9] != b"JFIF\x00":
                return False
        elif marker not in JPEG_SEGMENTS:
            return False
        at += 2 + length
        if marker == 0xDA:
            scans += 1
            if scans > MAX_SCANS:
                return False
            at = _skip_scan(data, at)
    return False


def _webp_is_clean(data: bytes) -> bool:
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        return False
    if struct.unpack("<I", data[4:8])[0] + 8 != len(data):
        return False
    at = 12
    for _ in range(MAX_PARTS):
        if at + 8 > len(data):
            return at == len(data)
        kind, length = struct.unpack("<4sI", data[at : at + 8])
        if kind not in WEBP_CHUNKS:
            return False
        at += 8 + length + (length & 1)
    return at == len(data)


def is_clean(data: bytes, fmt: str) -> bool:
    """Whether data (of Pillow format fmt) carries pixels and nothing else."""
    check = {"PNG": _png_is_clean, "JPEG": _jpeg_is_clean, "WEBP": _webp_is_clean}.get(fmt)
    return bool(check and check(data))
