"""The page addresses of a sitemap.xml, read safely: a size cap, and no DTD or entities at all."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

MAX_BYTES = 10 * 1024 * 1024  # the sitemap protocol's own limit (uncompressed)
MAX_URLS = 50_000  # likewise
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class SitemapError(ValueError):
    """A sentence saying why the file gives no addresses, and what to do."""


def sitemap_urls(path: Path) -> list[str]:
    """The <loc> addresses of the sitemap at path, in order."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SitemapError(
                f"{path.name} is larger than 10 MB, the most a sitemap may be; "
                "load one of its parts instead."
            )
        data = path.read_bytes()
    except OSError as e:
        raise SitemapError(f"{path.name} cannot be read ({e.strerror}).") from None
    return sitemap_urls_from(data, path.name)


def sitemap_urls_from(data: bytes, name: str = "The file") -> list[str]:
    # A DTD could define entities that expand without end; a sitemap never needs one.
    if _DTD.search(data):
        raise SitemapError(f"{name} declares a DTD or entities, which a sitemap does not use.")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise SitemapError(f"{name} is not readable XML ({e}); is it a sitemap.xml?") from None
    tag = root.tag.rsplit("}", 1)[-1]
    locs = [
        (el.text or "").strip()
        for el in root.iter()
        if el.tag.rsplit("}", 1)[-1] == "loc" and (el.text or "").strip()
    ]
    if tag == "sitemapindex":
        raise SitemapError(
            f"{name} is a sitemap index: it lists {len(locs)} sitemaps, not pages. "
            "Load one of them, e.g. " + (locs[0] if locs else "the first") + "."
        )
    if tag != "urlset":
        raise SitemapError(f"{name} is XML but not a sitemap (no <urlset>).")
    return locs[:MAX_URLS]
