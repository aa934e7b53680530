"""The sample a new store starts with: realistic, across every zone, and valid."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from designer.models import Behavior, Campaign, Engagement, EntryPoint, Skill, TargetAudience, clock
from designer.models.store import Store
from designer.models.validation import ERROR, validate
from designer.models.vocabulary import AgentState


def test_sample_account(store: Store) -> None:
    with store.read() as s:
        account = store.account(s)
        assert (account.account_name, account.time_zone, account.currency) == (
            "Northwind Outfitters",
            "Europe/London",
            "GBP",
        )
        # The sample keeps the reference's defaults where it says nothing.
        assert (account.idle_time_days, account.attribution_model) == (30, "last")
        assert account.control_group_percent == 5
        assert account.conversation_displays_per_visit is None
        assert account.content_invite_after_decline is True
        assert account.conversation_invite_after_decline is False


def test_sample_skills_work_weekdays_and_sales_saturdays(store: Store) -> None:
    with store.read() as s:
        skills = {k.name: k for k in s.scalars(select(Skill))}
        assert set(skills) == {"Sales", "Support"}
        assert [x.weekday for x in skills["Support"].shifts] == [0, 1, 2, 3, 4]
        assert [x.weekday for x in skills["Sales"].shifts] == [0, 1, 2, 3, 4, 5]
        monday = skills["Sales"].shifts[0]
        assert (monday.start_minute, monday.end_minute) == (9 * 60, 17 * 60 + 30)


def test_sample_campaigns(store: Store) -> None:
    with store.read() as s:
        sale, care = (
            s.scalars(select(Campaign).filter_by(name=n)).one()
            for n in ("Winter sale", "Customer care")
        )
        assert (sale.goal, sale.priority, sale.status, sale.hours_mode) == (
            "sell",
            "high",
            "published",
            "weekly",
        )
        assert sale.control_group_percent == 10
        assert sale.audience.name == "Everyone"
        assert len(sale.shifts) == 7
        assert sale.special_occasions[0]["name"] == "Christmas Day"
        assert (care.goal, care.priority, care.status) == ("service_activity", "medium", "draft")
        assert care.audience.name == "Returning shoppers"


def test_sample_engagements_cover_every_zone(store: Store) -> None:
    with store.read() as s:
        engagements = s.scalars(select(Engagement).order_by(Engagement.id)).all()
        zones = {e.name: e.zone_key for e in engagements}
        assert zones == {
            "Message us button": "right",
            "Checkout rescue": "proactive",
            "Cart toaster": "proactive",
            "Product expert": "left",
            "Free delivery banner": "embedded:promo-slot",
            "Help centre button": "embedded:help-chat",
        }
        kinds = {e.name: e.kind for e in engagements}
        assert kinds["Free delivery banner"] == "content"
        assert {k for n, k in kinds.items() if n != "Free delivery banner"} == {"conversation"}
        rescue = next(e for e in engagements if e.name == "Checkout rescue")
        assert (rescue.routing, rescue.skill.name) == ("specific_skill", "Sales")
        assert rescue.behavior.name == "Lingering at checkout"
        assert rescue.automatic_messages["en"]["greeting"]["enabled"] is True
        help_button = next(e for e in engagements if e.name == "Help centre button")
        assert help_button.window_opens_as == "separate_window"
        for e in engagements:
            designs = e.state_designs()
            assert designs.for_state(AgentState.ONLINE).elements
            offline = designs.for_state(AgentState.OFFLINE)
            if e.kind == "conversation":  # agents away: the visitor can still leave a message
                assert offline.elements[0].props["text"] == "Leave us a message"
            else:  # an offer needs no agent: the same design in every state
                assert offline is designs.online
            assert e.get_window_design().props["header_text"] == "Chat with us"


def test_sample_libraries(store: Store) -> None:
    with store.read() as s:
        assert set(s.scalars(select(EntryPoint.name))) == {
            "Whole site",
            "Checkout",
            "Cart",
            "Product pages",
            "Help centre",
        }
        assert len(s.scalars(select(Behavior)).all()) == 3
        assert len(s.scalars(select(TargetAudience)).all()) == 2


def test_sample_has_no_errors(store: Store) -> None:
    with store.read() as s:
        problems = validate(s)
    assert [p for p in problems if p.severity == ERROR] == []
    assert [str(p) for p in problems] == [
        "warning: Winter sale › Cart toaster: "
        "A toaster is not accessible on mobile web; phones will not show it."
    ]


def test_sample_runs_from_a_week_before_to_two_months_after_the_day_it_is_made(
    store: Store,
) -> None:
    # tests/conftest.py pins the app's clock at Monday 23 November 2026, 10:00 in London.
    with store.read() as s:
        sale = s.scalars(select(Campaign).filter_by(name="Winter sale")).one()
        assert (sale.starts_at, sale.ends_at) == (
            datetime(2026, 11, 16, 0, 0),
            datetime(2027, 1, 22, 23, 59),
        )
        assert sale.special_occasions[0]["date"] == "2026-12-25"


@pytest.mark.parametrize(
    ("made_at", "london_day", "christmas"),
    [
        # 23:30 UTC in June is already the next day in London (BST)
        (datetime(2028, 6, 10, 23, 30, tzinfo=UTC), date(2028, 6, 11), "2028-12-25"),
        (datetime(2031, 1, 3, 3, 0, tzinfo=UTC), date(2031, 1, 3), "2031-12-25"),
        (datetime(2030, 12, 30, 3, 0, tzinfo=UTC), date(2030, 12, 30), "2030-12-25"),
    ],
)
def test_a_sample_made_on_any_day_runs_that_day(
    tmp_path, made_at: datetime, london_day: date, christmas: str
) -> None:
    with clock.pinned(made_at):
        store = Store.open(tmp_path / "sample.sqlite")
    try:
        with store.read() as s:
            sale = s.scalars(select(Campaign).filter_by(name="Winter sale")).one()
            assert sale.starts_at == datetime.combine(london_day - timedelta(days=7), time(0, 0))
            assert sale.ends_at == datetime.combine(london_day + timedelta(days=60), time(23, 59))
            assert sale.special_occasions[0]["date"] == christmas  # the first one it runs into
            with clock.pinned(made_at):
                problems = [str(p) for p in validate(s)]
        assert problems == [
            "warning: Winter sale › Cart toaster: "
            "A toaster is not accessible on mobile web; phones will not show it."
        ]
    finally:
        store.close()
