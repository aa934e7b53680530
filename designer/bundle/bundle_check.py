"""Checking a bundle read from disk before any of it reaches the store.

The manifest must be found, parse as JSON, be format 1 and fit the schema;
every file it names must be present with the content its name and its
integrity value promise; every image must be one the pipeline writes; ids
must point at things the manifest holds.
"""

from __future__ import annotations

import json
import re
from typing import Any

from designer.bundle import files as bf
from designer.bundle.errors import BundleError
from designer.bundle.images import CleanImage, ImageError, check_bundle_image
from designer.bundle.manifest import check_manifest

MANIFEST_NAME = re.compile(r"^engagements\.[0-9a-f]{10}\.json$")
SNIPPET_MANIFEST = re.compile(rb'data-manifest="([^"]*)"\s+data-manifest-integrity="([^"]*)"')


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
        manifest = json.loads(files[name].decode("utf-8"))
    except UnicodeDecodeError:
        raise _damaged(f"{name} is not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise _damaged(f"{name} is not valid JSON ({e.msg} at line {e.lineno})") from None
    except RecursionError:
        raise _damaged(f"{name} is nested too deeply to be a manifest") from None
    check_manifest(manifest)
    return manifest


def _check_file(files: dict[str, bytes], name: str, expected: str) -> None:
    if name not in files:
        raise _damaged(f"the manifest names {name}, which is missing")
    if bf.integrity(files[name]) != expected:
        raise _damaged(f"{name} does not match the integrity value the manifest gives")


def _image_objects(value: Any) -> list[dict[str, str]]:
    """Every {"src", "src2x"} object in a manifest part."""
    found: list[dict[str, str]] = []
    if isinstance(value, dict):
        if set(value) == {"src", "src2x"}:
            return [value]
        for v in value.values():
            found += _image_objects(v)
    elif isinstance(value, list):
        for v in value:
            found += _image_objects(v)
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


def check_images(files: dict[str, bytes], manifest: dict[str, Any]) -> dict[str, CleanImage]:
    """The 2x image of every image the manifest uses, by its 2x path."""
    found: dict[str, CleanImage] = {}
    for image in _image_objects(manifest["engagements"]):
        src, src2x = image["src"], image["src2x"]
        if src2x.replace("@2x.", ".").rsplit(".", 1)[0] != src.rsplit(".", 1)[0]:
            raise _damaged(f"{src2x} is not the 2x image of {src}")
        for path in (src, src2x):
            if path not in files:
                raise _damaged(f"the image {path} is missing")
        if src2x not in found:
            try:
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
    return manifest, check_images(files, manifest)
