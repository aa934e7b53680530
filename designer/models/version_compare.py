"""What changed between two snapshots of a campaign, as sentences a designer reads.

One sentence for the campaign's own settings, then one per engagement that
was added, removed or changed, naming what changed in the product's words
("its design", "its entry point") and, for short values, from what to what.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

# Column -> the words for it; columns not listed (ids, positions, bookkeeping) are not told.
CAMPAIGN_WORDS = {
    "name": "name",
    "description": "description",
    "goal": "business goal",
    "goal_once_per_visit": "counting once per visit",
    "audience_id": "target audience",
    "starts_at": "start",
    "ends_at": "end",
    "time_zone": "time zone",
    "hours_mode": "hours",
    "shifts": "shifts",
    "special_occasions": "special occasions",
    "priority": "priority",
    "control_group_percent": "control group",
    "status": "status",
}
ENGAGEMENT_WORDS = {
    "name": "name",
    "format": "format",
    "zone": "zone",
    "element_id": "page element",
    "kind": "kind",
    "enabled": "switch",
    "conversation_type": "conversation type",
    "authenticated": "authentication",
    "routing": "routing",
    "skill_id": "skill",
    "window_opens_as": "window",
    "language": "language",
    "automatic_messages": "automatic messages",
    "predefined_content": "predefined content",
    "content_url": "content link",
    "designs": "studio design",
    "window_design": "conversation window design",
    "entry_point_id": "entry point",
    "behavior_id": "behavior",
    "wizard_stage": "wizard stage",
    "position": "place in the list",
}
# Changes told in a sentence of their own rather than "from ... to ...".
SAID = {
    "enabled": lambda now: "it was turned on" if now else "it was turned off",
    "position": lambda now: "it moved in the list",
}
# Values shorter than this are quoted in the sentence; longer ones are only named.
SHORT = 40
# Id columns -> the kind of name the designer knows them by (see Names).
NAMED = {
    "audience_id": "audience",
    "entry_point_id": "entry_point",
    "behavior_id": "behavior",
    "skill_id": "skill",
}
Names = dict[str, dict[int, str]]  # {"entry_point": {3: "Checkout"}, ...}


def _say(key: str, value: Any, names: Names) -> str | None:
    """A short value in words, or None when it is too long to quote."""
    if key in NAMED:
        if value is None:
            return "none"
        return f"“{names.get(NAMED[key], {}).get(value, f'#{value}')}”"
    if key == "enabled":
        return "on" if value else "off"
    if key == "control_group_percent":
        return f"{value}%"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None or value == "":
        return "none"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str) and len(value) <= SHORT:
        return value.replace("_", " ") if "_" in value and " " not in value else f"“{value}”"
    return None


def _field_changes(old: dict, new: dict, words: dict[str, str], names: Names) -> list[str]:
    parts = []
    for key, word in words.items():
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if key in SAID:
            parts.append(SAID[key](b))
            continue
        was, now = _say(key, a, names), _say(key, b, names)
        if was is not None and now is not None:
            parts.append(f"its {word} changed from {was} to {now}")
        else:
            parts.append(f"its {word} changed")
    return parts


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _engagement_key(e: dict) -> Any:
    return e.get("id") if e.get("id") is not None else ("name", e.get("name"))


def _what(e: dict) -> str:
    zone = e.get("zone", "")
    where = f"page element “{e.get('element_id')}”" if zone == "embedded" else f"{zone} zone"
    return f"{str(e.get('format', '')).replace('_', ' ')}, {where}"


def compare_sentences(old: dict, new: dict, names: Names | None = None) -> list[str]:
    """Sentences saying how new differs from old (both version snapshots); [] when alike."""
    names = names or {}
    lines = []
    campaign = _field_changes(old, new, CAMPAIGN_WORDS, names)
    if campaign:
        lines.append(f"The campaign: {_join(campaign)}.")
    before = {_engagement_key(e): e for e in old.get("engagements", [])}
    after = {_engagement_key(e): e for e in new.get("engagements", [])}
    # An engagement removed and made again under the same name reads as changed, not both.
    by_name = {e.get("name"): k for k, e in before.items() if k not in after}
    for key, e in after.items():
        if key not in before and e.get("name") in by_name:
            before[key] = before.pop(by_name.pop(e.get("name")))
    for key, e in after.items():
        name = e.get("name", "")
        if key not in before:
            lines.append(f"“{name}” was added ({_what(e)}).")
            continue
        parts = _field_changes(before[key], e, ENGAGEMENT_WORDS, names)
        if parts:
            lines.append(f"“{name}”: {_join(parts)}.")
    for key, e in before.items():
        if key not in after:
            lines.append(f"“{e.get('name', '')}” was removed.")
    return lines


def library_names(s: Session) -> Names:
    """The names compare_sentences gives to the ids a snapshot holds."""
    from designer.models.account import Skill
    from designer.models.libraries import Behavior, EntryPoint, TargetAudience

    return {
        kind: {row.id: row.name for row in s.execute(select(model.id, model.name))}
        for kind, model in (
            ("audience", TargetAudience),
            ("entry_point", EntryPoint),
            ("behavior", Behavior),
            ("skill", Skill),
        )
    }


def version_comparison(
    s: Session, older_id: int, newer_id: int | None = None
) -> tuple[str, list[str]]:
    """("From version 2 to version 3:", sentences) between two published versions of a
    campaign (in either order), or, with newer_id None, from one to the campaign now."""
    from designer.models.campaign import Campaign, CampaignVersion
    from designer.models.versions import content_of, content_snapshot

    a = s.get(CampaignVersion, older_id)
    b = s.get(CampaignVersion, newer_id) if newer_id is not None else None
    if b is not None and a.number > b.number:
        a, b = b, a
    if b is None:
        new, head = content_snapshot(s.get(Campaign, a.campaign_id)), "now"
    else:
        new, head = content_of(b.snapshot), f"version {b.number}"
    lines = compare_sentences(content_of(a.snapshot), new, library_names(s))
    return f"From version {a.number} to {head}:", lines


def publish_sentences(version: Any) -> list[str]:
    """What the publish that recorded a version changed, as it said then (none when the
    version was recorded before publishes kept their summary)."""
    return list((version.snapshot.get("publish") or {}).get("sentences", []))
