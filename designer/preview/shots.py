"""Headless review shots: every engagement of every published campaign in every viewport profile.

Runs offscreen (no display needed). Each engagement is shown to a visitor who
meets every usual behavior (long on the page, many pages, scrolled, leaving,
a full cart, outside the control groups, agents online) at a moment inside
its campaign's time frame, on a sample page its entry point lets in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QCoreApplication, QEvent
from sqlalchemy import select

from designer.models import clock as app_clock
from designer.models.campaign import Campaign
from designer.models.store import Store
from designer.models.vocabulary import CampaignStatus, HoursMode
from designer.preview.browser import PreviewBrowser
from designer.preview.engine import PreviewEngine
from designer.preview.profiles import PROFILES, ViewportProfile
from designer.preview.served_files import NO_META_HOST, SITE_HOST, page_for_rules, page_url
from designer.preview.visitor import Visitor


@dataclass(frozen=True)
class Shot:
    campaign_id: int
    campaign: str
    engagement: str
    path: str  # sample page path
    clock: datetime | None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def moment_in_time_frame(c: Campaign) -> datetime | None:
    """A moment the campaign runs (aware), or None to use the real clock."""
    try:
        zone = ZoneInfo(c.time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    now = app_clock.now(zone).replace(tzinfo=None, second=0, microsecond=0)
    day = max(now, c.starts_at) if c.starts_at else now
    if c.ends_at and day > c.ends_at:
        day = c.starts_at or c.ends_at
    closed = {o.get("date") for o in c.special_occasions or [] if o.get("closed")}
    shifts = c.shifts or []
    if c.hours_mode == HoursMode.ALL_HOURS or not shifts:
        return day.replace(tzinfo=zone)
    for offset in range(14):
        date = (day + timedelta(days=offset)).replace(hour=0, minute=0)
        if date.strftime("%Y-%m-%d") in closed:
            continue
        for shift in shifts:
            if c.hours_mode == HoursMode.WEEKLY and shift.get("weekday") != date.weekday():
                continue
            moment = date + timedelta(minutes=int(shift.get("start", 0)) + 30)
            if (not c.starts_at or moment >= c.starts_at) and (
                not c.ends_at or moment <= c.ends_at
            ):
                return moment.replace(tzinfo=zone)
    return day.replace(tzinfo=zone)


def planned_shots(store: Store) -> list[Shot]:
    with store.read() as s:
        campaigns = s.scalars(
            select(Campaign)
            .where(Campaign.status == CampaignStatus.PUBLISHED.value)
            .order_by(Campaign.id)
        )
        return [
            Shot(
                c.id,
                c.name,
                e.name,
                page_for_rules(list(e.entry_point.rules) if e.entry_point else []).path,
                moment_in_time_frame(c),
            )
            for c in campaigns
            for e in c.engagements
        ]


def eager_visitor(clock: datetime | None) -> Visitor:
    return Visitor(
        time_on_page=3600,
        pages_viewed=50,
        scroll_depth=100,
        exit_intent=True,
        cart_value=1000.0,
        products=["jacket"],
        agent_state="online",
        control_group="out",
        clock=clock,
    )


SHOWN_JS = (
    "(function () { var t = window.EngagementTag; if (!t || !t.decisions) return null;"
    " var d = t.decisions().filter(function (x) { return x.name === %s; })[0];"
    " if (!d) return null; if (!d.shows) return d.reason || 'not shown';"
    " return document.querySelector('[data-engagement=\"' + d.id + '\"]') ? '' : null; })()"
)


def render_shots(
    store: Store,
    out: Path,
    say: Callable[[str], None] = print,
    profiles: tuple[ViewportProfile, ...] = PROFILES,
) -> list[Path]:
    """Write the PNGs into out (needs a QApplication); returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    engine = PreviewEngine(store)
    browsers = {
        p.key: PreviewBrowser(engine, p, pixel_ratio=p.device_pixel_ratio) for p in profiles
    }
    written: list[Path] = []
    try:
        for b in browsers.values():
            b.show()
        for shot in planned_shots(store):
            engine.focus([shot.campaign_id])
            for profile in profiles:
                b = browsers[profile.key]
                b.set_visitor_script(eager_visitor(shot.clock).script())
                b.load_now(page_url(SITE_HOST if profile.meta_tag else NO_META_HOST, shot.path))
                reason = None
                for _ in range(40):
                    reason = b.evaluate(SHOWN_JS % json.dumps(shot.engagement))
                    if reason is not None:
                        break
                    b.pause(100)
                b.pause(300)  # let transitions and fonts settle
                path = out / f"{_slug(shot.campaign)}--{_slug(shot.engagement)}--{profile.key}.png"
                path.write_bytes(b.capture_png_now())
                written.append(path)
                note = f" (not shown: {reason})" if reason else ""
                say(f"{path.name}{note}")
    finally:
        for b in browsers.values():
            b.close_popups()
            b.close()
            b.deleteLater()
        # The pages must be gone before their web profile.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return written
