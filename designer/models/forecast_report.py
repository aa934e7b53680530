"""A forecast as tables: for the command line (text or JSON), the CSV export and the app.

Qt-free. Every table is a header row and rows of plain values, so the
command line, the CSV files and the app's views show the same figures.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from designer.models.forecast_reasons import STEP_WORDS
from designer.models.forecast_results import DEVICE_KEYS, Forecast

DEVICE_WORDS = {
    "desktop": "Desktop",
    "tablet": "Tablet",
    "phone": "Phone",
    "phone_no_meta": "Phone, no viewport meta tag",
}


def percent(part: float, whole: float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def engagement_table(f: Forecast) -> list[list[Any]]:
    """One row per engagement: reach, impressions, declines, and what held visitors back."""
    rows: list[list[Any]] = [
        [
            "Engagement",
            "Campaign",
            "Zone",
            "Visitors reached",
            "Reach %",
            "Impressions",
            "Impressions per visitor reached",
            "Closed by visitors",
            "Held back: displays-per-visit limit",
            "Held back: after a decline",
        ]
    ]
    for e in f.engagements:
        reached = sum(f.reached[e.id])
        impressions = sum(f.impressions[e.id])
        steps = {r[2]: 0 for r in f.reasons[e.id].values()}
        for count, _sentence, step in f.reasons[e.id].values():
            steps[step] += count
        rows.append(
            [
                e.name,
                e.campaign,
                zone_words(e.zone),
                reached,
                percent(reached, f.visitors),
                impressions,
                round(impressions / reached, 2) if reached else 0,
                f.declines.get(e.id, 0),
                steps.get("displays_limit", 0),
                steps.get("after_decline", 0),
            ]
        )
    return rows


def daily_table(f: Forecast) -> list[list[Any]]:
    """Per engagement and day: visitors, reached, reach %, impressions."""
    rows: list[list[Any]] = [["Day", "Engagement", "Visitors", "Reached", "Reach %", "Impressions"]]
    for day in range(f.period.days):
        visitors = f.visitors_by_day[day]
        for e in f.engagements:
            reached = f.reached[e.id][day]
            rows.append(
                [
                    f.period.day(day).isoformat(),
                    e.name,
                    visitors,
                    reached,
                    percent(reached, visitors),
                    f.impressions[e.id][day],
                ]
            )
    return rows


def reasons_table(f: Forecast) -> list[list[Any]]:
    """Why visitors were not reached: the tag's own sentence, counted once per visitor."""
    rows: list[list[Any]] = [["Engagement", "Step", "Visitors", "% of visitors", "The tag says"]]
    for e in f.engagements:
        ordered = sorted(f.reasons[e.id].values(), key=lambda r: (-r[0], r[1]))
        for count, sentence, step in ordered:
            words = STEP_WORDS.get(step, "Other")
            rows.append([e.name, words, count, percent(count, f.visitors), sentence])
    return rows


def daily_reasons_table(f: Forecast) -> list[list[Any]]:
    """Per day and engagement: visitors not reached, by the step of the tag's decision that held them."""
    rows: list[list[Any]] = [["Day", "Engagement", "Step", "Visitors"]]
    for day in range(f.period.days):
        for e in f.engagements:
            for step, count in sorted(f.reasons_by_day[e.id][day].items(), key=lambda kv: -kv[1]):
                rows.append(
                    [f.period.day(day).isoformat(), e.name, STEP_WORDS.get(step, "Other"), count]
                )
    return rows


def contests_table(f: Forecast) -> list[list[Any]]:
    rows: list[list[Any]] = [["Zone", "Engagement", "Contests won", "% of the zone's contests"]]
    for zone in sorted(f.contests):
        total = sum(f.contests[zone].values())
        for eid, won in f.contests[zone].most_common():
            rows.append([zone_words(zone), f.name(eid), won, percent(won, total)])
    return rows


ZONE_WORDS = {"left": "left side", "right": "right side", "proactive": "proactive"}


def zone_words(zone: str) -> str:
    """A zone key as a designer reads it: "right side", "proactive", "page element #promo-slot"."""
    if zone.startswith("embedded:"):
        return f"page element #{zone.removeprefix('embedded:')}"
    return ZONE_WORDS.get(zone, zone)


def uncontested(f: Forecast) -> str:
    """Why the zone contests are empty: no zone is shared, or no visitor met two of its
    engagements on one page."""
    sharing: dict[str, list[str]] = {}
    for e in f.engagements:
        sharing.setdefault(e.zone, []).append(e.name)
    shared = {zone: names for zone, names in sorted(sharing.items()) if len(names) > 1}
    if not shared:
        return "No zone was contested: each zone has one engagement at most."
    told = "; ".join(
        f"{', '.join(names[:-1])} and {names[-1]} share the {zone_words(zone)} zone"
        for zone, names in shared.items()
    )
    return (
        f"No zone was contested: {told}, but no visitor could be shown two of them on the "
        "same page (their entry points, behaviors, audiences or hours never held together)."
    )


def control_table(f: Forecast) -> list[list[Any]]:
    rows: list[list[Any]] = [["Control group", "Visitors held out", "% of visitors"]]
    for key, count in sorted(f.held_out.items(), key=lambda kv: str(kv[0])):
        name = "Account" if key == "account" else f"Campaign “{f.campaigns.get(key, key)}”"
        rows.append([name, count, percent(count, f.visitors)])
    return rows


def devices_table(f: Forecast) -> list[list[Any]]:
    rows: list[list[Any]] = [["Engagement", *(DEVICE_WORDS[d] for d in DEVICE_KEYS)]]
    for e in f.engagements:
        rows.append([e.name, *(f.devices[e.id].get(d, 0) for d in DEVICE_KEYS)])
    return rows


def heat_table(f: Forecast) -> list[list[Any]]:
    """Impressions of all engagements by weekday (rows) and hour (columns), account time."""
    days = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    rows: list[list[Any]] = [["Day", *(f"{h:02d}" for h in range(24))]]
    for d, name in enumerate(days):
        rows.append(
            [name, *(sum(f.heat[e.id][d * 24 + h] for e in f.engagements) for h in range(24))]
        )
    return rows


TABLES = {
    "engagements": engagement_table,
    "per_day": daily_table,
    "reasons": reasons_table,
    "reasons_per_day": daily_reasons_table,
    "zone_contests": contests_table,
    "control_groups": control_table,
    "devices": devices_table,
    "week_heat_map": heat_table,
}


def csv_text(rows: list[list[Any]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def as_dict(f: Forecast) -> dict[str, Any]:
    """The whole forecast as JSON-ready tables, each a list of {column: value}."""
    tables = {}
    for name, make in TABLES.items():
        head, *rows = make(f)
        tables[name] = [dict(zip(head, row, strict=True)) for row in rows]
    return {
        "start": f.period.start.isoformat(),
        "days": f.period.days,
        "time_zone": f.period.time_zone,
        "visitors": f.visitors,
        "pages": f.pages,
        "proactive_engagements_seen_per_visit": {
            str(k): v for k, v in sorted(f.proactive_displays.items())
        },
        "warnings": f.warnings,
        **tables,
    }


def aligned(rows: list[list[Any]], limit: int = 60) -> list[str]:
    text = [[str(c)[:limit] for c in row] for row in rows]
    widths = [max(len(r[i]) for r in text) for i in range(len(text[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in text]


def text_report(f: Forecast, title: str) -> str:
    lines = [
        f"{title}: {f.visitors:,} visitors ({f.pages:,} pages) over {f.period.days} days "
        f"from {f.period.label(0)} {f.period.start.year} ({f.period.time_zone}).",
        "",
        *(aligned(engagement_table(f)) if f.engagements else ["No engagement is in it."]),
        "",
        "Why visitors were not reached (the tag's own words; the 3 most common per engagement):",
    ]
    head, *rows = reasons_table(f)
    for e in f.engagements:
        mine = [r for r in rows if r[0] == e.name][:3]
        lines += [f"  {e.name}:"] + [f"    {r[2]:>7,} ({r[3]}%)  {r[4]}" for r in mine]
    lines += [f"The tag said: {w}" for w in f.warnings]
    for title_, table in (
        ("Zone contests", contests_table(f)),
        ("Control groups", control_table(f)),
    ):
        lines += ["", f"{title_}:"]
        lines += ["  " + line for line in aligned(table)] if len(table) > 1 else ["  none"]
    return "\n".join(lines) + "\n"


def comparison_table(published: Forecast, draft: Forecast) -> list[list[Any]]:
    """Reach and impressions of each engagement, published and draft, and the difference.

    An engagement in only one of them has blank figures in the other (numbers stay numbers
    in a spreadsheet), and its Note says which.
    """
    rows: list[list[Any]] = [
        [
            "Engagement",
            "Campaign",
            "Reach % published",
            "Reach % draft",
            "Difference (points)",
            "Impressions published",
            "Impressions draft",
            "Note",
        ]
    ]
    keyed = {}
    for which, f in (("published", published), ("draft", draft)):
        for e in f.engagements:
            entry = keyed.setdefault((e.campaign, e.name), {})
            entry[which] = (percent(sum(f.reached[e.id]), f.visitors), sum(f.impressions[e.id]))
    for (campaign, name), entry in keyed.items():
        old, new = entry.get("published"), entry.get("draft")
        note = "" if old and new else "only in the draft" if new else "not in the draft"
        rows.append(
            [
                name,
                campaign,
                old[0] if old else "",
                new[0] if new else "",
                round((new[0] if new else 0) - (old[0] if old else 0), 1),
                old[1] if old else "",
                new[1] if new else "",
                note,
            ]
        )
    return rows
