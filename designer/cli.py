"""The command line: the app by default, and headless verbs for pipelines.

engagement-designer                      the app, on the default store
engagement-designer list [--store S]     campaigns and their engagements
engagement-designer validate [--store S] problems; exit 1 on an error
engagement-designer new-store PATH [--sample]
engagement-designer export [--store S] [--campaign NAME ...] --out DIR|FILE.zip [--include-drafts]
engagement-designer import BUNDLE [--store S]
engagement-designer shots [--store S] --out DIR
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from designer.models.errors import StoreError
from designer.models.store import Store, default_store_path

Verb = Callable[[argparse.Namespace], int]


def _open(args: argparse.Namespace) -> Store:
    return Store.open(args.store or default_store_path())


def cmd_list(args: argparse.Namespace) -> int:
    from designer.models.summary import campaign_rows

    store = _open(args)
    with store.read() as s:
        rows = campaign_rows(s)
    if not rows:
        print("The store has no campaigns yet.")
    for r in rows:
        print(f"{r.name}\t{r.status}\t{r.goal}\t{r.priority} priority\t{r.engagements} engagements")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from designer.models.validation import ERROR, validate

    store = _open(args)
    with store.read() as s:
        problems = validate(s)
    for p in problems:
        print(p)
    errors = sum(p.severity == ERROR for p in problems)
    print(f"{errors} errors, {len(problems) - errors} warnings")
    return 1 if errors else 0


def cmd_new_store(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(f"{path} already exists; choose a new file name.")
    Store.open(path, seed=args.sample).close()
    print(f"Made {path}{' with the sample campaigns' if args.sample else ''}.")
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    from designer.views.app import run_app

    return run_app(args.store)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="engagement-designer", description=__doc__.split("\n")[0])
    p.add_argument("--store", help="store file or SQLAlchemy URL (default: the embedded store)")
    p.set_defaults(func=cmd_app)
    verbs = p.add_subparsers(dest="verb", metavar="VERB")

    def verb(name: str, func: Verb, help_: str) -> argparse.ArgumentParser:
        sp = verbs.add_parser(name, help=help_)
        sp.add_argument("--store", default=argparse.SUPPRESS, help="store file or SQLAlchemy URL")
        sp.set_defaults(func=func)
        return sp

    verb("list", cmd_list, "list campaigns")
    verb("validate", cmd_validate, "list the store's problems; exit status 1 on an error")
    sp = verb("new-store", cmd_new_store, "make a new store file")
    sp.add_argument("path")
    sp.add_argument("--sample", action="store_true", help="seed it with the sample campaigns")
    for extra in _extra_verbs():
        extra(verb)
    return p


def _extra_verbs() -> list[Callable]:
    """Verbs that live beside their layer (export, import, shots), added when present."""
    found = []
    for module in ("designer.bundle.cli_verbs", "designer.preview.cli_verbs"):
        try:
            found.append(__import__(module, fromlist=["register"]).register)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise
    return found


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except StoreError as e:
        print(f"engagement-designer: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
