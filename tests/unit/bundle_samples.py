"""Sample images and stores for the bundle tests: real files, real SQLite."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from designer.bundle.images import clean_image
from designer.models.assets import add_asset
from designer.models.design import Element
from designer.models.engagement import Engagement
from designer.models.store import Store

GPS_IFD = 0x8825


def picture(size: tuple[int, int] = (800, 600)) -> Image.Image:
    """A detailed RGB picture (a Mandelbrot set), so lossy encoders have work to do."""
    return Image.effect_mandelbrot(size, (-2.0, -1.5, 1.0, 1.5), 64).convert("RGB")


def encoded(img: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    img.save(out, fmt, **options)
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0110] = "Phone 12"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)})
    return encoded(picture(), "JPEG", exif=exif.tobytes(), comment=b"taken at home")


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width x height pixels (and holds almost none)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def add_picture(store: Store, engagement_name: str = "Checkout rescue") -> str:
    """Put a photo into an engagement: an image element, the background and the agent picture."""
    image = clean_image(encoded(picture(), "JPEG"), "photo.jpg")
    logo = clean_image(encoded(picture((64, 64)).convert("RGBA"), "PNG"), "logo.png")
    with store.edit() as s:
        asset = add_asset(s, "photo.jpg", image.mime, image.data)
        small = add_asset(s, "logo.png", logo.mime, logo.data)
        e = s.query(Engagement).filter_by(name=engagement_name).one()
        designs = e.state_designs()
        designs.online.elements.append(
            Element.new("image1", "image", width=120, height=90, src=asset.ref, alt="Our shop")
        )
        designs.online.props["background"] = "image"
        designs.online.props["background_image"] = asset.ref
        e.set_state_designs(designs)
        window = e.get_window_design()
        window.props["agent_picture"] = small.ref
        window.props["header_image"] = asset.ref
        window.props["header_image_alt"] = "Our shop"
        e.window_design = window.to_dict()
        return asset.ref
