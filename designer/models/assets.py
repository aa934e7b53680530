"""Assets: the images designs use, kept in the store so a store (and a bundle) is whole.

A design's image property holds a reference `asset:<sha256>` to one row here;
the bytes are the image as it was added (already checked and cleaned by the
bundle's image pipeline) and are re-encoded to 1x and 2x sizes on export.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import LargeBinary, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from designer.models.base import Base, Timestamps

ASSET_PREFIX = "asset:"


class Asset(Timestamps, Base):
    __tablename__ = "assets"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    mime: Mapped[str] = mapped_column(String(40))
    data: Mapped[bytes] = mapped_column(LargeBinary)

    @property
    def ref(self) -> str:
        return asset_ref(self.sha256)

    def __repr__(self) -> str:
        return f"Asset({self.name!r}, {self.mime}, {len(self.data)} bytes)"


def asset_ref(sha256: str) -> str:
    return f"{ASSET_PREFIX}{sha256}"


def sha256_of_ref(value: object) -> str | None:
    """The sha256 an image property refers to, or None when it holds no asset reference."""
    if isinstance(value, str) and value.startswith(ASSET_PREFIX):
        return value[len(ASSET_PREFIX) :]
    return None


def add_asset(session: Session, name: str, mime: str, data: bytes) -> Asset:
    """The asset holding data, added when the store does not hold these bytes yet."""
    sha = hashlib.sha256(data).hexdigest()
    existing = session.get(Asset, sha)
    if existing is not None:
        return existing
    asset = Asset(sha256=sha, name=name[:200], mime=mime, data=data)
    session.add(asset)
    return asset


def assets_by_sha(session: Session, shas: set[str]) -> dict[str, Asset]:
    if not shas:
        return {}
    return {a.sha256: a for a in session.scalars(select(Asset).where(Asset.sha256.in_(shas)))}
