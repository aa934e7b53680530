"""The manifest (format 1): what the runtime reads, built from the store.

Ids in the manifest are the bundle's own (1, 2, ... in store order), so a
bundle does not leak store ids and the same campaigns give the same bytes
whichever store they were imported into. Images go through `rewrite_image`,
which turns an `asset:<sha256>` reference into bundle paths.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from itertools import islice
from typing import Any

import jsonschema
from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.bundle.errors import BundleError
from designer.bundle.manifest_schema import manifest_schema
from designer.bundle.manifest_text import shortened
from designer.bundle.runtime_scripts import reason_sentences
from designer.bundle.time_zones import time_zones
from designer.models.account import AccountSettings, Holiday, Skill, WorkingShift, account_row
from designer.models.campaign import Campaign
from designer.models.design import Design
from designer.models.design_checks import accessible_name
from designer.models.engagement import Engagement
from designer.models.formats import Format, format_of
from designer.models.libraries import Behavior, EntryPoint
from designer.models.placement import manifest_placement
from designer.models.properties import DESIGN_PROPS, ELEMENT_PROPS, WINDOW_PROPS
from designer.models.vocabulary import PRIORITY_WEIGHT, AgentState, Priority
from designer.models.window_library import window_design_of

FORMAT = "engagement-designer/manifest"
VERSION = 1
TIME_FORMAT = "%Y-%m-%dT%H:%M"
# CSS pixels the window shows its images at: (width, height); None = the window's width.
WINDOW_IMAGE_BOXES: dict[str, tuple[int | None, int]] = {
    "header_image": (None, 56),
    "agent_picture": (40, 40),
}

# rewrite_image(value, (width, height), where) -> "" or {"src": ..., "src2x": ...}
RewriteImage = Callable[[str, tuple[int, int], str], Any]


@cache
def schema() -> dict[str, Any]:
    return manifest_schema()


def schema_problems(manifest: Any) -> list[str]:
    """Where manifest breaks the schema, as 'at campaigns/0/name: ...' lines (none when valid).

    Only the first five are looked for, each cut short: a bundle from anyone may
    break the schema at every one of its values, or hold a huge one.
    """
    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(
        islice(validator.iter_errors(manifest), 5), key=lambda e: list(map(str, e.path))
    )
    return [
        f"at {'/'.join(map(str, e.path)) or 'the top'}: {shortened(e.message, 300)}" for e in errors
    ]


@cache
def _export_validator() -> jsonschema.Draft202012Validator:
    """The schema without the design documents, which the property specs already clean."""
    light = json.loads(json.dumps(schema()))
    engagement = light["properties"]["engagements"]["items"]["properties"]
    for name in ("designs", "window", "automatic_messages", "predefined_content"):
        engagement[name] = {}
    return jsonschema.Draft202012Validator(light)


def check_exportable(manifest: dict[str, Any]) -> None:
    """Raise BundleError when a value of the store cannot go into a bundle (a word outside
    the product's vocabulary, written by another tool), so export never writes a bundle
    that its own import would refuse."""
    errors = list(_export_validator().iter_errors(manifest))[:5]
    if not errors:
        return
    lines = []
    for e in errors:
        path = list(e.path)
        where = "Account settings"
        if len(path) >= 2 and path[0] in ("campaigns", "engagements", "entry_points", "behaviors"):
            where = f"“{manifest[path[0]][path[1]].get('name', '')}”"
        field = str(path[-1]) if path else "the manifest"
        lines.append(f"{where}, {field}: {e.message}")
    raise BundleError(
        "Nothing was exported: the store holds values a bundle cannot carry ("
        + "; ".join(lines)
        + "). Choose them again in the designer."
    )


def _image_specs(specs: tuple) -> list[str]:
    return [s.name for s in specs if s.type == "image"]


def design_to_manifest(design: Design, rewrite: RewriteImage, where: str) -> dict[str, Any]:
    raw = design.to_dict()
    props = raw["props"]
    props["label"] = accessible_name(design)  # follows the state's visible text
    for name in _image_specs(DESIGN_PROPS):
        props[name] = rewrite(props[name], (props["width"], props["height"]), where)
    _element_images(raw["elements"], rewrite, where)
    return raw


def _element_images(elements: list[dict[str, Any]], rewrite: RewriteImage, where: str) -> None:
    """Each element's images as bundle files, at the size the element shows them."""
    for element in elements:
        p = element["props"]
        for name in _image_specs(ELEMENT_PROPS[element["kind"]]):
            p[name] = rewrite(p[name], (p["width"], p["height"]), where)


def _window(e: Engagement, rewrite: RewriteImage, where: str) -> dict[str, Any]:
    """The window design as the manifest carries it: "window" (its props) and "window_elements"."""
    design = window_design_of(Session.object_session(e), e)
    props = design.props
    for name in _image_specs(WINDOW_PROPS):
        width, height = WINDOW_IMAGE_BOXES.get(name, (None, props["height"]))
        props[name] = rewrite(props[name], (width or props["width"], height), where)
    elements = [element.to_dict() for element in design.elements]
    _element_images(elements, rewrite, where)
    return {"window": props, "window_elements": elements}


def _account(session: Session, skill_ids: dict[int, int]) -> dict[str, Any]:
    account = account_row(session) or AccountSettings()
    skills = session.scalars(select(Skill).order_by(Skill.id)).all()
    shifts = sorted(
        (
            {
                "skill": skill_ids.get(s.skill_id) if s.skill_id else None,
                "weekday": s.weekday,
                "start": s.start_minute,
                "end": s.end_minute,
            }
            for s in session.scalars(select(WorkingShift))
        ),
        key=lambda s: (s["skill"] or 0, s["weekday"], s["start"], s["end"]),
    )
    holidays = sorted(
        (
            {
                "date": h.day.isoformat(),
                "skill": skill_ids.get(h.skill_id) if h.skill_id else None,
                "name": h.name,
            }
            for h in session.scalars(select(Holiday))
        ),
        key=lambda h: (h["date"], h["skill"] or 0, h["name"]),
    )
    return {
        "time_zone": account.time_zone,
        "currency": account.currency,
        "idle_time_days": account.idle_time_days,
        "cross_session_days": account.cross_session_days,
        "attribution_model": account.attribution_model,
        "control_group_percent": account.control_group_percent,
        "displays_per_visit": {
            "conversation": account.conversation_displays_per_visit,
            "content": account.content_displays_per_visit,
        },
        "invite_after_decline": {
            "conversation": account.conversation_invite_after_decline,
            "content": account.content_invite_after_decline,
        },
        "collector_url": account.collector_url,
        "skills": [{"id": skill_ids[s.id], "name": s.name} for s in skills],
        "scheduler": {"shifts": shifts, "holidays": holidays},
    }


def _time(value: Any) -> str | None:
    return value.strftime(TIME_FORMAT) if value else None


def _campaign(c: Campaign, local_id: int) -> dict[str, Any]:
    audience = c.audience
    return {
        "id": local_id,
        "name": c.name,
        "status": c.status,
        "goal": c.goal,
        "goal_once_per_visit": c.goal_once_per_visit,
        "priority": c.priority,
        "weight": PRIORITY_WEIGHT.get(Priority(c.priority), 0)
        if c.priority in set(Priority)
        else 0,
        "control_group_percent": c.control_group_percent,
        "time_frame": {
            "time_zone": c.time_zone,
            "starts_at": _time(c.starts_at),
            "ends_at": _time(c.ends_at),
            "hours_mode": c.hours_mode,
            "shifts": list(c.shifts or []),
            "special_occasions": list(c.special_occasions or []),
        },
        "audience": {
            "name": audience.name,
            "match": audience.match,
            "conditions": list(audience.conditions or []),
        }
        if audience
        else None,
    }


def _local_ids(items: list[Any]) -> dict[int, int]:
    """Store id -> bundle id, 1, 2, ... in store id order."""
    return {item.id: n for n, item in enumerate(sorted(items, key=lambda i: i.id), start=1)}


def _entry_points_of(session: Session, engagements: list[Engagement]) -> dict[int, EntryPoint]:
    """The engagements' entry points, and those their behaviors' "visited entry point"
    conditions name (by store id)."""
    visited = {
        cond.get("entry_point")
        for e in engagements
        if e.behavior
        for cond in e.behavior.conditions
        if cond.get("type") == "visited_entry_point"
    }
    entry_points = {e.entry_point.id: e.entry_point for e in engagements if e.entry_point}
    if visited:
        for ep in session.scalars(select(EntryPoint).where(EntryPoint.name.in_(visited))):
            entry_points[ep.id] = ep
    return entry_points


def _entry_point(ep: EntryPoint, local_id: int) -> dict[str, Any]:
    return {"id": local_id, "name": ep.name, "sections": list(ep.sections), "rules": list(ep.rules)}


def _behavior(b: Behavior, local_id: int) -> dict[str, Any]:
    return {"id": local_id, "name": b.name, "match": b.match, "conditions": list(b.conditions)}


def exported_engagements(campaign: Campaign, include_drafts: bool) -> list[Engagement]:
    return [e for e in campaign.engagements if e.enabled or include_drafts]


def build_manifest(
    session: Session,
    campaigns: list[Campaign],
    files: dict[str, str],
    rewrite_image: RewriteImage,
    include_drafts: bool = False,
    step: Callable[[Engagement], None] | None = None,
) -> dict[str, Any]:
    """The manifest of campaigns (in store id order) and the engagements they export.

    step(engagement) is called before each engagement, to report progress or stop.
    """
    campaigns = sorted(campaigns, key=lambda c: c.id)
    engagements = [e for c in campaigns for e in exported_engagements(c, include_drafts)]
    entry_points = _entry_points_of(session, engagements)
    behaviors = {e.behavior.id: e.behavior for e in engagements if e.behavior}
    skill_ids = _local_ids(session.scalars(select(Skill)).all())
    ep_ids = _local_ids(list(entry_points.values()))
    behavior_ids = _local_ids(list(behaviors.values()))
    campaign_ids = {c.id: n for n, c in enumerate(campaigns, start=1)}
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "files": files,
        "account": _account(session, skill_ids),
        "campaigns": [_campaign(c, campaign_ids[c.id]) for c in campaigns],
        "entry_points": [
            _entry_point(ep, ep_ids[ep.id])
            for ep in sorted(entry_points.values(), key=lambda i: i.id)
        ],
        "behaviors": [
            _behavior(b, behavior_ids[b.id]) for b in sorted(behaviors.values(), key=lambda i: i.id)
        ],
        "engagements": [],
    }
    for n, e in enumerate(engagements, start=1):
        if step is not None:
            step(e)
        manifest["engagements"].append(
            _engagement(e, n, campaign_ids, skill_ids, ep_ids, behavior_ids, rewrite_image)
        )
    return with_runtime_tables(manifest)


def with_runtime_tables(manifest: dict[str, Any]) -> dict[str, Any]:
    """manifest with what the runtime reads besides the campaigns: the sentences of its
    reasons and the UTC offsets of the time zones the manifest names (see time_zones.py)."""
    manifest["time_zones"] = time_zones(manifest)
    manifest["reasons"] = reason_sentences()
    return manifest


def _engagement(
    e: Engagement,
    local_id: int,
    campaign_ids: dict[int, int],
    skill_ids: dict[int, int],
    ep_ids: dict[int, int],
    behavior_ids: dict[int, int],
    rewrite: RewriteImage,
) -> dict[str, Any]:
    where = f"{e.campaign.name} › {e.name}"
    row = format_of(e.format)
    states = e.state_designs()
    designs = {}
    for state in AgentState:
        design = states.for_state(state)
        designs[state.value] = design_to_manifest(design, rewrite, where) if design else None
    return {
        "id": local_id,
        "campaign": campaign_ids[e.campaign_id],
        "name": e.name,
        "enabled": e.enabled,
        "format": e.format,
        "zone": e.zone,
        "zone_key": e.zone_key,
        "placement": _placement(e, row),
        "on_phones": row is None or row.on_phones,
        "element_id": e.element_id,
        "kind": e.kind,
        "skill": skill_ids.get(e.skill_id) if e.skill_id else None,
        "authenticated": e.authenticated,
        "window_opens_as": e.window_opens_as,
        "language": e.language,
        "content_url": e.content_url,
        "entry_point": ep_ids.get(e.entry_point_id) if e.entry_point_id else None,
        "behavior": behavior_ids.get(e.behavior_id) if e.behavior_id else None,
        "designs": designs,
        "automatic_messages": e.messages_on(),
        "predefined_content": [
            {"title": str(p.get("title", "")), "text": str(p.get("text", ""))}
            for p in e.predefined_content or []
            if isinstance(p, dict)
        ],
        **_window(e, rewrite, where),
    }


def _placement(e: Engagement, row: Format | None) -> dict[str, Any] | None:
    """The format's preset place in the engagement's zone (a design's custom position is its
    own props); None in a page element, or for a format in a zone it cannot stand in (which
    validation and check_exportable refuse)."""
    if row is None or e.zone not in row.zones:
        return None
    return manifest_placement(row.key, e.zone)


def check_manifest(manifest: Any) -> None:
    """Raise BundleError when manifest is not a format 1 manifest this app can read."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(
            "This is not an Engagement Designer bundle: its manifest is not one we write. "
            "Choose a bundle exported by Engagement Designer."
        )
    version = manifest.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise BundleError(
            f"This bundle was made by a newer version of Engagement Designer (manifest "
            f"version {version}; this app reads version {VERSION}). Update the app to import it."
        )
    problems = schema_problems(manifest)
    if problems:
        raise BundleError(
            "The bundle's manifest is not valid, so nothing was imported ("
            + "; ".join(problems)
            + "). Export the bundle again."
        )
