"""What the preview's URL scheme serves: host pages and the bundle, as (mime type, bytes).

Qt-free, so it is tested and reasoned about without a browser. Hosts:
`site` is the built-in sample store, `site-no-meta` the same pages without
their viewport meta tag, `local` the folder of a local HTML file the designer
chose. On every host, /_engagements/ holds the bundle built from the store,
and each HTML page gets the bundle's install snippet before </head>, as a
site owner would paste it.
"""

from __future__ import annotations

import json
import mimetypes
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from designer.bundle.files import integrity
from designer.bundle.files import mime_type as bundle_mime_type
from designer.models.url_match import in_entry_point, parse_url

SCHEME = "ed-preview"
SITE_HOST = "site"
NO_META_HOST = "site-no-meta"
LOCAL_HOST = "local"
BUNDLE_PREFIX = "/_engagements/"

_VIEWPORT_META = re.compile(rb"<meta\s+name=[\"']viewport[\"'][^>]*>\s*", re.IGNORECASE)
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class SamplePage:
    key: str
    label: str
    path: str
    file: str


SAMPLE_PAGES: tuple[SamplePage, ...] = (
    SamplePage("home", "Home", "/", "home.html"),
    SamplePage("product", "Product", "/product/winter-jacket", "product.html"),
    SamplePage("cart", "Cart", "/cart", "cart.html"),
    SamplePage("checkout", "Checkout", "/checkout", "checkout.html"),
    SamplePage("help", "Help centre", "/help", "help.html"),
)


def sample_page(key: str) -> SamplePage:
    return next(p for p in SAMPLE_PAGES if p.key == key)


def page_url(host: str, path: str) -> str:
    return f"{SCHEME}://{host}{path}"


def _sample_file(path: str) -> str | None:
    """The sample site's file for a URL path: every product and help page shares one file."""
    if path in ("/", "/index.html"):
        return "home.html"
    if path == "/site.css":
        return "site.css"
    for prefix, name in (("/product/", "product.html"), ("/checkout", "checkout.html")):
        if path.startswith(prefix):
            return name
    for page, name in (("/cart", "cart.html"), ("/help", "help.html")):
        if path == page or path.startswith(page + "/"):
            return name
    return None


def _read_sample(name: str) -> bytes:
    return resources.files("designer.preview").joinpath("sample_site", name).read_bytes()


def mime_type(path: str) -> str:
    """The type a page's file is served as (without parameters: Qt takes a bare type)."""
    if path.startswith(BUNDLE_PREFIX):
        return bundle_mime_type(path).split(";")[0]
    guess = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return "text/javascript" if guess == "application/javascript" else guess


def _page_asset(name: str) -> bool:
    """Whether a file is of a kind web pages load (a page, style, script, image, font, media)."""
    mime = mime_type(name)
    return mime in ("text/html", "text/css", "text/javascript", "application/json") or (
        mime.split("/")[0] in ("image", "font", "audio", "video")
    )


@dataclass(frozen=True)
class Served:
    mime: str
    body: bytes


class PreviewFiles:
    """The files behind the preview scheme; the bundle is replaced on every store change."""

    def __init__(self) -> None:
        self.bundle: dict[str, bytes] = {}
        self.local_file: Path | None = None

    def set_bundle(self, files: dict[str, bytes]) -> None:
        self.bundle = dict(files)

    def bundle_file(self, prefix: str, suffix: str) -> str | None:
        """The bundle's file named prefix<hash>suffix (e.g. "tag.", ".js"), or None."""
        names = (n for n in sorted(self.bundle) if n.startswith(prefix) and n.endswith(suffix))
        return next(names, None)

    def code_names(self) -> set[str]:
        """The bundle's code and styles (tag, draw, window, stylesheet): a page running other
        ones must load again to run these."""
        return {n for n in self.bundle if n.endswith((".js", ".css"))}

    def manifest_text(self) -> str:
        """The bundle's manifest as JSON text ("" when there is no bundle)."""
        name = self.bundle_file("engagements.", ".json")
        return self.bundle[name].decode("utf-8") if name else ""

    def snippet(self) -> bytes:
        """The install snippet for the current bundle, or nothing when there is no bundle."""
        tag, manifest = self.bundle_file("tag.", ".js"), self.bundle_file("engagements.", ".json")
        if not tag or not manifest:
            return b""
        return (
            f'<script async src="{BUNDLE_PREFIX}{tag}" integrity="{integrity(self.bundle[tag])}"'
            f' crossorigin="anonymous" data-manifest="{manifest}"'
            f' data-manifest-integrity="{integrity(self.bundle[manifest])}"></script>\n'
        ).encode()

    def serve(self, host: str, path: str) -> Served | None:
        """The response for ed-preview://host/path, or None when there is no such file."""
        if path.startswith(BUNDLE_PREFIX):
            name = path[len(BUNDLE_PREFIX) :]
            body = self.bundle.get(name)
            return Served(mime_type(path), body) if body is not None else None
        if host in (SITE_HOST, NO_META_HOST):
            name = _sample_file(path)
            if name is None:
                return None
            body = _read_sample(name)
            if host == NO_META_HOST:
                body = _VIEWPORT_META.sub(b"", body)
            return self._page(name, body)
        if host == LOCAL_HOST and self.local_file is not None:
            return self._local(path)
        return None

    def _local(self, path: str) -> Served | None:
        """The chosen host page, or a file of a web page's kind beside it (its styles,
        scripts, images, fonts): never a hidden file or folder, nor any other kind of file."""
        folder = self.local_file.parent.resolve()
        wanted = (folder / path.lstrip("/")).resolve()
        if not wanted.is_relative_to(folder) or not wanted.is_file():
            return None
        hidden = any(part.startswith(".") for part in wanted.relative_to(folder).parts)
        if wanted != self.local_file.resolve() and (hidden or not _page_asset(wanted.name)):
            return None
        try:
            body = wanted.read_bytes()
        except OSError:
            return None
        return self._page(wanted.name, body)

    def _page(self, name: str, body: bytes) -> Served:
        mime = mime_type(name)
        if mime == "text/html":
            body = self.with_snippet(body)
        return Served(mime, body)

    def with_snippet(self, html: bytes) -> bytes:
        snippet = self.snippet()
        if not snippet:
            return html
        match = _HEAD_END.search(html)
        at = match.start() if match else 0
        return html[:at] + snippet + html[at:]


def page_for_rules(rules: list[dict]) -> SamplePage:
    """The first sample page an entry point's URL rules let in (the home page when none does)."""
    for page in SAMPLE_PAGES:  # matched as the runtime matches them (models/url_match.py)
        url = parse_url(page.path)
        if url is not None and in_entry_point(rules, url):
            return page
    return SAMPLE_PAGES[0]


def tag_loader_script(files: PreviewFiles, host: str = SITE_HOST) -> str:
    """JavaScript adding the bundle's tag to a page the preview does not serve (a typed URL)."""
    tag, manifest = files.bundle_file("tag.", ".js"), files.bundle_file("engagements.", ".json")
    if not tag or not manifest:
        return ""
    attributes = {
        "src": f"{page_url(host, BUNDLE_PREFIX)}{tag}",
        "integrity": integrity(files.bundle[tag]),
        "crossorigin": "anonymous",
        "data-manifest": manifest,
        "data-manifest-integrity": integrity(files.bundle[manifest]),
    }
    sets = "".join(
        f"s.setAttribute({json.dumps(k)}, {json.dumps(v)});" for k, v in attributes.items()
    )
    return (
        "(function () { var s = document.createElement('script'); s.async = true;"
        f" {sets} (document.head || document.documentElement).appendChild(s); }})();"
    )
