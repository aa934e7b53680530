"""The bundle's command line verbs: export and import, added to designer/cli.py.

Failures print a sentence to stderr and exit with status 2; success says
what was written or imported.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from designer.bundle.errors import BundleError
from designer.models.errors import StoreError
from designer.models.store import Store, default_store_path


def _store(args: argparse.Namespace, seed: bool = True) -> Store:
    return Store.open(getattr(args, "store", None) or default_store_path(), seed=seed)


def _fail(error: Exception) -> int:
    print(f"engagement-designer: {error}", file=sys.stderr)
    return 2


def cmd_export(args: argparse.Namespace) -> int:
    from designer.bundle.export import export

    try:
        store = _store(args)
        try:
            result = export(store, args.campaign or None, args.out, args.include_drafts)
        finally:
            store.close()
    except (BundleError, StoreError) as e:
        return _fail(e)
    print(result.in_words())
    for name, data in result.bundle.files.items():
        print(f"  {name}\t{len(data)} bytes")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from designer.bundle.importer import import_bundle

    try:
        store = _store(args, seed=False)  # a new store holds only what is imported
        try:
            result = import_bundle(store, args.bundle)
        finally:
            store.close()
    except (BundleError, StoreError) as e:
        return _fail(e)
    print(result.in_words(store.label))
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
