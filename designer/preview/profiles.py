"""Viewport profiles: the screens a preview shows the host page on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ViewportProfile:
    """A device's viewport in CSS pixels, and how it behaves.

    mobile: the browser lays a page without a viewport meta tag out on a
    980 px layout viewport scaled to fit, as phone browsers do.
    meta_tag: whether the host page keeps its viewport meta tag.
    """

    key: str
    label: str
    width: int
    height: int
    device_pixel_ratio: float
    mobile: bool
    meta_tag: bool = True

    @property
    def touch(self) -> bool:
        return self.mobile


DESKTOP = ViewportProfile("desktop", "Desktop 1366×768", 1366, 768, 1.0, mobile=False)
TABLET = ViewportProfile("tablet", "Tablet 768×1024", 768, 1024, 2.0, mobile=True)
PHONE = ViewportProfile("phone", "Phone 375×667", 375, 667, 2.0, mobile=True)
PHONE_NO_META = ViewportProfile(
    "phone-no-meta",
    "Phone 375×667, no viewport meta tag",
    375,
    667,
    2.0,
    mobile=True,
    meta_tag=False,
)

PROFILES: tuple[ViewportProfile, ...] = (DESKTOP, TABLET, PHONE, PHONE_NO_META)


def profile(key: str) -> ViewportProfile:
    for p in PROFILES:
        if p.key == key:
            return p
    raise KeyError(key)
