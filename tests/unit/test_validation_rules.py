"""Validation of campaigns, engagements and libraries: each rule gives its sentence.

Each test breaks one thing in the sample store (which has one known warning)
and looks for the one new problem.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from designer.models import Behavior, Campaign, Engagement, EntryPoint, TargetAudience
from designer.models.gallery import template
from designer.models.store import Store
from designer.models.validation import ERROR, WARNING, Problem, campaign_problems, validate

KNOWN = "warning: Winter sale › Cart toaster: A toaster is not accessible on mobile web; phones will not show it."


def new_problems(store: Store) -> list[Problem]:
    with store.read() as s:
        return [p for p in validate(s) if str(p) != KNOWN]


def one(s, kind, name):  # noqa: ANN001, ANN201
    return s.scalars(select(kind).filter_by(name=name)).one()


def from_template(name: str, key: str, **fields) -> Engagement:
    """A new engagement with a gallery design, so only what the test sets can be wrong."""
    e = Engagement(name=name, **fields)
    e.set_state_designs(template(key).state_designs())
    return e


def test_specific_skill_routing_with_no_skill(store: Store) -> None:
    with store.edit() as s:
        one(s, Engagement, "Checkout rescue").skill_id = None
    [p] = new_problems(store)
    assert (p.severity, p.where.entity, p.where.field) == (ERROR, "engagement", "skill_id")
    assert str(p) == (
        "error: Winter sale › Checkout rescue: "
        "Routing is set to a specific skill, but no skill is chosen; pick one."
    )


def test_all_skills_routing_needs_no_skill(store: Store) -> None:
    with store.edit() as s:
        e = one(s, Engagement, "Checkout rescue")
        e.routing, e.skill_id = "all_skills", None
    assert new_problems(store) == []


def test_embedded_engagement_with_no_element_id(store: Store) -> None:
    with store.edit() as s:
        one(s, Engagement, "Help centre button").element_id = "  "
    [p] = new_problems(store)
    assert (p.severity, p.where.field) == (ERROR, "element_id")
    assert p.message == "An embedded engagement needs the id of the page element it goes into."


def test_time_frame_that_ends_before_it_starts(store: Store) -> None:
    with store.edit() as s:
        sale = one(s, Campaign, "Winter sale")
        sale.starts_at, sale.ends_at = datetime(2027, 2, 1), datetime(2027, 1, 1)
    [p] = new_problems(store)
    assert (p.severity, p.where.entity, p.where.field) == (ERROR, "campaign", "ends_at")
    assert p.message == "The time frame ends before it starts; move the end after the start."


def test_time_frame_whose_hours_fall_outside_start_and_end(store: Store) -> None:
    with store.edit() as s:
        sale = one(s, Campaign, "Winter sale")
        sale.shifts = [{"weekday": 0, "start": 540, "end": 1020}]  # Mondays 9:00 to 17:00
        sale.starts_at = datetime(2026, 11, 24)  # a Tuesday
        sale.ends_at = datetime(2026, 11, 29, 23, 0)  # the Sunday after
    [p] = new_problems(store)
    assert (p.severity, p.where.field) == (ERROR, "shifts")
    assert p.message == (
        "No hour of the time frame falls between its start and end, so the campaign can never show."
    )


def test_time_frame_on_one_evening_outside_the_days_hours(store: Store) -> None:
    with store.edit() as s:
        sale = one(s, Campaign, "Winter sale")
        sale.shifts = [{"weekday": 0, "start": 540, "end": 1020}]
        sale.starts_at, sale.ends_at = datetime(2026, 11, 23, 18), datetime(2026, 11, 23, 22)
    assert [p.where.field for p in new_problems(store)] == ["shifts"]


def test_time_frame_whose_only_day_is_a_closed_occasion(store: Store) -> None:
    with store.edit() as s:
        sale = one(s, Campaign, "Winter sale")
        sale.starts_at, sale.ends_at = datetime(2026, 12, 25, 8), datetime(2026, 12, 25, 20)
    assert [p.where.field for p in new_problems(store)] == ["shifts"]


@pytest.mark.parametrize(
    ("shifts", "message"),
    [
        ([], "The time frame has no hours, so the campaign can never show; add a shift."),
        (
            [{"weekday": 0, "start": 600, "end": 540}],
            "A shift must end after it starts, within one day.",
        ),
        ([{"weekday": 0, "start": 543, "end": 600}], "Shift times go in 5-minute steps."),
        ([{"weekday": 9, "start": 540, "end": 600}], "A shift's day must be Monday to Sunday."),
        ([{"weekday": 0}], "A shift needs a start and an end time."),
    ],
)
def test_broken_weekly_hours(store: Store, shifts: list, message: str) -> None:
    with store.edit() as s:
        one(s, Campaign, "Winter sale").shifts = shifts
    assert [p.message for p in new_problems(store)] == [message]


def test_unknown_time_zone(store: Store) -> None:
    with store.edit() as s:
        one(s, Campaign, "Customer care").time_zone = "Mars/Olympus"
    [p] = new_problems(store)
    assert p.message == "“Mars/Olympus” is not a time zone; pick one like Europe/London."


def test_overlapping_engagements_in_one_zone_at_one_priority(store: Store) -> None:
    with store.edit() as s:
        sale = one(s, Campaign, "Winter sale")
        sale.engagements.append(
            from_template(
                "Second button",
                "sales-sticky",
                zone="right",
                entry_point=one(s, EntryPoint, "Cart"),
            )
        )
    [p] = new_problems(store)
    assert (p.severity, p.where.field) == (WARNING, "zone")
    assert p.message == (
        "“Message us button” and “Second button” share the right zone at high priority on the "
        "same pages, so each visitor sees one of them at random. Change a zone, a priority or "
        "an entry point if that is not what you want."
    )


def test_same_zone_at_different_priorities_or_pages_is_fine(store: Store) -> None:
    with store.edit() as s:
        care = one(s, Campaign, "Customer care")  # medium priority
        care.engagements.append(
            from_template(
                "Care button",
                "service-sticky",
                zone="right",
                entry_point=one(s, EntryPoint, "Cart"),
            )
        )
        sale = one(s, Campaign, "Winter sale")
        sale.engagements.append(
            from_template(
                "Second banner",
                "promo-banner",
                kind="content",
                content_url="https://example.com/gifts",
                format="embedded_banner",
                zone="embedded",
                element_id="other-slot",
                entry_point=one(s, EntryPoint, "Whole site"),
            )
        )
    assert new_problems(store) == []


def test_entry_point_without_rules_and_with_an_empty_rule(store: Store) -> None:
    with store.edit() as s:
        one(s, EntryPoint, "Cart").rules = []
        one(s, EntryPoint, "Product pages").rules = [{"match": "contains", "value": " "}]
    messages = sorted(p.message for p in new_problems(store))
    assert messages == [
        "A URL rule is empty; type the URL or remove the rule.",
        "The entry point has no URL rule, so it matches no page.",
    ]


def test_engagement_without_entry_point(store: Store) -> None:
    with store.edit() as s:
        one(s, Engagement, "Product expert").entry_point_id = None
    [p] = new_problems(store)
    assert p.message == "Choose an entry point: where on the site the engagement shows."


def test_library_conditions_are_checked(store: Store) -> None:
    with store.edit() as s:
        one(s, Behavior, "Browsing several products").conditions = [
            {"type": "scroll_depth", "percent": 150},
            {"type": "telepathy"},
        ]
        one(s, TargetAudience, "Returning shoppers").conditions = [
            {"type": "visitor_type", "visitor": "alien"}
        ]
    messages = sorted(p.message for p in new_problems(store))
    assert messages == [
        "New or returning: Visitor must be one of: new, returning.",
        "Scroll depth: Percent must be at most 100.",
        "“telepathy” is not a condition we know.",
    ]


def test_errors_come_before_warnings(store: Store) -> None:
    with store.edit() as s:
        one(s, Engagement, "Help centre button").element_id = ""
    with store.read() as s:
        severities = [p.severity for p in validate(s)]
    assert severities == sorted(severities, key=lambda sev: sev != ERROR)
    assert severities[0] == ERROR


def test_campaign_problems_only_concern_that_campaign(store: Store) -> None:
    with store.edit() as s:
        one(s, Engagement, "Help centre button").element_id = ""
        one(s, EntryPoint, "Checkout").rules = []
    with store.read() as s:
        care = [p.message for p in campaign_problems(s, one(s, Campaign, "Customer care"))]
        sale = [p.message for p in campaign_problems(s, one(s, Campaign, "Winter sale"))]
    assert care == ["An embedded engagement needs the id of the page element it goes into."]
    assert "The entry point has no URL rule, so it matches no page." in sale
    assert all("embedded engagement" not in m for m in sale)


def test_content_engagement_without_its_link(store: Store) -> None:
    with store.edit() as s:
        one(s, Engagement, "Free delivery banner").content_url = ""
    [p] = new_problems(store)
    assert (p.severity, p.message) == (WARNING, "A content engagement needs the link it opens.")


def test_format_in_a_zone_it_cannot_stand_in(store: Store) -> None:
    with store.edit() as s:
        one(s, Engagement, "Product expert").zone = "proactive"
    [p] = new_problems(store)
    assert (p.where.field, p.message) == ("zone", "A slide out cannot stand in the proactive zone.")


def test_unknown_format(store: Store) -> None:
    with store.edit() as s:
        one(s, Engagement, "Product expert").format = "hologram"
    [p] = new_problems(store)
    assert p.message == "“hologram” is not a format of the gallery; choose one again."


def test_campaign_without_engagements_and_without_a_name(store: Store) -> None:
    with store.edit() as s:
        s.add(Campaign(name=" "))
    messages = sorted(p.message for p in new_problems(store))
    assert messages == ["The campaign has no engagements yet.", "The campaign needs a name."]


def test_account_time_zone(store: Store) -> None:
    with store.edit() as s:
        store.account(s).time_zone = "Europe/Atlantis"
    [p] = new_problems(store)
    assert (p.where.entity, p.message) == ("account", "“Europe/Atlantis” is not a time zone.")
