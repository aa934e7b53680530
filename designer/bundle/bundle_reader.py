"""Reading a bundle (folder or .zip) into {path: bytes}, refusing anything unsafe.

A bundle may come from anyone, so nothing in it is trusted: member names
that climb out of the bundle, absolute paths, links, encrypted or damaged
members, and members or totals past the size limits (zip bombs: the
declared sizes are checked, then every member is read with a cap in case
they lie) are refused with a sentence. Files whose names a bundle never
holds are left unread.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path, PurePosixPath

from designer.bundle.errors import BundleError
from designer.bundle.files import BUNDLE_NAME

MAX_FILE = 25 * 1024 * 1024
MAX_TOTAL = 250 * 1024 * 1024
MAX_FILES = 20_000
_CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or "\x00" in name
        or bool(_DRIVE.match(name))
        or any(part in ("..", "") for part in name.rstrip("/").split("/"))
        or path.is_absolute()
    )


def _too_big(label: str, what: str) -> BundleError:
    return BundleError(
        f"{label} is refused: {what} is larger than a bundle ever is "
        f"(at most {MAX_FILE // (1024 * 1024)} MB a file, {MAX_TOTAL // (1024 * 1024)} MB in all). "
        "It may be a zip bomb; export the bundle again from Engagement Designer."
    )


def _read_zip(path: Path, label: str) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise BundleError(
            f"{label} is not a zip file we can read (it may be damaged or cut short). "
            "Export the bundle again."
        ) from None
    files: dict[str, bytes] = {}
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_FILES:
            raise BundleError(f"{label} holds {len(infos)} files, more than a bundle ever does.")
        declared = 0
        for info in infos:
            name = info.filename
            if _unsafe_name(name):
                raise BundleError(
                    f"{label} is refused: it holds a file named “{name[:80]}”, which points "
                    "outside the bundle. Only import bundles exported by Engagement Designer."
                )
            if stat.S_ISLNK(info.external_attr >> 16):
                raise BundleError(
                    f"{label} is refused: “{name[:80]}” is a link to another place, "
                    "which a bundle never holds."
                )
            if info.flag_bits & 0x1:
                raise BundleError(f"{label} is refused: “{name[:80]}” is encrypted.")
            if name in files or info.is_dir() or not BUNDLE_NAME.match(name):
                if name in files:
                    raise BundleError(f"{label} is refused: it holds “{name[:80]}” twice.")
                continue
            declared += info.file_size
            if info.file_size > MAX_FILE:
                raise _too_big(label, f"“{name}”")
            if declared > MAX_TOTAL:
                raise _too_big(label, "its content")
            files[name] = _read_member(archive, info, label)
    return files


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    """The member's bytes, read with a cap whatever size it declares."""
    parts, size = [], 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > MAX_FILE or size > info.file_size:
                    raise _too_big(label, f"“{info.filename}”")
                parts.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise BundleError(
            f"{label} is damaged: “{info.filename[:80]}” cannot be read. Export the bundle again."
        ) from None
    return b"".join(parts)


def _read_folder(folder: Path, label: str) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    total = 0
    for root, dirs, names in os.walk(folder, followlinks=False):
        for entry in [*dirs, *names]:
            full = Path(root) / entry
            rel = full.relative_to(folder).as_posix()
            if full.is_symlink():
                raise BundleError(
                    f"{label} is refused: “{rel}” is a link to another place, "
                    "which a bundle never holds."
                )
            if entry in names and BUNDLE_NAME.match(rel):
                size = full.stat().st_size
                total += size
                if size > MAX_FILE:
                    raise _too_big(label, f"“{rel}”")
                if total > MAX_TOTAL or len(files) >= MAX_FILES:
                    raise _too_big(label, "its content")
                with full.open("rb") as f:
                    data = f.read(MAX_FILE + 1)
                if len(data) > MAX_FILE:
                    raise _too_big(label, f"“{rel}”")
                files[rel] = data
    return files


def read_bundle(path: str | Path) -> dict[str, bytes]:
    """Every bundle file of the folder or zip at path; raises BundleError."""
    path = Path(path).expanduser()
    label = path.name or str(path)
    if not path.exists():
        raise BundleError(f"{path} does not exist; choose a bundle folder or .zip file.")
    try:
        if path.is_dir():
            return _read_folder(path, label)
        return _read_zip(path, label)
    except PermissionError:
        raise BundleError(
            f"{label} cannot be read: you do not have permission to open it."
        ) from None
