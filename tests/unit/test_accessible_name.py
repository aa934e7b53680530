"""The accessible name of an engagement follows what each state's design visibly says."""

from __future__ import annotations

from designer.bundle.manifest import design_to_manifest
from designer.models.design import Design, Element
from designer.models.design_checks import accessible_name
from designer.models.gallery import TEMPLATES, template


def _launcher(label: str, *texts: str) -> Design:
    elements = [
        Element.new(f"text{i}", "text", text=t, reading_order=len(texts) - i)
        for i, t in enumerate(texts)
    ]
    return Design(Design().props | {"label": label}, elements)


def test_a_label_that_says_something_else_gives_way_to_the_visible_text():
    design = _launcher("Message us", "Leave us a message")
    assert accessible_name(design) == "Leave us a message"


def test_a_label_that_contains_the_visible_text_is_kept():
    design = _launcher("Chat with our sales team now", "Chat  with our\nsales team")
    assert accessible_name(design) == "Chat with our sales team now"


def test_a_launcher_says_all_its_text_in_reading_order():
    design = _launcher("Help", "first", "second")  # reading order puts text1 before text0
    assert accessible_name(design) == "second first"


def test_a_banner_with_a_button_is_named_by_its_headline_and_an_image_only_one_by_its_label():
    banner = template("sales-slide-out").state_designs().offline
    banner.props["label"] = "Message us"
    assert accessible_name(banner) == "Leave us a message"
    picture = Design(Design().props | {"label": "Our offer"}, [Element.new("image1", "image")])
    assert accessible_name(picture) == "Our offer"


def test_the_manifest_carries_each_states_name_and_every_template_says_what_it_shows():
    for t in TEMPLATES:
        states = t.state_designs()
        for design in (states.online, states.offline, states.busy):
            if design is None:
                continue
            shipped = design_to_manifest(design, lambda ref, box, where: ref, "")
            assert shipped["props"]["label"] == accessible_name(design)
            assert design.props["label"] == accessible_name(design), t.key  # nothing to fix
