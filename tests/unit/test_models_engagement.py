"""Engagements: defaults, formats and zones, the six stages, designs per agent state."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.models import WIZARD_STAGES, Campaign, Engagement
from designer.models.design import Design, Element, StateDesigns
from designer.models.formats import FORMAT_ZONES, EngagementFormat
from designer.models.store import Store
from designer.models.vocabulary import (
    AgentState,
    StateDisplay,
    Zone,
)


def test_new_engagement_has_the_reference_defaults(empty_store: Store) -> None:
    with empty_store.edit() as s:
        s.add(Campaign(name="Spring sale", engagements=[Engagement(name="Button")]))
    with empty_store.read() as s:
        e = s.scalars(select(Engagement)).one()
        assert e.source == "web"
        assert (e.format, e.zone, e.kind) == ("sticky_button", "right", "conversation")
        assert e.conversation_type == "messaging"
        assert e.authenticated is False
        assert e.routing == "all_skills" and e.skill is None
        assert e.window_opens_as == "embedded"
        assert e.language == "en"
        assert (e.automatic_messages, e.predefined_content) == ({}, [])
        assert e.enabled is True
        assert e.entry_point is None and e.behavior is None
        assert e.wizard_stage == "done"
        assert repr(e) == "Engagement('Button', sticky_button/right)"


def test_the_six_stages_then_the_summary() -> None:
    assert WIZARD_STAGES == (
        "gallery",
        "settings",
        "studio",
        "window",
        "entry_point",
        "behavior",
        "summary",
    )


@pytest.mark.parametrize(
    ("fmt", "asked", "zone"),
    [
        (EngagementFormat.STICKY_BUTTON, Zone.LEFT, "left"),
        (EngagementFormat.SLIDE_OUT, None, "right"),
        (EngagementFormat.OVERLAY, Zone.LEFT, "proactive"),  # proactive formats have one zone
        (EngagementFormat.TOASTER, None, "proactive"),
        (EngagementFormat.PEELING_CORNER, Zone.RIGHT, "proactive"),
        (EngagementFormat.EMBEDDED_BUTTON, None, "embedded"),
        (EngagementFormat.EMBEDDED_BANNER, Zone.PROACTIVE, "embedded"),
    ],
)
def test_set_format_puts_the_engagement_in_a_zone_the_format_allows(
    fmt: EngagementFormat, asked: Zone | None, zone: str
) -> None:
    e = Engagement(name="x")
    e.set_format(fmt, asked)
    assert (e.format, e.zone) == (fmt.value, zone)
    assert Zone(e.zone) in FORMAT_ZONES[fmt]


def test_zone_key_tells_embedded_slots_apart() -> None:
    a = Engagement(name="a", zone="embedded", element_id="promo-slot")
    b = Engagement(name="b", zone="embedded", element_id="help-chat")
    side = Engagement(name="c", zone="left")
    assert (a.zone_key, b.zone_key, side.zone_key) == (
        "embedded:promo-slot",
        "embedded:help-chat",
        "left",
    )


def test_designs_round_trip_through_the_store(empty_store: Store) -> None:
    online = Design(elements=[Element.new("text1", "text", text="Hello", bold=True)])
    busy = Design(elements=[Element.new("text1", "text", text="All agents are busy")])
    with empty_store.edit() as s:
        e = Engagement(name="Button")
        e.set_state_designs(StateDesigns(online, busy=busy, busy_display=StateDisplay.SHOW_DESIGN))
        s.add(Campaign(name="Spring sale", engagements=[e]))
    with empty_store.read() as s:
        designs = s.scalars(select(Engagement)).one().state_designs()
    assert designs.online.element("text1").props["text"] == "Hello"
    assert designs.for_state(AgentState.BUSY).element("text1").props["text"] == (
        "All agents are busy"
    )
    assert designs.for_state(AgentState.OFFLINE) is None  # hidden offline by default


def test_for_state_online_offline_busy() -> None:
    online, offline = Design(), Design(props={**Design().props, "label": "Leave a message"})
    designs = StateDesigns(online, offline=offline, offline_display=StateDisplay.SHOW_DESIGN)
    assert designs.for_state(AgentState.ONLINE) is online
    assert designs.for_state(AgentState.OFFLINE) is offline
    assert designs.for_state(AgentState.BUSY) is online  # shown, with no design of its own
    designs.busy_display = StateDisplay.HIDE
    assert designs.for_state(AgentState.BUSY) is None
    designs.offline_display = StateDisplay.HIDE
    assert designs.for_state(AgentState.OFFLINE) is None


def test_unreadable_design_values_fall_back_to_their_declared_defaults() -> None:
    raw = {
        "online": {
            "props": {"width": "wide", "background_color": "blue", "height": 300},
            "elements": [{"id": "x", "kind": "hologram", "props": {"font_size": 500}}],
        },
        "offline_display": "sparkle",
    }
    designs = StateDesigns.from_dict(raw)
    assert designs.online.props["width"] == 160
    assert designs.online.props["background_color"] == "#1a56db"
    assert designs.online.props["height"] == 300
    element = designs.online.elements[0]
    assert (element.kind, element.props["font_size"]) == ("text", 16)
    assert designs.offline_display is StateDisplay.HIDE


def test_element_ids_and_copies() -> None:
    design = Design(elements=[Element.new("text1", "text"), Element.new("text2", "text")])
    assert design.next_id("text") == "text3"
    assert design.next_id("image") == "image1"
    copy = design.copy()
    copy.elements[0].props["text"] = "Changed"
    assert design.elements[0].props["text"] == "Message us"
    with pytest.raises(ValueError, match="hologram"):
        Element.new("h1", "hologram")
