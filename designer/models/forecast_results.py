"""What a forecast found, added up from what the tag decided for each visitor.

Qt-free. The harness reports, per visitor, the impressions the tag made
(engagement, page, agent state, time) and, for each engagement it did not
show on a page, the tag's sentence. `Tally.add` sums a batch; `Forecast`
holds the totals per engagement and per day, and the tables the app, the
command line and the CSV export show.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from designer.models.forecast_population import Period
from designer.models.forecast_reasons import pattern, step_of, step_rank

DEVICE_KEYS = ("desktop", "tablet", "phone", "phone_no_meta")


@dataclass
class EngagementInfo:
    id: int
    name: str
    campaign: str
    campaign_id: int
    zone: str
    format: str
    proactive: bool


def engagements_of(manifest: dict[str, Any]) -> list[EngagementInfo]:
    campaigns = {c["id"]: c["name"] for c in manifest["campaigns"]}
    return [
        EngagementInfo(
            e["id"],
            e["name"],
            campaigns.get(e["campaign"], "?"),
            e["campaign"],
            e["zone_key"],
            e["format"],
            e["zone"] == "proactive",
        )
        for e in manifest["engagements"]
    ]


@dataclass
class Forecast:
    """The totals. Per-engagement tables are keyed by the manifest's engagement id."""

    period: Period
    engagements: list[EngagementInfo]
    campaigns: dict[int, str]
    visitors_by_day: list[int]
    reached: dict[int, list[int]]  # visitors who saw it at least once, per day
    impressions: dict[int, list[int]]  # times it was put on a page, per day
    heat: dict[int, list[int]]  # impressions by hour of the week (Monday 00 = 0), account time
    devices: dict[int, Counter]  # visitors reached, by device
    reasons: dict[int, dict[str, list]]  # pattern -> [visitors, example sentence, step]
    reasons_by_day: dict[int, list[Counter]]  # step -> visitors not reached, per day
    contests: dict[str, Counter]  # zone -> engagement id -> contested visitors it won
    held_out: Counter  # "account" or campaign id -> visitors held out by that control group
    declines: Counter  # engagement id -> visitors who closed it
    proactive_displays: Counter  # proactive engagements seen in a visit -> visits
    pages: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def visitors(self) -> int:
        return sum(self.visitors_by_day)

    def reach(self, eid: int) -> float:
        return sum(self.reached[eid]) / self.visitors if self.visitors else 0.0

    def name(self, eid: int) -> str:
        return next((e.name for e in self.engagements if e.id == eid), f"#{eid}")


@dataclass(frozen=True)
class _Miss:
    """An engagement a visitor did not see, and why: the control groups that held them out, the
    zone it lost, and the reason that went furthest (its sentence, step and pattern)."""

    eid: int
    held: tuple[Any, ...]
    zone: str | None
    sentence: str
    step: str
    like: str


class Tally:
    """Adds batches up into a Forecast."""

    def __init__(
        self,
        manifest: dict[str, Any],
        period: Period,
        account_offsets: list[list[int]] | None = None,
    ) -> None:
        infos = engagements_of(manifest)
        days = period.days
        self.forecast = Forecast(
            period=period,
            engagements=infos,
            campaigns={c["id"]: c["name"] for c in manifest["campaigns"]},
            visitors_by_day=[0] * days,
            reached={e.id: [0] * days for e in infos},
            impressions={e.id: [0] * days for e in infos},
            heat={e.id: [0] * 168 for e in infos},
            devices={e.id: Counter() for e in infos},
            reasons={e.id: {} for e in infos},
            reasons_by_day={e.id: [Counter() for _ in range(days)] for e in infos},
            contests=defaultdict(Counter),
            held_out=Counter(),
            declines=Counter(),
            proactive_displays=Counter(),
        )
        self.info = {e.id: e for e in infos}
        # Each engine numbers the sentences it met: {engine: [(sentence, step, rank, pattern)]}
        self.tables: dict[int, list[tuple[str, str, int, str]]] = {}
        # {engine: {(engagement, sentence numbers...): _Miss}}: visitors miss in few ways
        self.misses: dict[int, dict[tuple[int, ...], _Miss]] = {}
        offsets = account_offsets or [[0, 0]]
        self.offset_at, self.offsets = [o[0] for o in offsets], [o[1] for o in offsets]
        self.hours: dict[int, int] = {}  # minute since 1970 -> hour of the week

    def _hour_of_week(self, ms: int) -> int:
        """Monday 00 = 0, in the account's time zone (1 January 1970 was a Thursday)."""
        minute = ms // 60_000  # offsets are whole minutes and change on a minute
        hour = self.hours.get(minute)
        if hour is None:
            at = minute * 60_000
            local = at + self.offsets[max(0, bisect_right(self.offset_at, at) - 1)] * 60_000
            hours = int(local // 3_600_000)
            hour = self.hours[minute] = ((hours // 24 + 3) % 7) * 24 + hours % 24
        return hour

    def _miss(self, miss: list[int], known: list[tuple[str, str, int, str]]) -> _Miss:
        """What one engagement's reasons on a visitor's pages add up to."""
        eid, ids = miss[0], miss[1:]
        steps = {known[i][1] for i in ids}
        held = (("account",) if "account_control" in steps else ()) + (
            (self.info[eid].campaign_id,) if "campaign_control" in steps else ()
        )
        sentence, step, _rank, like = known[max(ids, key=lambda i: known[i][2])]
        zone = self.info[eid].zone if "zone" in steps else None
        return _Miss(eid, held, zone, sentence, step, like)

    def add(self, batch: list[dict[str, Any]], result: dict[str, Any], engine: int = 0) -> None:
        f = self.forecast
        known = self.tables.setdefault(engine, [])
        if result.get("first", 0) != len(known):
            raise ValueError("the engine's batches were added out of order")
        for text in result["sentences"]:
            step = step_of(text)
            known.append((text, step, step_rank(step), pattern(text)))
        f.warnings = sorted(set(f.warnings) | set(result.get("warnings", [])))
        summaries = self.misses.setdefault(engine, {})
        for v, seen in zip(batch, result["visitors"], strict=True):
            self._visitor(v, seen, summaries, known)

    def _visitor(
        self,
        v: dict[str, Any],
        seen: dict[str, Any],
        summaries: dict[tuple[int, ...], _Miss],
        known: list[tuple[str, str, int, str]],
    ) -> None:
        f, day = self.forecast, v["day"]
        f.visitors_by_day[day] += 1
        f.pages += len(v["pages"])
        device = "phone_no_meta" if v["device"] == "phone" and not v["meta"] else v["device"]
        reached: dict[int, None] = {}
        zones: dict[str, int] = {}
        for eid, _page, _state, at in seen["shown"]:
            f.impressions[eid][day] += 1
            f.heat[eid][self._hour_of_week(at)] += 1
            reached.setdefault(eid, None)
            zones.setdefault(self.info[eid].zone, eid)
        for eid in reached:
            f.reached[eid][day] += 1
            f.devices[eid][device] += 1
        f.proactive_displays[sum(1 for e in reached if self.info[e].proactive)] += 1
        for eid in set(seen["declined"]):
            f.declines[eid] += 1
        lost: dict[str, list[int]] = {}
        held: set[Any] = set()
        for miss in seen["misses"]:
            key = tuple(miss)
            m = summaries.get(key)
            if m is None:
                m = summaries[key] = self._miss(miss, known)
            held.update(m.held)
            if m.zone is not None:
                lost.setdefault(m.zone, []).append(m.eid)
            if m.eid in reached:
                continue
            entry = f.reasons[m.eid].setdefault(m.like, [0, m.sentence, m.step])
            entry[0] += 1
            f.reasons_by_day[m.eid][day][m.step] += 1
        for zone, losers in lost.items():
            if zone in zones and any(e not in reached for e in losers):
                f.contests[zone][zones[zone]] += 1
        f.held_out.update(held)
