"""Campaigns: defaults, priorities, control group, publish history, what a delete takes."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from designer.models import Campaign, CampaignVersion, Engagement
from designer.models.errors import StoreError
from designer.models.store import Store
from designer.models.vocabulary import PRIORITY_WEIGHT, BusinessGoal, CampaignStatus, Priority


def test_new_campaign_has_the_reference_defaults(empty_store: Store) -> None:
    with empty_store.edit() as s:
        s.add(Campaign(name="Spring sale"))
    with empty_store.read() as s:
        c = s.scalars(select(Campaign)).one()
        assert c.control_group_percent == 10
        assert c.priority == Priority.MEDIUM
        assert c.status == CampaignStatus.DRAFT
        assert c.goal == BusinessGoal.SELL
        assert c.goal_once_per_visit is False
        assert (c.hours_mode, c.time_zone) == ("all_hours", "UTC")
        assert (c.starts_at, c.ends_at) == (None, None)
        assert (c.shifts, c.special_occasions, c.engagements, c.versions) == ([], [], [], [])
        assert c.audience is None
        assert c.created_at is not None and c.updated_at is not None
        assert repr(c) == "Campaign('Spring sale', draft)"


def test_priorities_weigh_70_20_10() -> None:
    assert PRIORITY_WEIGHT == {Priority.HIGH: 70, Priority.MEDIUM: 20, Priority.LOW: 10}


def test_business_goals_of_the_reference() -> None:
    assert [g.value for g in BusinessGoal] == [
        "sell",
        "leads",
        "service_activity",
        "page_views",
        "other",
    ]


def test_control_group_above_25_percent_is_refused(empty_store: Store) -> None:
    with pytest.raises(StoreError, match="between 0% and 25%"), empty_store.edit() as s:
        s.add(Campaign(name="Too careful", control_group_percent=30))
    with empty_store.read() as s:
        assert s.scalar(select(func.count()).select_from(Campaign)) == 0


def test_campaign_names_are_unique(empty_store: Store) -> None:
    with empty_store.edit() as s:
        s.add(Campaign(name="Spring sale"))
    with pytest.raises(StoreError) as caught, empty_store.edit() as s:
        s.add(Campaign(name="Spring sale"))
    assert str(caught.value) == (
        "Another campaign already has that name; choose a different one. Nothing was changed."
    )


def test_engagements_keep_their_order_and_go_with_their_campaign(store: Store) -> None:
    with store.read() as s:
        sale = s.scalars(select(Campaign).filter_by(name="Winter sale")).one()
        assert [e.name for e in sale.engagements] == [
            "Message us button",
            "Checkout rescue",
            "Cart toaster",
            "Product expert",
            "Free delivery banner",
        ]
    with store.edit() as s:
        s.delete(s.scalars(select(Campaign).filter_by(name="Winter sale")).one())
    with store.read() as s:
        assert [e.name for e in s.scalars(select(Engagement))] == ["Help centre button"]


def test_each_publish_records_a_numbered_version(store: Store) -> None:
    with store.edit() as s:
        sale = s.scalars(select(Campaign).filter_by(name="Winter sale")).one()
        for n in (2, 1):
            sale.versions.append(CampaignVersion(number=n, note=f"publish {n}", snapshot={"n": n}))
    with store.read() as s:
        sale = s.scalars(select(Campaign).filter_by(name="Winter sale")).one()
        assert [(v.number, v.note, v.snapshot) for v in sale.versions] == [
            (1, "publish 1", {"n": 1}),
            (2, "publish 2", {"n": 2}),
        ]
        assert all(v.published_at is not None for v in sale.versions)
