"""Published versions: what a campaign looked like when it went to the site, and what differs now.

A version's snapshot is plain JSON: the campaign's columns, its engagements'
columns (under "engagements"), its status at the publish and, under
"publish", the change summary shown to the designer before the bundle was
written. Comparing the campaign's content now with its latest snapshot says
whether the site bundle is out of date; `apply_content` puts a snapshot's
content back (a restore, and its undo).
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import DateTime, func, select
from sqlalchemy.orm import Session

from designer.models.campaign import Campaign, CampaignVersion
from designer.models.engagement import Engagement
from designer.models.errors import StoreError
from designer.models.vocabulary import CampaignStatus

SKIPPED = {"created_at", "updated_at"}
# Keys of a snapshot that are about the publish, not the campaign's content: its change
# summary, and what the campaign's library rows were when it went to the site (SITE).
SITE = "site"
PUBLISH_KEYS = {"publish", SITE}
# References a restored row may hold to rows deleted since: cleared, and said.
REFERENCES = {
    "audience_id": "a target audience",
    "entry_point_id": "an entry point",
    "behavior_id": "a behavior",
    "skill_id": "a skill",
}


# A restored or copied row starts a new version history of its own.
NOT_COPIED = ("version", "changed_by")


def columns(row: Any) -> dict[str, Any]:
    """The row's content columns, deep-copied: a snapshot its later edits do not change."""
    return {
        c.key: copy.deepcopy(getattr(row, c.key))
        for c in row.__table__.columns
        if c.key not in NOT_COPIED
    }


def _json_safe(values: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v.isoformat() if isinstance(v, datetime | date) else v
        for k, v in values.items()
        if k not in SKIPPED
    }


def content_snapshot(c: Campaign) -> dict[str, Any]:
    """The campaign and its engagements as plain JSON, as a version records them."""
    snap = _json_safe(columns(c))
    snap["engagements"] = [_json_safe(columns(e)) for e in c.engagements]
    return json.loads(json.dumps(snap))


def site_dependencies(s: Session, c: Campaign) -> dict[str, Any]:
    """What the campaign shows on the site from rows it shares with others, resolved: its
    audience, and each engagement's entry point, behavior and conversation window design (its
    own or the library's). A version keeps it, so an edit of a shared row after a publish
    makes the site bundle out of date, and linking a design identical to one's own does not."""
    from designer.models.window_library import window_design_of

    def row(item: Any) -> dict[str, Any] | None:
        return _json_safe(columns(item)) if item is not None else None

    out = {
        "audience": row(c.audience),
        "engagements": {
            str(e.id): {
                "entry_point": row(e.entry_point),
                "behavior": row(e.behavior),
                "window": window_design_of(s, e).to_dict(),
            }
            for e in c.engagements
        },
    }
    return json.loads(json.dumps(out))


def _without_windows(content: dict[str, Any]) -> dict[str, Any]:
    """content with its engagements' window design records left out (compared resolved)."""
    engagements = [
        {k: v for k, v in e.items() if k != "window_design"} for e in content.get("engagements", [])
    ]
    return {**content, "engagements": engagements}


def content_of(snapshot: dict[str, Any]) -> dict[str, Any]:
    """A snapshot without what is about the publish (its change summary, the shared rows kept)."""
    return {k: v for k, v in snapshot.items() if k not in PUBLISH_KEYS}


def latest_version(s: Session, campaign_id: int) -> CampaignVersion | None:
    return s.scalars(
        select(CampaignVersion)
        .where(CampaignVersion.campaign_id == campaign_id)
        .order_by(CampaignVersion.number.desc())
        .limit(1)
    ).first()


def next_number(s: Session, campaign_id: int) -> int:
    last = s.scalar(
        select(func.max(CampaignVersion.number)).where(CampaignVersion.campaign_id == campaign_id)
    )
    return (last or 0) + 1


def on_site(version: CampaignVersion | None) -> bool:
    """Whether the campaign was in the bundle when version was recorded."""
    published = CampaignStatus.PUBLISHED
    return version is not None and version.snapshot.get("status", published) == published


def differs_from_site(s: Session, c: Campaign) -> bool:
    """Whether the campaign as it is now differs from what its last publish put on the site.

    A published campaign edited since its last version; a campaign disabled
    (or back to draft) while the site still shows it. A campaign with no
    version was never written to a bundle from here, so it cannot be behind.
    """
    last = latest_version(s, c.id)
    if last is None:  # no bundle was written with it from this store: nothing to be behind
        return False
    if c.status != CampaignStatus.PUBLISHED:
        return on_site(last)
    then, now = content_of(last.snapshot), content_snapshot(c)
    if SITE not in last.snapshot:  # recorded before versions kept the shared rows: columns only
        return then != now
    kept = last.snapshot[SITE]
    return _without_windows(then) != _without_windows(now) or kept != site_dependencies(s, c)


def out_of_date(s: Session) -> list[str]:
    """Names of the campaigns the site bundle no longer matches, by name."""
    candidates = s.scalars(
        select(Campaign)
        .where(Campaign.id.in_(select(CampaignVersion.campaign_id)))
        .order_by(Campaign.name)
    ).all()
    return [c.name for c in candidates if differs_from_site(s, c)]


def deleted_on_site(s: Session, site: list[dict[str, Any]]) -> list[str]:
    """Names of the campaigns of site (the last bundle's [{"id", "name"}]) deleted since.

    Their versions went with them, so the list the last publish kept (see
    record_publish) is what still knows they are on the site.
    """
    present = set(s.scalars(select(Campaign.id)))
    return [c["name"] for c in site if isinstance(c, dict) and c.get("id") not in present]


def record_version(s: Session, c: Campaign, note: str, summary: dict[str, Any]) -> CampaignVersion:
    """Add the campaign's next numbered version: its content now, and the publish's summary."""
    snap = content_snapshot(c)
    snap["publish"] = summary
    snap[SITE] = site_dependencies(s, c)
    version = CampaignVersion(
        campaign_id=c.id, number=next_number(s, c.id), note=note[:500], snapshot=snap
    )
    s.add(version)
    s.flush()
    return version


def site_list(s: Session, names: list[str]) -> list[dict[str, Any]]:
    """The bundle's campaigns as [{"id", "name"}]: what deleted_on_site reads later."""
    ids = dict(s.execute(select(Campaign.name, Campaign.id).where(Campaign.name.in_(names))).all())
    return [{"id": ids.get(n), "name": n} for n in names]


def record_publish(
    s: Session,
    pressed: int | None,
    site_campaigns: list[str],
    headline: str,
    summary: dict[str, Any],
    gone: list[str] = (),
) -> list[int]:
    """Record the versions a publish of the site bundle makes; the ids of their campaigns.

    The pressed campaign always gets one; every other campaign the site now shows
    differently gets one too: published ones changed since (or never recorded),
    and ones taken off the site; when only deleted campaigns (gone) left it, the
    campaigns that stay say so. site_campaigns names the bundle's campaigns; the
    summary keeps them as [{"id", "name"}] (`site_list`), to tell a later deletion.
    """
    summary = {**summary, "campaigns": site_list(s, site_campaigns)}
    recorded = []
    candidates = select(Campaign).where(
        (Campaign.status == CampaignStatus.PUBLISHED.value)
        | Campaign.id.in_(select(CampaignVersion.campaign_id))
    )
    for c in s.scalars(candidates.order_by(Campaign.name)).all():
        last = latest_version(s, c.id)
        if c.status == CampaignStatus.PUBLISHED:
            if c.id != pressed and last is not None and not differs_from_site(s, c):
                continue
            note = headline
        elif on_site(last):
            note = f"Taken off the site ({c.status})"
        else:
            continue
        record_version(s, c, note, summary)
        recorded.append(c.id)
    if gone and not recorded:  # only deleted campaigns left the site: say so on those that stay
        for campaign_id in filter(None, (c["id"] for c in summary["campaigns"])):
            record_version(
                s,
                s.get(Campaign, campaign_id),
                f"{_names(gone)} taken off the site (deleted)",
                summary,
            )
            recorded.append(campaign_id)
    return recorded


def _values_for(model: type, values: dict[str, Any]) -> dict[str, Any]:
    """Snapshot values made fit for the model's columns again (ISO text back to datetimes)."""
    out = {}
    for column in model.__table__.columns:
        if column.key not in values or column.key in SKIPPED:
            continue
        value = values[column.key]
        if isinstance(column.type, DateTime) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        out[column.key] = copy.deepcopy(value)
    return out


def _clear_missing_references(s: Session, values: dict[str, Any], what: str) -> list[str]:
    from designer.models.account import Skill
    from designer.models.libraries import Behavior, EntryPoint, TargetAudience

    models = {
        "audience_id": TargetAudience,
        "entry_point_id": EntryPoint,
        "behavior_id": Behavior,
        "skill_id": Skill,
    }
    notes = []
    for key, words in REFERENCES.items():
        ref = values.get(key)
        if ref is not None and s.get(models[key], ref) is None:
            values[key] = None
            notes.append(f"{what} had {words} that was deleted since; it now has none.")
    return notes


def apply_content(s: Session, campaign_id: int, content: dict[str, Any]) -> list[str]:
    """Make the campaign's content what content holds (its status stays); notes of what could not be.

    Engagements of the snapshot still in the campaign are set back; those
    removed since come back (under their old id when it is free); those
    added since are removed. References to library rows deleted since are
    cleared, each with a note.
    """
    c = s.get(Campaign, campaign_id)
    if c is None:
        raise StoreError("The campaign was deleted meanwhile; nothing was changed.")
    values = _values_for(Campaign, content)
    values.pop("id", None)
    values.pop("status", None)
    notes = _clear_missing_references(s, values, "The campaign")
    for key, value in values.items():
        setattr(c, key, value)
    current = {e.id: e for e in c.engagements}
    wanted_ids = set()
    for raw in content.get("engagements", []):
        e_values = _values_for(Engagement, raw)
        e_values["campaign_id"] = campaign_id
        notes += _clear_missing_references(s, e_values, f"“{e_values.get('name', '')}”")
        existing = current.get(e_values.get("id"))
        if existing is None:
            if e_values.get("id") is not None and s.get(Engagement, e_values["id"]) is not None:
                e_values.pop("id")  # the old id went to another engagement since
            existing = Engagement(**e_values)
            c.engagements.append(existing)
        else:
            for key, value in e_values.items():
                setattr(existing, key, value)
        s.flush()
        raw["id"] = existing.id  # so undoing and redoing finds the same row
        wanted_ids.add(existing.id)
    for e in list(c.engagements):
        if e.id not in wanted_ids:
            c.engagements.remove(e)
    s.flush()
    return notes


def site_state(s: Session, c: Campaign) -> tuple[bool, str]:
    """(out of date?, a sentence) on how the campaign stands against the site bundle."""
    last = latest_version(s, c.id)
    if last is None:
        if c.status == CampaignStatus.PUBLISHED:
            return False, "Published, but no site bundle was written from this store yet."
        return False, "Not on the site: publish it to add it to the site bundle."
    if differs_from_site(s, c):
        if c.status != CampaignStatus.PUBLISHED:
            return True, (
                f"The site still shows version {last.number}: the site bundle is out of date "
                f"until it is published again (it is {c.status} now)."
            )
        return True, (
            f"Changed since version {last.number} was published: the site bundle is out of "
            "date until it is published again."
        )
    if on_site(last):
        return False, f"Version {last.number} is on the site: the site bundle is up to date."
    return False, f"Taken off the site at version {last.number}."


def _names(names: list[str]) -> str:
    return ", ".join(f"“{n}”" for n in names[:3]) + (" and more" if len(names) > 3 else "")


def out_of_date_sentence(changed: list[str], deleted: list[str] = ()) -> str:
    """The status bar's words for out_of_date(s) and deleted_on_site(s); '' when up to date."""
    parts = []
    if changed:
        parts.append(f"{_names(changed)} changed")
    if deleted:
        parts.append(f"{_names(list(deleted))} {'was' if len(deleted) == 1 else 'were'} deleted")
    if not parts:
        return ""
    return f"Site bundle out of date: {' and '.join(parts)} since published"
