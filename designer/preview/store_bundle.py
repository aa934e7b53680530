"""The bundle the preview serves: built in memory from the store, drafts included.

Qt-free. The designer previews work in progress, so every campaign of the
store is in it, whatever its status.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources

from sqlalchemy import select

from designer.bundle.manifest import build_manifest
from designer.bundle.templating import render
from designer.models.campaign import Campaign
from designer.models.store import Store


def _hashed(stem: str, ext: str, data: bytes) -> str:
    return f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{ext}"


def _runtime(name: str) -> bytes:
    return resources.files("designer.bundle").joinpath("runtime", name).read_bytes()


def preview_bundle(store: Store, campaign_ids: list[int] | None = None) -> dict[str, bytes]:
    """{file name: bytes} of a bundle of the campaigns (all when None), drafts included."""
    files: dict[str, bytes] = {}
    window = _runtime("window.js")
    css = render(
        "engagements.css.j2",
        z_engagement=2147483000,
        z_window=2147483001,
        focus_width=3,
        focus_color="#1a73e8",
        send_color="#1d5fbf",
    ).encode()
    names = {"window": _hashed("window", "js", window), "css": _hashed("engagements", "css", css)}
    files[names["window"]], files[names["css"]] = window, css
    with store.read() as s:
        query = select(Campaign)
        if campaign_ids is not None:
            query = query.where(Campaign.id.in_(campaign_ids))
        campaigns = list(s.scalars(query))
        manifest = build_manifest(
            s, campaigns, {"window": names["window"], "css": names["css"]}, lambda *_: "", True
        )
    data = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    files[_hashed("engagements", "json", data)] = data
    tag = _runtime("tag.js")
    files[_hashed("tag", "js", tag)] = tag
    return files
