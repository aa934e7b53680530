"""The sample a new store starts with: realistic, across every zone, and valid."""

from __future__ import annotations

from sqlalchemy import select

from designer.models import Behavior, Campaign, Engagement, EntryPoint, Skill, TargetAudience
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
