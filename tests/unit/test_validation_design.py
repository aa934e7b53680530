"""Accessibility and size checks of studio designs: contrast, target size, alt text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.models import Engagement
from designer.models.contrast import contrast_ratio, is_large_text, required_ratio
from designer.models.design import Design, Element, StateDesigns
from designer.models.design_checks import backdrop_color, design_problems, element_problems
from designer.models.formats import EngagementFormat
from designer.models.store import Store
from designer.models.validation import validate


def problems_of(element: Element, background: str = "#ffffff") -> list[tuple[str, str, str]]:
    design = Design(props={**Design().props, "background_color": background}, elements=[element])
    return element_problems(design, element)


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#ffffff", "#767676") == contrast_ratio("#767676", "#ffffff")


def test_large_text_is_24px_or_bold_from_about_18_7px() -> None:
    assert is_large_text(24, bold=False) and is_large_text(19, bold=True)
    assert not is_large_text(23, bold=False) and not is_large_text(18, bold=True)
    assert (required_ratio(16, False), required_ratio(24, False)) == (4.5, 3.0)


def test_text_below_4_5_to_1_is_an_error() -> None:
    grey = Element.new("text1", "text", color="#949494", font_size=16)  # 3.0:1 on white
    [(severity, field, message)] = problems_of(grey)
    assert (severity, field) == ("error", "color")
    assert message == (
        "Text contrast is 3.0:1, below the 4.5:1 that people with low vision need; "
        "darken or lighten the text or background."
    )


def test_just_below_the_line_never_reads_as_on_it() -> None:
    nearly = Element.new("text1", "text", color="#777777")  # 4.48:1 on white
    assert problems_of(nearly)[0][2].startswith("Text contrast is 4.4:1, below the 4.5:1")


def test_large_text_needs_only_3_to_1() -> None:
    large = Element.new("text1", "text", color="#949494", font_size=24)
    assert problems_of(large) == []
    bold = Element.new("text1", "text", color="#949494", font_size=19, bold=True)
    assert problems_of(bold) == []
    paler = Element.new("text1", "text", color="#b0b0b0", font_size=24)  # 2.18:1
    assert [m for _, _, m in problems_of(paler)] == [
        "Text contrast is 2.1:1, below the 3:1 that people with low vision need; "
        "darken or lighten the text or background."
    ]


def test_text_is_measured_against_the_shape_behind_it() -> None:
    card = Element.new("shape1", "shape", x=0, y=0, width=200, height=100, fill="#1a1a1a")
    text = Element.new("text1", "text", x=10, y=10, width=100, height=30, color="#222222")
    design = Design(elements=[card, text])
    assert backdrop_color(design, text) == "#1a1a1a"
    assert [f for _, f, _ in element_problems(design, text)] == ["color"]
    text.props["color"] = "#ffffff"
    assert element_problems(design, text) == []


def test_button_label_contrast_is_against_its_own_fill() -> None:
    button = Element.new("button1", "button", color="#ffffff", fill="#ffdd00", width=100, height=40)
    assert [f for _, f, _ in problems_of(button, background="#000000")] == ["color"]


@pytest.mark.parametrize(("kind", "width", "height"), [("button", 80, 20), ("close", 16, 16)])
def test_clickable_element_under_24_by_24_is_an_error(kind: str, width: int, height: int) -> None:
    element = Element.new(f"{kind}1", kind, width=width, height=height, color="#000000")
    [(severity, field, message)] = [p for p in problems_of(element) if p[1] == "width"]
    assert severity == "error"
    assert message == (
        f"The {kind} is {width}×{height} px; make it at least 24×24 px so it can be tapped."
    )


def test_24_by_24_is_enough_and_text_need_not_be_a_target() -> None:
    close = Element.new("close1", "close", width=24, height=24, color="#000000")
    assert problems_of(close) == []
    small_text = Element.new("text1", "text", width=10, height=10, color="#000000")
    assert problems_of(small_text) == []


def test_image_without_alt_text_is_an_error_unless_decorative() -> None:
    photo = Element.new("image1", "image", src="asset:abc")
    assert problems_of(photo) == [
        ("error", "alt", "The image has no alt text; describe it, or mark it decorative.")
    ]
    photo.props["alt"] = "A smiling support agent"
    assert problems_of(photo) == []
    flourish = Element.new("image2", "image", src="asset:def", decorative=True)
    assert problems_of(flourish) == []


def test_button_needs_a_label_and_a_safe_link() -> None:
    button = Element.new(
        "button1", "button", text=" ", action="open_url", url="javascript:alert(1)"
    )
    assert sorted(f for _, f, _ in problems_of(button)) == ["text", "url"]


def engagement_with(design: Design, fmt: EngagementFormat) -> Engagement:
    e = Engagement(name="x")
    e.set_format(fmt)
    e.set_state_designs(StateDesigns(design))
    return e


def test_mobile_guidelines_for_overlay_and_toaster() -> None:
    text = Element.new("text1", "text", color="#ffffff")
    big = Design(props={**Design().props, "width": 600, "height": 400}, elements=[text])
    overlay = design_problems(
        engagement_with(big, EngagementFormat.OVERLAY), EngagementFormat.OVERLAY
    )
    assert [m for _, _, m in overlay] == [
        "The overlay is 600×400 px; on phones keep it within 440×305 px."
    ]
    toaster = design_problems(
        engagement_with(big, EngagementFormat.TOASTER), EngagementFormat.TOASTER
    )
    assert [m for _, _, m in toaster] == [
        "The toaster is 600 px wide; the mobile guideline is 140 px.",
        "A toaster is not accessible on mobile web; phones will not show it.",
    ]


def test_engagement_needs_an_accessible_name() -> None:
    unnamed = Design(
        props={**Design().props, "label": ""}, elements=[Element.new("t", "text", color="#ffffff")]
    )
    problems = design_problems(engagement_with(unnamed, EngagementFormat.STICKY_BUTTON), None)
    assert problems == [
        ("error", "designs.online.label", "Online design: give the engagement an accessible name.")
    ]


def test_design_problems_reach_the_store_validation(store: Store) -> None:
    with store.edit() as s:
        e = s.scalars(select(Engagement).filter_by(name="Message us button")).one()
        designs = e.state_designs()
        designs.online.element("text1").props["color"] = "#3b6ee0"  # blue on blue
        e.set_state_designs(designs)
    with store.read() as s:
        [p] = [p for p in validate(s) if p.where.field.startswith("designs.")]
    assert p.where.field == "designs.online.text1.color"
    assert p.message.startswith("Online design, text1: Text contrast is 1.")


def test_ratio_text_never_reads_as_the_limit_it_misses() -> None:
    from designer.models.contrast import contrast_ratio, ratio_text

    assert ratio_text(contrast_ratio("#777777", "#ffffff")) == "4.4:1"
    assert ratio_text(21.0) == "21.0:1"
