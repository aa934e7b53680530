"""The bundle's command line verbs: export and import, added to designer/cli.py.

Failures print a sentence to stderr and exit with status 2; success says
what was written or imported. Both open only a store that exists (import
makes a new, empty one with --create); a bundle that is a pipe, a device or
any other special file is refused before it is opened.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from designer.bundle.errors import BundleError
from designer.models.errors import StoreError
from designer.models.store_target import chosen, is_url, kind_of_file, open_existing, stat_or_none

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def _target(args: argparse.Namespace) -> str | Path:
    return chosen(getattr(args, "store", None))


def fail(error: Exception | str) -> int:
    """The sentence on stderr; exit status 2."""
    print(f"engagement-designer: {error}", file=sys.stderr)
    return 2


def cmd_export(args: argparse.Namespace) -> int:
    from designer.bundle.export import export

    try:
        store = open_existing(_target(args))
        try:
            result = export(
                store,
                args.campaign or None,
                args.out,
                args.include_drafts,
                measure=args.text_measure(),
            )
        finally:
            store.close()
    except (BundleError, StoreError) as e:
        return fail(e)
    print(result.in_words())
    for name, data in result.bundle.files.items():
        print(f"  {name}\t{len(data)} bytes")
    return 0


def check_bundle_path(bundle: str) -> Path:
    """The bundle's path, refused without opening it unless it is a folder or a regular file."""
    path = Path(bundle).expanduser()
    try:
        st = stat_or_none(path)
    except StoreError as e:
        raise BundleError(str(e)) from None
    if st is None:
        raise BundleError(f"{path} does not exist; choose a bundle folder or .zip file.")
    kind = kind_of_file(st.st_mode)
    if kind:
        raise BundleError(
            f"{path} is {kind}, not a bundle; choose a bundle folder or .zip file "
            "(bundles are not read from streams)."
        )
    return path


def _new_store_place(target: Path) -> Path:
    """Where a new store is built before it takes target's name: next to it, hidden."""
    folder = target.parent
    st = stat_or_none(folder)
    if st is None or not stat.S_ISDIR(st.st_mode):
        raise StoreError(f"The folder {folder} does not exist; make it first or choose another.")
    return folder / f".{target.name}.importing-{os.getpid()}"


def _remove_store_files(path: Path) -> None:
    for name in (path.name, *(path.name + side for side in SQLITE_SIDE_FILES)):
        (path.parent / name).unlink(missing_ok=True)


def _import_into(args: argparse.Namespace, bundle: Path) -> str:
    """Import; a new store is made under a hidden name and takes its own only when it worked."""
    from designer.bundle.importer import import_bundle
    from designer.models.store import Store

    target = _target(args)
    final = None if is_url(target) else Path(target).expanduser()
    if final is not None and stat_or_none(final) is None and not args.create:
        raise StoreError(
            f"There is no campaign store at {final}. Check the path, or add --create "
            "to import into a new, empty store there."
        )
    if final is None or stat_or_none(final) is not None:  # a URL (made if --create) or a file
        store = open_existing(target, create=args.create)
        try:
            return import_bundle(store, bundle).in_words(store.label)
        finally:
            store.close()
    building = _new_store_place(final)
    try:
        try:
            store = Store.open(building, seed=False)
        except StoreError as e:  # said of the hidden name: say it of the one the designer gave
            raise StoreError(str(e).replace(building.name, final.name)) from None
        try:
            result = import_bundle(store, bundle)
        finally:
            store.close()
        os.link(building, final)  # fails, rather than overwrites, if final appeared meanwhile
    except FileExistsError:
        raise StoreError(f"{final} appeared while importing; nothing was changed.") from None
    finally:
        _remove_store_files(building)
    return result.in_words(final.name)


def cmd_import(args: argparse.Namespace) -> int:
    try:
        said = _import_into(args, check_bundle_path(args.bundle))
    except (BundleError, StoreError) as e:
        return fail(e)
    print(said)
    return 0


def register(verb: Callable[..., argparse.ArgumentParser]) -> None:
    sp = verb("export", cmd_export, "write a bundle a website includes (folder or .zip)")
    sp.add_argument(
        "--campaign",
        action="append",
        metavar="NAME",
        help="a campaign to export (repeat for several; default: every published campaign)",
    )
    sp.add_argument("--out", required=True, metavar="DIR|FILE.zip", help="where to write it")
    sp.add_argument(
        "--include-drafts",
        action="store_true",
        help="also export draft campaigns and turned-off engagements, for testing",
    )
    sp = verb("import", cmd_import, "bring a bundle (folder or .zip) back into a store")
    sp.add_argument("bundle", metavar="BUNDLE")
    sp.add_argument(
        "--create",
        action="store_true",
        help="make the store (empty, without the sample) if no file is there yet",
    )
