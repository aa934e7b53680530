"""Validation: every problem of a store, as (severity, where, sentence).

Errors stop a publish or an export; warnings are shown but let work go on.
`where` names the entity and field so the problems panel can jump to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from designer.models.account import Skill, account_row
from designer.models.campaign import Campaign
from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS
from designer.models.design import WindowDesign
from designer.models.design_checks import TextMeasure, design_problems
from designer.models.engagement import Engagement
from designer.models.formats import FORMAT_ZONES, EngagementFormat
from designer.models.libraries import Behavior, EntryPoint, TargetAudience
from designer.models.regex_safety import regex_problem
from designer.models.schedule import (
    can_ever_be_active,
    shift_problem,
    time_frame_problem,
    valid_time_zone,
)
from designer.models.settings import CAMPAIGN_SETTINGS
from designer.models.vocabulary import (
    CampaignStatus,
    EngagementKind,
    HoursMode,
    Routing,
    UrlMatch,
    Zone,
)
from designer.models.window_checks import window_design_problems
from designer.models.window_library import LibraryWindow, linked_id

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Where:
    entity: str  # campaign, engagement, entry_point, audience, behavior, window, account
    id: int | None
    field: str
    label: str  # "Winter sale › Checkout rescue"

    def __str__(self) -> str:
        return self.label


@dataclass(frozen=True)
class Problem:
    severity: str
    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.where}: {self.message}"


def _campaign_problems(c: Campaign) -> list[Problem]:
    out: list[Problem] = []

    def add(field: str, message: str, severity: str = ERROR) -> None:
        out.append(Problem(severity, Where("campaign", c.id, field, c.name), message))

    if not c.name.strip():
        add("name", "The campaign needs a name.")
    if problem := CAMPAIGN_SETTINGS["control_group_percent"].problem(c.control_group_percent):
        add("control_group_percent", problem)
    if not valid_time_zone(c.time_zone):
        add("time_zone", f"“{c.time_zone}” is not a time zone; pick one like Europe/London.")
    if problem := time_frame_problem(c.starts_at, c.ends_at):
        add("ends_at", problem)
    elif c.hours_mode != HoursMode.ALL_HOURS and not c.shifts:
        add("shifts", "The time frame has no hours, so the campaign can never show; add a shift.")
    else:
        for shift in c.shifts:
            if problem := shift_problem(shift):
                add("shifts", problem)
                break
        else:
            if not can_ever_be_active(
                c.hours_mode, c.shifts, c.special_occasions, c.starts_at, c.ends_at
            ):
                add(
                    "shifts",
                    "No hour of the time frame falls between its start and end, "
                    "so the campaign can never show.",
                )
    if not c.engagements:
        add("engagements", "The campaign has no engagements yet.", WARNING)
    return out


def _engagement_problems(
    e: Engagement, skills: set[int], measure: TextMeasure | None
) -> list[Problem]:
    out: list[Problem] = []
    label = f"{e.campaign.name} › {e.name}"

    def add(field: str, message: str, severity: str = ERROR) -> None:
        out.append(Problem(severity, Where("engagement", e.id, field, label), message))

    try:
        fmt = EngagementFormat(e.format)
        if Zone(e.zone) not in FORMAT_ZONES[fmt]:
            add("zone", f"A {fmt.value.replace('_', ' ')} cannot stand in the {e.zone} zone.")
    except ValueError:
        add("format", f"“{e.format}” is not a format of the gallery; choose one again.")
        fmt = None
    if e.zone == Zone.EMBEDDED and not e.element_id.strip():
        add("element_id", "An embedded engagement needs the id of the page element it goes into.")
    if e.routing == Routing.SPECIFIC_SKILL and (e.skill_id is None or e.skill_id not in skills):
        add("skill_id", "Routing is set to a specific skill, but no skill is chosen; pick one.")
    if e.entry_point_id is None:
        add("entry_point_id", "Choose an entry point: where on the site the engagement shows.")
    if e.kind == EngagementKind.CONTENT and not e.content_url.strip():
        add("content_url", "A content engagement needs the link it opens.", WARNING)
    out += [
        Problem(sev, Where("engagement", e.id, field, label), msg)
        for sev, field, msg in design_problems(e, fmt, measure)
    ]
    return out


def _window_problems(
    design: WindowDesign, entity: str, item_id: int | None, label: str, prefix: str = ""
) -> list[Problem]:
    """The problems of a window design, each named by the window's field it concerns."""
    return [
        Problem(severity, Where(entity, item_id, prefix + field, label), sentence)
        for severity, field, sentence in window_design_problems(design)
    ]


def _library_window_problems(item: LibraryWindow, users: list[Engagement]) -> list[Problem]:
    """A library design's problems, each listed once whatever uses it (named in the label)."""
    label = f"Window design “{item.name}”"
    if users:
        names = [f"{e.campaign.name} › {e.name}" for e in users[:3]]
        more = f" and {len(users) - 3} more" if len(users) > 3 else ""
        label += f" (used by {', '.join(names)}{more})"
    return _window_problems(item.window(), "window", item.id, label)


def _entry_point_problems(ep: EntryPoint) -> list[Problem]:
    out: list[Problem] = []
    where = Where("entry_point", ep.id, "rules", ep.name)
    if not any(not r.get("exclude") for r in ep.rules):
        out.append(Problem(ERROR, where, "The entry point has no URL rule, so it matches no page."))
    for rule in ep.rules:
        if rule.get("match") not in set(UrlMatch):
            out.append(Problem(ERROR, where, f"“{rule.get('match')}” is not a kind of URL rule."))
        elif not str(rule.get("value", "")).strip():
            out.append(
                Problem(ERROR, where, "A URL rule is empty; type the URL or remove the rule.")
            )
        elif rule["match"] == UrlMatch.REGEX and (problem := regex_problem(rule["value"])):
            out.append(Problem(ERROR, where, f"{rule['value']}: {problem}"))
    return out


def _library_problems(kind: str, item: TargetAudience | Behavior, types: dict) -> list[Problem]:
    out: list[Problem] = []
    where = Where(kind, item.id, "conditions", item.name)
    for cond in item.conditions:
        ctype = types.get(cond.get("type"))
        if ctype is None:
            out.append(Problem(ERROR, where, f"“{cond.get('type')}” is not a condition we know."))
            continue
        out += [Problem(ERROR, where, f"{ctype.label}: {p}") for p in ctype.problems(cond)]
    return out


def _matches_everything(ep: EntryPoint | None) -> bool:
    return ep is not None and any(
        r.get("match") == UrlMatch.WILDCARD and r.get("value") == "*" and not r.get("exclude")
        for r in ep.rules
    )


def _zone_problems(engagements: list[Engagement]) -> list[Problem]:
    """Engagements that would compete at one priority in one zone on the same pages."""
    out: list[Problem] = []
    groups: dict[tuple[str, str], list[Engagement]] = {}
    for e in engagements:
        if e.enabled and e.campaign.status != CampaignStatus.DISABLED and e.zone != Zone.PROACTIVE:
            groups.setdefault((e.zone_key, e.campaign.priority), []).append(e)
    for (zone, priority), members in groups.items():
        # Each engagement is paired with the first earlier one it competes with:
        # one warning each, in linear time however many share the zone.
        first_on: dict[int, Engagement] = {}
        first_everywhere: Engagement | None = None
        for b in members:
            if b.entry_point_id is None:
                continue
            everywhere = _matches_everything(b.entry_point)
            a = first_everywhere or first_on.get(b.entry_point_id)
            if a is None and everywhere and first_on:
                a = next(iter(first_on.values()))
            first_on.setdefault(b.entry_point_id, b)
            if everywhere and first_everywhere is None:
                first_everywhere = b
            if a is not None:
                out.append(
                    Problem(
                        WARNING,
                        Where("engagement", b.id, "zone", f"{b.campaign.name} › {b.name}"),
                        f"“{a.name}” and “{b.name}” share the {zone} zone at {priority} priority on the "
                        "same pages, so each visitor sees one of them at random. Change a zone, "
                        "a priority or an entry point if that is not what you want.",
                    )
                )
    return out


def validate(session: Session, measure: TextMeasure | None = None) -> list[Problem]:
    """Every problem of the store, errors first.

    measure: the views' text measure; with it, text the browser would cut off is an error.
    """
    skills = {s for s in session.scalars(select(Skill.id))}
    campaigns = session.scalars(
        select(Campaign).options(
            selectinload(Campaign.engagements).selectinload(Engagement.entry_point)
        )
    ).all()
    problems: list[Problem] = []
    account = account_row(session)
    if account and not valid_time_zone(account.time_zone):
        problems.append(
            Problem(
                ERROR,
                Where("account", account.id, "time_zone", "Account settings"),
                f"“{account.time_zone}” is not a time zone.",
            )
        )
    engagements: list[Engagement] = []
    windows = {w.id: w for w in session.scalars(select(LibraryWindow).order_by(LibraryWindow.id))}
    users: dict[int, list[Engagement]] = {item_id: [] for item_id in windows}
    for c in campaigns:
        problems += _campaign_problems(c)
        for e in c.engagements:
            problems += _engagement_problems(e, skills, measure)
            engagements.append(e)
            if (found := linked_id(e)) in windows:
                users[found].append(e)
            else:  # its own design (or a library one deleted meanwhile: it shows its own)
                label = f"{c.name} › {e.name}"
                problems += _window_problems(
                    e.get_window_design(), "engagement", e.id, label, "window_design."
                )
    for item_id, item in windows.items():
        users_of = sorted(users[item_id], key=lambda e: (e.campaign.name, e.name))
        problems += _library_window_problems(item, users_of)
    for ep in session.scalars(select(EntryPoint)):
        problems += _entry_point_problems(ep)
    for a in session.scalars(select(TargetAudience)):
        problems += _library_problems("audience", a, AUDIENCE_CONDITIONS)
    for b in session.scalars(select(Behavior)):
        problems += _library_problems("behavior", b, BEHAVIOR_CONDITIONS)
    problems += _zone_problems(engagements)
    return sorted(problems, key=lambda p: (p.severity != ERROR, p.where.label))


def campaign_problems(
    session: Session,
    campaign: Campaign,
    problems: list[Problem] | None = None,
    measure: TextMeasure | None = None,
) -> list[Problem]:
    """The problems that concern one campaign and what it uses.

    problems: the store's problems from `validate`, when already known (several
    campaigns checked at once validate the store once).
    """
    ids = {e.id for e in campaign.engagements}
    windows = {linked_id(e) for e in campaign.engagements}
    eps = {e.entry_point_id for e in campaign.engagements}
    behaviors = {e.behavior_id for e in campaign.engagements}
    return [
        p
        for p in (validate(session, measure) if problems is None else problems)
        if (p.where.entity == "campaign" and p.where.id == campaign.id)
        or (p.where.entity == "engagement" and p.where.id in ids)
        or (p.where.entity == "entry_point" and p.where.id in eps)
        or (p.where.entity == "behavior" and p.where.id in behaviors)
        or (p.where.entity == "audience" and p.where.id == campaign.audience_id)
        or (p.where.entity == "window" and p.where.id in windows)
    ]
