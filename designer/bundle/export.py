"""Export: the bundle written to a folder or a .zip, all or nothing.

Files are written next to the destination first and moved into place at the
end, so a failed or cancelled export leaves no half bundle, and an earlier
bundle in the same folder is replaced whole (never mixed with the new one).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from designer.bundle import files as bf
from designer.bundle.build import Bundle, Cancel, Progress, build_bundle
from designer.bundle.errors import BundleError
from designer.models.store import Store


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


def _holds_only_a_bundle(folder: Path) -> bool:
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink() or (path.is_dir() and rel != "images"):
            return False
        if path.is_file() and not bf.BUNDLE_NAME.match(rel):
            return False
    return True


def _write_folder(files: dict[str, bytes], out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BundleError(f"{out} is a file; choose a folder, or a name ending in .zip.")
    if out.is_dir() and any(out.iterdir()) and not _holds_only_a_bundle(out):
        raise BundleError(
            f"{out} already holds other files, which an export would mix with the bundle. "
            "Choose an empty folder or a new name."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            os.chmod(path, 0o644)
        os.chmod(staging, 0o755)
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old)
        else:
            staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _write_zip(files: dict[str, bytes], out: Path) -> None:
    if out.is_dir():
        raise BundleError(f"{out} is a folder; choose a file name ending in .zip.")
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(bf.zip_bytes(files))
        os.chmod(temp, 0o644)
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
) -> ExportResult:
    """Write the bundle of campaign_names (None: every published campaign) to out.

    out is a folder, or a file when it ends in .zip. progress(done, total, what)
    is called as engagements are built; cancel() returning True stops the export
    with ExportCancelled and writes nothing. Every failure is a BundleError.
    """
    out = Path(out).expanduser()
    bundle = build_bundle(store, campaign_names, include_drafts, progress, cancel)
    try:
        if out.suffix.lower() == ".zip":
            _write_zip(bundle.files, out)
        else:
            _write_folder(bundle.files, out)
    except PermissionError:
        raise BundleError(
            f"{out} cannot be written: you do not have permission. Choose another place."
        ) from None
    except OSError as e:
        raise BundleError(
            f"The bundle could not be written to {out} ({e.strerror or e}). "
            "Check there is free space, or choose another place."
        ) from None
    return ExportResult(out, bundle)
