"""The sample content a new store starts with, so the window is never empty."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from designer.models import clock
from designer.models.account import AccountSettings, Skill, WorkingShift, account_row
from designer.models.campaign import Campaign
from designer.models.design import WindowDesign
from designer.models.engagement import Engagement
from designer.models.errors import StoreError
from designer.models.gallery import template
from designer.models.libraries import Behavior, EntryPoint, TargetAudience
from designer.models.settings import default_messages
from designer.models.vocabulary import CampaignStatus, HoursMode, Routing, Zone

SAMPLE_ZONE = "Europe/London"
RUNS_FROM_DAYS_BEFORE = 7  # the sample campaign runs from a week before the day it is made
RUNS_UNTIL_DAYS_AFTER = 60  # to two months after, so a sample made on any day shows

# The sample's automatic messages: a new engagement's.
AUTOMATIC_MESSAGES = default_messages()


def _engagement(campaign: Campaign, name: str, key: str, **fields) -> Engagement:
    t = template(key)
    e = Engagement(
        name=name,
        template=key,
        kind=t.kind.value,
        automatic_messages=AUTOMATIC_MESSAGES,
        window_design=WindowDesign().to_dict(),
        **fields,
    )
    e.set_format(t.format, Zone(fields.get("zone", "right")) if "zone" in fields else None)
    e.set_state_designs(t.state_designs())
    e.position = len(campaign.engagements)
    campaign.engagements.append(e)
    return e


def sample_time_frame(today: date) -> tuple[datetime, datetime, date]:
    """The sample campaign's start, end (local, no zone) and its closed day: the next Christmas."""
    starts = datetime.combine(today - timedelta(days=RUNS_FROM_DAYS_BEFORE), time(0, 0))
    ends = datetime.combine(today + timedelta(days=RUNS_UNTIL_DAYS_AFTER), time(23, 59))
    christmas = date(starts.year, 12, 25)
    return starts, ends, christmas if christmas >= starts.date() else date(starts.year + 1, 12, 25)


def seed_sample(s: Session) -> None:
    """The sample campaigns, dated from the day they are made (on the app's clock)."""
    starts_at, ends_at, christmas = sample_time_frame(clock.now(ZoneInfo(SAMPLE_ZONE)).date())
    sales, support = _account_and_skills(s)
    places = _entry_points(s)
    everyone, returning = _audiences(s)
    behaviors = _behaviors(s)
    sale = Campaign(
        name="Winter sale",
        goal="sell",
        audience=everyone,
        priority="high",
        description="Help shoppers finish their orders during the winter sale.",
        starts_at=starts_at,
        ends_at=ends_at,
        time_zone=SAMPLE_ZONE,
        hours_mode=HoursMode.WEEKLY.value,
        status=CampaignStatus.PUBLISHED.value,
        shifts=[{"weekday": d, "start": 8 * 60, "end": 22 * 60} for d in range(7)],
        special_occasions=[
            {
                "name": "Christmas Day",
                "date": christmas.isoformat(),
                "closed": True,
                "start": 0,
                "end": 0,
            }
        ],
    )
    s.add(sale)
    _winter_sale_engagements(sale, places, behaviors, sales)
    service = Campaign(
        name="Customer care",
        goal="service_activity",
        audience=returning,
        priority="medium",
        description="Let returning customers reach support from the help centre.",
        time_zone=SAMPLE_ZONE,
        hours_mode=HoursMode.ALL_HOURS.value,
        status=CampaignStatus.DRAFT.value,
    )
    s.add(service)
    _engagement(
        service,
        "Help centre button",
        "service-embedded",
        entry_point=places["Help centre"],
        element_id="help-chat",
        routing=Routing.SPECIFIC_SKILL.value,
        skill=support,
        window_opens_as="separate_window",
    )


def _account_and_skills(s: Session) -> tuple[Skill, Skill]:
    """The sample brand's account, and its Sales and Support skills with their working hours."""
    account = account_row(s) or AccountSettings()
    account.account_name = "Northwind Outfitters"
    account.time_zone = SAMPLE_ZONE
    account.currency = "GBP"
    s.add(account)
    sales, support = Skill(name="Sales"), Skill(name="Support")
    s.add_all([sales, support])
    for skill in (sales, support):
        for day in range(5):
            s.add(
                WorkingShift(skill=skill, weekday=day, start_minute=9 * 60, end_minute=17 * 60 + 30)
            )
    s.add(WorkingShift(skill=sales, weekday=5, start_minute=10 * 60, end_minute=16 * 60))
    return sales, support


def _entry_points(s: Session) -> dict[str, EntryPoint]:
    """The sample site's sections, by name: one for each kind of URL rule."""
    found = [
        EntryPoint(
            name="Whole site", rules=[{"match": "wildcard", "value": "*", "exclude": False}]
        ),
        EntryPoint(
            name="Checkout",
            rules=[
                {"match": "contains", "value": "/checkout", "exclude": False},
                {"match": "contains", "value": "/checkout/done", "exclude": True},
            ],
        ),
        EntryPoint(name="Cart", rules=[{"match": "contains", "value": "/cart", "exclude": False}]),
        EntryPoint(
            name="Product pages",
            rules=[{"match": "starts_with", "value": "/product/", "exclude": False}],
        ),
        EntryPoint(
            name="Help centre",
            rules=[{"match": "regex", "value": r"^/help(/[a-z0-9-]+)*/?$", "exclude": False}],
        ),
    ]
    s.add_all(found)
    return {p.name: p for p in found}


def _audiences(s: Session) -> tuple[TargetAudience, TargetAudience]:
    """Everyone, and returning shoppers."""
    everyone = TargetAudience(name="Everyone", conditions=[])
    returning = TargetAudience(
        name="Returning shoppers", conditions=[{"type": "visitor_type", "visitor": "returning"}]
    )
    s.add_all([everyone, returning])
    return everyone, returning


def _behaviors(s: Session) -> dict[str, Behavior]:
    """The sample's behavioral rules, by name."""
    found = [
        Behavior(
            name="Lingering at checkout",
            conditions=[{"type": "time_on_entry_point", "seconds": 30}],
        ),
        Behavior(
            name="Leaving with a full cart",
            conditions=[
                {"type": "exit_intent"},
                {"type": "cart_value", "minimum": 50.0, "maximum": 1e9, "decreased": False},
            ],
        ),
        Behavior(
            name="Browsing several products",
            conditions=[
                {"type": "pages_viewed", "count": 3},
                {"type": "scroll_depth", "percent": 50},
            ],
        ),
    ]
    s.add_all(found)
    return {b.name: b for b in found}


def _winter_sale_engagements(
    sale: Campaign, places: dict[str, EntryPoint], behaviors: dict[str, Behavior], sales: Skill
) -> None:
    """One engagement of each side and proactive format, and an embedded banner."""
    _engagement(
        sale,
        "Message us button",
        "sales-sticky",
        zone="right",
        entry_point=places["Whole site"],
        routing=Routing.SPECIFIC_SKILL.value,
        skill=sales,
    )
    _engagement(
        sale,
        "Checkout rescue",
        "checkout-overlay",
        entry_point=places["Checkout"],
        behavior=behaviors["Lingering at checkout"],
        routing=Routing.SPECIFIC_SKILL.value,
        skill=sales,
    )
    _engagement(
        sale,
        "Cart toaster",
        "checkout-toaster",
        entry_point=places["Cart"],
        behavior=behaviors["Leaving with a full cart"],
    )
    _engagement(
        sale,
        "Product expert",
        "sales-slide-out",
        zone="left",
        entry_point=places["Product pages"],
        behavior=behaviors["Browsing several products"],
    )
    _engagement(
        sale,
        "Free delivery banner",
        "promo-banner",
        entry_point=places["Whole site"],
        element_id="promo-slot",
        content_url="https://example.com/delivery",
    )


# What the sample adds (children first, the order they are removed in) and changes.
SAMPLE_ROWS = (Engagement, Campaign, WorkingShift, Skill, EntryPoint, Behavior, TargetAudience)
SAMPLE_ACCOUNT_FIELDS = ("account_name", "time_zone", "currency")


@dataclass
class SampleAdded:
    """What add_sample put in a store: the new rows' ids, and the account's values before."""

    rows: dict[type, set[int]] = field(default_factory=dict)
    account: dict[str, Any] = field(default_factory=dict)


def add_sample(s: Session) -> SampleAdded:
    """The sample campaigns and libraries in an empty store (a StoreError when it has some)."""
    if s.scalar(select(Campaign.id).limit(1)) is not None:
        raise StoreError("The store has campaigns now; the sample is for an empty store.")
    before = {m: set(s.scalars(select(m.id))) for m in SAMPLE_ROWS}
    account = account_row(s)
    kept = {k: getattr(account, k) for k in SAMPLE_ACCOUNT_FIELDS} if account else {}
    seed_sample(s)
    s.flush()
    added = {m: set(s.scalars(select(m.id))) - before[m] for m in SAMPLE_ROWS}
    return SampleAdded(added, kept)


def remove_sample(s: Session, added: SampleAdded) -> None:
    """Take back what add_sample added, and the account's values it changed."""
    for model in SAMPLE_ROWS:
        if added.rows.get(model):
            s.execute(delete(model).where(model.id.in_(added.rows[model])))
    account = account_row(s)
    for key, value in added.account.items():
        setattr(account, key, value)
