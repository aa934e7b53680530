"""Import: a checked bundle brought back into a store, in one transaction.

Skills, entry points, behaviors and audiences are matched by name: the same
name with the same rules is reused, the same name with other rules is added
as "<name> (imported)". Account settings and the shift scheduler are taken
from the bundle only when the store has no campaign yet, so importing never
changes how an existing store's campaigns behave. Images are stored as
assets holding the bundle's 2x bytes, which export turns back into the same
1x and 2x files: export, import, export again gives identical bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from designer.bundle.build import Cancel, Progress
from designer.bundle.bundle_check import checked_bundle
from designer.bundle.bundle_reader import read_bundle
from designer.bundle.errors import ImportCancelled
from designer.bundle.images import CleanImage
from designer.bundle.manifest import TIME_FORMAT
from designer.models.account import AccountSettings, Holiday, Skill, WorkingShift, account_row
from designer.models.assets import add_asset
from designer.models.campaign import Campaign
from designer.models.design import Design, StateDesigns, WindowDesign
from designer.models.engagement import Engagement
from designer.models.libraries import Behavior, EntryPoint, TargetAudience
from designer.models.store import Store
from designer.models.vocabulary import CampaignStatus, Routing, StateDisplay

ACCOUNT_FIELDS = (
    "time_zone",
    "currency",
    "idle_time_days",
    "cross_session_days",
    "attribution_model",
    "control_group_percent",
    "collector_url",
)


@dataclass
class ImportResult:
    campaigns: list[str] = field(default_factory=list)
    engagements: int = 0
    images: int = 0
    notes: list[str] = field(default_factory=list)

    def in_words(self, store_label: str) -> str:
        names = ", ".join(f"“{n}”" for n in self.campaigns) or "no campaign"
        text = (
            f"Imported {names} ({self.engagements} engagement"
            f"{'s' if self.engagements != 1 else ''}, {self.images} image"
            f"{'s' if self.images != 1 else ''}) into {store_label}."
        )
        return " ".join([text, *self.notes])


class _Library:
    """One named library (entry points, behaviors, audiences): reuse or add by name."""

    def __init__(
        self, session: Session, model: type, fields: tuple[str, ...], result: ImportResult
    ):
        self.session, self.model, self.fields, self.result = session, model, fields, result
        self.by_name = {item.name: item for item in session.scalars(select(model))}

    def get(self, values: dict[str, Any]) -> Any:
        name = values["name"]
        same = self.by_name.get(name)
        if same is not None and all(getattr(same, f) == values[f] for f in self.fields):
            return same
        if same is not None:
            name = _free_name(name, self.by_name)
            self.result.notes.append(
                f"“{values['name']}” already differs in this store, so it was added as “{name}”."
            )
        item = self.model(name=name, **{f: values[f] for f in self.fields})
        self.session.add(item)
        self.by_name[name] = item
        return item


def _free_name(name: str, taken: dict[str, Any] | set[str]) -> str:
    candidate, n = f"{name} (imported)", 2
    while candidate in taken:
        candidate, n = f"{name} (imported {n})", n + 1
    return candidate


def _restore_images(value: Any, images: dict[str, str]) -> Any:
    """The manifest part with each {"src", "src2x"} object turned back into an asset reference."""
    if isinstance(value, dict):
        if set(value) == {"src", "src2x"}:
            return images[value["src2x"]]
        return {k: _restore_images(v, images) for k, v in value.items()}
    if isinstance(value, list):
        return [_restore_images(v, images) for v in value]
    return value


def _account(session: Session, account: dict[str, Any], skills: dict[int, Skill]) -> None:
    settings = account_row(session)
    if settings is None:
        settings = AccountSettings()
        session.add(settings)
    for name in ACCOUNT_FIELDS:
        setattr(settings, name, account[name])
    settings.conversation_displays_per_visit = account["displays_per_visit"]["conversation"]
    settings.content_displays_per_visit = account["displays_per_visit"]["content"]
    settings.conversation_invite_after_decline = account["invite_after_decline"]["conversation"]
    settings.content_invite_after_decline = account["invite_after_decline"]["content"]
    has_scheduler = session.scalar(select(func.count(WorkingShift.id))) or session.scalar(
        select(func.count(Holiday.id))
    )
    if has_scheduler:
        return
    for s in account["scheduler"]["shifts"]:
        session.add(
            WorkingShift(
                skill=skills.get(s["skill"]) if s["skill"] else None,
                weekday=s["weekday"],
                start_minute=s["start"],
                end_minute=s["end"],
            )
        )
    for h in account["scheduler"]["holidays"]:
        skill = skills.get(h["skill"]) if h["skill"] else None
        session.add(
            Holiday(
                day=date.fromisoformat(h["date"]),
                name=h["name"],
                skill_id=skill.id if skill else None,
            )
        )


def _skills(session: Session, listed: list[dict[str, Any]]) -> dict[int, Skill]:
    existing = {s.name: s for s in session.scalars(select(Skill))}
    out = {}
    for item in listed:
        skill = existing.get(item["name"])
        if skill is None:
            skill = existing[item["name"]] = Skill(name=item["name"])
            session.add(skill)
        out[item["id"]] = skill
    session.flush()
    return out


def _time(value: str | None) -> datetime | None:
    return datetime.strptime(value, TIME_FORMAT) if value else None


def _campaign(c: dict[str, Any], name: str, audiences: _Library) -> Campaign:
    frame = c["time_frame"]
    audience = c["audience"]
    return Campaign(
        name=name,
        status=c.get("status", CampaignStatus.PUBLISHED.value),
        goal=c["goal"],
        goal_once_per_visit=c["goal_once_per_visit"],
        priority=c["priority"],
        control_group_percent=c["control_group_percent"],
        time_zone=frame["time_zone"],
        starts_at=_time(frame["starts_at"]),
        ends_at=_time(frame["ends_at"]),
        hours_mode=frame["hours_mode"],
        shifts=frame["shifts"],
        special_occasions=frame["special_occasions"],
        audience=audiences.get(audience) if audience else None,
    )


def _designs(raw: dict[str, Any]) -> StateDesigns:
    def state(key: str) -> tuple[Design | None, StateDisplay]:
        if raw[key] is None:
            return None, StateDisplay.HIDE
        return Design.from_dict(raw[key]), StateDisplay.SHOW_DESIGN

    offline, offline_display = state("offline")
    busy, busy_display = state("busy")
    return StateDesigns(
        Design.from_dict(raw["online"]), offline, busy, offline_display, busy_display
    )


def _engagement(e: dict[str, Any], position: int, links: dict[str, dict[int, Any]]) -> Engagement:
    skill = links["skills"].get(e["skill"]) if e["skill"] else None
    engagement = Engagement(
        name=e["name"],
        position=position,
        enabled=e.get("enabled", True),
        format=e["format"],
        zone=e["zone"],
        element_id=e["element_id"],
        kind=e["kind"],
        authenticated=e["authenticated"],
        routing=(Routing.SPECIFIC_SKILL if skill else Routing.ALL_SKILLS).value,
        skill=skill,
        window_opens_as=e["window_opens_as"],
        language=e["language"],
        content_url=e["content_url"],
        automatic_messages={
            e["language"]: {
                k: {"enabled": True, "text": t} for k, t in e["automatic_messages"].items()
            }
        },
        predefined_content=e.get("predefined_content", []),
        window_design=WindowDesign.from_dict(
            {"props": e["window"], "elements": e.get("window_elements", [])}
        ).to_dict(),
        entry_point=links["entry_points"].get(e["entry_point"]) if e["entry_point"] else None,
        behavior=links["behaviors"].get(e["behavior"]) if e["behavior"] else None,
        wizard_stage="done",
    )
    engagement.set_state_designs(_designs(e["designs"]))
    return engagement


def _write(
    session: Session,
    manifest: dict[str, Any],
    images: dict[str, CleanImage],
    step: Callable[[str], None],
) -> ImportResult:
    result = ImportResult(images=len(images))
    refs = {
        path: add_asset(session, path.rsplit("/", 1)[-1], img.mime, img.data).ref
        for path, img in images.items()
    }
    by_campaign: dict[int, list[dict[str, Any]]] = {}
    for e in _restore_images(manifest["engagements"], refs):
        by_campaign.setdefault(e["campaign"], []).append(e)
    fresh = not session.scalar(select(func.count(Campaign.id)))
    skills = _skills(session, manifest["account"]["skills"])
    if fresh:
        _account(session, manifest["account"], skills)
    else:
        result.notes.append("This store's account settings and shift scheduler were kept.")
    entry_points = _Library(session, EntryPoint, ("rules", "sections"), result)
    behaviors = _Library(session, Behavior, ("match", "conditions"), result)
    audiences = _Library(session, TargetAudience, ("match", "conditions"), result)
    links = {
        "skills": skills,
        "entry_points": {ep["id"]: entry_points.get(ep) for ep in manifest["entry_points"]},
        "behaviors": {b["id"]: behaviors.get(b) for b in manifest["behaviors"]},
    }
    taken = set(session.scalars(select(Campaign.name)))
    for c in manifest["campaigns"]:
        name = c["name"] if c["name"] not in taken else _free_name(c["name"], taken)
        if name != c["name"]:
            result.notes.append(
                f"The store already has a campaign “{c['name']}”, so it was added as “{name}”."
            )
        taken.add(name)
        campaign = _campaign(c, name, audiences)
        session.add(campaign)
        for e in by_campaign.get(c["id"], []):
            step(f"{name} › {e['name']}")
            campaign.engagements.append(_engagement(e, len(campaign.engagements), links))
            result.engagements += 1
        result.campaigns.append(name)
        session.flush()
    return result


@dataclass(frozen=True)
class CheckedBundle:
    """A bundle read and checked whole, with no store involved yet."""

    manifest: dict[str, Any]
    images: dict[str, CleanImage]


def check_bundle(bundle: str | Path) -> CheckedBundle:
    """The bundle (folder or .zip) read and checked; raises BundleError.

    A caller that makes a new store for the import checks the bundle first, so a
    refused bundle leaves no store file behind.
    """
    return CheckedBundle(*checked_bundle(read_bundle(bundle)))


def import_bundle(
    store: Store,
    bundle: str | Path | CheckedBundle,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportResult:
    """Bring the bundle (folder, .zip or checked) into store; raises BundleError, changes nothing.

    progress(done, total, what) is called for each engagement; cancel() returning
    True stops the import with ImportCancelled before anything is saved.
    """
    checked = bundle if isinstance(bundle, CheckedBundle) else check_bundle(bundle)
    manifest, images = checked.manifest, checked.images
    total, done = len(manifest["engagements"]), 0

    def step(what: str) -> None:
        nonlocal done
        if cancel is not None and cancel():
            raise ImportCancelled()
        if progress is not None:
            progress(done, total, what)
        done += 1

    with store.edit() as session:
        result = _write(session, manifest, images, step)
        if cancel is not None and cancel():
            raise ImportCancelled()
    if progress is not None:
        progress(total, total, "Imported")
    return result
