"""Checking a bundle read from disk before any of it reaches the store.

The manifest must be found, parse as JSON, be format 1 and fit the schema;
every file it names must be present with the content its name and its
integrity value promise; every image must be one the pipeline writes; ids
must point at things the manifest holds.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from designer.bundle import bundle_limits as limits
from designer.bundle import files as bf
from designer.bundle.errors import BundleError
from designer.bundle.images import CleanImage, ImageError, check_bundle_image, header_size
from designer.bundle.manifest import check_manifest
from designer.bundle.manifest_text import ManifestTextError, parse_manifest_text

MANIFEST_NAME = re.compile(r"^engagements\.[0-9a-f]{10}\.json$")
SNIPPET_MANIFEST = re.compile(rb'data-manifest="([^"]*)"\s+data-manifest-integrity="([^"]*)"')
DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
DATE_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})")


def _damaged(what: str) -> BundleError:
    return BundleError(
        f"The bundle is damaged: {what}. Nothing was imported; export the bundle again."
    )


def find_manifest(files: dict[str, bytes]) -> str:
    names = [n for n in files if MANIFEST_NAME.match(n)]
    if not names:
        raise BundleError(
            "This is not an Engagement Designer bundle: it has no engagements.<…>.json "
            "manifest. Choose the folder or .zip that an export wrote."
        )
    if len(names) > 1:
        raise BundleError(
            f"The bundle holds {len(names)} manifests ({', '.join(sorted(names))}), so it is "
            "not clear which to import. Export the bundle again into an empty folder."
        )
    return names[0]


def _check_names(files: dict[str, bytes]) -> None:
    for name, data in files.items():
        if not bf.name_matches_content(name, data):
            raise _damaged(f"the content of {name} does not match its name (it was changed)")


def _check_install_page(files: dict[str, bytes], manifest_name: str) -> None:
    page = files.get(bf.INSTALL)
    if page is None:
        return
    found = SNIPPET_MANIFEST.search(page)
    if found is None:
        return
    named, value = (
        found.group(1).decode("utf-8", "replace"),
        found.group(2).decode("ascii", "replace"),
    )
    if named != manifest_name or value != bf.integrity(files[manifest_name]):
        raise _damaged(f"{bf.INSTALL} names a different manifest than {manifest_name}")


def parse_manifest(files: dict[str, bytes], name: str) -> dict[str, Any]:
    try:
        manifest = parse_manifest_text(files[name])
    except ManifestTextError as e:
        raise _damaged(f"{name} {e}") from None
    _check_counts(manifest)
    check_manifest(manifest)
    return manifest


def _count(manifest: Any, *keys: str) -> int:
    """How many items the list at keys holds (0 when it is not there: the schema says why)."""
    for key in keys:
        manifest = manifest.get(key) if isinstance(manifest, dict) else None
    return len(manifest) if isinstance(manifest, list) else 0


def _check_counts(manifest: Any) -> None:
    """The caps on what one import takes, checked before the schema reads every value."""
    for budget, kind, keys in (
        (limits.CAMPAIGNS, "", ("campaigns",)),
        (limits.ENGAGEMENTS, "", ("engagements",)),
        (limits.LIBRARY_ITEMS, "entry points", ("entry_points",)),
        (limits.LIBRARY_ITEMS, "behaviors", ("behaviors",)),
        (limits.LIBRARY_ITEMS, "skills", ("account", "skills")),
        (limits.SCHEDULER_ITEMS, "working shifts", ("account", "scheduler", "shifts")),
        (limits.SCHEDULER_ITEMS, "holidays", ("account", "scheduler", "holidays")),
    ):
        budget.check(_count(manifest, *keys), kind=kind)


def _real(text: str | None, pattern: re.Pattern) -> bool:
    """Whether text (None counts) is a date, or a date and time, on the calendar."""
    if text is None:
        return True
    found = pattern.fullmatch(text)
    try:
        return found is not None and bool(datetime(*map(int, found.groups())))
    except ValueError:
        return False


def _check_dates(manifest: dict[str, Any]) -> None:
    for c in manifest["campaigns"]:
        frame = c["time_frame"]
        for key, words in (("starts_at", "starts"), ("ends_at", "ends")):
            if not _real(frame[key], DATE_TIME):
                raise _damaged(
                    f"campaign “{c['name']}” {words} at {frame[key]}, "
                    "which is not a date and time on the calendar"
                )
        for occasion in frame["special_occasions"]:
            if not _real(occasion["date"], DATE):
                raise _damaged(
                    f"campaign “{c['name']}” has a special occasion on {occasion['date']}, "
                    "which is not a date on the calendar"
                )
    for holiday in manifest["account"]["scheduler"]["holidays"]:
        if not _real(holiday["date"], DATE):
            raise _damaged(
                f"the holiday “{holiday['name']}” falls on {holiday['date']}, "
                "which is not a date on the calendar"
            )


def _check_file(files: dict[str, bytes], name: str, expected: str) -> None:
    if name not in files:
        raise _damaged(f"the manifest names {name}, which is missing")
    if bf.integrity(files[name]) != expected:
        raise _damaged(f"{name} does not match the integrity value the manifest gives")


def _image_objects(value: Any, key: Any = None, parent: Any = None) -> list[dict[str, str]]:
    """Every {"src", "src2x"} object in a manifest part (key: where value is, parent: where
    that is); one that is not a property's value (of a design's or the window's props)
    is damage: the import would put a file name where a whole object belongs."""
    found: list[dict[str, str]] = []
    if isinstance(value, dict):
        if set(value) == {"src", "src2x"}:
            if parent not in ("props", "window"):
                raise _damaged(f"it holds an image where no image can be (“{key}”)")
            return [value]
        for k, v in value.items():
            found += _image_objects(v, k, key)
    elif isinstance(value, list):
        for v in value:
            found += _image_objects(v, key, parent)
    return found


def _check_ids(manifest: dict[str, Any]) -> None:
    ids = {
        key: {item["id"] for item in manifest[key]}
        for key in ("campaigns", "entry_points", "behaviors")
    }
    skills = {s["id"] for s in manifest["account"]["skills"]}
    for key in ("campaigns", "entry_points", "behaviors", "engagements"):
        if len({item["id"] for item in manifest[key]}) != len(manifest[key]):
            raise _damaged(f"two {key.replace('_', ' ')} share an id")
    for e in manifest["engagements"]:
        for field, known in (
            ("campaign", ids["campaigns"]),
            ("entry_point", ids["entry_points"]),
            ("behavior", ids["behaviors"]),
            ("skill", skills),
        ):
            if e[field] is not None and e[field] not in known:
                raise _damaged(
                    f"engagement “{e['name']}” names a {field.replace('_', ' ')} it lacks"
                )
    scheduler = manifest["account"]["scheduler"]
    for item in scheduler["shifts"] + scheduler["holidays"]:
        if item["skill"] is not None and item["skill"] not in skills:
            raise _damaged("the shift scheduler names a skill the bundle lacks")


def _image_pairs(files: dict[str, bytes], manifest: dict[str, Any]) -> dict[str, str]:
    """{2x path: 1x path} of every image the manifest uses, each present in files."""
    pairs: dict[str, str] = {}
    for image in _image_objects(manifest["engagements"]):
        src, src2x = image["src"], image["src2x"]
        if src2x.replace("@2x.", ".").rsplit(".", 1)[0] != src.rsplit(".", 1)[0]:
            raise _damaged(f"{src2x} is not the 2x image of {src}")
        for path in (src, src2x):
            if path not in files:
                raise _damaged(f"the image {path} is missing")
        pairs[src2x] = src
    return pairs


def check_images(files: dict[str, bytes], manifest: dict[str, Any]) -> dict[str, CleanImage]:
    """The 2x image of every image the manifest uses, by its 2x path.

    Every image's pixels are counted from its header, each and in all, before
    any of them is decoded.
    """
    pairs = _image_pairs(files, manifest)
    try:
        total = 0
        for path in (path for pair in pairs.items() for path in pair):
            width, height = header_size(files[path], path)
            limits.IMAGE_PIXELS.check(width * height, name=path)
            total += width * height
        limits.BUNDLE_PIXELS.check(total)
        found: dict[str, CleanImage] = {}
        for src2x, src in pairs.items():
            check_bundle_image(files[src], src)
            found[src2x] = check_bundle_image(files[src2x], src2x)
    except ImageError as e:
        raise BundleError(f"{e} Nothing was imported.") from None
    return found


def checked_bundle(files: dict[str, bytes]) -> tuple[dict[str, Any], dict[str, CleanImage]]:
    """The manifest and images of a bundle that passed every check; raises BundleError."""
    name = find_manifest(files)
    _check_names(files)
    _check_install_page(files, name)
    manifest = parse_manifest(files, name)
    _check_file(files, manifest["files"]["window"], manifest["files"]["window_integrity"])
    _check_file(files, manifest["files"]["css"], manifest["files"]["css_integrity"])
    if "draw" in manifest["files"]:  # bundles exported before draw.js have none
        _check_file(files, manifest["files"]["draw"], manifest["files"]["draw_integrity"])
    _check_ids(manifest)
    _check_dates(manifest)
    return manifest, check_images(files, manifest)
