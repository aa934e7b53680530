"""The image pipeline: only allowed formats, re-encoded, metadata stripped, 1x and 2x.

Every image a bundle holds is re-encoded from its pixels, so no EXIF (GPS,
camera), ICC, text chunk or trailing data leaves the designer's machine.
An image already clean and small enough is passed through as it is: that
keeps lossy JPEG and WebP bytes stable, so export -> import -> export gives
the same bytes. Errors are `ImageError`, whose str() is the sentence to show.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, ImageOps

from designer.bundle.image_structure import is_clean

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000  # checked from the header, before any pixel is decoded
MAX_SIDE = 4096  # an image added to the store is scaled down to this
ALLOWED = ("PNG", "JPEG", "WEBP", "GIF")
ALLOWED_WORDS = "a PNG, JPEG, WebP or GIF file"
# Source format -> format written. GIF keeps its first frame only, as PNG.
OUTPUT = {"PNG": "PNG", "GIF": "PNG", "JPEG": "JPEG", "WEBP": "WEBP"}
EXTENSION = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
MIME = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}


class ImageError(Exception):
    """An image that cannot be used; str() is the sentence to show."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    format: str  # PNG, JPEG or WEBP
    width: int
    height: int

    @property
    def extension(self) -> str:
        return EXTENSION[self.format]

    @property
    def mime(self) -> str:
        return MIME[self.format]


@contextlib.contextmanager
def _reading(name: str) -> Iterator[None]:
    """Pillow's failures while reading an image, as the ImageError sentence that fits."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(
            f"{name} would take too much memory to open; resize it and add it again."
        ) from None
    except Image.UnidentifiedImageError:
        raise ImageError(f"{name} is not an image we can use: choose {ALLOWED_WORDS}.") from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError):
        raise ImageError(
            f"{name} is damaged or cut short and cannot be read; "
            "save it again from your image editor and use the new file."
        ) from None


def _header(data: bytes, name: str) -> Image.Image:
    """The image opened from its header only: an allowed format, within the size limits."""
    if len(data) > MAX_BYTES:
        raise ImageError(
            f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB; "
            "save a smaller copy and use that."
        )
    with _reading(name):
        img = Image.open(io.BytesIO(data), formats=ALLOWED)
    width, height = img.size
    if width * height > MAX_PIXELS:
        raise ImageError(
            f"{name} is {width}×{height} pixels, more than the "
            f"{MAX_PIXELS // 1_000_000} million pixels allowed; "
            "resize it and add it again."
        )
    return img


def _open(data: bytes, name: str) -> Image.Image:
    """The decoded image, refusing anything not allowed before decoding its pixels."""
    img = _header(data, name)
    with _reading(name):
        img.seek(0)
        img.load()
    return img


def header_size(data: bytes, name: str) -> tuple[int, int]:
    """(width, height) read from the image's header, without decoding a pixel."""
    return _header(data, name).size


def _pixels(img: Image.Image) -> Image.Image:
    """A fresh image holding only the pixels (upright, RGB or RGBA): no metadata at all."""
    # A damaged EXIF block only loses the rotation hint.
    with contextlib.suppress(OSError, ValueError, SyntaxError):
        img = ImageOps.exif_transpose(img)
    has_alpha = img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info)
    mode = "RGBA" if has_alpha else "RGB"
    converted = img.convert(mode)
    return Image.frombytes(mode, converted.size, converted.tobytes())


def _fitted(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """size scaled down (never up) to fit box, keeping its proportions."""
    scale = min(box[0] / size[0], box[1] / size[1], 1.0)
    if scale >= 1.0:
        return size
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _fit(img: Image.Image, box: tuple[int, int]) -> Image.Image:
    size = _fitted(img.size, box)
    return img if size == img.size else img.resize(size, Image.Resampling.LANCZOS)


def _encode(img: Image.Image, fmt: str) -> CleanImage:
    out = io.BytesIO()
    if fmt == "JPEG":
        img = img.convert("RGB")
        img.save(out, "JPEG", quality=85, optimize=True, progressive=False, subsampling=2)
    elif fmt == "WEBP":
        img.save(out, "WEBP", quality=85, method=4, lossless=False, exact=False)
    else:
        img.save(out, "PNG", compress_level=6)
    return CleanImage(out.getvalue(), fmt, img.width, img.height)


def _clean_fitting(data: bytes, img: Image.Image, box: tuple[int, int]) -> CleanImage | None:
    """data itself when it is already clean, in its output format, and fits box."""
    fmt = img.format or ""
    if OUTPUT.get(fmt) != fmt or img.width > box[0] or img.height > box[1]:
        return None
    if not is_clean(data, fmt):
        return None
    return CleanImage(data, fmt, img.width, img.height)


def clean_image(data: bytes, name: str = "The image") -> CleanImage:
    """The image to keep in the store: checked, upright, re-encoded, at most MAX_SIDE a side."""
    img = _open(data, name)
    kept = _clean_fitting(data, img, (MAX_SIDE, MAX_SIDE))
    if kept is not None:
        return kept
    return _encode(_fit(_pixels(img), (MAX_SIDE, MAX_SIDE)), OUTPUT[img.format])


def sized_pair(
    data: bytes, box: tuple[int, int], name: str = "The image"
) -> tuple[CleanImage, CleanImage]:
    """The 1x and 2x images for an element of box CSS pixels.

    The 2x image fits twice the box; the 1x image is made from the 2x one, so a
    bundle's 2x image re-imported as an asset gives the same 1x bytes again.
    """
    box = (max(1, box[0]), max(1, box[1]))
    img = _open(data, name)
    double = (box[0] * 2, box[1] * 2)
    two_x = _clean_fitting(data, img, double) or _encode(
        _fit(_pixels(img), double), OUTPUT[img.format]
    )
    if two_x.width <= box[0] and two_x.height <= box[1]:
        return two_x, two_x
    one_x = _encode(_fit(_pixels(_open(two_x.data, name)), box), two_x.format)
    return one_x, two_x


def pair_sizes(data: bytes, box: tuple[int, int]) -> tuple[tuple[int, int], ...] | None:
    """The (2x, 1x) pixel sizes sized_pair gives for box, read from the header only.

    Boxes with the same sizes give the same files, so an export makes them once.
    None when it cannot be told without decoding (a bad image, or an EXIF rotation).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            img = Image.open(io.BytesIO(data), formats=ALLOWED)
            if img.getexif().get(0x0112, 1) != 1:
                return None
            size = img.size
    except Exception:  # any failure only means "not known"; sized_pair says why
        return None
    box = (max(1, box[0]), max(1, box[1]))
    two_x = _fitted(size, (box[0] * 2, box[1] * 2))
    fits = two_x[0] <= box[0] and two_x[1] <= box[1]
    return two_x, two_x if fits else _fitted(two_x, box)


def check_bundle_image(data: bytes, name: str) -> CleanImage:
    """A bundle's image, accepted only when it is one this pipeline could have written.

    Its structure is checked from the bytes before its pixels are decoded.
    """
    img = _header(data, name)
    kept = _clean_fitting(data, img, (MAX_SIDE * 2, MAX_SIDE * 2))
    if kept is None:
        raise ImageError(
            f"{name} in the bundle is not an image Engagement Designer writes "
            "(it carries metadata or an unexpected format); export the bundle again."
        )
    with _reading(name):
        img.load()
    return kept
