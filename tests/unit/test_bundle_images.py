"""The image pipeline on real image files: formats, metadata, sizes, bad input."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from designer.bundle.images import (
    ImageError,
    check_bundle_image,
    clean_image,
    pair_sizes,
    sized_pair,
)
from tests.unit.bundle_samples import GPS_IFD, encoded, jpeg_with_gps, picture, png_header_only


def opened(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


@pytest.mark.parametrize(
    ("fmt", "written", "mime"),
    [
        ("PNG", "PNG", "image/png"),
        ("JPEG", "JPEG", "image/jpeg"),
        ("WEBP", "WEBP", "image/webp"),
        ("GIF", "PNG", "image/png"),
    ],
)
def test_each_allowed_format_is_re_encoded_at_1x_and_2x(fmt: str, written: str, mime: str) -> None:
    source = encoded(picture(), fmt)
    one_x, two_x = sized_pair(clean_image(source, f"picture.{fmt.lower()}").data, (100, 80))
    assert (two_x.width, two_x.height) == (200, 150)  # twice the element, proportions kept
    assert (one_x.width, one_x.height) == (100, 75)
    for image in (one_x, two_x):
        assert image.format == written and image.mime == mime
        assert opened(image.data).format == written
        assert image.data != source


def test_exif_gps_camera_and_comment_are_gone() -> None:
    source = jpeg_with_gps()
    assert opened(source).getexif().get_ifd(GPS_IFD)  # the sample really has a location
    cleaned = clean_image(source, "holiday.jpg")
    img = opened(cleaned.data)
    assert dict(img.getexif()) == {}
    assert "exif" not in img.info and "comment" not in img.info and "icc_profile" not in img.info
    assert b"Exif" not in cleaned.data and b"taken at home" not in cleaned.data
    for image in sized_pair(cleaned.data, (300, 200)):
        assert b"Exif" not in image.data and b"PhoneMaker" not in image.data


def test_png_text_chunks_and_trailing_bytes_are_not_passed_through() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane at 12 High Street")
    source = encoded(picture((64, 64)), "PNG", pnginfo=info) + b"hidden trailing data"
    cleaned = clean_image(source, "note.png")
    assert b"High Street" not in cleaned.data and b"hidden trailing" not in cleaned.data


def test_transparency_is_kept_and_gif_keeps_its_first_frame() -> None:
    transparent = Image.new("RGBA", (40, 40), (255, 0, 0, 0))
    assert opened(clean_image(encoded(transparent, "PNG")).data).mode == "RGBA"
    frames = [Image.new("RGB", (30, 30), color) for color in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    first = opened(clean_image(out.getvalue(), "anim.gif").data)
    assert first.format == "PNG" and first.convert("RGB").getpixel((5, 5)) == (255, 0, 0)


def test_same_image_gives_the_same_bytes_and_a_bundle_image_is_a_fixed_point() -> None:
    source = encoded(picture(), "JPEG")
    first = sized_pair(clean_image(source).data, (120, 90))
    second = sized_pair(clean_image(source).data, (120, 90))
    assert [i.data for i in first] == [i.data for i in second]
    # The 2x file re-imported as an asset gives the same 1x and 2x files again.
    again = sized_pair(check_bundle_image(first[1].data, "x@2x.jpg").data, (120, 90))
    assert [i.data for i in again] == [i.data for i in first]


def test_a_small_image_is_not_enlarged() -> None:
    one_x, two_x = sized_pair(clean_image(encoded(picture((50, 40)), "PNG")).data, (400, 300))
    assert (one_x.width, one_x.height) == (two_x.width, two_x.height) == (50, 40)


@pytest.mark.parametrize(("width", "height"), [(7000, 7000), (10000, 10000), (30000, 30000)])
def test_decompression_bombs_are_refused_before_decoding(width: int, height: int) -> None:
    with pytest.raises(ImageError) as refused:
        clean_image(png_header_only(width, height), "huge.png")
    assert str(refused.value).startswith("huge.png ")
    assert "resize it" in str(refused.value)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "is not an image we can use"),
        (os.urandom(4096), "is not an image we can use"),
        (encoded(picture(), "BMP"), "is not an image we can use"),
        (encoded(picture(), "JPEG")[:2000], "damaged or cut short"),
        (encoded(picture(), "PNG")[:3000], "damaged or cut short"),
        (encoded(picture(), "WEBP")[:1500], "damaged or cut short"),
    ],
    ids=["empty", "random", "bmp", "truncated-jpeg", "truncated-png", "truncated-webp"],
)
def test_bad_images_are_a_sentence(data: bytes, words: str) -> None:
    with pytest.raises(ImageError) as refused:
        clean_image(data, "upload.bin")
    message = str(refused.value)
    assert message.startswith("upload.bin ") and words in message and message.endswith(".")


def test_a_bundle_image_with_metadata_is_refused() -> None:
    with pytest.raises(ImageError, match="not an image Engagement Designer writes"):
        check_bundle_image(jpeg_with_gps(), "images/0123456789@2x.jpg")


@pytest.mark.parametrize("box", [(100, 80), (120, 80), (400, 300), (1000, 20), (30, 30)])
def test_sizes_told_from_the_header_are_the_sizes_made(box: tuple[int, int]) -> None:
    data = clean_image(encoded(picture(), "JPEG")).data
    one_x, two_x = sized_pair(data, box)
    assert pair_sizes(data, box) == ((two_x.width, two_x.height), (one_x.width, one_x.height))
    assert pair_sizes(b"not an image", box) is None
