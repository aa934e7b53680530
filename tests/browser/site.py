"""A tiny threaded web server on 127.0.0.1 serving host pages and bundles from a temp dir.

Tests publish a bundle (tag.js and window.js as the exporter ships them,
a manifest built in Python) and a host page, then point a real browser at it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from designer.bundle.build import css_bytes
from designer.bundle.manifest import schema_problems, with_runtime_tables
from designer.bundle.runtime_scripts import runtime_file

NONCE = "r4nd0mN0nce"
STRICT_CSP = (
    f"default-src 'none'; script-src 'nonce-{NONCE}'; style-src 'nonce-{NONCE}'; "
    "img-src 'self'; connect-src 'self'; base-uri 'none'; object-src 'none'"
)
VIEWPORT_META = '<meta name="viewport" content="width=device-width, initial-scale=1">'


def runtime_source(name: str) -> bytes:
    return runtime_file(name)  # the same assembled, minified bytes the exporter ships


def hashed(stem: str, extension: str, data: bytes) -> str:
    """The bundle's content-hashed file name: stem.<first 10 hex digits of SHA-256>.ext."""
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{extension}"


def integrity(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


class Site:
    """Files under root, extra response headers per path, and beacons received."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.headers: dict[str, dict[str, str]] = {}
        self.beacons: list[dict[str, Any]] = []
        handler = partial(_Handler, self, directory=str(root))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._count = 0
        self.write("favicon.ico", b"")  # browsers ask for it; a 404 would be a console error

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def write(self, path: str, data: bytes | str) -> str:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode() if isinstance(data, str) else data)
        return f"{self.url}/{path}"

    def publish(
        self,
        manifest: dict[str, Any],
        body: str = "",
        *,
        viewport: bool = True,
        csp: bool = False,
        before_tag: str = "",
        path: str = "",
        images: dict[str, bytes] | None = None,
        check_schema: bool = True,
    ) -> str:
        """Write a bundle and a host page using it; return the page's URL.

        path: the page's path (for entry point rules), e.g. "shop/checkout/index.html".
        images: bundle image files by their manifest path ("images/<h>.png").
        check_schema: off only for tests of manifests the exporter would never write.
        before_tag: script run before the tag loads (given the CSP nonce when csp is on).
        """
        self._count += 1
        folder = f"b{self._count}"
        tag, window, css = runtime_source("tag.js"), runtime_source("window.js"), css_bytes()
        draw = runtime_source("draw.js")
        names = {
            "tag": hashed("tag", "js", tag),
            "draw": hashed("draw", "js", draw),
            "window": hashed("window", "js", window),
            "css": hashed("engagements", "css", css),
        }
        self.write(f"{folder}/{names['tag']}", tag)
        self.write(f"{folder}/{names['window']}", window)
        self.write(f"{folder}/{names['draw']}", draw)
        self.write(f"{folder}/{names['css']}", css)
        for name, data in (images or {}).items():
            self.write(f"{folder}/{name}", data)
        manifest = with_runtime_tables(dict(manifest))
        manifest["files"] = {
            "draw": names["draw"],
            "draw_integrity": integrity(draw),
            "window": names["window"],
            "window_integrity": integrity(window),
            "css": names["css"],
            "css_integrity": integrity(css),
        }
        problems = schema_problems(manifest) if check_schema else []
        assert not problems, f"the test's manifest breaks the bundle's JSON Schema: {problems}"
        data = json.dumps(manifest).encode()
        names["manifest"] = hashed("engagements", "json", data)
        self.write(f"{folder}/{names['manifest']}", data)
        nonce = f' nonce="{NONCE}"' if csp else ""
        stub = f"<script{nonce}>{before_tag}</script>" if before_tag else ""
        page = (
            "<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"{VIEWPORT_META if viewport else ''}<title>Host page</title>{stub}"
            f'<script async src="/{folder}/{names["tag"]}" integrity="{integrity(tag)}" '
            f'crossorigin="anonymous" data-manifest="{names["manifest"]}" '
            f'data-manifest-integrity="{integrity(data)}"{nonce}></script>'
            f"</head><body><main><h1>Northwind Outfitters</h1>{body}</main></body></html>"
        )
        page_path = path or f"{folder}/index.html"
        url = self.write(page_path, page)
        if csp:
            self.headers["/" + page_path] = {"Content-Security-Policy": STRICT_CSP}
        return url


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, site: Site, *args: Any, **kwargs: Any) -> None:
        self.site = site
        super().__init__(*args, **kwargs)

    def end_headers(self) -> None:
        for name, value in self.site.headers.get(self.path.split("?")[0], {}).items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        try:
            self.site.beacons.append({"path": self.path, "data": json.loads(body)})
        except ValueError:
            self.site.beacons.append({"path": self.path, "data": body.decode("utf-8", "replace")})
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read pages, not access logs."""
