"""A forecast, ready to run: the manifest, the model, the period and the population.

Qt-free: everything but the engine (designer/preview/forecast_engine.py).
`plan()` reads the store once; the plan hands the engine what it loads
(`setup`), the visitors in batches, and a Tally for the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from designer.bundle.build import runtime_files
from designer.bundle.files import integrity
from designer.bundle.forecast_manifest import DRAFT, forecast_manifest
from designer.models import clock
from designer.models.forecast_model import checked_model
from designer.models.forecast_population import (
    Period,
    day_counts,
    site_pages,
    utc_offsets,
    visitors,
)
from designer.models.forecast_results import Tally
from designer.models.forecast_store import load_model
from designer.models.schedule import valid_time_zone
from designer.models.store import Store

DEFAULT_DAYS = 7
DEFAULT_SEED = 1
MANIFEST = "engagements.json"  # the manifest's name on the forecast's page


@dataclass
class ForecastPlan:
    manifest: dict[str, Any]
    model: dict[str, Any]
    period: Period
    total: int | None
    seed: int
    batch: int = 1000

    @property
    def visitor_count(self) -> int:
        return sum(day_counts(self.model, self.period, self.total))

    def setup(self) -> dict[str, Any]:
        """What each engine loads once: the bundle's files the tag fetches, by name, with the
        integrity value of their bytes (the manifest; the stylesheet with its text; draw.js,
        whose code the engine adds: forecast_engine.boot_source), the tag's and draw.js's
        names, and the site's pages."""
        names, runtime = runtime_files()
        css, draw = runtime[names["css"]], runtime[names["draw"]]
        files: dict[str, Any] = {
            MANIFEST: {"integrity": "", "data": self.manifest},
            names["css"]: {"integrity": integrity(css), "text": css.decode("utf-8")},
            names["draw"]: {"integrity": integrity(draw)},
        }
        return {
            "files": files,
            "names": {"tag": names["tag"], "draw": names["draw"], "manifest": MANIFEST},
            "origin": self.model["origin"],
            "pages": site_pages(self.model),
        }

    def batches(self) -> Iterator[list[dict[str, Any]]]:
        return visitors(self.model, self.period, self.total, self.seed, self.batch)

    def tally(self) -> Tally:
        account_zone = self.manifest["account"].get("time_zone") or "UTC"
        offsets = utc_offsets({account_zone}, self.period).get(account_zone)
        return Tally(self.manifest, self.period, offsets)


def plan(
    store: Store,
    start: date | None = None,
    days: int = DEFAULT_DAYS,
    total: int | None = None,
    seed: int = DEFAULT_SEED,
    which: str = DRAFT,
    model: dict[str, Any] | None = None,
) -> ForecastPlan:
    """The forecast of the store's draft (or published version) over days from start.

    start is a date in the account's time zone (None: today there); total, when given, replaces
    the model's visits per day; model, when given, replaces the stored one.
    """
    manifest = forecast_manifest(store, which)
    zone = manifest["account"].get("time_zone") or "UTC"
    zone = zone if valid_time_zone(zone) else "UTC"
    start = start or clock.now(ZoneInfo(zone)).date()
    return ForecastPlan(
        manifest=manifest,
        model=checked_model(model) if model is not None else load_model(store),
        period=Period(start, days, zone),
        total=total,
        seed=seed,
    )
