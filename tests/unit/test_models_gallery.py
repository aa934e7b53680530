"""The template gallery: formats by zone, grouped by use case, designs ready to edit."""

from __future__ import annotations

from importlib import resources

import pytest

from designer.models import Engagement
from designer.models.design_checks import design_problems
from designer.models.formats import FORMAT_SIZES, FORMAT_ZONES, EngagementFormat
from designer.models.gallery import TEMPLATES, by_use_case, read_templates, template
from designer.models.vocabulary import (
    AgentState,
    EngagementKind,
    Zone,
)


def test_formats_by_zone() -> None:
    assert FORMAT_ZONES == {
        EngagementFormat.STICKY_BUTTON: (Zone.RIGHT, Zone.LEFT),
        EngagementFormat.SLIDE_OUT: (Zone.RIGHT, Zone.LEFT),
        EngagementFormat.OVERLAY: (Zone.PROACTIVE,),
        EngagementFormat.TOASTER: (Zone.PROACTIVE,),
        EngagementFormat.PEELING_CORNER: (Zone.PROACTIVE,),
        EngagementFormat.EMBEDDED_BUTTON: (Zone.EMBEDDED,),
        EngagementFormat.EMBEDDED_BANNER: (Zone.EMBEDDED,),
    }


def test_mobile_size_guidelines_are_the_default_sizes() -> None:
    assert FORMAT_SIZES[EngagementFormat.OVERLAY] == (440, 305)
    assert FORMAT_SIZES[EngagementFormat.TOASTER][0] == 140


def test_templates_are_grouped_by_use_case_and_cover_every_format() -> None:
    groups = by_use_case()
    assert list(groups) == ["Sales help", "Checkout rescue", "Service", "Promotions"]
    assert sum(len(g) for g in groups.values()) == len(TEMPLATES)
    assert {t.format for t in TEMPLATES} == set(EngagementFormat)
    assert len({t.key for t in TEMPLATES}) == len(TEMPLATES)


def test_unknown_template_key() -> None:
    with pytest.raises(KeyError):
        template("no-such-template")


@pytest.mark.parametrize("key", [t.key for t in TEMPLATES])
def test_every_template_design_is_ready_to_use(key: str) -> None:
    t = template(key)
    e = Engagement(name=t.name, kind=t.kind.value, element_id="slot")
    e.set_format(t.format)
    e.set_state_designs(t.state_designs())
    designs = e.state_designs()
    assert (designs.online.props["width"], designs.online.props["height"]) == FORMAT_SIZES[t.format]
    assert designs.online.props["label"] == t.headline
    assert designs.for_state(AgentState.OFFLINE) is not None  # offline shows its own design
    errors = [p for p in design_problems(e, t.format) if p[0] == "error"]
    assert errors == []
    buttons = [el for el in designs.online.elements if el.kind == "button"]
    for button in buttons:
        expected = "open_url" if t.kind is EngagementKind.CONTENT else "start_conversation"
        assert button.props["action"] == expected


def test_templates_are_read_in_file_order_and_a_damaged_file_is_left_out(tmp_path, caplog):
    folder = resources.files("designer.resources").joinpath("gallery")
    for f in folder.iterdir():
        if f.name.endswith(".json"):
            (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "05-broken.json").write_text('{"name": "Half a templ')
    (tmp_path / "06-unknown-format.json").write_text(
        (tmp_path / "10-sales-sticky.json").read_text().replace("sticky_button", "banana")
    )
    (tmp_path / "90-promo-copy.json").write_bytes((tmp_path / "80-promo-peel.json").read_bytes())
    read = read_templates(tmp_path)
    assert [t.key for t in read] == [t.key for t in TEMPLATES] + ["promo-copy"]
    assert "05-broken.json is damaged" in caplog.text
    assert "06-unknown-format.json is damaged" in caplog.text
