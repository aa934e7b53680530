"""Hostile bundles through the real command line: each ends in a sentence and exit status 2,
the target store byte-identical with nothing beside it, and the importing process's peak
memory under 300 MB. (Times are figures of `make bench ONLY=bench_import`, not asserted.)"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from designer.bundle import bundle_limits as limits
from designer.bundle.build import bundle_files
from designer.bundle.files import zip_bytes
from designer.models.store import Store
from tests.unit.bundle_samples import add_picture, encoded, picture, png_header_only
from tests.unit.hostile_bundles import (
    PLACEHOLDER,
    edited,
    run_import,
    sha256,
    with_images,
    with_raw,
    write_folder,
    zip_with,
)

PEAK_MB = 300
Files = dict[str, bytes]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Files:
    """The sample store's bundle with a photo, drafts included."""
    store = Store.open(tmp_path_factory.mktemp("good") / "source.sqlite")
    add_picture(store)
    files = bundle_files(store, include_drafts=True)
    store.close()
    return files


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample store, alone in its folder, that every hostile bundle is imported into."""
    path = tmp_path_factory.mktemp("target") / "campaigns.sqlite"
    Store.open(path).close()
    return path


def _set(*path: object) -> Callable[[dict], None]:
    """A change that puts the placeholder at path in the manifest."""

    def change(manifest: dict) -> None:
        *parents, last = path
        for key in parents:
            manifest = manifest[key]
        if isinstance(manifest, list) and last == len(manifest):
            manifest.append(PLACEHOLDER.strip('"'))
        else:
            manifest[last] = PLACEHOLDER.strip('"')

    return change


CAMPAIGN_NAME = _set("campaigns", 0, "name")
ENTRY_POINT_NAME = _set("entry_points", 0, "name")
FRAME = ("campaigns", 0, "time_frame")
BEHAVIOR_CONDITION = ("behaviors", 0, "conditions", 0)
ONLINE_PROPS = ("engagements", 0, "designs", "online", "props")


def _raw(change: Callable[[dict], None], raw: str) -> Callable[[Files], Files]:
    return lambda good: with_raw(good, change, raw)


def _claiming(*sizes: tuple[int, int]) -> Callable[[Files], Files]:
    """The bundle with PNG images whose headers claim these sizes (and hold almost nothing)."""
    return lambda good: with_images(good, [(png_header_only(*size), "png") for size in sizes])


def _png_of_many_chunks() -> bytes:
    """A real 64 × 64 PNG whose pixels come in a million empty IDAT chunks."""
    png = encoded(picture((64, 64)), "PNG")
    end = png.rindex(b"IEND") - 4
    empty = struct.pack(">I", 0) + b"IDAT" + struct.pack(">I", zlib.crc32(b"IDAT"))
    return png[:end] + empty * 1_000_000 + png[end:]


def _jpeg_of_many_scans() -> bytes:
    """A JPEG whose one scan is repeated 65 times (each a pass over the image to decode)."""
    jpeg = encoded(picture((64, 64)), "JPEG")
    scan = jpeg.index(b"\xff\xda")
    return jpeg[:scan] + jpeg[scan:-2] * 65 + jpeg[-2:]


def _copies(key: str, count: int, make: Callable[[dict, int], dict]) -> Callable[[Files], Files]:
    def change(manifest: dict) -> None:
        items = manifest["account"]["skills"] if key == "skills" else manifest[key]
        first = items[0]
        items[:] = [make(first, i) for i in range(1, count + 1)]

    return lambda good: edited(good, change)


def _renamed(item: dict, i: int) -> dict:
    return {**item, "id": i, "name": f"{item['name']} {i}"}


def _zeros_under_the_file_cap(good: Files) -> bytes:
    """Five members of 21 MB each: under the cap of a file, over the budget in all."""
    zeros = bytes(21 * 1024 * 1024)
    members = [(f"images/{i:010x}.png", zeros) for i in range(5)]
    return zip_with([*good.items(), *members])


def _long_names(good: Files) -> bytes:
    """A zip whose directory of names is larger than a bundle's could be."""
    return zip_with([*good.items(), *((f"{i}" + "x" * 60_000, b"") for i in range(80))])


def _many_entries(good: Files) -> bytes:
    """A zip of 20,001 files: the bundle's and empty notes."""
    notes = limits.ENTRIES.limit + 1 - len(good)
    return zip_with([*good.items(), *((f"notes/{i}.txt", b"") for i in range(notes))])


# name -> (makes the bundle's files or zip bytes from the good files, words the refusal holds)
CASES: dict[str, tuple[Callable[[Files], Files | bytes], str]] = {
    "NaN": (_raw(_set(*ONLINE_PROPS, "width"), "NaN"), "holds NaN"),
    "Infinity": (_raw(_set("campaigns", 0, "weight"), "Infinity"), "holds Infinity"),
    "-Infinity": (_raw(_set(*BEHAVIOR_CONDITION, "seconds"), "-Infinity"), "holds -Infinity"),
    "a float past 64 bits": (_raw(_set(*ONLINE_PROPS, "height"), "1e400"), "number 1e400"),
    "a 5,000-digit integer": (
        _raw(_set("account", "idle_time_days"), "9" * 5000),
        "(5,000 characters), which does not fit in 64 bits",
    ),
    "an integer past 64 bits": (
        _raw(_set(*BEHAVIOR_CONDITION, "seconds"), str(2**63)),
        f"number {2**63}, which does not fit in 64 bits",
    ),
    "a lone surrogate in a name": (
        _raw(CAMPAIGN_NAME, '"Winter \\ud800 sale"'),
        "U+D800, which is not text, at campaigns/0/name",
    ),
    "a lone low surrogate in a text": (
        _raw(
            _set("engagements", 0, "designs", "online", "elements", 0, "props", "text"),
            '"a\\udc00"',
        ),
        "U+DC00, which is not text, at engagements/0/designs/online/elements/0/props/text",
    ),
    "a NUL in a campaign name": (
        _raw(CAMPAIGN_NAME, '"Winter\\u0000sale"'),
        "U+0000, which is not text, at campaigns/0/name (“Winter\ufffdsale”)",
    ),
    "a NUL in an entry point name": (_raw(ENTRY_POINT_NAME, '"Cart\\u0000"'), "U+0000"),
    "an impossible date and time": (
        _raw(_set(*FRAME, "starts_at"), '"2026-13-45T99:99"'),
        "starts at 2026-13-45T99:99, which is not a date and time on the calendar",
    ),
    "30 February": (
        _raw(_set(*FRAME, "ends_at"), '"2026-02-30T10:00"'),
        "ends at 2026-02-30T10:00, which is not a date and time on the calendar",
    ),
    "a holiday on 30 February": (
        _raw(
            _set("account", "scheduler", "holidays", 0),
            '{"date": "2026-02-30", "name": "Leap", "skill": null}',
        ),
        "the holiday “Leap” falls on 2026-02-30, which is not a date on the calendar",
    ),
    "an impossible special occasion": (
        _raw(_set(*FRAME, "special_occasions", 0, "date"), '"2026-13-45"'),
        "special occasion on 2026-13-45, which is not a date",
    ),
    "conditions nested 1,000 deep": (
        _raw(_set(*BEHAVIOR_CONDITION, "pages"), "[" * 1000 + "]" * 1000),
        "values nested 1,005 levels deep in its manifest, more than the 32",
    ),
    "audience conditions nested 1,000 deep": (
        _raw(
            _set("campaigns", 0, "audience", "conditions", 0), '{"type": ' * 1000 + "1" + "}" * 1000
        ),
        "nested 1,005 levels deep",
    ),
    "an image where an object belongs": (
        lambda good: edited(
            good,
            lambda m: m["engagements"][0].update(
                automatic_messages=next(
                    e["designs"]["online"]["props"]["background_image"]
                    for e in m["engagements"]
                    if e["designs"]["online"]["props"]["background_image"]
                )
            ),
        ),
        "holds an image where no image can be (“automatic_messages”)",
    ),
    "files under the per-file cap, over the budget in all": (
        _zeros_under_the_file_cap,
        "105 MB of files in all, more than the 100 MB one import reads (it may be a zip bomb)",
    ),
    "a directory of names too large": (
        _long_names,
        "a zip directory (its list of files) of 5 MB, more than the 4 MB a bundle's ever is",
    ),
    "too many files": (_many_entries, "20,001 files, more than the 20,000 a bundle may hold"),
    "too many campaigns": (
        _copies("campaigns", limits.CAMPAIGNS.limit + 1, _renamed),
        "501 campaigns, more than the 500 one import takes. Nothing was imported. "
        "Export fewer campaigns at a time",
    ),
    "too many engagements": (
        _copies("engagements", limits.ENGAGEMENTS.limit + 1, _renamed),
        "1,001 engagements, more than the 1,000 one import takes",
    ),
    "too many entry points": (
        _copies("entry_points", 1001, _renamed),
        "1,001 entry points, more than the 1,000 of each kind one import takes",
    ),
    "too many behaviors": (_copies("behaviors", 1001, _renamed), "1,001 behaviors"),
    "too many skills": (_copies("skills", 1001, _renamed), "1,001 skills"),
    "too many working shifts": (
        lambda good: edited(
            good,
            lambda m: m["account"]["scheduler"].update(
                shifts=[
                    {"weekday": i % 7, "start": 0, "end": 5, "skill": None} for i in range(2001)
                ]
            ),
        ),
        "2,001 working shifts in its shift scheduler, more than the 2,000 one import takes",
    ),
    "too many holidays": (
        lambda good: edited(
            good,
            lambda m: m["account"]["scheduler"].update(
                holidays=[{"date": "2027-01-01", "name": "", "skill": None}] * 2001
            ),
        ),
        "2,001 holidays in its shift scheduler",
    ),
    "a manifest too large": (
        _raw(_set(*ONLINE_PROPS, "label"), '"' + "x" * (9 * 1024 * 1024) + '"'),
        "a manifest of 9 MB, more than the 8 MB one import reads",
    ),
    "too many values": (
        _raw(_set(*BEHAVIOR_CONDITION, "pages"), "[" + "0," * 600_000 + "0]"),
        "values in its manifest, more than the 500,000 one import reads",
    ),
    "an image past the pixel budget": (
        _claiming((4097, 4097)),
        "of 16,785,409 pixels, more than the 16,777,216 a bundle image may have. "
        "Nothing was imported. Use a smaller image in that design",
    ),
    "images past the total pixel budget": (
        _claiming(*((4000 + i, 4000) for i in range(4))),
        "pixels in all, more than the 100,000,000 one import decodes",
    ),
    "a PNG of a million empty chunks": (
        lambda good: with_images(good, [(_png_of_many_chunks(), "png")]),
        "not an image Engagement Designer writes",
    ),
    "a JPEG of 65 scans": (
        lambda good: with_images(good, [(_jpeg_of_many_scans(), "jpg")]),
        "not an image Engagement Designer writes",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_bundle_is_refused_by_the_command_line_and_the_store_is_untouched(
    case: str, good: Files, target: Path, tmp_path: Path
) -> None:
    make, words = CASES[case]
    made = make(good)
    bundle = tmp_path / "hostile.zip"
    bundle.write_bytes(made if isinstance(made, bytes) else zip_bytes(made))
    before, beside = sha256(target), sorted(target.parent.iterdir())

    run = run_import(bundle, target, tmp_path)

    assert run.status == 2, run.err
    assert run.out == ""
    assert run.err.startswith("engagement-designer: ") and run.err.endswith(".\n"), run.err
    assert "Traceback" not in run.err and run.err.count("\n") == 1
    assert words in run.err
    assert sha256(target) == before
    assert sorted(target.parent.iterdir()) == beside
    assert run.peak_mb < PEAK_MB, f"{case}: {run.peak_mb:.0f} MB"


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("link", "is a link to another place, which a bundle never holds."),
        ("pipe", "is not a regular file (a bundle holds only files)."),
    ],
)
def test_a_folder_bundle_whose_image_is_a_link_or_a_pipe_is_refused_without_reading_it(
    kind: str, words: str, good: Files, target: Path, tmp_path: Path
) -> None:
    folder = write_folder(good, tmp_path / "bundle")
    image = next(folder.glob("images/*@2x.*"))
    image.unlink()
    if kind == "link":
        image.symlink_to("/etc/hostname")
    else:
        os.mkfifo(image)  # reading it would wait for a writer for ever
    before = sha256(target)
    run = run_import(folder, target, tmp_path)
    assert run.status == 2
    assert f"bundle is refused: “images/{image.name}” {words}" in run.err
    assert sha256(target) == before


@pytest.mark.slow
def test_a_folder_bundle_among_100000_unrelated_files_is_imported(
    good: Files, tmp_path: Path
) -> None:
    """Only the bundle's names are looked at: unrelated files are not opened or followed,
    so a pipe, a dangling link and an unreadable folder among them change nothing."""
    folder = write_folder(good, tmp_path / "site")
    for i in range(50_000):
        os.close(os.open(folder / f"page-{i}.html", os.O_CREAT | os.O_WRONLY, 0o644))
        os.close(os.open(folder / "images" / f"photo-{i}.png", os.O_CREAT | os.O_WRONLY, 0o644))
    os.mkfifo(folder / "feed.json")
    (folder / "old.js").symlink_to(tmp_path / "nowhere")
    (folder / "private").mkdir(mode=0)
    store = tmp_path / "imported.sqlite"
    Store.open(store, seed=False).close()

    run = run_import(folder, store, tmp_path)

    assert run.status == 0, run.err
    assert "Imported “Winter sale”, “Customer care” (6 engagements, 4 images)" in run.out
    assert run.peak_mb < PEAK_MB
