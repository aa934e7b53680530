"""The command line: the app by default, and headless verbs for pipelines.

engagement-designer                      the app, on the default store
engagement-designer list [--store S]     campaigns and their engagements
engagement-designer validate [--store S] problems; exit 1 on an error
engagement-designer new-store PATH [--sample]
engagement-designer export [--store S] [--campaign NAME ...] --out DIR|FILE.zip [--include-drafts]
engagement-designer import BUNDLE [--store S] [--create]
engagement-designer shots [--store S] --out DIR

Every verb but new-store opens only a store that exists: a --store that names
nothing is an error (exit status 2), never a new store seeded with the sample.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from designer.bundle import cli_verbs as bundle_verbs
from designer.models.errors import StoreError
from designer.models.store_target import (
    check_exists,
    chosen,
    holds_store,
    is_url,
    open_existing,
    shown,
    stat_or_none,
)
from designer.preview import cli_verbs as preview_verbs

# The store and its ORM are imported by the verbs that open one, and by the app only once
# its window shows: `import designer.cli` brings in no SQLAlchemy.
if TYPE_CHECKING:
    from designer.models.design_checks import TextMeasure
    from designer.models.store import Store

Verb = Callable[[argparse.Namespace], int]
# Qt platforms that need a display, and the variable that says where it is.
DISPLAY_OF_PLATFORM = {
    "xcb": "DISPLAY",
    "wayland": "WAYLAND_DISPLAY",
    "wayland-egl": "WAYLAND_DISPLAY",
}


def _open(args: argparse.Namespace) -> Store:
    return open_existing(chosen(args.store))


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
        problems = validate(s, text_measure())
    for p in problems:
        print(p)
    errors = sum(p.severity == ERROR for p in problems)
    print(f"{errors} errors, {len(problems) - errors} warnings")
    return 1 if errors else 0


def text_measure() -> TextMeasure:
    """The studio's text measure (Qt's font engine, offscreen): validate and export refuse
    text the browser would cut off, as the app does."""
    from designer.views.studio.text_fit import headless_measure

    return headless_measure()


def _refuse_existing(target: str) -> None:
    """new-store never opens (let alone seeds) a store or a file that is there already."""
    if is_url(target):
        if holds_store(target):
            raise StoreError(f"{shown(target)} already holds a campaign store; choose another.")
        return
    st = stat_or_none(Path(target).expanduser())
    if st is not None and not (stat.S_ISREG(st.st_mode) and st.st_size == 0):
        raise StoreError(f"{target} already exists; choose a new file name.")


def cmd_new_store(args: argparse.Namespace) -> int:
    from designer.models.store import Store

    _refuse_existing(args.path)
    Store.open(args.path, seed=args.sample).close()
    print(f"Made {shown(args.path)}{' with the sample campaigns' if args.sample else ''}.")
    return 0


def no_display() -> str | None:
    """Why the app cannot show a window here, or None. Qt would abort without a sentence."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    asked = [p.split(":")[0] for p in os.environ.get("QT_QPA_PLATFORM", "").split(";") if p]
    platforms = asked or ["xcb", "wayland"]
    needs = [DISPLAY_OF_PLATFORM.get(p) for p in platforms]
    if None in needs or any(os.environ.get(var) for var in needs):
        return None  # offscreen, vnc, eglfs... or a display that is set
    return (
        f"There is no display to show the app on ({' and '.join(dict.fromkeys(needs))} not set). "
        "Run it on a desktop, under xvfb-run, or use a verb that needs none: "
        "list, validate, export, import or shots."
    )


def cmd_app(args: argparse.Namespace) -> int:
    if args.store is not None:
        check_exists(chosen(args.store))  # only the default store is made on first start
    why = no_display()
    if why:
        return say_error(why)
    from designer.views.shell.app import run_app

    return run_app(args.store)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="engagement-designer", description=__doc__.split("\n")[0])
    p.add_argument("--store", help="store file or SQLAlchemy URL (default: the embedded store)")
    p.set_defaults(func=cmd_app, text_measure=text_measure)
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
    # Verbs that live beside their layer: export and import; shots and forecast. Each
    # imports its heavy modules (the bundle builder, QtWebEngine) only when it runs.
    bundle_verbs.register(verb)
    preview_verbs.register(verb)
    return p


def say_error(sentence: object) -> int:
    """The sentence on stderr (if anyone reads it); exit status 2."""
    with contextlib.suppress(OSError, ValueError):
        print(f"engagement-designer: {sentence}", file=sys.stderr, flush=True)
    return 2


def _quiet_closed_stdout() -> None:
    """The reader went away (`| head -1`): point stdout at nothing so exit does not fail."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # a name the terminal's encoding cannot show
            stream.reconfigure(errors="backslashreplace")
    args = parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_closed_stdout()
        return 1
    except StoreError as e:
        return say_error(e)
    except OSError as e:
        where = f" ({e.filename})" if e.filename else ""
        return say_error(f"{e.strerror or e}{where}. Check the path and try again.")
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
