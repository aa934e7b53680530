"""`engagement-designer forecast`: the store's draft run through the tag by a modelled population.

Prints the tables of designer/models/forecast_report.py (or JSON with
--json); --compare forecasts the published version beside the draft.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path


def _headless() -> None:
    from designer.preview.engine_flags import settle_flags

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    settle_flags(headless=True)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a date like 2026-12-07") from None


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return value


def _open_store(target: str | None):  # noqa: ANN202 - a Store, or None when it cannot be opened
    """The store to forecast, or None after saying on stderr why it cannot be opened."""
    from designer.models.errors import StoreError
    from designer.models.store import Store, default_store_path

    target = target or str(default_store_path())
    if "://" not in target and not Path(target).expanduser().exists():
        print(
            f"engagement-designer: there is no store at {target}; give an existing store, "
            f"or make one with: engagement-designer new-store {target}",
            file=sys.stderr,
        )
        return None
    try:
        return Store.open(target, seed=False)
    except StoreError as e:
        print(f"engagement-designer: {e}", file=sys.stderr)
        return None


def _run(store, args: argparse.Namespace) -> list | None:  # noqa: ANN001 - a Store
    """[(title, Forecast)]: the draft, after the published version with --compare; None after
    saying on stderr why it could not run. Closes the store."""
    from designer.bundle.errors import BundleError
    from designer.bundle.forecast_manifest import DRAFT, PUBLISHED
    from designer.bundle.forecast_plan import plan
    from designer.models.errors import StoreError
    from designer.preview.forecast_engine import ForecastFailed, run_forecast

    try:
        draft = plan(store, args.start, args.days, args.visitors, args.seed, DRAFT)
        runs = [("The draft", draft)]
        if args.compare:
            published = plan(
                store, draft.period.start, args.days, args.visitors, args.seed, PUBLISHED
            )
            runs.insert(0, ("The published version", published))
        return [(title, run_forecast(p)) for title, p in runs]
    except (BundleError, StoreError, ForecastFailed) as e:
        print(f"engagement-designer: {e}", file=sys.stderr)
        return None
    finally:
        store.close()


def _print_json(results: list, compare: bool) -> None:
    from designer.models import forecast_report as report

    out = {title.removeprefix("The ").replace(" ", "_"): report.as_dict(f) for title, f in results}
    if compare:
        head, *rows = report.comparison_table(results[0][1], results[1][1])
        out["differences"] = [dict(zip(head, r, strict=True)) for r in rows]
    print(json.dumps(out if compare else out["draft"], indent=2, ensure_ascii=False))


def _print_tables(results: list, compare: bool) -> None:
    from designer.models import forecast_report as report

    for title, f in results:
        print(report.text_report(f, title))
    if compare:
        table = report.comparison_table(results[0][1], results[1][1])
        print("Published version and draft:")
        print("\n".join("  " + line for line in report.aligned(table)))


def cmd_forecast(args: argparse.Namespace) -> int:
    _headless()
    from PySide6.QtWebEngineCore import QWebEngineProfile  # noqa: F401 - before the application
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - QtWebEngine needs it
    store = _open_store(getattr(args, "store", None))
    results = _run(store, args) if store is not None else None
    if results is None:
        return 2
    (_print_json if args.json else _print_tables)(results, args.compare)
    return 0


def register(verb: Callable[..., argparse.ArgumentParser]) -> None:
    sp = verb(
        "forecast", cmd_forecast, "forecast whom each engagement reaches, through the real tag"
    )
    sp.add_argument("--days", type=_positive, default=7, help="days forecast (default 7)")
    sp.add_argument(
        "--visitors",
        type=_positive,
        default=None,
        help="visitors in all (default: the model's visits per day)",
    )
    sp.add_argument("--seed", type=int, default=1, help="the same seed gives the same forecast")
    sp.add_argument(
        "--start",
        type=_day,
        help="first day, YYYY-MM-DD in the account's time zone (default today)",
    )
    sp.add_argument(
        "--compare", action="store_true", help="forecast the published version beside the draft"
    )
    sp.add_argument("--json", action="store_true", help="print JSON instead of tables")
