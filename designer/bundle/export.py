"""Export: the bundle written to a folder or a .zip, all or nothing.

Files are written beside their destination first and moved into place at the
end, so a failed or cancelled export leaves no half bundle. An export never
overwrites a file or folder that is not a bundle this app wrote. A bundle
folder that is there already keeps itself (its owner and permissions): its
files are replaced, install.html last, and the old bundle's other files removed.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from designer.bundle import files as bf
from designer.bundle.build import Bundle, Cancel, Progress, build_bundle
from designer.bundle.errors import BundleError
from designer.models.design_checks import TextMeasure
from designer.models.errors import StoreError
from designer.models.store import Store
from designer.models.store_target import kind_of_file, short, stat_or_none


@dataclass(frozen=True)
class ExportResult:
    out: Path
    bundle: Bundle

    def in_words(self) -> str:
        b = self.bundle
        what = ", ".join(f"“{n}”" for n in b.campaigns) or "no campaign"
        size = bf.human_size(sum(len(d) for d in b.files.values()))
        return (
            f"Exported {b.engagements} engagement{'s' if b.engagements != 1 else ''} of {what} "
            f"to {self.out} ({len(b.files)} files, {size}). "
            f"Open {bf.INSTALL} there to see how to add them to a website."
        )


STAGING = ".engagement-designer-export-"  # inside a bundle folder while it is rewritten
MANIFEST = re.compile(r"^engagements\.[0-9a-f]{10}\.json$")
# Files land in this order, install.html last: until it is replaced, the old tag and
# manifest it names are still there, so a site never sees half a bundle.
LANDING_ORDER = ("images/", "engagements.", "window.", "draw.", "tag.", bf.INSTALL)


def _is_our_bundle(names: list[str]) -> bool:
    """Whether names are a whole bundle this app wrote: only its names, with its install page."""
    return (
        bf.INSTALL in names
        and any(MANIFEST.match(n) for n in names)
        and all(bf.BUNDLE_NAME.match(n) for n in names)
    )


def _bundle_files_in(folder: Path) -> list[str] | None:
    """The bundle files in folder (relative names), or None if it holds anything else."""
    names = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        top = folder / rel.split("/")[0]
        if top.name.startswith(STAGING) and top.is_dir() and not top.is_symlink():
            continue  # left by an export that was stopped; removed before writing
        if path.is_symlink() or (path.is_dir() and rel != "images"):
            return None
        if path.is_file():
            names.append(rel)
    return names if not names or _is_our_bundle(names) else None


def _refuse_special(out: Path, st: os.stat_result) -> None:
    kind = kind_of_file(st.st_mode)
    if kind:
        raise BundleError(f"{out} is {kind}; choose a folder, or a name ending in .zip.")


def _write_new_folder(files: dict[str, bytes], out: Path) -> None:
    """A folder that is not there yet: built next to it, then renamed into place at once."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        _stage(files, staging)
        os.chmod(staging, 0o755)
        staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _stage(files: dict[str, bytes], staging: Path) -> None:
    for name, data in files.items():
        path = staging / name
        if not path.parent.exists():
            path.parent.mkdir()
            os.chmod(path.parent, 0o755)
        path.write_bytes(data)
        os.chmod(path, 0o644)


def _landing_rank(name: str) -> int:
    return next(i for i, start in enumerate(LANDING_ORDER) if name.startswith(start))


def _rewrite_folder(files: dict[str, bytes], out: Path, old: list[str]) -> None:
    """A bundle folder already there keeps itself (owner, permissions): only its files change."""
    for leftover in out.glob(STAGING + "*"):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=out))
    try:
        _stage(files, staging)
        for name in sorted(files, key=_landing_rank):
            target = out / name
            if not target.parent.is_dir():
                target.parent.mkdir()
                os.chmod(target.parent, 0o755)
            os.replace(staging / name, target)
        for name in set(old) - set(files):
            (out / name).unlink(missing_ok=True)
        images = out / "images"
        if images.is_dir() and not any(images.iterdir()):
            images.rmdir()
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_folder(files: dict[str, bytes], out: Path) -> None:
    st = stat_or_none(out)
    if st is None:
        _write_new_folder(files, out)
        return
    _refuse_special(out, st)
    if not stat.S_ISDIR(st.st_mode):
        raise BundleError(f"{out} is a file; choose a folder, or a name ending in .zip.")
    old = _bundle_files_in(out)
    if old is None:
        raise BundleError(
            f"{out} already holds other files, which an export would mix with the bundle. "
            "Choose an empty folder or a new name."
        )
    _rewrite_folder(files, out, old)


def _zip_names(out: Path) -> list[str] | None:
    try:
        with zipfile.ZipFile(out) as z:
            return z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _write_zip(files: dict[str, bytes], out: Path) -> None:
    if out.is_symlink():
        raise BundleError(f"{out} is a link to another file; choose a new name ending in .zip.")
    st = stat_or_none(out)
    mode = 0o644
    if st is not None:
        _refuse_special(out, st)
        if stat.S_ISDIR(st.st_mode):
            raise BundleError(f"{out} is a folder; choose a file name ending in .zip.")
        names = _zip_names(out)
        if names is None or not _is_our_bundle(names):
            raise BundleError(
                f"{out} is already there and is not a bundle this app wrote; an export never "
                "overwrites it. Choose a new name ending in .zip."
            )
        mode = stat.S_IMODE(st.st_mode)  # replacing our own bundle keeps its permissions
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(bf.zip_bytes(files))
        os.chmod(temp, mode)
        os.replace(temp, out)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def export(
    store: Store,
    campaign_names: list[str] | None,
    out: str | Path,
    include_drafts: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    measure: TextMeasure | None = None,
) -> ExportResult:
    """Write the bundle of campaign_names (None: every published campaign) to out.

    out is a folder, or a file when it ends in .zip. progress(done, total, what)
    is called as engagements are built; cancel() returning True stops the export
    with ExportCancelled and writes nothing. Every failure is a BundleError.
    measure: the views' text measure; with it, text the browser would cut off is refused.
    """
    out = Path(out).expanduser()
    bundle = build_bundle(store, campaign_names, include_drafts, progress, cancel, measure=measure)
    try:
        if out.suffix.lower() == ".zip":
            _write_zip(bundle.files, out)
        else:
            _write_folder(bundle.files, out)
    except StoreError as e:  # the destination cannot even be looked at (a name too long...)
        raise BundleError(str(e)) from None
    except PermissionError:
        raise BundleError(
            f"{short(out)} cannot be written: you do not have permission. Choose another place."
        ) from None
    except OSError as e:
        raise BundleError(
            f"The bundle could not be written to {short(out)} ({e.strerror or e}). "
            "Check there is free space, or choose another place."
        ) from None
    return ExportResult(out, bundle)
