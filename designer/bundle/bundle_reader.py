"""Reading a bundle (folder or .zip) into {path: bytes}, refusing anything unsafe.

A bundle may come from anyone, so nothing in it is trusted: member names
that climb out of the bundle, absolute paths, links, encrypted or damaged
members, special files, and sizes past the budgets of `bundle_limits` are
refused with a sentence. Sizes are checked before anything is read: the
zip's directory from its end record, each member's and the total declared
size (then every member is read with a cap in case they lie), a folder's
files from their stat. Files whose names a bundle never holds are left
unread, and in a folder only the top level and images/ are listed: a
bundle's files are never elsewhere, so unrelated files cost one name match.
"""

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path, PurePosixPath

from designer.bundle.bundle_limits import BUNDLE_BYTES, DIRECTORY_BYTES, ENTRIES, FILE_BYTES
from designer.bundle.errors import BundleError
from designer.bundle.files import BUNDLE_NAME

IMAGES = "images"
_CHUNK = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
# A file is opened without following a link, and without waiting for a writer if it
# was swapped for a pipe after it was listed.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


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


def _link(label: str, rel: str) -> BundleError:
    return BundleError(
        f"{label} is refused: “{rel[:80]}” is a link to another place, which a bundle never holds."
    )


def _damaged_member(label: str, name: str) -> BundleError:
    return BundleError(
        f"{label} is damaged: “{name[:80]}” cannot be read. Export the bundle again."
    )


def _directory_size(path: Path) -> int | None:
    """The size of the zip's directory of names as the zip reader will read it whole."""
    # zipfile's own end-record reader (it follows ZIP64 records), so the size checked
    # is the one ZipFile then reads; None when there is no end record.
    with path.open("rb") as f:
        end = zipfile._EndRecData(f)  # noqa: SLF001
    return None if end is None else end[zipfile._ECD_SIZE]  # noqa: SLF001


def _zip_entries(archive: zipfile.ZipFile, label: str) -> list[zipfile.ZipInfo]:
    """The members with bundle names, their declared sizes within the budgets."""
    infos = archive.infolist()
    ENTRIES.check(len(infos), label)
    wanted, seen, declared = [], set(), 0
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            raise BundleError(
                f"{label} is refused: it holds a file named “{name[:80]}”, which points "
                "outside the bundle. Only import bundles exported by Engagement Designer."
            )
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _link(label, name)
        if info.flag_bits & 0x1:
            raise BundleError(f"{label} is refused: “{name[:80]}” is encrypted.")
        if name in seen:
            raise BundleError(f"{label} is refused: it holds “{name[:80]}” twice.")
        if info.is_dir() or not BUNDLE_NAME.match(name):
            continue
        seen.add(name)
        FILE_BYTES.check(info.file_size, label, name=name)
        declared += info.file_size
        wanted.append(info)
    BUNDLE_BYTES.check(declared, label)
    return wanted


def _read_zip(path: Path, label: str) -> dict[str, bytes]:
    try:
        directory = _directory_size(path)
        if directory is not None:
            DIRECTORY_BYTES.check(directory, label)
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise BundleError(
            f"{label} is not a zip file we can read (it may be damaged or cut short). "
            "Export the bundle again."
        ) from None
    with archive:
        return {
            info.filename: _read_member(archive, info, label)
            for info in _zip_entries(archive, label)
        }


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bytes:
    """The member's bytes, read with a cap whatever size it declares."""
    parts, size = [], 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > info.file_size:
                    raise FILE_BYTES.refuse(size, label, name=info.filename)
                parts.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
        raise _damaged_member(label, info.filename) from None
    return b"".join(parts)


def _folder_entries(folder: Path, label: str) -> list[tuple[str, str]]:
    """(bundle name, path) of the folder's bundle files, sorted: top level and images/ only."""
    found = []
    images = folder / IMAGES
    if images.is_symlink():
        raise _link(label, IMAGES)
    for where, prefix in ((folder, ""), (images, f"{IMAGES}/")):
        if prefix and not images.is_dir():
            continue
        with os.scandir(where) as listing:
            for entry in listing:
                rel = prefix + entry.name
                if not BUNDLE_NAME.match(rel):
                    continue
                if entry.is_symlink():
                    raise _link(label, rel)
                if not entry.is_file(follow_symlinks=False):
                    raise BundleError(
                        f"{label} is refused: “{rel}” is not a regular file "
                        "(a bundle holds only files)."
                    )
                found.append((rel, entry.path))
    return sorted(found)


def _read_file(full: str, rel: str, label: str) -> bytes:
    try:
        fd = os.open(full, _OPEN_FLAGS)
    except OSError:
        raise _damaged_member(label, rel) from None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _damaged_member(label, rel)
        data = f.read(FILE_BYTES.limit + 1)
    FILE_BYTES.check(len(data), label, name=rel)
    return data


def _read_folder(folder: Path, label: str) -> dict[str, bytes]:
    entries = _folder_entries(folder, label)
    ENTRIES.check(len(entries), label)
    total = 0
    for rel, full in entries:
        size = os.stat(full, follow_symlinks=False).st_size
        FILE_BYTES.check(size, label, name=rel)
        total += size
    BUNDLE_BYTES.check(total, label)
    files: dict[str, bytes] = {}
    read = 0
    for rel, full in entries:
        files[rel] = data = _read_file(full, rel, label)
        read += len(data)
        BUNDLE_BYTES.check(read, label)  # again, in case a file grew after it was listed
    return files


def read_bundle(path: str | Path) -> dict[str, bytes]:
    """Every bundle file of the folder or zip at path; raises BundleError."""
    path = Path(path).expanduser()
    label = path.name or str(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            return _read_folder(path, label)
        if not stat.S_ISREG(mode):
            raise BundleError(
                f"{label} is not a bundle: a device, pipe or socket is never read. "
                "Choose the folder or .zip file an export wrote."
            )
        return _read_zip(path, label)
    except FileNotFoundError:
        raise BundleError(f"{path} does not exist; choose a bundle folder or .zip file.") from None
    except PermissionError:
        raise BundleError(
            f"{label} cannot be read: you do not have permission to open it."
        ) from None
    except OSError as e:
        raise BundleError(f"{label} cannot be read ({e.strerror or e}).") from None
