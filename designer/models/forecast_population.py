"""The forecast's visitors: a deterministic population drawn from a forecast model.

Qt-free. `Period` is the forecast's days, starting at a date the caller
gives (tests give one; the app gives today). `visitors()` yields the
visitors in batches, each a plain dict: device, how they arrived, and their
pages in order, each a list (PAGE_FIELDS: the page's position in the model, when
it opens, the seconds spent, what the visitor does there (flags), scroll depth,
and the cart when there is one). The forecast engine sends the harness
(designer/preview/forecast_harness.js) what it reads of them (forecast_engine.wire).
The same model, period and seed always give the same visitors.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from math import log
from typing import Any
from zoneinfo import ZoneInfo

from designer.models.forecast_model import LEAVE

MAX_PAGES = 30
DECLINES, EXITS = 1, 2  # a page's flags: the visitor closes an invitation; exit intent
# A visitor-page's fields, in order; "cart" ([value, value before or None, products]) only
# when the visitor has one. Lists rather than dicts: 100,000 visitors' pages go to the engine.
PAGE_FIELDS = ("page", "at", "seconds", "flags", "scroll", "cart")
PAGE, AT, FLAGS = 0, 1, 3
_REFERRERS = {
    "search": "https://www.google.com/search?q=",
    "referral": "https://blog.example.org/gear-guide",
}
_QUERIES = {
    "paid_search": "?utm_medium=cpc&utm_source=google",
    "email": "?utm_medium=email&utm_source=newsletter",
    "social": "?utm_medium=social&utm_source=instagram",
    "display": "?utm_medium=display&utm_source=network",
}


@dataclass(frozen=True)
class Period:
    """days days from start (a date in time_zone, the account's)."""

    start: date
    days: int
    time_zone: str = "UTC"

    def day(self, n: int) -> date:
        return self.start + timedelta(days=n)

    def midnight(self, n: int) -> datetime:
        return datetime.combine(self.day(n), time(), ZoneInfo(self.time_zone))

    def label(self, n: int) -> str:
        return self.day(n).strftime("%a %d %b")


def day_counts(model: dict[str, Any], period: Period, total: int | None) -> list[int]:
    """Visits on each day: the model's visits per day shaped by weekday, or total shared out."""
    weights = [
        model["weekdays"][(period.start + timedelta(days=d)).weekday()] for d in range(period.days)
    ]
    mean = sum(model["weekdays"]) / 7
    if total is None:
        return [round(model["visits_per_day"] * w / mean) for w in weights]
    exact = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in exact]
    by_rest = sorted(range(len(exact)), key=lambda d: counts[d] - exact[d])
    for d in by_rest[: total - sum(counts)]:
        counts[d] += 1
    return counts


class _Chooser:
    """random.choices(options, weights) with the cumulative weights computed once
    (the same draw from the same random numbers, without choices' checks each time)."""

    def __init__(self, options: dict[Any, float] | list[Any], weights: list[float] | None = None):
        if isinstance(options, dict):
            options, weights = list(options), list(options.values())
        self.options, self.cum = list(options), list(accumulate(weights or []))
        self.total, self.last = self.cum[-1], len(self.cum) - 1

    def __call__(self, rng: random.Random) -> Any:
        return self.options[bisect(self.cum, rng.random() * self.total, 0, self.last)]


class _Site:
    def __init__(self, model: dict[str, Any]) -> None:
        self.model = model
        self.pages = model["pages"]
        self.index = {p["path"]: n for n, p in enumerate(self.pages)}
        self.entry = _Chooser(list(range(len(self.pages))), [p["entry"] for p in self.pages])
        self.next = [_Chooser(p["next"]) if sum(p["next"].values()) else None for p in self.pages]
        self.hour = _Chooser(list(range(24)), model["hours"])
        self.device = _Chooser(model["devices"])
        self.source = _Chooser(model["sources"])

    def walk(self, rng: random.Random, at_ms: int, device: str) -> list[list[Any]]:
        m, n, out, draw = self.model, self.entry(rng), [], rng.random
        cart_value, products = 0.0, []
        for _ in range(MAX_PAGES):
            page = self.pages[n]
            # rng.expovariate(1 / mean) and rng.uniform(0.3, 1.7), written out (the same
            # numbers from the same draws, without two calls per page)
            seconds = max(2, min(900, round(-log(1.0 - draw()) / (1 / page["seconds"]))))
            scroll = min(100, round(page["scroll"] * (0.3 + (1.7 - 0.3) * draw())))
            item: list[Any] = [n, at_ms, seconds, 0, scroll]
            if page["product"] and rng.random() * 100 < page["add_to_cart"]:
                cart_value, products = cart_value + page["price"], [*products, page["product"]]
            before = None
            if products and not page["product"] and rng.random() * 100 < m["cart_decrease"]:
                before = cart_value
                cart_value -= self.pages[self.index.get("/product/" + products[-1], n)]["price"]
                cart_value, products = max(0.0, cart_value), products[:-1]
            if products or before is not None:
                item.append([round(cart_value, 2), before, list(products)])
            if page["purchase"]:  # the order is placed: the site's cart is empty again
                cart_value, products = 0.0, []
            if rng.random() * 100 < m["decline"]:
                item[FLAGS] |= DECLINES
            out.append(item)
            target = self.next[n](rng) if self.next[n] else LEAVE
            if target != LEAVE and self.pages[self.index[target]]["purchase"]:
                buys = products and rng.random() * 100 >= m["cart_abandon"]
                target = target if buys else LEAVE
            if target == LEAVE:
                if device == "desktop" and rng.random() * 100 < m["exit_intent"]:
                    item[FLAGS] |= EXITS
                break
            n = self.index[target]
            at_ms += (seconds + 1) * 1000
        return out


def site_pages(model: dict[str, Any]) -> list[dict[str, Any]]:
    """What the harness needs of each page (by position): path, element ids, product."""
    return [
        {"path": p["path"], "element_ids": p["element_ids"], "product": p["product"]}
        for p in model["pages"]
    ]


def visitors(
    model: dict[str, Any], period: Period, total: int | None, seed: int, batch: int = 2000
) -> Iterator[list[dict[str, Any]]]:
    """The population in batches; each visitor knows its day and hour of the week."""
    rng, site = random.Random(seed), _Site(model)
    out: list[dict[str, Any]] = []
    index = 0
    for day, count in enumerate(day_counts(model, period, total)):
        midnight = period.midnight(day)
        weekday = midnight.weekday()
        for _ in range(count):
            hour = site.hour(rng)
            local = midnight + timedelta(hours=hour, seconds=rng.randrange(3600))
            at_ms = round(local.timestamp() * 1000)
            device = site.device(rng)
            source = site.source(rng)
            visits = rng.randint(1, 6) if rng.random() * 100 < model["returning"] else 0
            pages = site.walk(rng, at_ms, device)
            first = model["pages"][pages[0][PAGE]]
            words = (first["product"] or "outdoor clothing").replace("-", "+").replace(" ", "+")
            out.append(
                {
                    "i": index,
                    "seed": rng.getrandbits(32),
                    "id": f"{rng.getrandbits(128):032x}" if visits else None,
                    "visits": visits,
                    "device": device,
                    "meta": not (
                        device == "phone" and rng.random() * 100 < model["without_viewport_meta"]
                    ),
                    "source": source,
                    "query": _QUERIES.get(source, ""),
                    "referrer": _REFERRERS[source] + words
                    if source == "search"
                    else _REFERRERS.get(source, ""),
                    "day": day,
                    "how": weekday * 24 + hour,
                    "pages": pages,
                }
            )
            index += 1
            if len(out) >= batch:
                yield out
                out = []
    if out:
        yield out


def utc_offsets(zones: set[str], period: Period) -> dict[str, list[list[int]]]:
    """{zone: [[from UTC ms, offset minutes], ...]} over the period: the tally places each
    impression in the hour of the account's week with it (the tag reads the manifest's own
    time_zones). Unknown zones are left out.
    """
    first = period.midnight(0) - timedelta(days=2)
    quarters = (period.days + 4) * 96  # every transition falls on a quarter hour
    out: dict[str, list[list[int]]] = {}
    for name in sorted(zones):
        try:
            zone = ZoneInfo(name)
        except (ValueError, KeyError, OSError):
            continue
        table: list[list[int]] = []
        for q in range(quarters + 1):
            at = first + timedelta(minutes=15 * q)
            offset = round(at.astimezone(zone).utcoffset().total_seconds() / 60)
            if not table or table[-1][1] != offset:
                table.append([round(at.timestamp() * 1000), offset])
        out[name] = table
    return out
