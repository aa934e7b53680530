"""Manifests built in Python, in the shapes MANIFEST.md (and the exporter) write.

Designs come from the real gallery templates and window defaults of
designer.models, so the runtime is tested against the documents designers make.
"""

from __future__ import annotations

import copy
import hashlib
import io
from typing import Any

from PIL import Image

from designer.bundle.manifest import design_to_manifest
from designer.models.design import Design, Element, WindowDesign
from designer.models.formats import FORMAT_ZONES, format_of
from designer.models.gallery import template
from designer.models.placement import manifest_placement
from designer.models.vocabulary import AgentState

# The zone each format's engagement stands in: its gallery zone, but the slide-out on the left.
_ZONE_OF = {"slide_out": "left"}
GREETING = "Hi! Thanks for reaching out. How can we help?"
AWAY = "Our team is away right now; we will reply soon."


def account(**overrides: Any) -> dict[str, Any]:
    value = {
        "time_zone": "Europe/London",
        "currency": "GBP",
        "idle_time_days": 30,
        "cross_session_days": 14,
        "attribution_model": "last",
        "control_group_percent": 0,
        "displays_per_visit": {"conversation": None, "content": None},
        "invite_after_decline": {"conversation": False, "content": True},
        "collector_url": "",
        "skills": [{"id": 1, "name": "Sales"}, {"id": 2, "name": "Support"}],
        "scheduler": {"shifts": [], "holidays": []},
    }
    value.update(overrides)
    return value


def campaign(id: int = 1, **overrides: Any) -> dict[str, Any]:
    value = {
        "id": id,
        "name": f"Campaign {id}",
        "status": "published",
        "goal": "sell",
        "goal_once_per_visit": False,
        "priority": "high",
        "weight": 70,
        "control_group_percent": 0,
        "time_frame": {
            "time_zone": "Europe/London",
            "starts_at": None,
            "ends_at": None,
            "hours_mode": "all_hours",
            "shifts": [],
            "special_occasions": [],
        },
        "audience": None,
    }
    value.update(overrides)
    return value


def time_frame(**overrides: Any) -> dict[str, Any]:
    value = copy.deepcopy(campaign()["time_frame"])
    value.update(overrides)
    return value


def _same(ref: Any, box: tuple[int, int], where: str) -> Any:
    return ref


def designs_of(template_key: str) -> dict[str, Any]:
    """The template's design per agent state, resolved as the exporter does (None = hide)."""
    states = template(template_key).state_designs()
    out = {}
    for state in AgentState:
        design = states.for_state(state)
        out[state.value] = design_to_manifest(design, _same, "") if design else None
    return out


def design(*elements: Element, **props: Any) -> dict[str, Any]:
    d = Design()
    d.props.update(props)
    d.elements = list(elements)
    return d.to_dict()


def engagement(id: int = 1, template_key: str = "sales-sticky", **overrides: Any) -> dict[str, Any]:
    t = template(template_key)
    fmt = t.format.value
    zone = overrides.pop("zone", _ZONE_OF.get(fmt, FORMAT_ZONES[t.format][0]))
    element_id = overrides.pop("element_id", "slot" if zone == "embedded" else "")
    value = {
        "id": id,
        "campaign": 1,
        "name": f"Engagement {id}",
        "enabled": True,
        "format": fmt,
        "zone": zone,
        "zone_key": f"embedded:{element_id}" if zone == "embedded" else zone,
        "element_id": element_id,
        "kind": t.kind.value,
        "skill": None,
        "authenticated": False,
        "window_opens_as": "embedded",
        "language": "en",
        "content_url": "https://example.com/offers" if t.kind.value == "content" else "",
        "entry_point": None,
        "behavior": None,
        "designs": designs_of(template_key),
        "automatic_messages": {"agent_away": AWAY, "greeting": GREETING},
        "predefined_content": [],
        "window": WindowDesign().to_dict()["props"],
    }
    value.update(overrides)
    resolved = format_of(value["format"])  # as the exporter resolves them, after the overrides
    value.setdefault("placement", manifest_placement(resolved.key, value["zone"]))
    value.setdefault("on_phones", resolved.on_phones)
    return value


def manifest(
    *engagements: dict[str, Any],
    campaigns: list[dict[str, Any]] | None = None,
    entry_points: list[dict[str, Any]] | None = None,
    behaviors: list[dict[str, Any]] | None = None,
    **account_overrides: Any,
) -> dict[str, Any]:
    return {
        "format": "engagement-designer/manifest",
        "version": 1,
        "files": {},
        "account": account(**account_overrides),
        "campaigns": campaigns if campaigns is not None else [campaign()],
        "entry_points": entry_points or [],
        "behaviors": behaviors or [],
        "engagements": list(engagements) or [engagement()],
    }


def entry_point(id: int, name: str, *rules: tuple[str, str, bool], sections=()) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "sections": list(sections),
        "rules": [{"match": m, "value": v, "exclude": x} for m, v, x in rules],
    }


def rule_set(id: int, name: str, *conditions: dict[str, Any], match: str = "all") -> dict[str, Any]:
    return {"id": id, "name": name, "match": match, "conditions": list(conditions)}


def image(color: str = "#d33f49", size: int = 40) -> tuple[dict[str, str], dict[str, bytes]]:
    """A bundle image reference {"src", "src2x"} and its files, as the exporter writes them."""
    files = {}
    for scale in (1, 2):
        out = io.BytesIO()
        Image.new("RGB", (size * scale, size * scale), color).save(out, "PNG")
        files[scale] = out.getvalue()
    h = hashlib.sha256(files[1]).hexdigest()[:10]
    ref = {"src": f"images/{h}.png", "src2x": f"images/{h}@2x.png"}
    return ref, {ref["src"]: files[1], ref["src2x"]: files[2]}
